// `yuqing variant add|list|delete`: the variant dictionary (网言网语) that widens topic terms.
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { YqError } from '../../errors.ts';
import { parsePayload, variantCreateSchema } from '../../topics/schemas.ts';
import { VARIANT_KINDS } from '../../topics/seed-variants.ts';
import { addVariant, deleteVariant, listVariants } from '../../topics/variants.ts';

/** Register the variant subcommand group. */
export function register(program: Command): void {
  const variant = program.command('variant').description('manage the variant dictionary (网言网语): spellings a topic term also matches');

  variant
    .command('add')
    .description('add a spelling of a term, e.g. --term 政府 --variant zf --kind pinyin')
    .requiredOption('--term <term>', 'the word written in topic expressions')
    .requiredOption('--variant <spelling>', 'the spelling seen online')
    .option('--kind <kind>', VARIANT_KINDS.join('|'), 'other')
    .action(async (o: { term: string; variant: string; kind: string }) => {
      await withContext(async (ctx) => {
        const v = await addVariant(ctx, parsePayload(variantCreateSchema, o));
        process.stdout.write(`${JSON.stringify(v)}\n`);
      });
    });

  variant
    .command('list')
    .description('list variants (id, term, variant, kind; --json for JSON)')
    .option('--term <term>', 'only this term')
    .option('--json', 'print JSON')
    .action(async (o: { term?: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        const rows = await listVariants(ctx, o.term);
        if (o.json) return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        for (const v of rows) process.stdout.write(`${v.id}\t${v.term}\t${v.variant}\t${v.kind}\n`);
      });
    });

  variant
    .command('delete <id>')
    .description('delete a variant entry by id')
    .action(async (id: string) => {
      await withContext(async (ctx) => {
        const n = Number(id);
        if (!Number.isInteger(n) || n <= 0) throw new YqError('YQ_ERR_VALIDATION', `id must be a positive integer, got ${JSON.stringify(id)}`);
        await deleteVariant(ctx, n);
        process.stderr.write(`deleted variant ${n}\n`);
      });
    });
}
