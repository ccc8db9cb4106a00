#!/usr/bin/env node
// CLI entry: registers tsx's TypeScript loader, then runs src/cli/main.ts (no build step).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
