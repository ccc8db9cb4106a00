// Link resolution for collectors: relative links against the page (or xml:base), http(s) only.

/** Absolute http(s) URL for href relative to base, without the fragment; undefined when not a web link. */
export function resolveUrl(href: string | null | undefined, base: string | null | undefined): string | undefined {
  const h = href?.trim();
  if (!h || /^(javascript|mailto|tel|data):/i.test(h)) return undefined;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

/** Resolve a chain of bases (innermost first, e.g. entry xml:base, feed xml:base, document URL). */
export function resolveAgainst(href: string | null | undefined, ...bases: (string | null | undefined)[]): string | undefined {
  let base: string | undefined;
  for (const b of bases.reverse()) base = b ? resolveUrl(b, base) ?? base : base;
  return resolveUrl(href, base);
}
