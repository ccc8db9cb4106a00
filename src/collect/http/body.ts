// Reads a response body with a hard size limit, decompressing gzip/deflate/br as it streams,
// so neither a huge body nor a decompression bomb is ever held in memory beyond the limit.
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { YqError } from '../../errors.ts';

/** A zlib stream (RFC 1950) starts with CMF/FLG whose 16-bit value is a multiple of 31. */
function isZlibHeader(b: Buffer): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}

function decoderFor(encoding: string, first: Buffer): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      // Servers send both zlib-wrapped and raw deflate under this name.
      return isZlibHeader(first) ? zlib.createInflate() : zlib.createInflateRaw();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/** Read at most maxBytes (counted raw and after decompression) or throw YQ_ERR_FETCH_TOO_LARGE. */
export async function readLimitedBody(res: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new YqError('YQ_ERR_FETCH_TOO_LARGE', `${url}: Content-Length ${declared} exceeds the limit of ${maxBytes} bytes`);
  }
  const encoding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const chunks: Buffer[] = [];
  let rawSize = 0;
  let size = 0;
  const iterator = res[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  if (first.done) return Buffer.alloc(0);
  const decoder = decoderFor(encoding, first.value);
  const tooLarge = () =>
    new YqError('YQ_ERR_FETCH_TOO_LARGE', `${url}: body exceeds the limit of ${maxBytes} bytes${decoder ? ` after ${encoding} decompression` : ''}`);

  async function* raw(): AsyncGenerator<Buffer> {
    let next: IteratorResult<Buffer> = first;
    while (!next.done) {
      rawSize += next.value.length;
      if (rawSize > maxBytes) throw tooLarge();
      yield next.value;
      next = await iterator.next();
    }
  }
  async function keep(source: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  }
  try {
    if (decoder) await pipeline(raw, decoder, keep);
    else await keep(raw());
  } catch (e) {
    res.destroy();
    if (e instanceof YqError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code === 'ERR__ERROR' || /header|invalid|incorrect/i.test(String((e as Error).message))) {
      throw new YqError('YQ_ERR_FETCH_FAILED', `${url}: corrupt ${encoding} body (${(e as Error).message})`, { cause: e });
    }
    throw e;
  }
  return Buffer.concat(chunks, size);
}
