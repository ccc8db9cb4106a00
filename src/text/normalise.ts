// Folds text for matching: Traditional → Simplified, full-width → half-width, ASCII lower case.
// The folded string has the same length as the input, so offsets found in it highlight the original.
import { BOUNDARY, charClasses, t2s, TRIGGER } from './traditional-chars.ts';

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
  const folded = foldWidthText(text);
  return foldTraditionalText(folded);
}

/** Half-width and lower-case the text; the same string back when nothing changes (the common case). */
function foldWidthText(text: string): string {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (foldWidth(c) !== c) break;
    i++;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  // Code units, not code points: a lone surrogate in bad input passes through unchanged.
  const CHUNK = 4096;
  for (let start = i; start < text.length; start += CHUNK) {
    const end = Math.min(text.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let j = start; j < end; j++) codes[j - start] = foldWidth(text.charCodeAt(j));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Convert one run of text (no boundary characters inside); same length out, or char by char. */
function convertRun(run: string): string {
  const converted = t2s(run);
  if (converted.length === run.length) return converted;
  let out = '';
  for (const ch of run) out += foldTraditional(ch);
  return out;
}

/**
 * Traditional → Simplified, run by run. OpenCC cannot match across a character that occurs in none of
 * its dictionary keys (punctuation, spaces, Latin), so each run between such characters converts on its
 * own, and only runs holding a character the conversion could change are handed to OpenCC — most text
 * is Simplified already, and OpenCC's phrase matching was the costliest step of ingest's validation.
 */
function foldTraditionalText(text: string): string {
  const cls = charClasses();
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    if (cls[text.charCodeAt(i)] === TRIGGER) {
      first = i;
      break;
    }
  }
  if (first < 0) return text;
  // Start at the run holding the first trigger; everything before it stays as it is.
  let runStart = first;
  while (runStart > 0 && cls[text.charCodeAt(runStart - 1)] !== BOUNDARY) runStart--;
  let out = text.slice(0, runStart);
  let needs = false;
  for (let i = runStart; i <= text.length; i++) {
    const k = i < text.length ? cls[text.charCodeAt(i)]! : BOUNDARY;
    if (k === TRIGGER) needs = true;
    if (k !== BOUNDARY) continue;
    const run = text.slice(runStart, i);
    out += needs ? convertRun(run) : run;
    if (i < text.length) out += text[i];
    runStart = i + 1;
    needs = false;
  }
  return out;
}

/** True for a CJK ideograph (BMP unified + extension A), the characters the bigram index pairs up. */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}
