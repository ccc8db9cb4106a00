import fs from 'node:fs';
import { parseFeedText } from './src/collect/sources/feed/parse.ts';
import { decodeBody } from './src/collect/charset.ts';
const dir = '/work/shared/data/feeds/feedparser/illformed/';
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.xml'))) {
  const t = decodeBody(fs.readFileSync(dir + f), undefined, 'xml').text;
  try { const r = parseFeedText(t); console.log('OK ', f, r.format, r.entries.length, JSON.stringify(r.entries[0] ?? {}).slice(0, 150)); }
  catch (e) { console.log('ERR', f, (e as Error).message); }
}
const extra: Record<string, string> = {
  truncated: fs.readFileSync('/work/shared/data/feeds/rss-parser/guardian.rss', 'utf8').slice(0, 5000),
  ampersand: '<rss version="2.0"><channel><title>T & Co</title><item><title>A & B</title><link>http://x.com/?a=1&b=2</link></item></channel></rss>',
  html: '<!DOCTYPE html><html><body><p>hi</p></body></html>',
  unclosed: '<rss version="2.0"><channel><item><title>one</title></item><item><title>two</channel></rss>',
  empty: '',
  json: '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"/a","title":"<b>x</b>","content_text":"c","date_published":"2024-01-01T00:00:00Z"}]}',
  badjson: '{"version": ',
};
for (const [k, t] of Object.entries(extra)) {
  try { const r = parseFeedText(t); console.log('OK ', k, r.format, r.entries.length, JSON.stringify(r.entries.slice(0, 2)).slice(0, 300)); }
  catch (e) { console.log('ERR', k, (e as Error).message); }
}
