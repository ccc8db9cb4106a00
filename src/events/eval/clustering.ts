// The clustering evaluation on labelled cascades: once with reply links, once on text and time alone
// over the lines with at least 10 characters of text (parent links removed).
import { clusterItems } from '../offline.ts';
import type { ClusterItem, ClusterParams } from '../cluster/types.ts';
import { bcubed, type BCubed } from './bcubed.ts';
import type { CedLine } from './ced.ts';

/** Minimum text length (characters) of the lines in the text-only evaluation. */
export const TEXT_ONLY_MIN_CHARS = 10;

function toItem(l: CedLine, links: boolean): ClusterItem {
  return {
    id: l.index,
    externalId: links ? l.mid : null,
    parentExternalId: links ? l.parent : null,
    publishedAt: l.t,
    text: l.text,
    reposts: l.reposts,
    comments: l.comments,
  };
}

/** BCubed of clustering the lines with their reply links. */
export function evalWithLinks(lines: readonly CedLine[], params: Partial<ClusterParams> = {}): BCubed {
  const got = clusterItems(lines.map((l) => toItem(l, true)), params);
  return bcubed(lines.map((l) => l.event), lines.map((l) => got.get(l.index) ?? -1));
}

/** BCubed of clustering the lines with text of 10+ characters on text and time alone. */
export function evalTextOnly(lines: readonly CedLine[], params: Partial<ClusterParams> = {}): BCubed & { lines: number } {
  const kept = lines.filter((l) => [...l.text].length >= TEXT_ONLY_MIN_CHARS);
  const got = clusterItems(kept.map((l) => toItem(l, false)), params);
  return { ...bcubed(kept.map((l) => l.event), kept.map((l) => got.get(l.index) ?? -1)), lines: kept.length };
}
