// Turns fetched bytes into text the way browsers do, tuned for Chinese sites: BOM, HTTP header,
// XML declaration / <meta>, then detection, then UTF-8. GB2312/GBK labels decode as GB18030.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type CharsetVia = 'bom' | 'header' | 'xml-decl' | 'meta' | 'detected' | 'default';
export interface DecodedBody {
  text: string;
  /** Canonical name of the charset used (utf-8, gb18030, big5, windows-1252, ...). */
  charset: string;
  via: CharsetVia;
}

/** How far into the document a declaration is looked for (miniflux saw <meta> after 1024 bytes). */
const SCAN_BYTES = 16 * 1024;
/** Below this many non-ASCII bytes statistical detection guesses wrong too often (8 bytes of GBK → Shift_JIS). */
const MIN_DETECT_BYTES = 48;

const ALIASES: Record<string, string> = {
  utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'x-unicode20utf8': 'utf-8',
  gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb_2312: 'gb18030', 'gb_2312-80': 'gb18030', chinese: 'gb18030',
  csgb2312: 'gb18030', csiso58gb231280: 'gb18030', 'iso-ir-58': 'gb18030', cp936: 'gb18030', 'windows-936': 'gb18030',
  'euc-cn': 'gb18030', hz: 'gb18030', gb18030: 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', big5hkscs: 'big5', 'cn-big5': 'big5', csbig5: 'big5', 'x-x-big5': 'big5', cp950: 'big5',
  'iso-8859-1': 'windows-1252', iso88591: 'windows-1252', 'iso8859-1': 'windows-1252', latin1: 'windows-1252', l1: 'windows-1252',
  'us-ascii': 'windows-1252', ascii: 'windows-1252', 'ansi_x3.4-1968': 'windows-1252', cp1252: 'windows-1252', 'windows-1252': 'windows-1252',
  'utf-16': 'utf-16le', utf16: 'utf-16le', 'utf-32': 'utf-32le',
};

/** The canonical charset for a label, or null when it is unknown or cannot be decoded here (e.g. EUC-TW). */
export function normaliseCharset(label: string): string | null {
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  const known = ALIASES[l] ?? ALIASES[l.replace(/[^a-z0-9]/g, '')];
  if (known) return known;
  return l && iconv.encodingExists(l) ? l : null;
}

const WIDE = new Set(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be']);

function decodeAs(buf: Buffer, charset: string): string {
  if (charset === 'utf-8') return buf.toString('utf8').replace(/^\uFEFF/, '');
  // WHATWG's "Big5" is Big5-HKSCS; iconv-lite's plain big5 is CP950 without the HKSCS additions.
  return iconv.decode(buf, charset === 'big5' ? 'big5hkscs' : charset);
}

function sniffBom(b: Buffer): { charset: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { charset: 'utf-32le', skip: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { charset: 'utf-32be', skip: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** XML without a BOM in a wide encoding shows itself by where the zero bytes of "<?" fall (XML 1.0 appendix F). */
function sniffWideXml(b: Buffer): string | null {
  const sig = b.subarray(0, 4).toString('hex');
  return ({ '0000003c': 'utf-32be', '3c000000': 'utf-32le', '003c003f': 'utf-16be', '3c003f00': 'utf-16le' } as Record<string, string>)[sig] ?? null;
}

function headerCharset(contentType: string | undefined): string | null {
  const m = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i.exec(contentType ?? '');
  return m ? m[1]!.replace(/^["']|["']$/g, '') : null;
}

function declared(head: string, kind: 'html' | 'xml' | undefined): { label: string; via: 'xml-decl' | 'meta' } | null {
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const meta = kind === 'xml' ? null : /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w:.+-]+)/i.exec(head);
  if (kind === 'html' && meta) return { label: meta[1]!, via: 'meta' };
  if (xml) return { label: xml[1]!, via: 'xml-decl' };
  return meta ? { label: meta[1]!, via: 'meta' } : null;
}

function countNonAscii(b: Buffer): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) n++;
  return n;
}

function isValidUtf8(b: Buffer): boolean {
  try {
    // stream: a multi-byte character cut off by the size limit is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Decode a fetched body; `kind` says which in-document declarations apply (JSON has none). */
export function decodeBody(body: Buffer, contentTypeHeader?: string, kind?: 'html' | 'xml' | 'json'): DecodedBody {
  const bom = sniffBom(body);
  if (bom) return { text: decodeAs(body.subarray(bom.skip), bom.charset), charset: bom.charset, via: 'bom' };
  const wide = kind === 'json' ? null : sniffWideXml(body);
  if (wide) return { text: decodeAs(body, wide), charset: wide, via: 'xml-decl' };
  const nonAscii = countNonAscii(body);
  const utf8 = nonAscii === 0 || isValidUtf8(body);
  const done = (charset: string, via: CharsetVia): DecodedBody => ({ text: decodeAs(body, charset), charset, via });

  const candidates: { label: string; via: CharsetVia }[] = [];
  const fromHeader = headerCharset(contentTypeHeader);
  if (fromHeader) candidates.push({ label: fromHeader, via: 'header' });
  if (kind !== 'json') {
    const d = declared(body.subarray(0, SCAN_BYTES).toString('latin1'), kind);
    if (d) candidates.push(d);
  }
  for (const c of candidates) {
    const cs = normaliseCharset(c.label);
    if (!cs) continue; // unknown or undecodable label: try the next source
    if (cs === 'utf-8') {
      if (utf8) return done('utf-8', c.via);
      continue; // declared UTF-8 but the bytes are not: the declaration is wrong
    }
    // A wide charset named inside an ASCII-readable document cannot be true (HTML spec: treat as UTF-8).
    if (WIDE.has(cs) && c.via !== 'header') continue;
    // Valid multi-byte UTF-8 under a legacy label is a mislabelled UTF-8 document (miniflux's rule).
    if (nonAscii > 0 && utf8) return done('utf-8', 'detected');
    return done(cs, c.via);
  }
  if (nonAscii === 0) return done('utf-8', 'default');
  if (utf8) return done('utf-8', 'detected');
  const guess = detect(body, nonAscii);
  return done(guess.charset, guess.via);
}

/**
 * Statistical detection on enough bytes, preferring Chinese candidates that score close to the top
 * (chardet ranks EUC-KR level with GB18030 on short Chinese text). On too few bytes, look at shape only:
 * double-byte text has its high bytes in runs, Latin-1 has them alone between letters.
 */
function detect(body: Buffer, nonAscii: number): { charset: string; via: CharsetVia } {
  if (nonAscii >= MIN_DETECT_BYTES) {
    const ranked = chardet.analyse(body.subarray(0, 64 * 1024));
    const floor = Math.max(50, (ranked[0]?.confidence ?? 0) - 10);
    const near = ranked
      .filter((g) => g.confidence >= floor)
      .map((g) => normaliseCharset(g.name))
      .filter((c): c is string => !!c && c !== 'utf-8' && !WIDE.has(c));
    const pick = near.find((c) => c === 'gb18030' || c === 'big5') ?? near[0];
    if (pick) return { charset: pick, via: 'detected' };
  }
  // Browsers in a zh-CN locale fall back to GBK for double-byte looking text.
  return { charset: highBytesInRuns(body) ? 'gb18030' : 'windows-1252', via: 'default' };
}

function highBytesInRuns(b: Buffer): boolean {
  let inRuns = 0;
  let total = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i]! < 0x80) continue;
    total++;
    if ((i > 0 && b[i - 1]! >= 0x80) || (i + 1 < b.length && b[i + 1]! >= 0x80)) inRuns++;
  }
  return total > 0 && inRuns / total >= 0.7;
}
