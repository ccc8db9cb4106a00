// Table-driven cases for canonicalUrl: each row is one way the same page gets a different address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl } from '../../src/ingest/canonical-url.ts';

const CASES: { name: string; input: string; want: string | null }[] = [
  { name: 'utm_* parameters dropped', input: 'https://example.cn/a/1.html?utm_source=x&utm_medium=y&utm_Campaign=z', want: 'https://example.cn/a/1.html' },
  { name: 'spm and from dropped, real parameter kept', input: 'https://example.cn/news?spm=a2c.b.c&from=timeline&id=3', want: 'https://example.cn/news?id=3' },
  { name: 'weibo share parameters dropped', input: 'https://m.weibo.cn/status/123?from=singlemessage&isappinstalled=0', want: 'https://m.weibo.cn/status/123' },
  { name: 'wechat per-reader parameters dropped', input: 'https://mp.weixin.qq.com/s?__biz=MzA&mid=265&idx=1&sn=abc&chksm=84&scene=21#wechat_redirect', want: 'https://mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=265&sn=abc' },
  { name: 'parameter merely starting with from is kept', input: 'https://example.cn/a?from_id=3', want: 'https://example.cn/a?from_id=3' },
  { name: 'www stripped', input: 'https://www.example.cn/a', want: 'https://example.cn/a' },
  { name: 'http becomes https', input: 'http://example.cn/a', want: 'https://example.cn/a' },
  { name: 'scheme and host case folded, path case kept', input: 'HTTP://WWW.Example.CN/News/A', want: 'https://example.cn/News/A' },
  { name: 'default ports dropped', input: 'http://example.cn:80/a', want: 'https://example.cn/a' },
  { name: 'trailing slash dropped', input: 'https://example.cn/a/', want: 'https://example.cn/a' },
  { name: 'trailing slash before a query dropped', input: 'https://example.cn/a/?x=1', want: 'https://example.cn/a?x=1' },
  { name: 'bare host slash dropped', input: 'https://example.cn/', want: 'https://example.cn' },
  { name: 'fragment dropped', input: 'https://example.cn/a#comments', want: 'https://example.cn/a' },
  { name: 'text fragment dropped', input: 'https://example.cn/a#:~:text=%E6%8B%86', want: 'https://example.cn/a' },
  { name: 'route fragment kept (single-page sites)', input: 'https://example.cn/#/news/1', want: 'https://example.cn/#/news/1' },
  { name: 'hash-bang route kept', input: 'https://example.cn/#!/news/2', want: 'https://example.cn/#!/news/2' },
  { name: 'index.html dropped', input: 'https://example.cn/a/index.html', want: 'https://example.cn/a' },
  { name: 'index.shtml dropped with query kept', input: 'https://example.cn/a/index.shtml?x=1', want: 'https://example.cn/a?x=1' },
  { name: 'query parameters sorted', input: 'https://example.cn/a?b=2&a=1', want: 'https://example.cn/a?a=1&b=2' },
  { name: 'repeated parameter order kept', input: 'https://example.cn/a?x=1&x=0', want: 'https://example.cn/a?x=1&x=0' },
  { name: 'only tracking parameters leaves no "?"', input: 'https://example.cn/a?utm_source=x', want: 'https://example.cn/a' },
  { name: 'Chinese query text percent-encoded', input: 'https://example.cn/s?q=拆迁', want: 'https://example.cn/s?q=%E6%8B%86%E8%BF%81' },
  { name: 'dot segments resolved', input: 'https://example.cn/a/b/../c', want: 'https://example.cn/a/c' },
  { name: 'duplicate slashes collapsed', input: 'https://example.cn//a//b', want: 'https://example.cn/a/b' },
  { name: 'credentials dropped', input: 'https://user:pw@example.cn/a', want: 'https://example.cn/a' },
  { name: 'surrounding spaces trimmed', input: '  https://example.cn/a  ', want: 'https://example.cn/a' },
  { name: 'other subdomains kept', input: 'https://www2.example.cn/a', want: 'https://www2.example.cn/a' },
  { name: 'not http(s)', input: 'ftp://example.cn/a', want: null },
  { name: 'relative path', input: '/a/b.html', want: null },
  { name: 'garbage', input: 'https://', want: null },
];

for (const c of CASES) {
  test(`canonicalUrl: ${c.name}`, () => {
    assert.equal(canonicalUrl(c.input), c.want);
  });
}

test('canonicalUrl: the variants of one page all meet', () => {
  const variants = [
    'http://www.example.cn/news/2026/1120/index.html?utm_source=weibo&spm=1.2',
    'https://example.cn/news/2026/1120/?from=groupmessage#comment',
    'HTTPS://EXAMPLE.CN/news/2026/1120',
  ];
  assert.equal(new Set(variants.map(canonicalUrl)).size, 1);
});
