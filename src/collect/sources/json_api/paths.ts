// Dot paths into JSON ("data.list", "user.name", "pics[0].url", "items.0.id") and "{path}" templates.

/** The value at a dot path; "" or "$" is the document itself. */
export function getPath(doc: unknown, path: string): unknown {
  const p = path.trim().replace(/^\$\.?/, '');
  if (!p) return doc;
  let cur: unknown = doc;
  for (const key of p.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A mapping value: a dot path, or a template such as "https://m.example.cn/{user.id}/{mid}". */
export function readMapped(doc: unknown, spec: string): unknown {
  if (!spec.includes('{')) return getPath(doc, spec);
  let missing = false;
  const out = spec.replace(/\{([^{}]+)\}/g, (_, p: string) => {
    const v = getPath(doc, p);
    if (v === undefined || v === null || v === '') missing = true;
    return v === undefined || v === null ? '' : String(v);
  });
  return missing ? undefined : out;
}

/** Counts as platforms print them: 1234, "1,234", "1.2万", "3千", "10万+", "1.5亿". */
export function parseCount(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*([\d,]+(?:\.\d+)?)\s*(万|w|W|千|k|K|亿)?\+?\s*$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/,/g, ''));
  const mult = { 万: 1e4, w: 1e4, W: 1e4, 千: 1e3, k: 1e3, K: 1e3, 亿: 1e8 }[m[2] ?? ''] ?? 1;
  return Number.isFinite(n) ? Math.round(n * mult) : undefined;
}
