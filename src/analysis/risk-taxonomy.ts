// The risk taxonomy: categories of trouble with weighted terms. The shipped default can be replaced
// by a JSON file (YUQING_RISK_TAXONOMY, or <data>/risk-taxonomy.json), validated here with zod.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { YqError } from '../errors.ts';
import type { Config } from '../config.ts';

const DEFAULT_FILE = new URL('./data/risk-taxonomy.json', import.meta.url);
/** File name looked for in the data folder when YUQING_RISK_TAXONOMY is not set. */
export const TAXONOMY_FILE = 'risk-taxonomy.json';

const weights = z.record(z.string().min(1, 'empty term'), z.number().finite().min(-10).max(10));

const categorySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'id must be lower-case letters, digits and _'),
    name: z.string().min(1),
    name_en: z.string().optional(),
    /** Reported only when no other category is (the "others" bucket). */
    fallback: z.boolean().optional(),
    terms: weights.refine((t) => Object.values(t).some((w) => w > 0), 'needs at least one positive term weight'),
    /** Context terms, usually negative (演练 lowers accident risk). */
    context: weights.optional(),
  })
  .strict();

export const taxonomySchema = z
  .object({
    version: z.literal(1),
    /** Score at or above which a category is reported, in (0, 1). */
    threshold: z.number().gt(0).lt(1),
    categories: z.array(categorySchema).min(1),
  })
  .strict()
  .refine((t) => new Set(t.categories.map((c) => c.id)).size === t.categories.length, 'category ids must be unique');

export type RiskTaxonomy = z.output<typeof taxonomySchema>;
export type RiskCategory = RiskTaxonomy['categories'][number];

/** Parse and validate taxonomy JSON text; the error names the file and the offending path. */
export function parseTaxonomy(text: string, where: string): RiskTaxonomy {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new YqError('YQ_ERR_CONFIG', `${where}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const r = taxonomySchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const at = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new YqError('YQ_ERR_CONFIG', `${where}: risk taxonomy invalid at ${at}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}

/** Which taxonomy file is in force: the configured path, else one in the data folder, else the default. */
export function taxonomyPath(config: Pick<Config, 'riskTaxonomy' | 'dataDir'> | null): string {
  if (config?.riskTaxonomy) return path.resolve(config.riskTaxonomy);
  if (config) {
    const inData = path.join(config.dataDir, TAXONOMY_FILE);
    if (fs.existsSync(inData)) return inData;
  }
  return fileURLToPath(DEFAULT_FILE);
}

/** Read and validate a taxonomy file; a missing configured file is a configuration error. */
export function loadTaxonomy(file: string): RiskTaxonomy {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new YqError('YQ_ERR_CONFIG', `YUQING_RISK_TAXONOMY: cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  return parseTaxonomy(text, file);
}
