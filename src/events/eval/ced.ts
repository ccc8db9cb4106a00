// Loads the labelled CED Weibo cascades (events.jsonl: {event, mid, parent, uid, text, time, kind}) for
// the clustering and forecast evaluation, with every time resolved to epoch milliseconds.
import fs from 'node:fs';
import { parseCedTime } from './ced-time.ts';

export interface CedLine {
  index: number;
  event: string;
  mid: string;
  parent: string | null;
  text: string;
  t: number;
  kind: string;
  reposts: number;
  comments: number;
}

interface RawLine {
  event?: unknown;
  mid?: unknown;
  parent?: unknown;
  text?: unknown;
  time?: unknown;
  kind?: unknown;
  reposts?: unknown;
  comments?: unknown;
}

const s = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Read the file; lines whose time cannot be read at all take their root's (or the previous line's) time. */
export function loadCed(file: string): CedLine[] {
  const raws = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as RawLine);
  const byMid = new Map<string, RawLine>();
  for (const r of raws) byMid.set(s(r.mid), r);
  const rootOf = (r: RawLine): RawLine => {
    let cur = r;
    for (let hops = 0; hops < 1000; hops++) {
      const p = s(cur.parent);
      const next = p ? byMid.get(p) : undefined;
      if (!next) return cur;
      cur = next;
    }
    return cur;
  };
  const rootTime = new Map<RawLine, number | null>();
  const timeOfRoot = (root: RawLine): number | null => {
    if (!rootTime.has(root)) rootTime.set(root, parseCedTime(root.time, null));
    return rootTime.get(root) ?? null;
  };
  let prev = 0;
  return raws.map((r, index) => {
    const ref = timeOfRoot(rootOf(r));
    const t = parseCedTime(r.time, ref) ?? ref ?? prev;
    prev = t;
    const parent = s(r.parent);
    return {
      index, event: s(r.event), mid: s(r.mid), parent: parent || null, text: s(r.text).trim(), t,
      kind: s(r.kind), reposts: n(r.reposts), comments: n(r.comments),
    };
  });
}
