// `yuqing search "QUERY"`: full-text search from the shell; --json prints {"total", "items", "next_cursor"}.
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { parseSearchRequest } from '../../search/request.ts';
import { search, type SearchResponse } from '../../search/search.ts';
import { zonedParts } from '../../util/tz.ts';

interface Options {
  json?: boolean;
  limit?: string;
  from?: string;
  to?: string;
  source?: string;
  platform?: string;
  topic?: string;
  sentiment?: string;
  region?: string;
  risk?: string;
  order?: string;
  cursor?: string;
  collapse?: boolean;
}

/** Terminal columns of a string (CJK and full-width characters take two). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3ffff}]/u.test(ch) ? 2 : 1;
  return w;
}

/** Cut to at most `max` columns. */
function fit(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > max) return `${out.slice(0, -1)}…`;
    out += ch;
  }
  return out;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** Snippet HTML to terminal text: matches in reverse video on a terminal, plain otherwise. */
function plain(html: string, tty: boolean): string {
  const text = html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return (tty ? text.replace(/<em>/g, '\x1b[7m').replace(/<\/em>/g, '\x1b[27m') : text.replace(/<\/?em>/g, '')).replace(/&amp;/g, '&');
}

function printTable(res: SearchResponse, tz: string): void {
  const tty = process.stdout.isTTY === true;
  const out: string[] = [`共 ${res.total} 条 (total ${res.total}), showing ${res.items.length}`];
  for (const it of res.items) {
    const p = zonedParts(Date.parse(it.published_at), tz);
    const two = (n: number) => String(n).padStart(2, '0');
    const when = `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
    const head = [String(it.id).padStart(6), when, pad(it.platform, 13), pad(fit(it.source ?? '-', 12), 12), `转载 ${String(it.similar_count).padStart(3)}`].join('  ');
    out.push(head);
    const title = it.title ? plain(fit(it.highlights.title, 200), tty) : '';
    if (title) out.push(`        ${title}`);
    out.push(`        ${plain(it.highlights.content, tty)}`);
  }
  if (res.next_cursor) out.push(`more: --cursor ${res.next_cursor}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Register the search subcommand. */
export function register(program: Command): void {
  program
    .command('search')
    .description('search items: words, "phrases", AND (space), OR (|), NOT (-word), parentheses')
    .argument('[query]', 'the query, e.g. 拆迁 -招聘 or "城管局" (融水|三江)', '')
    .option('--json', 'print {"total": N, "items": [...]} as JSON')
    .option('--limit <n>', 'items per page (1-200)', '20')
    .option('--from <time>', 'published at or after (ISO 8601; without offset: office time zone)')
    .option('--to <time>', 'published at or before (a date covers the whole day)')
    .option('--source <keys>', 'source keys, comma-separated')
    .option('--platform <names>', 'platforms: news, forum, weibo, wechat, video, message_board, other')
    .option('--topic <ids>', 'topic ids, comma-separated')
    .option('--sentiment <labels>', 'negative, neutral, positive')
    .option('--region <codes>', 'region codes (a code covers the areas under it)')
    .option('--risk <categories>', 'risk categories')
    .option('--order <order>', 'newest or relevance', 'newest')
    .option('--cursor <cursor>', 'continue after a previous page (next_cursor)')
    .option('--collapse', 'one row per similar-group (its first item, with the number of similar items)')
    .action(async (query: string, o: Options) => {
      await withContext(async (ctx) => {
        const { json, collapse, ...rest } = o;
        const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        const req = parseSearchRequest({ q: query, ...defined, collapse: collapse === true });
        const res = await search(ctx, req);
        if (json) process.stdout.write(`${JSON.stringify(res)}\n`);
        else printTable(res, ctx.config.timezone);
      });
    });
}
