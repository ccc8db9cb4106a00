// `yuqing channel add|list|show|edit|delete|test`: delivery channels. Secrets are given as
// --secret name=value (or name=env:VAR) and are never printed back.
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { YqError } from '../../errors.ts';
import { parsePayload } from '../../alerts/parse.ts';
import { channelCreateSchema, channelUpdateSchema } from '../../alerts/channels/schema.ts';
import { channelToJson, createChannel, deleteChannel, getChannel, listChannels, updateChannel } from '../../alerts/channels/repo.ts';
import { sendTestMessage } from '../../alerts/channels/test-message.ts';

const print = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
const collect = (v: string, prev: string[]) => [...prev, v];

function secrets(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw new YqError('YQ_ERR_VALIDATION', `--secret: expected name=value, got ${JSON.stringify(p.split('=')[0])}=…`);
    out[p.slice(0, i)] = p.slice(i + 1);
  }
  return out;
}

function settings(s: string | undefined): Record<string, unknown> | undefined {
  if (s === undefined) return undefined;
  try {
    return JSON.parse(s) as Record<string, unknown>;
  } catch {
    throw new YqError('YQ_ERR_BAD_JSON', '--settings: not valid JSON');
  }
}

/** Register the channel subcommands. */
export function register(program: Command): void {
  const cmd = program.command('channel').description('delivery channels: webhook, wecom, dingtalk, feishu, sms, email');

  cmd.command('add').description('add a channel, e.g. --kind webhook --settings \'{"url":"https://…"}\' --secret secret=env:HOOK_KEY')
    .requiredOption('--name <name>', 'unique name').requiredOption('--kind <kind>', 'webhook | wecom | dingtalk | feishu | sms | email')
    .option('--settings <json>', 'settings JSON (url, headers, host, port, from, template…)', '{}')
    .option('--secret <name=value>', 'a secret (repeatable); value env:VAR reads the variable at send time', collect, [])
    .option('--disabled', 'create it disabled')
    .action((o: { name: string; kind: string; settings: string; secret: string[]; disabled?: boolean }) => withContext(async (ctx) => {
      print(await createChannel(ctx, parsePayload(channelCreateSchema, { name: o.name, kind: o.kind, settings: settings(o.settings), secrets: secrets(o.secret), enabled: !o.disabled })));
    }));

  cmd.command('list').description('list channels').option('--json', 'print JSON')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const rows = (await listChannels(ctx)).map(channelToJson);
      if (o.json) return print(rows);
      for (const c of rows) process.stdout.write(`${c.id}\t${c.enabled ? 'on' : 'off'}\t${c.kind}\t${c.name}\n`);
    }));

  cmd.command('show <id>').description('a channel (secrets masked)').action((id: string) => withContext(async (ctx) => print(channelToJson(await getChannel(ctx, Number(id))))));

  cmd.command('edit <id>').description('change a channel')
    .option('--name <name>').option('--settings <json>').option('--secret <name=value>', 'set a secret (repeatable)', collect, [])
    .option('--enabled').option('--disabled')
    .action((id: string, o: { name?: string; settings?: string; secret: string[]; enabled?: boolean; disabled?: boolean }) => withContext(async (ctx) => {
      const patch = {
        ...(o.name ? { name: o.name } : {}), ...(o.settings ? { settings: settings(o.settings) } : {}),
        ...(o.secret.length ? { secrets: secrets(o.secret) } : {}), ...(o.enabled ? { enabled: true } : o.disabled ? { enabled: false } : {}),
      };
      print(await updateChannel(ctx, Number(id), parsePayload(channelUpdateSchema, patch)));
    }));

  cmd.command('delete <id>').description('delete a channel').action((id: string) => withContext(async (ctx) => {
    await deleteChannel(ctx, Number(id));
    process.stdout.write(`channel ${id} deleted\n`);
  }));

  cmd.command('test <id>').description('send a test message now').option('--to <recipient>', 'e-mail address or phone number (email/sms channels)')
    .action((id: string, o: { to?: string }) => withContext(async (ctx) => {
      await sendTestMessage(ctx, Number(id), o.to);
      process.stdout.write(`test message sent through channel ${id}\n`);
    }));
}
