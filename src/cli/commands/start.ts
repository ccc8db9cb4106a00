// `yuqing start`: serve the API (and, once collectors exist, run them) until SIGINT/SIGTERM.
import type { Command } from 'commander';
import { createContext, closeContext } from '../../app-context.ts';
import { buildServer } from '../../server/app.ts';
import { startServices } from '../../services.ts';
import { createAnalyzer } from '../../analysis/analyzer.ts';

/** Register the start subcommand. */
export function register(program: Command): void {
  program
    .command('start')
    .description('serve the HTTP API and UI and run the collectors (PORT, YUQING_DATA)')
    .action(async () => {
      const ctx = await createContext();
      const app = await buildServer(ctx);
      // Load the analysis tables and models now (~seconds of CPU), not inside the first collector's fetch,
      // whose deadline would otherwise run out while the CPU is busy.
      createAnalyzer(ctx.config, { onTableError: (err, table) => ctx.log.warn({ err, table }, 'analysis_table_fallback') })
        .analyze({ title: '预热', content: '安澜县召开会议。' });
      const services = await startServices(ctx);
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        ctx.log.info({ signal }, 'shutting_down');
        await services.stop();
        await app.close();
        await closeContext(ctx);
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
      const address = await app.listen({ port: ctx.config.port, host: ctx.config.host });
      ctx.log.info({ address, data_dir: ctx.config.dataDir }, 'listening');
    });
}
