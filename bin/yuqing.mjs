#!/usr/bin/env node
// CLI entry: registers the TypeScript loader, then runs src/cli/main.ts.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('tsx/esm', pathToFileURL('./'));
await import(new URL('../src/cli/main.ts', import.meta.url).href);
