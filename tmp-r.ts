import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
const require = createRequire(import.meta.url);
const JSDOMParser = require('@mozilla/readability/JSDOMParser.js');
const html = fs.readFileSync('test/collect/fixtures/news-article.html', 'utf8');
const big = html.replace('<div class="footer">', '<div>' + '<p>段落内容很多的文字，用来模拟较长的正文页面。</p>'.repeat(300) + '</div><div class="footer">');
for (const [name, h] of [['small', html], ['big', big]] as const) {
  for (const impl of ['linkedom', 'jsdomparser', 'linkedom-parse-only']) {
    let r; const n = 50; const t = performance.now();
    for (let i = 0; i < n; i++) {
      if (impl === 'linkedom') { const { document } = parseHTML(h); r = new Readability(document as any).parse(); }
      else if (impl === 'linkedom-parse-only') { parseHTML(h); }
      else { const doc = new JSDOMParser().parse(h, 'http://x.gov.cn/a.html'); r = new Readability(doc).parse(); }
    }
    console.log(name, impl, ((performance.now() - t) / n).toFixed(2), 'ms', r?.textContent?.length);
  }
}
