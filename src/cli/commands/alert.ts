// `yuqing alert list|show|ack|dead-letters|retry|drain|tick`: alerts and their deliveries from the shell.
import os from 'node:os';
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { YqError } from '../../errors.ts';
import { acknowledgeAlert } from '../../alerts/ack.ts';
import { alertDetail, alertToJson, deliveryToJson, listAlerts, listDeadLetters } from '../../alerts/queries.ts';
import { requeue } from '../../alerts/delivery/queue.ts';
import { drainAll } from '../../alerts/delivery/drain.ts';
import { runAlertTicker } from '../../alerts/service.ts';
import { alertsDb } from '../../alerts/tables.ts';

const print = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

/** Register the alert subcommands. */
export function register(program: Command): void {
  const cmd = program.command('alert').description('alerts: list, inspect, acknowledge; deliveries and dead letters');

  cmd.command('list').description('recent alerts (id, status, severity, items, title)')
    .option('--status <s>', 'open | acknowledged | resolved').option('--limit <n>', 'how many', '50').option('--json', 'print JSON')
    .action((o: { status?: string; limit: string; json?: boolean }) => withContext(async (ctx) => {
      const rows = (await listAlerts(ctx, { status: o.status, limit: Number(o.limit) })).map(alertToJson);
      if (o.json) return print(rows);
      for (const a of rows) process.stdout.write(`${String(a.id)}\t${String(a.status)}\t${String(a.severity_zh)}\t${String(a.item_count)}\t${String(a.title)}\n`);
    }));

  cmd.command('show <id>').description('an alert with its evidence items, log and deliveries (JSON)')
    .action((id: string) => withContext(async (ctx) => print(await alertDetail(ctx, Number(id)))));

  cmd.command('ack <id>').description('acknowledge an alert: it stops escalating')
    .option('--by <name>', 'who acknowledges', `cli:${os.userInfo().username}`).option('--note <text>', 'why / what is being done', '')
    .action((id: string, o: { by: string; note: string }) => withContext(async (ctx) => {
      const r = await acknowledgeAlert(ctx, Number(id), o.by, o.note);
      process.stdout.write(r.changed ? `alert ${id} acknowledged by ${o.by}\n` : `alert ${id} was already ${r.alert.status} (by ${r.alert.acked_by ?? '-'})\n`);
    }));

  cmd.command('dead-letters').description('deliveries that failed their last attempt').option('--json', 'print JSON')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const rows = (await listDeadLetters(ctx)).map(deliveryToJson);
      if (o.json) return print(rows);
      for (const d of rows) process.stdout.write(`${String(d.id)}\talert ${String(d.alert_id)}\t${String(d.channel_kind)}\t${String(d.attempts)} attempts\t${String(d.last_error)}\n`);
    }));

  cmd.command('retry <deliveryId>').description('put a dead delivery back in the queue')
    .action((id: string) => withContext(async (ctx) => {
      if (!(await requeue(alertsDb(ctx.store.db), Number(id), ctx.clock.now()))) throw new YqError('YQ_ERR_CONFLICT', `delivery ${id} is not dead or failed`);
      process.stdout.write(`delivery ${id} queued again; \`yuqing alert drain\` or a running server sends it\n`);
    }));

  cmd.command('drain').description('send every due delivery now (a running server does this by itself)')
    .action(() => withContext(async (ctx) => print(await drainAll(ctx))));

  cmd.command('tick').description('run due escalations, source-health alerts and situation reports once')
    .action(() => withContext(async (ctx) => print(await runAlertTicker(ctx))));
}
