// The one typed, validated configuration module: nothing else reads process.env.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  YUQING_DATA: z.string().default('./data'),
  /** Empty: embedded SQLite in the data folder. A postgres:// URL selects PostgreSQL (scale-out). */
  YUQING_DATABASE_URL: z.string().default(''),
  YUQING_TZ: z.string().default('Asia/Shanghai'),
  YUQING_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
  YUQING_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Maximum accepted HTTP request body, bytes. */
  YUQING_MAX_BODY_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /** Fetching private / loopback addresses is refused unless the operator allows it. */
  YUQING_ALLOW_PRIVATE_NETWORKS: bool.default(false),
  YUQING_USER_AGENT: z.string().default('Yuqing/0.1 (+public-opinion monitoring; contact the operator)'),
  YUQING_HTTP_PROXY: z.string().default(''),
  /** Run collectors inside `start` (off for API-only processes). */
  YUQING_COLLECT: bool.default(true),
  /** Secret for encrypting stored channel secrets; flagged secret, never logged. */
  YUQING_SECRET_KEY: z.string().default(''),
  /** The office's jurisdiction: region code(s), comma-separated (e.g. 450225 for 融水); used to filter and boost. */
  YUQING_JURISDICTION: z
    .string()
    .regex(/^(\d{2}|\d{4}|\d{6}|\d{9})?(,(\d{2}|\d{4}|\d{6}|\d{9}))*$/, 'expected region codes (2, 4, 6 or 9 digits), comma-separated')
    .default('')
    .transform((v) => v.split(',').filter(Boolean)),
  /** Risk taxonomy JSON replacing the default (empty: <data>/risk-taxonomy.json if present, else the shipped one). */
  YUQING_RISK_TAXONOMY: z.string().default(''),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  timezone: string;
  locale: 'zh-CN' | 'en';
  logLevel: z.infer<typeof schema>['YUQING_LOG_LEVEL'];
  maxBodyBytes: number;
  allowPrivateNetworks: boolean;
  userAgent: string;
  httpProxy: string;
  collect: boolean;
  secretKey: string;
  jurisdiction: string[];
  riskTaxonomy: string;
};

/** Keys whose values must never be printed. */
export const SECRET_KEYS = new Set(['YUQING_SECRET_KEY', 'YUQING_DATABASE_URL']);

/** Parse configuration from an environment map; throws naming the offending key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? '?');
    const shown = SECRET_KEYS.has(key) ? '(secret)' : JSON.stringify(env[key]);
    throw new Error(`configuration key ${key} is invalid (${shown}): ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.YUQING_DATA),
    databaseUrl: e.YUQING_DATABASE_URL,
    timezone: e.YUQING_TZ,
    locale: e.YUQING_LOCALE,
    logLevel: e.YUQING_LOG_LEVEL,
    maxBodyBytes: e.YUQING_MAX_BODY_BYTES,
    allowPrivateNetworks: e.YUQING_ALLOW_PRIVATE_NETWORKS,
    userAgent: e.YUQING_USER_AGENT,
    httpProxy: e.YUQING_HTTP_PROXY,
    collect: e.YUQING_COLLECT,
    secretKey: e.YUQING_SECRET_KEY,
    jurisdiction: e.YUQING_JURISDICTION,
    riskTaxonomy: e.YUQING_RISK_TAXONOMY,
    ...overrides,
  };
}
