// WARC 1.1 export of captured evidence with warcio: one warcinfo record, then one response record
// per capture carrying the original status line, headers and body, so archive tools (pywb, warcio,
// ReplayWeb.page) open it and the payload digest proves the body is the one captured.
import fs from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { once } from 'node:events';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { AppContext } from '../../context.ts';
import { collectDb } from '../register/tables.ts';
import { getBlob } from './blobs.ts';
import type { CaptureRow } from './query.ts';

// The stored body is the decoded one, so headers describing the transfer encoding would mislead a reader.
const TRANSFER_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length', 'connection', 'keep-alive']);

/** The HTTP headers to write for a capture: original ones, minus transfer encodings, with the true length. */
export function warcHttpHeaders(headers: Record<string, string>, bodyLength: number): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(headers)) {
    if (TRANSFER_HEADERS.has(k.toLowerCase())) {
      if (k.toLowerCase() === 'content-encoding') out.push(['X-Archive-Orig-Content-Encoding', v]);
      continue;
    }
    out.push([k, v]);
  }
  out.push(['Content-Length', String(bodyLength)]);
  return out;
}

export interface WarcExportInfo {
  /** Free-form description written into the warcinfo record (e.g. the source's name and key). */
  description: string;
  filename: string;
  gzip: boolean;
}

/** Write the captures to `outPath` as a WARC 1.1 file; returns the number of response/resource records. */
export async function writeWarc(ctx: AppContext, captures: AsyncIterable<CaptureRow>, outPath: string, info: WarcExportInfo): Promise<number> {
  const out = fs.createWriteStream(outPath);
  const write = async (rec: WARCRecord) => {
    if (!out.write(await WARCSerializer.serialize(rec, { gzip: info.gzip }))) await once(out, 'drain');
  };
  let n = 0;
  try {
    const warcinfo = WARCRecord.createWARCInfo(
      { filename: info.filename, warcVersion: 'WARC/1.1', date: new Date(ctx.clock.now()).toISOString() },
      { software: 'Yuqing 0.1 (warcio.js)', format: 'WARC File Format 1.1', conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/', description: info.description },
    );
    await write(warcinfo);
    const db = collectDb(ctx.store.db);
    for await (const c of captures) {
      const body = await getBlob(db, c.sha256);
      if (!body) throw new Error(`capture ${c.id}: body ${c.sha256} is missing`);
      const headers = JSON.parse(c.headers_json) as Record<string, string>;
      const payload = [new Uint8Array(body.buffer, body.byteOffset, body.byteLength)];
      const date = new Date(Number(c.fetched_at)).toISOString();
      const extra = { 'WARC-Yuqing-Capture-Id': String(c.id) };
      // A pushed delivery had no HTTP response: it is kept as a 'resource' record of what was received.
      const record = c.url.startsWith('urn:')
        ? WARCRecord.create({ url: c.url, date, type: 'resource', warcVersion: 'WARC/1.1', warcHeaders: { ...extra, 'Content-Type': headers['content-type'] ?? 'application/octet-stream' } }, payload)
        : WARCRecord.create({
          url: c.url, date, type: 'response', warcVersion: 'WARC/1.1',
          statusline: `HTTP/1.1 ${Number(c.status)} ${STATUS_CODES[Number(c.status)] ?? ''}`.trimEnd(),
          httpHeaders: warcHttpHeaders(headers, body.length),
          warcHeaders: extra,
        }, payload);
      await write(record);
      n++;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return n;
}
