// The `yuqing` CLI: one file per subcommand in commands/, each exporting register(program).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';

const COMMANDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

type CommandModule = { register?: (program: Command) => void };

const program = new Command('yuqing')
  .description('Yuqing (舆情): online public-opinion monitoring and response')
  .showHelpAfterError();

for (const f of fs.readdirSync(COMMANDS_DIR).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort()) {
  const mod = (await import(pathToFileURL(path.join(COMMANDS_DIR, f)).href)) as CommandModule;
  if (typeof mod.register !== 'function') throw new Error(`command module ${f} has no register()`);
  mod.register(program);
}

await program.parseAsync(process.argv);
