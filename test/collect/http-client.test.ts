// The guarded client against real loopback servers: address policy, redirects, conditional GET, robots.txt.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { guardedFetch } from '../../src/collect/http/client.ts';
import { blockedRange } from '../../src/collect/http/address-policy.ts';
import { RobotsCache } from '../../src/collect/http/robots.ts';
import { sendHop } from '../../src/collect/http/request.ts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GuardedFetchOptions } from '../../src/collect/http/types.ts';
import { YqError } from '../../src/errors.ts';
import { send, startServer, type TestServer } from './helpers/server.ts';

const open = (): GuardedFetchOptions => ({ allowPrivate: true, timeoutMs: 3000, robotsCache: new RobotsCache() });

async function rejectsWith(p: Promise<unknown>, code: string, re: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof YqError, `expected YqError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.match(e.message, re);
    return true;
  });
}

describe('address policy', () => {
  const cases: [string, string | null][] = [
    ['127.0.0.1', 'loopback'], ['10.1.2.3', 'private'], ['192.168.0.9', 'private'], ['172.16.5.5', 'private'],
    ['169.254.169.254', 'linkLocal'], ['0.0.0.0', 'unspecified'], ['224.0.0.1', 'multicast'], ['100.64.0.1', 'carrierGradeNat'],
    ['::1', 'loopback'], ['::', 'unspecified'], ['fe80::1', 'linkLocal'], ['fd00::1', 'uniqueLocal'], ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback (embedded in IPv6)'], ['::ffff:10.0.0.1', 'private (embedded in IPv6)'],
    ['8.8.8.8', null], ['2001:4860:4860::8888', null], ['::ffff:8.8.8.8', null],
  ];
  for (const [ip, want] of cases) test(`${ip} → ${want ?? 'public'}`, () => assert.equal(blockedRange(ip), want));
});

describe('guardedFetch', () => {
  let srv: TestServer;
  let other: TestServer;
  before(async () => {
    srv = await startServer({
      '/hello': send('你好', { 'content-type': 'text/plain; charset=utf-8', etag: '"v1"' }),
      '/etag': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
        else res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 01 Oct 2024 00:00:00 GMT' }).end('body');
      },
      '/since': (req, res) => {
        if (req.headers['if-modified-since'] === 'Tue, 01 Oct 2024 00:00:00 GMT') res.writeHead(304).end();
        else res.writeHead(200).end('fresh');
      },
      '/loop-a': send('', { location: '/loop-b' }, 302),
      '/loop-b': send('', { location: '/loop-a' }, 301),
      '/chain': (req, res) => {
        const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0);
        res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
      },
      '/to-hello': send('', { location: '/hello' }, 307),
      '/gone': send('gone', {}, 410),
      '/boom': send('oops', {}, 503),
      '/post': (req, res) => {
        let b = '';
        req.on('data', (c: Buffer) => (b += c.toString()));
        req.on('end', () => res.writeHead(303, { location: `/echo?m=${req.method}&b=${encodeURIComponent(b)}` }).end());
      },
      '/echo': (req, res) => res.end(`${req.method} ${req.url}`),
      '/robots.txt': send('User-agent: *\nDisallow: /private\n\nUser-agent: BadBot\nDisallow: /\n'),
      '/private/page': send('secret'),
      '/public': send('ok'),
    });
    other = await startServer({ '/robots.txt': send('oops', {}, 500), '/x': send('x') }, '127.0.0.2');
  });
  after(async () => {
    await srv.close();
    await other.close();
  });

  test('fetches a page with lowercased headers and fetchedAt', async () => {
    const r = await guardedFetch(`${srv.url}/hello`, { ...open(), now: () => 42 });
    assert.equal(r.status, 200);
    assert.equal(r.body.toString(), '你好');
    assert.equal(r.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(r.etag, '"v1"');
    assert.equal(r.fetchedAt, 42);
    assert.deepEqual(r.redirects, []);
    assert.equal(r.notModified, false);
  });

  test('loopback refused unless private networks are allowed', async () => {
    await rejectsWith(guardedFetch(`${srv.url}/hello`, { timeoutMs: 2000 }), 'YQ_ERR_FETCH_BLOCKED', /127\.0\.0\.1 is loopback/);
    await rejectsWith(guardedFetch(`http://localhost:${srv.port}/hello`, { timeoutMs: 2000 }), 'YQ_ERR_FETCH_BLOCKED', /localhost resolves only to non-public/);
    await rejectsWith(guardedFetch(`http://[::1]:${srv.port}/`, { timeoutMs: 2000 }), 'YQ_ERR_FETCH_BLOCKED', /::1 is loopback/);
  });

  test('non-http schemes are refused', async () => {
    await rejectsWith(guardedFetch('file:///etc/passwd', open()), 'YQ_ERR_FETCH_BLOCKED', /only http and https/);
  });

  test('a redirect to a private address is refused at that hop', async () => {
    // 127.0.0.2 is explicitly allowed; its redirect to 127.0.0.1 is not.
    const gate = await startServer({ '/go': send('', { location: `${srv.url}/hello` }, 302) }, '127.0.0.2');
    try {
      const opts = { timeoutMs: 2000, allowCidrs: ['127.0.0.2/32'], robots: false };
      const seen = srv.log.length;
      await rejectsWith(guardedFetch(`${gate.url}/go`, opts), 'YQ_ERR_FETCH_BLOCKED', /127\.0\.0\.1 is loopback/);
      assert.deepEqual(srv.log.slice(seen), [], 'the private server was never contacted');
    } finally {
      await gate.close();
    }
  });

  test('follows redirects and reports each hop', async () => {
    const r = await guardedFetch(`${srv.url}/to-hello`, open());
    assert.equal(r.finalUrl, `${srv.url}/hello`);
    assert.deepEqual(r.redirects, [`${srv.url}/hello`]);
    assert.equal(r.body.toString(), '你好');
  });

  test('redirect loop and too many redirects are clear errors', async () => {
    await rejectsWith(guardedFetch(`${srv.url}/loop-a`, open()), 'YQ_ERR_FETCH_FAILED', /redirect loop: .*loop-a → .*loop-b → .*loop-a/);
    await rejectsWith(guardedFetch(`${srv.url}/chain`, { ...open(), maxRedirects: 3 }), 'YQ_ERR_FETCH_FAILED', /more than 3 redirects/);
  });

  test('4xx and 5xx say the status', async () => {
    await rejectsWith(guardedFetch(`${srv.url}/gone`, open()), 'YQ_ERR_FETCH_FAILED', /HTTP 410/);
    await rejectsWith(guardedFetch(`${srv.url}/boom`, open()), 'YQ_ERR_FETCH_FAILED', /HTTP 503/);
    const r = await guardedFetch(`${srv.url}/gone`, { ...open(), throwOnHttpError: false });
    assert.equal(r.status, 410);
  });

  test('conditional GET: ETag and Last-Modified give notModified on 304', async () => {
    const first = await guardedFetch(`${srv.url}/etag`, open());
    assert.equal(first.body.toString(), 'body');
    const again = await guardedFetch(`${srv.url}/etag`, { ...open(), etag: first.etag });
    assert.equal(again.status, 304);
    assert.equal(again.notModified, true);
    assert.equal(again.body.length, 0);
    assert.equal(again.etag, '"v1"');
    const since = await guardedFetch(`${srv.url}/since`, { ...open(), lastModified: first.lastModified });
    assert.equal(since.notModified, true);
    assert.equal(since.lastModified, 'Tue, 01 Oct 2024 00:00:00 GMT');
  });

  test('POST then 303 continues as GET without the body', async () => {
    const r = await guardedFetch(`${srv.url}/post`, { ...open(), method: 'POST', body: '{"q":1}', headers: { 'content-type': 'application/json' } });
    assert.equal(r.body.toString(), `GET /echo?m=POST&b=${encodeURIComponent('{"q":1}')}`);
  });

  test('robots.txt: disallowed path refused, allowed path fetched, per-agent groups honoured', async () => {
    const cache = new RobotsCache();
    const robotsBefore = srv.log.filter((l) => l === 'GET /robots.txt').length;
    await rejectsWith(guardedFetch(`${srv.url}/private/page`, { ...open(), robotsCache: cache }), 'YQ_ERR_FETCH_BLOCKED', /disallowed by .*robots\.txt line 2/);
    assert.equal((await guardedFetch(`${srv.url}/public`, { ...open(), robotsCache: cache })).body.toString(), 'ok');
    await rejectsWith(guardedFetch(`${srv.url}/public`, { ...open(), robotsCache: new RobotsCache(), userAgent: 'BadBot/1.0' }), 'YQ_ERR_FETCH_BLOCKED', /disallowed/);
    assert.equal((await guardedFetch(`${srv.url}/private/page`, { ...open(), robots: false })).body.toString(), 'secret');
    assert.equal(srv.log.filter((l) => l === 'GET /robots.txt').length - robotsBefore, 2, 'robots.txt cached per origin');
  });

  test('robots.txt answering 5xx means disallow for now; 404 means allow', async () => {
    await rejectsWith(guardedFetch(`${other.url}/x`, open()), 'YQ_ERR_FETCH_BLOCKED', /robots\.txt answered HTTP 500/);
    const r = await guardedFetch(`${srv.url}/hello`, open());
    assert.equal(r.status, 200);
  });

  test('plain HTTP through a proxy uses the absolute-form target', async () => {
    const proxy = await startServer({ '*': (req, res) => res.end(`proxied ${req.url}`) });
    try {
      const r = await guardedFetch('http://93.184.216.34/page', { timeoutMs: 2000, robots: false, proxy: proxy.url });
      assert.equal(r.body.toString(), 'proxied http://93.184.216.34/page');
    } finally {
      await proxy.close();
    }
  });

  test('the connection goes to the address checked, not to a fresh DNS answer (pinning)', async () => {
    // "pinned.invalid" resolves nowhere; the hop still reaches the pinned loopback address.
    const res = await sendHop({
      url: new URL(`http://pinned.invalid:${srv.port}/hello`), method: 'GET', headers: {},
      address: { address: '127.0.0.1', family: 4 }, signal: AbortSignal.timeout(2000),
    });
    let body = '';
    for await (const c of res) body += String(c);
    assert.equal(body, '你好');
  });

  test('HTTPS through a proxy opens a CONNECT tunnel to the checked address', async () => {
    const seen: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req, socket) => {
      seen.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 200 Connection Established\r\n\r\n');
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const port = (proxy.address() as AddressInfo).port;
      await rejectsWith(
        guardedFetch('https://93.184.216.34/page', { timeoutMs: 2000, robots: false, proxy: `http://127.0.0.1:${port}` }),
        'YQ_ERR_FETCH_FAILED', /93\.184\.216\.34/,
      );
      assert.deepEqual(seen, ['CONNECT 93.184.216.34:443']);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  });
});
