// `yuqing analyze` end to end: a real process over a small JSONL, bad lines reported, nothing stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(import.meta.dirname, '../..');

const LINES = [
  JSON.stringify({ external_id: 'r1', title: '柳州市一工地发生坍塌', content: '广西柳州市一在建工地坍塌，3人被困，消防正在救援。', published_at: '2026-11-19 10:00', platform: 'news' }),
  '{not json',
  JSON.stringify({ external_id: 'r2', content: '转发微博', parent_external_id: 'r1', published_at: '2026-11-19 10:05' }),
  '',
  JSON.stringify({ title: 'x', colour: 'red' }),
  JSON.stringify({ external_id: 'r3', content: '柳州坍塌事故救援进展：被困3人已全部救出', published_at: '2026-11-19 12:00' }),
];

function run(args: string[], dataDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyze', ...args], {
    cwd: ROOT,
    env: { ...process.env, YUQING_DATA: dataDir, YUQING_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

test('analyze writes each valid line back with the analysis added, skips bad lines by number, stores nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yq-analyze-'));
  try {
    const input = path.join(dir, 'in.jsonl');
    const output = path.join(dir, 'out.jsonl');
    const data = path.join(dir, 'data');
    fs.writeFileSync(input, `${LINES.join('\n')}\n`);
    const r = run(['--in', input, '--out', output, '--events'], data);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /line 2: invalid JSON/);
    assert.match(r.stderr, /line 5: colour: unknown field/);
    const out = fs.readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(out.map((o) => o.external_id), ['r1', 'r2', 'r3']);
    const first = out[0]!;
    assert.equal(first.title, '柳州市一工地发生坍塌', 'input fields are kept');
    assert.ok(['negative', 'neutral', 'positive'].includes((first.sentiment as { label: string }).label));
    assert.ok((first.keywords as string[]).length > 0);
    assert.deepEqual(first.regions, [
      { code: '4502', name: '柳州市', level: 'city' },
      { code: '45', name: '广西壮族自治区', level: 'province' },
    ]);
    assert.ok((first.risks as { category: string }[]).some((x) => x.category === 'accident_safety'));
    assert.deepEqual(out[1]!.sentiment, { label: 'neutral', score: 0 });
    assert.deepEqual([out[1]!.keywords, out[1]!.regions, out[1]!.risks], [[], [], []]);
    for (const o of out) assert.equal(typeof o.event_id, 'number');
    assert.equal(out[1]!.event_id, out[0]!.event_id, 'a repost joins its parent');
    assert.equal(fs.existsSync(path.join(data, 'yuqing.sqlite')), false, 'no database is created');

    // Without --events: streamed straight through, no event_id; stdin/stdout work too.
    const r2 = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'analyze', '--in', '-'], {
      cwd: ROOT,
      env: { ...process.env, YUQING_DATA: data },
      input: `${LINES[0]}\n`,
      encoding: 'utf8',
    });
    assert.equal(r2.status, 0, r2.stderr);
    const one = JSON.parse(r2.stdout.trim()) as Record<string, unknown>;
    assert.equal(one.event_id, undefined);
    assert.equal((one.regions as unknown[]).length, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze fails clearly on an invalid taxonomy in the data folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yq-analyze-'));
  try {
    fs.writeFileSync(path.join(dir, 'risk-taxonomy.json'), '{"version":1,"threshold":5,"categories":[]}');
    fs.writeFileSync(path.join(dir, 'in.jsonl'), `${LINES[0]}\n`);
    const r2 = run(['--in', path.join(dir, 'in.jsonl')], dir);
    assert.equal(r2.status, 1);
    assert.match(r2.stderr, /YQ_ERR_CONFIG: .*risk-taxonomy\.json: risk taxonomy invalid at threshold/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
