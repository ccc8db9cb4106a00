// One zod schema per payload of the topics and variants API (the CLI validates through the same ones).
import { z } from 'zod';
import { VARIANT_KINDS } from './seed-variants.ts';

const name = z.string().trim().min(1, 'must not be empty').max(100, 'longer than 100 characters');
const expression = z.string().min(1, 'must not be empty').max(4000, 'longer than 4000 characters');
const description = z.string().max(2000, 'longer than 2000 characters');
const word = z.string().trim().min(1, 'must not be empty').max(100, 'longer than 100 characters');

export const topicCreateSchema = z
  .object({ name, expression, description: description.optional(), enabled: z.boolean().optional() })
  .strict();
export type TopicCreate = z.output<typeof topicCreateSchema>;

export const topicUpdateSchema = z
  .object({ name: name.optional(), expression: expression.optional(), description: description.optional(), enabled: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one of name, expression, description, enabled' });
export type TopicUpdate = z.output<typeof topicUpdateSchema>;

export const topicTestSchema = z.object({ expression, text: z.string().max(1_000_000, 'longer than 1000000 characters') }).strict();

export const backfillSchema = z.object({ days: z.number().int().min(1).max(3650).default(30) }).strict();

export const pageQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(20), cursor: z.string().max(200).optional() })
  .strict();

export const variantCreateSchema = z.object({ term: word, variant: word, kind: z.enum(VARIANT_KINDS).default('other') }).strict();
export type VariantCreate = z.output<typeof variantCreateSchema>;

export const variantUpdateSchema = z
  .object({ variant: word.optional(), kind: z.enum(VARIANT_KINDS).optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'give variant or kind' });
export type VariantUpdate = z.output<typeof variantUpdateSchema>;

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export { parsePayload } from '../server/parse-payload.ts';
