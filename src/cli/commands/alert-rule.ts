// `yuqing alert-rule add|list|show|edit|delete|dry-run`: alert rules from the shell.
import type { Command } from 'commander';
import { withContext } from '../with-context.ts';
import { parsePayload } from '../../alerts/parse.ts';
import { ruleCreateSchema, ruleUpdateSchema } from '../../alerts/rules/schema.ts';
import { createRule, deleteRule, listRules, resolveRule, ruleToJson, updateRule } from '../../alerts/rules/repo.ts';
import { compileRule } from '../../alerts/rules/compiled.ts';
import { dryRunRule } from '../../alerts/evaluate/dry-run.ts';
import { ruleFromOptions, ruleOptions, type RuleOptions } from '../../alerts/cli/rule-options.ts';

const print = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

/** Register the alert-rule subcommands. */
export function register(program: Command): void {
  const cmd = program.command('alert-rule').description('alert rules: what to watch, what fires an alert, who hears it');

  ruleOptions(cmd.command('add').description('add a rule, e.g. --name 辖区负面 --trigger item --jurisdiction --sentiment negative --team 1'))
    .action((o: RuleOptions) => withContext(async (ctx) => print(await createRule(ctx, parsePayload(ruleCreateSchema, ruleFromOptions(o))))));

  cmd.command('list').description('list rules (id, on/off, severity, trigger, name)').option('--json', 'print JSON')
    .action((o: { json?: boolean }) => withContext(async (ctx) => {
      const rules = (await listRules(ctx)).map(ruleToJson);
      if (o.json) return print(rules);
      for (const r of rules) process.stdout.write(`${r.id}\t${r.enabled ? 'on' : 'off'}\t${r.severity_zh}\t${r.trigger}\t${r.name}\n`);
    }));

  cmd.command('show <rule>').description('show a rule (id or name) as JSON')
    .action((ref: string) => withContext(async (ctx) => print(ruleToJson(await resolveRule(ctx, ref)))));

  ruleOptions(cmd.command('edit <rule>').description('change a rule; watch and params options are merged into the current ones'))
    .option('--enabled', 'enable the rule').option('--disabled', 'disable the rule')
    .action((ref: string, o: RuleOptions) => withContext(async (ctx) => {
      const cur = ruleToJson(await resolveRule(ctx, ref));
      const next = ruleFromOptions(o, { watch: cur.watch, params: cur.params });
      // Only send what changed (watch/params are sent whole when any part of them changed).
      const patch = Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((cur as unknown as Record<string, unknown>)[k])));
      print(await updateRule(ctx, cur.id, parsePayload(ruleUpdateSchema, patch)));
    }));

  cmd.command('delete <rule>').description('delete a rule (its past alerts stay)')
    .action((ref: string) => withContext(async (ctx) => {
      const r = await resolveRule(ctx, ref);
      await deleteRule(ctx, r.id);
      process.stdout.write(`alert rule ${r.id} deleted\n`);
    }));

  cmd.command('dry-run <rule>').description('what the rule would have fired over the last N days of stored items (nothing is sent)')
    .option('--days <n>', 'days back from now', '7').option('--json', 'print JSON')
    .action((ref: string, o: { days: string; json?: boolean }) => withContext(async (ctx) => {
      const row = await resolveRule(ctx, ref);
      const r = await dryRunRule(ctx, compileRule(row, ctx.config.jurisdiction), Number(o.days));
      if (o.json) return print(r);
      process.stdout.write(`rule ${row.id} ${row.name}: ${r.items_scanned} items over ${r.days} days → ${r.would_fire} alerts, ${r.updates} updates\n`);
      for (const a of r.alerts) process.stdout.write(`${a.fired_at}\t${a.key}\t${a.item_count} items\t${a.title}\n`);
    }));
}
