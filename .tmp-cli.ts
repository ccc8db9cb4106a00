import { Command } from 'commander';
import { register as t } from './src/cli/commands/topic.ts';
import { register as v } from './src/cli/commands/variant.ts';
const program = new Command('yuqing'); t(program); v(program);
await program.parseAsync(process.argv);
