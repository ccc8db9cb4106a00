// The variant dictionary (网言网语) operations shared by the API and the CLI. Terms and variants are
// stored normalised, so 政府/政府 typed in Traditional or full-width is one entry.
import type { AppContext } from '../context.ts';
import { YqError } from '../errors.ts';
import { normalise } from '../text/normalise.ts';
import type { VariantCreate, VariantUpdate } from './schemas.ts';
import { bumpTopicVersion, getVariantRow, listVariantRows, type VariantRow } from './store.ts';

/** The JSON form of a variant entry. */
export interface VariantJson {
  id: number;
  term: string;
  variant: string;
  kind: string;
  created_at: string;
}

/** JSON form of a stored variant row. */
export function variantToJson(r: VariantRow): VariantJson {
  return { id: r.id, term: r.term, variant: r.variant, kind: r.kind, created_at: new Date(Number(r.created_at)).toISOString() };
}

const fold = (s: string): string => normalise(s.trim());

/** List variants, optionally for one term (given in any spelling that normalises to it). */
export async function listVariants(ctx: AppContext, term?: string): Promise<VariantJson[]> {
  return (await listVariantRows(ctx.store.db, term === undefined ? undefined : fold(term))).map(variantToJson);
}

async function assertNew(ctx: AppContext, term: string, variant: string): Promise<void> {
  if (term === variant) throw new YqError('YQ_ERR_VALIDATION', 'variant: must differ from the term', { details: { field: 'variant' } });
  const dup = await ctx.store.db.selectFrom('variants').select('id').where('term', '=', term).where('variant', '=', variant).executeTakeFirst();
  if (dup) throw new YqError('YQ_ERR_CONFLICT', `${variant} is already a variant of ${term} (id ${dup.id})`, { details: { field: 'variant' } });
}

/** Add a variant spelling of a term. */
export async function addVariant(ctx: AppContext, input: VariantCreate): Promise<VariantJson> {
  const term = fold(input.term);
  const variant = fold(input.variant);
  await assertNew(ctx, term, variant);
  const now = ctx.clock.now();
  const row = await ctx.store.db.transaction().execute(async (trx) => {
    const r = await trx.insertInto('variants').values({ term, variant, kind: input.kind, created_at: now }).returningAll().executeTakeFirstOrThrow();
    await bumpTopicVersion(trx, now);
    return r;
  });
  return variantToJson(row);
}

async function requireVariant(ctx: AppContext, id: number): Promise<VariantRow> {
  const row = await getVariantRow(ctx.store.db, id);
  if (!row) throw new YqError('YQ_ERR_NOT_FOUND', `variant ${id}`);
  return row;
}

/** Change the spelling or kind of a variant entry. */
export async function updateVariant(ctx: AppContext, id: number, patch: VariantUpdate): Promise<VariantJson> {
  const old = await requireVariant(ctx, id);
  const variant = patch.variant === undefined ? old.variant : fold(patch.variant);
  if (variant !== old.variant) await assertNew(ctx, old.term, variant);
  const now = ctx.clock.now();
  const row = await ctx.store.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('variants')
      .set({ variant, kind: patch.kind ?? old.kind })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await bumpTopicVersion(trx, now);
    return r;
  });
  return variantToJson(row);
}

/** Delete a variant entry. */
export async function deleteVariant(ctx: AppContext, id: number): Promise<void> {
  await requireVariant(ctx, id);
  const now = ctx.clock.now();
  await ctx.store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('variants').where('id', '=', id).execute();
    await bumpTopicVersion(trx, now);
  });
}
