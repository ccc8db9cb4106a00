// Alert rules API: CRUD, and dry runs (what a saved rule, or a draft, would have fired over the last
// N days of stored items, with nothing written and nothing sent).
import { z } from 'zod';
import type { RoutePlugin } from '../route.ts';
import { idParam, parsePayload } from '../../alerts/parse.ts';
import { dryRunSchema, ruleCreateSchema, ruleUpdateSchema } from '../../alerts/rules/schema.ts';
import { createRule, deleteRule, draftRuleRow, getRule, listRules, ruleToJson, updateRule } from '../../alerts/rules/repo.ts';
import { compileRule } from '../../alerts/rules/compiled.ts';
import { dryRunRule } from '../../alerts/evaluate/dry-run.ts';

const draftDryRunSchema = z.object({ rule: z.unknown(), days: z.number().int().min(1).max(365).default(7) }).strict();

const routes: RoutePlugin = async (app, { ctx }) => {
  app.post('/alert-rules', async (req, reply) => reply.status(201).send(await createRule(ctx, parsePayload(ruleCreateSchema, req.body))));
  app.get('/alert-rules', async () => ({ rules: (await listRules(ctx)).map(ruleToJson) }));
  app.get('/alert-rules/:id', async (req) => ruleToJson(await getRule(ctx, idParam(req.params))));
  app.put('/alert-rules/:id', async (req) => updateRule(ctx, idParam(req.params), parsePayload(ruleUpdateSchema, req.body)));
  app.delete('/alert-rules/:id', async (req, reply) => {
    await deleteRule(ctx, idParam(req.params));
    return reply.status(204).send();
  });
  app.post('/alert-rules/:id/dry-run', async (req) => {
    const { days } = parsePayload(dryRunSchema, req.body ?? {});
    const row = await getRule(ctx, idParam(req.params));
    return dryRunRule(ctx, compileRule(row, ctx.config.jurisdiction), days);
  });
  app.post('/alert-rules/dry-run', async (req) => {
    const body = parsePayload(draftDryRunSchema, req.body);
    const draft = parsePayload(ruleCreateSchema, body.rule, 'rule');
    return dryRunRule(ctx, compileRule(draftRuleRow(draft, ctx.clock.now()), ctx.config.jurisdiction), body.days);
  });
};

export default routes;
