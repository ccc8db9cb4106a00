// `yuqing event list|show|merge|split`: events (clustered stories) from the shell; JSON on stdout.
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { eventDetail, listEvents, mergeEvent, splitEvent } from '../../events/api/service.ts';
import { eventIdParamSchema, eventListQuerySchema, eventMergeSchema, eventSplitSchema, parseEventPayload } from '../../events/api/schemas.ts';

const print = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
const ACTOR = 'cli';

interface ListOptions {
  stage?: string;
  from?: string;
  to?: string;
  q?: string;
  order?: string;
  minItems?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
}

/** Register the event subcommands. */
export function register(program: Command): void {
  const event = program.command('event').description('events: clustered stories with heat, lifecycle stage and forecast');

  event
    .command('list')
    .description('list events (id, stage, heat, items, title; --json for JSON)')
    .option('--stage <stage>', 'emerging | growing | peak | declining | dormant')
    .option('--from <time>', 'active at or after (ISO 8601 or epoch ms)')
    .option('--to <time>', 'active at or before (ISO 8601 or epoch ms)')
    .option('--q <text>', 'words in the title')
    .option('--order <order>', 'heat | recency', 'heat')
    .option('--min-items <n>', 'only events with at least n items')
    .option('--limit <n>', 'page size (max 200)')
    .option('--offset <n>', 'skip this many')
    .option('--json', 'print JSON')
    .action(async (o: ListOptions) => {
      await withContext(async (ctx) => {
        const q = parseEventPayload(eventListQuerySchema, {
          stage: o.stage, from: o.from, to: o.to, q: o.q, order: o.order, min_items: o.minItems, limit: o.limit, offset: o.offset,
        });
        const r = await listEvents(ctx, q);
        if (o.json) return print(r);
        for (const e of r.events) process.stdout.write(`${e.id}\t${e.stage_zh}\t${e.heat}\t${e.item_count}\t${e.title}\n`);
        process.stderr.write(`${r.events.length} of ${r.total} events\n`);
      });
    });

  event
    .command('show <id>')
    .description('one event with sources, sentiment mix, regions, hourly series and 24-hour forecast (JSON)')
    .action(async (id: string) => {
      await withContext(async (ctx) => print(await eventDetail(ctx, parseEventPayload(eventIdParamSchema, { id }).id)));
    });

  event
    .command('merge <id>')
    .description('merge event <id> into another; later items of both go to the surviving event')
    .requiredOption('--into <id>', 'the event to merge into')
    .action(async (id: string, o: { into: string }) => {
      await withContext(async (ctx) => {
        const from = parseEventPayload(eventIdParamSchema, { id }).id;
        const { into } = parseEventPayload(eventMergeSchema, { into: o.into });
        print(await mergeEvent(ctx, from, into, ACTOR));
      });
    });

  event
    .command('split <id>')
    .description('split items off event <id> into a new event, e.g. --items 12,15,19')
    .requiredOption('--items <ids>', 'comma-separated item ids')
    .action(async (id: string, o: { items: string }) => {
      await withContext(async (ctx) => {
        const from = parseEventPayload(eventIdParamSchema, { id }).id;
        const ids = o.items.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
        const { item_ids } = parseEventPayload(eventSplitSchema, { item_ids: ids });
        print(await splitEvent(ctx, from, item_ids, ACTOR));
      });
    });
}
