// `yuqing topic add|list|show|edit|delete|test|backfill`: manage topics (监测方案) from the shell.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withContext } from '../with-context.ts';
import { isYqError } from '../../errors.ts';
import { backfillTopic } from '../../topics/backfill.ts';
import { testExpression } from '../../topics/registry.ts';
import { backfillSchema, parsePayload, topicCreateSchema, topicTestSchema, topicUpdateSchema } from '../../topics/schemas.ts';
import { createTopic, deleteTopic, resolveTopic, topicToJson, updateTopic } from '../../topics/service.ts';
import { listTopicRows } from '../../topics/store.ts';
import type { TopicSyntaxDetail } from '../../topics/parse.ts';

const print = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

/** On a syntax error, show the expression with a caret under the position (CJK characters are two columns wide). */
async function showingPosition<T>(expression: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (expression !== undefined && isYqError(err) && err.code === 'YQ_ERR_TOPIC_SYNTAX') {
      const pos = (err.details as TopicSyntaxDetail).position;
      const width = [...expression.slice(0, pos - 1)].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
      process.stderr.write(`  ${expression}\n  ${' '.repeat(width)}^\n`);
    }
    throw err;
  }
}

function addCommands(topic: Command): void {
  topic
    .command('add')
    .description('add a topic, e.g. --name 融水拆迁 --expr "(融水|融水县)+(拆迁|强拆|补偿)-招聘"')
    .requiredOption('--name <name>', 'unique topic name')
    .requiredOption('--expr <expression>', 'topic expression: | or, + and, - and not, ( ), "phrase", "a b"~20 proximity')
    .option('--description <text>', 'what the topic watches')
    .option('--disabled', 'create it disabled')
    .action(async (o: { name: string; expr: string; description?: string; disabled?: boolean }) => {
      await withContext(async (ctx) => {
        const input = parsePayload(topicCreateSchema, { name: o.name, expression: o.expr, description: o.description, enabled: o.disabled ? false : undefined });
        print(await showingPosition(o.expr, () => createTopic(ctx, input)));
      });
    });

  topic
    .command('list')
    .description('list topics (id, enabled, name, expression; --json for JSON)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const topics = (await listTopicRows(ctx.store.db)).map(topicToJson);
        if (o.json) return print(topics);
        for (const t of topics) process.stdout.write(`${t.id}\t${t.enabled ? 'on' : 'off'}\t${t.name}\t${t.expression}\n`);
      });
    });

  topic
    .command('show <topic>')
    .description('show one topic (by id or name) as JSON')
    .action(async (ref: string) => {
      await withContext(async (ctx) => print(topicToJson(await resolveTopic(ctx, ref))));
    });
}

function editCommands(topic: Command): void {
  topic
    .command('edit <topic>')
    .description('change a topic (by id or name); run `topic backfill` to re-match stored items')
    .option('--name <name>', 'new name')
    .option('--expr <expression>', 'new expression')
    .option('--description <text>', 'new description')
    .option('--enable', 'enable matching')
    .option('--disable', 'disable matching')
    .action(async (ref: string, o: { name?: string; expr?: string; description?: string; enable?: boolean; disable?: boolean }) => {
      await withContext(async (ctx) => {
        const enabled = o.enable ? true : o.disable ? false : undefined;
        const patch = parsePayload(topicUpdateSchema, Object.fromEntries(Object.entries({ name: o.name, expression: o.expr, description: o.description, enabled }).filter(([, v]) => v !== undefined)));
        const row = await resolveTopic(ctx, ref);
        print(await showingPosition(o.expr, () => updateTopic(ctx, row.id, patch)));
      });
    });

  topic
    .command('delete <topic>')
    .description('delete a topic (by id or name) and its stored matches')
    .action(async (ref: string) => {
      await withContext(async (ctx) => {
        const row = await resolveTopic(ctx, ref);
        await deleteTopic(ctx, row.id);
        process.stderr.write(`deleted topic ${row.id} ${row.name}\n`);
      });
    });

  topic
    .command('test')
    .description('try an expression on a text (uses the variant dictionary); prints {matched, hits}')
    .requiredOption('--expr <expression>', 'topic expression')
    .requiredOption('--text <text>', 'text to match')
    .action(async (o: { expr: string; text: string }) => {
      await withContext(async (ctx) => {
        const body = parsePayload(topicTestSchema, { expression: o.expr, text: o.text });
        print(await showingPosition(o.expr, () => testExpression(ctx, body.expression, body.text)));
      });
    });

  topic
    .command('backfill <topic>')
    .description('re-match stored items of the last N days against a topic (by id or name)')
    .option('--days <n>', 'how far back, by published time', '30')
    .action(async (ref: string, o: { days: string }) => {
      await withContext(async (ctx) => {
        const { days } = parsePayload(backfillSchema, { days: Number(o.days) });
        const row = await resolveTopic(ctx, ref);
        const bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'backfill [{bar}] {value}/{total} items' }, cliProgress.Presets.shades_classic);
        bar.start(1, 0);
        const r = await backfillTopic(ctx, row.id, { days, onProgress: (done, total) => (bar.setTotal(total), bar.update(done)) });
        bar.stop();
        print(r);
      });
    });
}

/** Register the topic subcommand group. */
export function register(program: Command): void {
  const topic = program.command('topic').description('manage topics (监测方案): boolean word expressions matched on every item');
  addCommands(topic);
  editCommands(topic);
}
