// Per-item outcome of an ingest batch, as the API and import report it.

export type IngestStatus = 'added' | 'duplicate' | 'rejected';

export interface IngestItemResult {
  index: number;
  status: IngestStatus;
  id?: number;
  /** For duplicates: the stored item it repeats, and by which key. */
  duplicate_of?: number;
  duplicate_by?: 'url' | 'external_id' | 'content';
  /** For rejections: the field at fault and why. */
  field?: string;
  reason?: string;
}

export interface IngestSummary {
  added: number;
  duplicates: number;
  rejected: number;
  results: IngestItemResult[];
}

/** Count the statuses of a list of results. */
export function summarise(results: IngestItemResult[]): IngestSummary {
  const s: IngestSummary = { added: 0, duplicates: 0, rejected: 0, results };
  for (const r of results) {
    if (r.status === 'added') s.added++;
    else if (r.status === 'duplicate') s.duplicates++;
    else s.rejected++;
  }
  return s;
}
