// `yuqing demo`: load the built-in demo scenario (fictional 安澜县 with a small incident).
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { loadDemo } from '../../demo/load-demo.ts';

/** Register the demo subcommand. */
export function register(program: Command): void {
  program
    .command('demo')
    .description('load the demo scenario: a fictional county, its sources, topics and four days of posts')
    .action(async () => {
      await withContext(async (ctx) => {
        const r = await loadDemo(ctx);
        process.stdout.write(
          `demo loaded into ${ctx.config.dataDir}: ${r.sources} sources, ${r.topics} topics, ` +
            `${r.items.added} items added (${r.items.duplicates} already there, ${r.items.rejected} rejected)\n` +
            'try: npx yuqing search 拆迁 --json\n',
        );
      });
    });
}
