// The characters that can make OpenCC's Traditional → Simplified (tw2s) conversion change a text. A text
// without any of them converts to itself, so normalise() can skip OpenCC, whose phrase matching costs
// ~0.2 ms per 500 characters — most of ingest's validation time on mainland (Simplified) text.
//
// How the set is found: OpenCC only touches text that matches a dictionary key of its chain. A character
// belongs to the set when converting it alone changes it; a phrase key whose characters are all outside
// that set but which converts to something else (瞭解 → 了解) adds the characters that change, since the
// phrase only applies where the text holds all of it. (The chain maps Taiwan variants
// such as 么/才/吃 to standard Traditional and back to the same Simplified character, so looking at the
// dictionaries alone, without converting, would put common Simplified characters in the set.)
import * as OpenCC from 'opencc-js';
import { configs } from 'opencc-js/preset';

/** OpenCC's Traditional (Taiwan) → Simplified converter, one per process (building it takes ~100 ms). */
export const t2s: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });

type DictLike = string | [string, string][];

function entries(dict: DictLike): [string, string][] {
  if (Array.isArray(dict)) return dict;
  if (dict === '') return [];
  return dict.split('|').map((pair) => {
    const sp = pair.indexOf(' ');
    return [pair.slice(0, sp), pair.slice(sp + 1)] as [string, string];
  });
}

interface Tables {
  /** Characters whose presence may make the conversion change a text. */
  triggers: Set<string>;
  /** Characters that occur in some dictionary key of the chain. */
  inKeys: Set<string>;
}

let tables: Tables | null = null;

function buildTables(): Tables {
  const config = (configs as unknown as Record<string, { normalizationChain?: DictLike[][]; conversionChain: DictLike[][] }>).tw2s;
  if (!config) throw new Error('opencc-js preset has no tw2s configuration');
  const changing = new Set<string>();
  const inKeys = new Set<string>();
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      for (const [k, v] of entries(dict)) {
        for (const ch of k) inKeys.add(ch);
        if (k !== v) changing.add(k);
      }
    }
  }
  const triggers = new Set<string>();
  for (const ch of inKeys) if (t2s(ch) !== ch) triggers.add(ch);
  for (const k of changing) {
    const chars = [...k];
    if (chars.length < 2 || chars.some((ch) => triggers.has(ch))) continue;
    const converted = [...t2s(k)];
    // The phrase only applies where the text holds all of it, so the characters it changes suffice.
    if (converted.length !== chars.length) for (const ch of chars) triggers.add(ch);
    else for (let i = 0; i < chars.length; i++) if (chars[i] !== converted[i]) triggers.add(chars[i]!);
  }
  return { triggers, inKeys };
}

/** Characters whose presence may make tw2s conversion change a text (see the file comment). */
export function conversionTriggers(): Set<string> {
  return (tables ??= buildTables()).triggers;
}

/** Per BMP code unit: 0 = in no dictionary key (OpenCC never matches across it), 1 = in some key, 2 = may change. */
export const BOUNDARY = 0;
export const IN_KEYS = 1;
export const TRIGGER = 2;

let classes: Uint8Array | null = null;

/**
 * The class of every UTF-16 code unit, as a lookup table (a Set of strings is ~10× slower per character).
 * Surrogates count as TRIGGER: an astral character is rare, and converting its run is always safe.
 */
export function charClasses(): Uint8Array {
  if (classes) return classes;
  const t = new Uint8Array(0x10000);
  const { inKeys, triggers } = (tables ??= buildTables());
  // Characters in no key stay BOUNDARY (0): OpenCC never matches across them, so runs convert on their own.
  for (const ch of inKeys) if (ch.length === 1) t[ch.charCodeAt(0)] = IN_KEYS;
  for (const ch of triggers) if (ch.length === 1) t[ch.charCodeAt(0)] = TRIGGER;
  t.fill(TRIGGER, 0xd800, 0xe000);
  classes = t;
  return t;
}
