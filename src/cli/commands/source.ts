// `yuqing source add|list|show|edit|disable|enable|remove|test|run-due`: the source register (属地网站台账).
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { YqError } from '../../errors.ts';
import { parseOrThrow } from '../../collect/register/parse.ts';
import { SOURCE_KINDS, sourceCreateSchema, sourceKindSchema, sourceUpdateSchema } from '../../collect/register/schema.ts';
import { createSource, deleteSource, getSource, listSources, sourceToJson, updateSource } from '../../collect/register/repo.ts';
import { previewSource, type PreviewResult } from '../../collect/register/preview.ts';
import { sourceHealth } from '../../collect/health/report.ts';
import { runDue } from '../../collect/scheduler/scheduler.ts';

interface FieldOpts {
  name?: string; kind?: string; url?: string; platform?: string; region?: string; ownerOrg?: string;
  contactPerson?: string; contactPhone?: string; interval?: string; tags?: string; timezone?: string;
  settings?: string; key?: string; json?: boolean;
}

function jsonArg(flag: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new YqError('YQ_ERR_VALIDATION', `${flag}: not valid JSON (${(e as Error).message})`);
  }
}

/** Options given on the command line as a payload for the register's schemas (unset ones left out). */
function payload(o: FieldOpts): Record<string, unknown> {
  const p: Record<string, unknown> = {
    key: o.key, name: o.name, kind: o.kind, url: o.url, platform: o.platform, region: o.region, owner_org: o.ownerOrg,
    contact_person: o.contactPerson, contact_phone: o.contactPhone, timezone: o.timezone,
    interval_s: o.interval === undefined ? undefined : Number(o.interval),
    tags: o.tags === undefined ? undefined : o.tags.split(',').map((t) => t.trim()).filter(Boolean),
    settings: o.settings === undefined ? undefined : jsonArg('--settings', o.settings),
  };
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
}

function fieldOptions(c: Command): Command {
  return c
    .option('--name <name>', 'display name')
    .option('--kind <kind>', `one of ${SOURCE_KINDS.join(', ')}`)
    .option('--url <url>', 'feed / list page / sitemap / API URL')
    .option('--platform <platform>', 'news, forum, weibo, wechat, video, message_board, other')
    .option('--region <region>', 'region code or name (属地)')
    .option('--owner-org <org>', 'responsible organisation')
    .option('--contact-person <name>', 'contact person')
    .option('--contact-phone <phone>', 'contact phone')
    .option('--interval <seconds>', 'polling interval in seconds')
    .option('--tags <a,b>', 'comma-separated tags')
    .option('--timezone <tz>', 'IANA zone of dates the site prints (default: the office zone)')
    .option('--settings <json>', 'collector settings as JSON (selectors, field mapping, ...)')
    .option('--key <key>', 'stable short key (default: from the URL host)')
    .option('--json', 'print JSON');
}

const out = (v: unknown): void => {
  process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
};

function printPreview(r: PreviewResult, json: boolean | undefined): void {
  if (json) return out({ charset: r.charset, items: r.items, ...(r.errors.length ? { errors: r.errors } : {}) });
  process.stdout.write(`charset: ${r.charset ?? '(none)'}\nitems: ${r.items.length}\n`);
  for (const it of r.items) {
    const excerpt = it.content.replace(/\s+/g, ' ').slice(0, 120);
    process.stdout.write(`\n- ${it.title || '(no title)'}\n  time: ${it.published_at}  author: ${it.author ?? '-'}\n  url: ${it.url ?? '-'}\n  ${excerpt}${it.content.length > 120 ? '…' : ''}\n`);
  }
  for (const e of r.errors) process.stdout.write(`\nerror: ${e}\n`);
}

/** Register the source subcommands. */
export function register(program: Command): void {
  const source = program.command('source').description('the source register: sites, forums, feeds, accounts to collect');

  fieldOptions(source.command('add').description('register a source (push sources print their token once)'))
    .option('--disabled', 'register without collecting yet')
    .action((o: FieldOpts & { disabled?: boolean }) => withContext(async (ctx) => {
      const body = { ...payload(o), ...(o.disabled ? { enabled: false } : {}) };
      const { source: row, pushToken } = await createSource(ctx, parseOrThrow(sourceCreateSchema, body));
      if (pushToken) process.stderr.write('push token (shown once, store it now):\n');
      if (o.json) out({ ...sourceToJson(row), ...(pushToken ? { push_token: pushToken } : {}) });
      else process.stdout.write(`${row.id}\t${row.key}\t${row.name}${pushToken ? `\npush token: ${pushToken}` : ''}\n`);
    }));

  source.command('list').description('list registered sources').option('--kind <kind>').option('--region <region>').option('--tag <tag>').option('--json', 'print JSON')
    .action((o: { kind?: string; region?: string; tag?: string; json?: boolean }) => withContext(async (ctx) => {
      const kind = o.kind === undefined ? undefined : parseOrThrow(sourceKindSchema, o.kind);
      const rows = await listSources(ctx, { kind, region: o.region, tag: o.tag });
      if (o.json) return out({ sources: rows.map(sourceToJson) });
      for (const r of rows) process.stdout.write(`${r.id}\t${r.key}\t${r.kind}\t${Number(r.enabled) ? 'on' : 'off'}\t${r.interval_s}s\t${r.name}\t${r.url ?? ''}\n`);
    }));

  source.command('show <id>').description('show a source with its health (JSON)')
    .action((id: string) => withContext(async (ctx) => {
      const row = await getSource(ctx, Number(id));
      out({ ...sourceToJson(row), health: await sourceHealth(ctx, row.id, Number(row.created_at)) });
    }));

  fieldOptions(source.command('edit <id>').description('change fields of a source'))
    .option('--rotate-token', 'issue a new push token (printed once)')
    .option('--enable', 'enable').option('--disable', 'disable')
    .action((id: string, o: FieldOpts & { rotateToken?: boolean; enable?: boolean; disable?: boolean }) => withContext(async (ctx) => {
      const body = { ...payload(o), ...(o.enable ? { enabled: true } : {}), ...(o.disable ? { enabled: false } : {}), ...(o.rotateToken ? { rotate_push_token: true } : {}) };
      const { source: row, pushToken } = await updateSource(ctx, Number(id), parseOrThrow(sourceUpdateSchema, body));
      out({ ...sourceToJson(row), ...(pushToken ? { push_token: pushToken } : {}) });
    }));

  for (const [name, enabled] of [['disable', false], ['enable', true]] as const) {
    source.command(`${name} <id>`).description(`${name} collection of a source`).action((id: string) => withContext(async (ctx) => {
      await updateSource(ctx, Number(id), { enabled });
      process.stdout.write(`source ${id} ${name}d\n`);
    }));
  }

  source.command('remove <id>').description('delete a source from the register (its items stay)').action((id: string) => withContext(async (ctx) => {
    await deleteSource(ctx, Number(id));
    process.stdout.write(`source ${id} removed\n`);
  }));

  source.command('test [id]').description('fetch once and print what would be collected, storing nothing')
    .option('--url <url>').option('--kind <kind>').option('--settings <json>').option('--platform <platform>').option('--timezone <tz>').option('--json', 'print {"charset", "items"} as JSON')
    .action((id: string | undefined, o: FieldOpts) => withContext(async (ctx) => {
      if (id !== undefined) {
        const s = await getSource(ctx, Number(id));
        if (s.kind === 'push' || !s.url) throw new YqError('YQ_ERR_VALIDATION', 'kind: a push source has nothing to fetch');
        return printPreview(await previewSource(ctx, { kind: s.kind as 'feed', url: s.url, settings: JSON.parse(s.settings_json) as Record<string, unknown>, platform: s.platform, timezone: s.timezone }, s.key), o.json);
      }
      const p = parseOrThrow(sourceCreateSchema, { name: 'test', ...payload({ ...o, json: undefined }) });
      if (p.kind === 'push' || !p.url) throw new YqError('YQ_ERR_VALIDATION', '--url and --kind (not push) are required without a source id');
      printPreview(await previewSource(ctx, { kind: p.kind, url: p.url, settings: p.settings, platform: p.platform, timezone: p.timezone ?? null }), o.json);
    }));

  source.command('run-due').description('check every source that is due now, once, and exit (prints a JSON summary)')
    .action(() => withContext(async (ctx) => out(await runDue(ctx))));
}
