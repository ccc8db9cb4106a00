import fs from 'node:fs';
import Database from 'better-sqlite3';
import { normalise } from '/work/main/src/text/normalise.ts';
import { indexText } from '/work/main/src/search/bigrams.ts';
const posts = fs.readFileSync('/work/shared/data/events/weibo-originals.jsonl', 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
const N = 40000;
const toks: string[] = [];
for (let i = 0; i < N; i++) { let s = ''; for (let k = 0; k < 5; k++) s += posts[(i * 7 + k * 131 + (i >> 5)) % posts.length]; toks.push(indexText(normalise(s.slice(0, 500)))); }
const times = Array.from({ length: N }, (_, i) => 1735689600000 + Math.floor(((i * 2654435761) % 1000003) / 1000003 * 700 * 86400000));
function run(name: string, key: (i: number) => bigint, cols: 'bt' | 'tb') {
  fs.rmSync('/tmp/s4/p.db', { force: true }); fs.rmSync('/tmp/s4/p.db-wal', { force: true });
  const db = new Database('/tmp/s4/p.db'); db.pragma('journal_mode=WAL'); db.pragma('synchronous=NORMAL');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(${cols === 'bt' ? 'body, title' : 'title, body'}, content='', contentless_delete=1, tokenize='ascii')`);
  db.exec(`INSERT INTO f(f, rank) VALUES('hashsize', 16777216)`);
  const ins = db.prepare(cols === 'bt' ? 'INSERT INTO f(rowid,body,title) VALUES (?,?,?)' : 'INSERT INTO f(rowid,title,body) VALUES (?,?,?)');
  const c0 = process.cpuUsage();
  for (let b = 0; b < N; b += 1000) db.transaction(() => { for (let i = b; i < b + 1000; i++) ins.run(key(i), toks[i]!, '城管 管局 局'); })();
  const cpu = process.cpuUsage(c0); const cms = (cpu.user + cpu.system) / 1000;
  db.exec(`INSERT INTO f(f) VALUES('optimize')`);
  const size = (db.prepare(`select sum(pgsize) b from dbstat where name like 'f_%'`).get() as { b: number }).b;
  const q = (m: string) => { const c1 = process.cpuUsage(); let n = 0; for (let r = 0; r < 5; r++) n = (db.prepare('select count(*) n from f where f match ?').get(m) as { n: number }).n; const c = process.cpuUsage(c1); return `${n}:${((c.user + c.system) / 5000).toFixed(1)}ms`; };
  console.log(name, cols, 'docs/s cpu', Math.round(N / (cms / 1000)), 'MB', (size / 1e6).toFixed(1), q('"医院"'), q('"中国"'), q('"转发"'), q('"人民 民医 医院"'), q('"医院" AND "孩子"'));
  db.close();
}
const seq = new Map<number, number>();
const hk = times.map((t) => { const h = Math.floor(t / 3600000); const n = (seq.get(h) ?? 0) + 1; seq.set(h, n); return BigInt(h * 2 ** 23 + n); });
run('id', (i) => BigInt(i + 1), 'bt');
run('hour<<23', (i) => hk[i]!, 'bt');
