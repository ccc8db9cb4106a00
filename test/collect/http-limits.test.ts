// The guarded client's limits against hostile servers: huge bodies, decompression bombs, silence.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { guardedFetch } from '../../src/collect/http/client.ts';
import type { GuardedFetchOptions } from '../../src/collect/http/types.ts';
import { YqError } from '../../src/errors.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const MB = 1024 * 1024;
const opts = (o: GuardedFetchOptions = {}): GuardedFetchOptions => ({ allowPrivate: true, robots: false, timeoutMs: 5000, ...o });

async function rejectsWith(p: Promise<unknown>, code: string, re: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof YqError, `expected YqError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.match(e.message, re);
    return true;
  });
}

/** Write up to `total` bytes in 64 KB chunks, respecting back-pressure; records how much went out. */
function stream200MB(res: ServerResponse, sent: { bytes: number }, total = 200 * MB): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const pump = (): void => {
    while (sent.bytes < total && !res.destroyed) {
      sent.bytes += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

describe('guardedFetch limits', () => {
  let srv: TestServer;
  const sent = { bytes: 0 };
  // Highly compressible payloads: 64 MB of zeros shrink to a few dozen KB.
  const zeros = Buffer.alloc(64 * MB);
  const gzipBomb = zlib.gzipSync(zeros, { level: 1 });
  const deflateBomb = zlib.deflateRawSync(zeros, { level: 1 });
  const brBomb = zlib.brotliCompressSync(zeros, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
  before(async () => {
    srv = await startServer({
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        stream200MB(res, sent);
      },
      '/declared-huge': (_req, res) => {
        res.writeHead(200, { 'content-length': String(200 * MB) });
        res.write('x');
      },
      '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipBomb),
      '/deflate-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateBomb),
      '/br-bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brBomb),
      '/gzip-ok': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync('压缩的正文')),
      '/deflate-zlib': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync('zlib-wrapped')),
      '/corrupt-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('not gzip at all')),
      '/silent': () => {
        // Never answers: the client's deadline must end it.
      },
      '/stall': (_req, res) => {
        res.writeHead(200);
        res.write('first bytes then nothing');
      },
    });
  });
  after(() => srv.close());

  test('a 200 MB body stops at maxBytes without being read whole', async () => {
    await rejectsWith(guardedFetch(`${srv.url}/huge`, opts({ maxBytes: 1 * MB })), 'YQ_ERR_FETCH_TOO_LARGE', /exceeds the limit of 1048576 bytes/);
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(sent.bytes < 40 * MB, `server managed to send only ${sent.bytes} bytes before the client hung up`);
  });

  test('a declared Content-Length over the limit is refused before reading', async () => {
    await rejectsWith(guardedFetch(`${srv.url}/declared-huge`, opts({ maxBytes: 1 * MB })), 'YQ_ERR_FETCH_TOO_LARGE', /Content-Length 209715200/);
  });

  for (const kind of ['gzip', 'deflate', 'br']) {
    test(`a ${kind} bomb stops at maxBytes of decompressed data`, async () => {
      await rejectsWith(guardedFetch(`${srv.url}/${kind}-bomb`, opts({ maxBytes: 2 * MB })), 'YQ_ERR_FETCH_TOO_LARGE', new RegExp(`after ${kind} decompression`));
    });
  }

  test('ordinary compressed bodies decode (gzip, zlib-wrapped deflate)', async () => {
    assert.equal((await guardedFetch(`${srv.url}/gzip-ok`, opts())).body.toString(), '压缩的正文');
    assert.equal((await guardedFetch(`${srv.url}/deflate-zlib`, opts())).body.toString(), 'zlib-wrapped');
  });

  test('a corrupt gzip body is a fetch failure naming the encoding', async () => {
    await rejectsWith(guardedFetch(`${srv.url}/corrupt-gzip`, opts()), 'YQ_ERR_FETCH_FAILED', /corrupt gzip body/);
  });

  test('a server that never answers times out', async () => {
    await rejectsWith(guardedFetch(`${srv.url}/silent`, opts({ timeoutMs: 200 })), 'YQ_ERR_FETCH_TIMEOUT', /within 200 ms/);
  });

  test('a body that stalls halfway times out', async () => {
    await rejectsWith(guardedFetch(`${srv.url}/stall`, opts({ timeoutMs: 200 })), 'YQ_ERR_FETCH_TIMEOUT', /within 200 ms/);
  });

  test('a closed port is a fetch failure, not a hang', async () => {
    const gone = await startServer({});
    const url = gone.url;
    await gone.close();
    await rejectsWith(guardedFetch(`${url}/`, opts()), 'YQ_ERR_FETCH_FAILED', /connection refused/);
  });
});
