// Folds text for matching: Traditional → Simplified, full-width → half-width, ASCII lower case.
// The folded string has the same length as the input, so offsets found in it highlight the original.
import * as OpenCC from 'opencc-js';

const t2s: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });
const charCache = new Map<string, string>();

/** Fold one character; a conversion that would change the length keeps the character. */
function foldTraditional(ch: string): string {
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  const c: string = t2s(ch);
  const out = c.length === ch.length ? c : ch;
  charCache.set(ch, out);
  return out;
}

/** Half-width and lower-case one UTF-16 code unit. */
function foldWidth(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0; // full-width ASCII block
  else if (code === 0x3000) code = 0x20; // ideographic space
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return code;
}

/**
 * Normalise for matching and indexing. OpenCC converts whole phrases where it can (a better result for
 * most text); if that changed the length, fall back to character-by-character so offsets stay aligned.
 * OpenCC folds characters, not vocabulary (軟體 → 软体, not 软件): good enough for matching.
 */
export function normalise(text: string): string {
  let widthFolded = '';
  let hasHan = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) hasHan = true;
    widthFolded += String.fromCharCode(foldWidth(c));
  }
  if (!hasHan) return widthFolded;
  const converted = t2s(widthFolded);
  if (converted.length === widthFolded.length) return converted;
  let out = '';
  for (const ch of widthFolded) out += foldTraditional(ch);
  return out;
}

/** True for a CJK ideograph (BMP unified + extension A), the characters the bigram index pairs up. */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}
