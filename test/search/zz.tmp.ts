import fs from 'node:fs';
import Database from 'better-sqlite3';
import { normalise } from '/work/main/src/text/normalise.ts';
import { indexText } from '/work/main/src/search/bigrams.ts';
const posts = fs.readFileSync('/work/shared/data/events/weibo-originals.jsonl', 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
const N = 8000;
const norms: string[] = [];
for (let i = 0; i < N; i++) { let s = ''; for (let k = 0; k < 5; k++) s += posts[(i * 7 + k * 131) % posts.length]; norms.push(normalise(s.slice(0, 500))); }
let c0 = process.cpuUsage();
const toks = norms.map(indexText);
let cu = process.cpuUsage(c0); console.log('indexText µs/doc', ((cu.user + cu.system) / N).toFixed(1));
const noUni = toks.map((t) => t.split(' ').filter((x) => x.length !== 1 || /[a-z0-9]/.test(x)).join(' '));
function run(name: string, create: string, cfg: string[], docs: string[]) {
  fs.rmSync('/tmp/s4/p.db', { force: true }); fs.rmSync('/tmp/s4/p.db-wal', { force: true });
  const db = new Database('/tmp/s4/p.db'); db.pragma('journal_mode=WAL'); db.pragma('synchronous=NORMAL');
  db.exec(create);
  for (const c of cfg) db.exec(c);
  const ins = db.prepare('INSERT INTO f(rowid,title,body) VALUES (?,?,?)');
  const c0 = process.cpuUsage();
  for (let b = 0; b < N; b += 1000) db.transaction(() => { for (let i = b; i < b + 1000; i++) ins.run(BigInt(i + 1) << 21n, '', docs[i]!); })();
  const cpu = process.cpuUsage(c0); const cms = (cpu.user + cpu.system) / 1000;
  db.close();
  return Math.round(N / (cms / 1000));
}
const base = `CREATE VIRTUAL TABLE f USING fts5(title, body, content='', contentless_delete=1`;
const V: [string, string, string[], string[]][] = [
  ['unicode61', base + `)`, [], toks],
  ['ascii', base + `, tokenize='ascii')`, [], toks],
  ['ascii hash64', base + `, tokenize='ascii')`, [`INSERT INTO f(f, rank) VALUES('hashsize', 67108864)`], toks],
  ['ascii hash64 am16', base + `, tokenize='ascii')`, [`INSERT INTO f(f, rank) VALUES('hashsize', 67108864)`, `INSERT INTO f(f, rank) VALUES('automerge', 16)`], toks],
  ['ascii nounigram', base + `, tokenize='ascii')`, [], noUni],
];
const best = new Map<string, number>();
for (let r = 0; r < 3; r++) for (const [n, c, cfg, d] of V) best.set(n, Math.max(best.get(n) ?? 0, run(n, c, cfg, d)));
console.log(best);
