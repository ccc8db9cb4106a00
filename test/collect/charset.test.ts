// decodeBody on real bytes: Chinese legacy feeds, charset samples, feedparser's and miniflux's cases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { decodeBody, normaliseCharset } from '../../src/collect/charset.ts';
import { sharedData } from '../helpers/context.ts';

const read = (...p: string[]) => fs.readFileSync(sharedData(...p));
const legacy = (f: string) => read('feeds/chinese-legacy', f);

// One Chinese title from each legacy feed, checked against the decoded text.
const LEGACY: [file: string, charset: string, text: string][] = [
  ['GB2312/14.blog.westca.com.xml', 'gb18030', '想要飞 却怎么样也飞不高'],
  ['GB2312/acnnewswire.net.xml', 'gb18030', '亚洲开发银行新闻稿亚行贷款力推中国河南省海河流域环境污染治理'],
  ['GB2312/cappuccinos.3322.org.xml', 'gb18030', '<title>雨</title>'],
  ['GB2312/cindychen.com.xml', 'gb18030', 'Oceana 的出生'],
  ['GB2312/coverer.com.xml', 'gb18030', '网站排名下降的主要原因'],
  ['GB2312/godthink.blogsome.com.xml', 'gb18030', '终于考完了'],
  ['GB2312/lily.blogsome.com.xml', 'gb18030', '午后红茶'],
  ['GB2312/pda.blogsome.com.xml', 'gb18030', '并未绝无可能：采用非Palm操作系统的Palm'],
  ['GB2312/w3cn.org.xml', 'gb18030', '网页设计师'],
  ['Big5/0804.blogspot.com.xml', 'big5', '《11月的蕭邦》'],
  ['Big5/carbonxiv.blogspot.com.xml', 'big5', '格子已搬家'],
  ['Big5/coolloud.org.tw.xml', 'big5', '文建會硬不起來'],
  ['Big5/ebao.us.xml', 'big5', '新年快樂'],
  ['Big5/kafkatseng.blogspot.com.xml', 'big5', '學英文是最耐久的惡夢'],
  ['Big5/leavesth.blogspot.com.xml', 'big5', '替代死刑推動聯盟'],
  ['Big5/linyijen.blogspot.com.xml', 'big5', '短髮俏麗'],
  ['Big5/sanwenji.blogspot.com.xml', 'big5', '散文集'],
  ['Big5/willythecop.blogspot.com.xml', 'big5', '《刑警威利》'],
];

describe('decodeBody: Chinese legacy feeds', () => {
  for (const [file, charset, text] of LEGACY) {
    test(`${file} by its XML declaration`, () => {
      const r = decodeBody(legacy(file), 'application/xml', 'xml');
      assert.deepEqual([r.charset, r.via], [charset, 'xml-decl']);
      assert.ok(r.text.includes(text), `decoded text contains ${text}`);
      assert.ok(!r.text.includes('\uFFFD'), 'no replacement characters');
    });
    test(`${file} with the declaration removed is detected`, () => {
      const bytes = Buffer.from(legacy(file).toString('latin1').replace(/encoding="[^"]+"/i, ''), 'latin1');
      const r = decodeBody(bytes, 'text/xml', 'xml');
      assert.deepEqual([r.charset, r.via], [charset, 'detected']);
      assert.ok(r.text.includes(text));
    });
    test(`${file} behind a wrong "charset=utf-8" header`, () => {
      const r = decodeBody(legacy(file), 'text/xml; charset=utf-8', 'xml');
      assert.equal(r.charset, charset);
      assert.ok(r.text.includes(text));
    });
  }
  test('an HTML page saved from sina.com.cn with no declaration at all', () => {
    const r = decodeBody(legacy('GB2312/_chromium_gb18030_with_no_encoding_specified.html.xml'), 'text/html', 'html');
    assert.deepEqual([r.charset, r.via], ['gb18030', 'detected']);
    assert.match(r.text, /<title>中国制造的领军者3名<\/title>/);
  });
  test('Big5 plain text with no declaration', () => {
    const r = decodeBody(legacy('Big5/_ude_1.txt'));
    assert.deepEqual([r.charset, r.via], ['big5', 'detected']);
    assert.ok(r.text.startsWith('維基大典（Wikipedia）者，網路為礎'));
  });
  test('a header label wins over the XML declaration (gb2312 decoded as GB18030)', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="big5"?><rss><title>镕基与喆</title></rss>', 'gb18030');
    const r = decodeBody(bytes, "application/rss+xml; charset='gb2312'", 'xml');
    assert.deepEqual([r.charset, r.via], ['gb18030', 'header']);
    assert.ok(r.text.includes('镕基与喆'), 'GBK-only characters under a gb2312 label survive');
  });
});

describe('decodeBody: charset samples', () => {
  const cases: [string, string, string][] = [
    ['gb18030.txt', 'gb18030', '简体中文简体中文'],
    ['big5.txt', 'big5', '繁體中文繁體中文'],
    ['utf-8.txt', 'utf-8', '汉字漢字統一編碼萬國碼'],
  ];
  for (const [file, charset, text] of cases) {
    test(`${file} detected`, () => {
      const r = decodeBody(read('charsets', file));
      assert.equal(r.charset, charset);
      assert.ok(r.text.includes(text));
    });
  }
  test('EUC-TW cannot be decoded here (no decoder): ASCII survives, nothing throws', () => {
    const r = decodeBody(read('charsets', 'euc-tw.txt'));
    assert.ok(r.text.startsWith('EUC-TW'));
  });
  test('a few bytes of GBK default to GB18030, a few Latin-1 bytes to windows-1252', () => {
    assert.equal(decodeBody(iconv.encode('<p>舆情</p>', 'gbk')).text, '<p>舆情</p>');
    assert.equal(decodeBody(Buffer.from('<to>Ana\xefs</to>', 'latin1')).text, '<to>Anaïs</to>');
  });
  test('labels', () => {
    const table: [string, string | null][] = [['GB2312', 'gb18030'], ['x-gbk', 'gb18030'], ['GBK', 'gb18030'], ['BIG5', 'big5'],
      ['big5-hkscs', 'big5'], ['ISO-8859-1', 'windows-1252'], ['"utf8"', 'utf-8'], ['koi8-r', 'koi8-r'], ['euc-tw', null], ['bogus', null]];
    for (const [label, want] of table) assert.equal(normaliseCharset(label), want, label);
  });
});

describe('decodeBody: feedparser encoding suite', () => {
  const dir = sharedData('feeds/feedparser/encoding');
  for (const file of fs.readdirSync(dir).sort()) {
    const bytes = fs.readFileSync(`${dir}/${file}`);
    const head = bytes.toString('latin1');
    const expected = /Expect:.*encoding\s*==\s*'([^']+)'/.exec(head)?.[1];
    if (!expected) continue;
    const header = /Header:\s*Content-type:\s*(.*)/i.exec(head)?.[1]?.trim();
    test(`${file} → ${expected}`, () => {
      const r = decodeBody(bytes, header, 'xml');
      // RFC 3023's us-ascii default for text/xml: these bodies are ASCII, which UTF-8 reads identically.
      if (expected === 'us-ascii') assert.equal(r.text, bytes.toString('ascii'));
      else assert.equal(r.charset, normaliseCharset(expected));
    });
  }
});

describe('decodeBody: miniflux cases', () => {
  const mf = (p: string) => read('feeds/miniflux/reader', p);
  const cases: [file: string, kind: 'html' | 'xml', charset: string, via: string, text: string][] = [
    ['encoding/testdata/utf8-meta-after-1024.html', 'html', 'utf-8', 'meta', 'Café'],
    ['encoding/testdata/iso-8859-1-meta-after-1024.html', 'html', 'windows-1252', 'meta', 'Café'],
    ['encoding/testdata/iso-8859-1.html', 'html', 'windows-1252', 'meta', 'Frédéric'],
    ['encoding/testdata/utf8.html', 'html', 'utf-8', 'meta', 'Café'],
    ['encoding/testdata/utf8-incorrect-prolog.xml', 'xml', 'utf-8', 'detected', '테스트 피드'],
    ['encoding/testdata/windows-1252-incorrect-prolog.xml', 'xml', 'utf-8', 'detected', 'Euro €'],
    ['encoding/testdata/windows-1252.xml', 'xml', 'windows-1252', 'xml-decl', 'Euro €'],
    ['encoding/testdata/invalid-prolog.xml', 'xml', 'utf-8', 'detected', '테스트 피드'],
    ['encoding/testdata/koi8r.xml', 'xml', 'koi8-r', 'xml-decl', 'KOI8-R'],
    ['xml/testdata/iso88591_utf8_mismatch.xml', 'xml', 'windows-1252', 'default', 'Anaïs'],
    ['parser/testdata/encoding_WINDOWS-1251.xml', 'xml', 'windows-1251', 'xml-decl', 'Цитата'],
    ['parser/testdata/no_encoding_ISO-8859-1.xml', 'xml', 'windows-1252', 'detected', 'Perturbateurs endocriniens'],
  ];
  for (const [file, kind, charset, via, text] of cases) {
    test(file, () => {
      const r = decodeBody(mf(file), undefined, kind);
      assert.deepEqual([r.charset, r.via], [charset, via]);
      assert.ok(r.text.includes(text), `contains ${text}`);
    });
  }
});
