import fs from 'node:fs';
import path from 'node:path';
import { parseFeedText } from './src/collect/sources/feed/parse.ts';
import { entryToItem } from './src/collect/sources/feed/adapter.ts';
import { decodeBody } from './src/collect/charset.ts';
const root = '/work/shared/data/feeds/feedparser/wellformed';
const pyStr = (s: string) => JSON.parse('"' + s.replace(/\\x([0-9a-f]{2})/gi, '\\u00$1').replace(/"/g, '\\"').replace(/\\'/g, "'") + '"');
let pass = 0, fail = 0, err = 0;
const fields: Record<string, (i: any) => unknown> = { title: (i) => i.title, link: (i) => i.url, id: (i) => i.external_id, author: (i) => i.author };
for (const dir of ['atom', 'atom10', 'rss', 'rdf', 'base', 'amp', 'namespace']) {
  for (const f of fs.readdirSync(path.join(root, dir))) {
    const buf = fs.readFileSync(path.join(root, dir, f));
    const head = buf.toString('utf8');
    const m = /Expect:\s*not bozo and entries\[0\]\['(title|link|id|author)'\] == u?'((?:[^'\\]|\\.)*)'\s*$/m.exec(head);
    if (!m) continue;
    const want = pyStr(m[2]!);
    try {
      const feed = parseFeedText(decodeBody(buf, undefined, 'xml').text);
      const e = feed.entries[0];
      const got = e ? fields[m[1]!]!(entryToItem(e, feed, { docUrl: 'http://127.0.0.1:8097/' + dir + '/' + f, tz: 'UTC', now: Date.now() })) : undefined;
      if (got === want) { pass++; console.log("PASS", dir + "/" + f, m[1]); } else { fail++; console.log('FAIL', dir + '/' + f, m[1], JSON.stringify(want), 'got', JSON.stringify(got)); }
    } catch (e) { err++; console.log('ERR', dir + '/' + f, (e as Error).message.slice(0, 100)); }
  }
}
console.log({ pass, fail, err });
