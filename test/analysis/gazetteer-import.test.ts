// `yuqing gazetteer import` in one process, then counties and townships resolve in another (this one),
// through the analyzer and through ingest().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ingest } from '../../src/ingest/pipeline.ts';
import { analysisStage } from '../../src/analysis/stage.ts';
import { analysisDb } from '../../src/analysis/store.ts';
import { getRegionIndex, gazetteerPath } from '../../src/analysis/regions/gazetteer.ts';
import { importGazetteer } from '../../src/analysis/regions/import.ts';
import { testContext, sharedData } from '../helpers/context.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function cli(args: string[], dataDir: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, YUQING_DATA: dataDir, YUQING_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('gazetteer import by the CLI; this process then resolves townships in analysis and ingest', async () => {
  const ctx = await testContext({ jurisdiction: ['450225'] });
  try {
    const before = getRegionIndex(ctx.dataDir);
    assert.equal(before.source, 'builtin');
    assert.equal(before.levels.has('township'), false);

    const r = cli(['gazetteer', 'import', sharedData('regions')], ctx.dataDir);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { divisions: number; by_level: { province: number; city: number; county: number; township: number } };
    assert.equal(report.by_level.province, 34); // 31 + 台湾, 香港, 澳门
    assert.ok(report.by_level.city >= 330 && report.by_level.county > 2800 && report.by_level.township > 40_000, JSON.stringify(report));
    assert.ok(fs.existsSync(gazetteerPath(ctx.dataDir)));

    const text = { title: '融水安陲一村民被困山中', content: '广西融水苗族自治县安陲乡发生山体滑坡，消防正在救援。' };
    const r2 = await ingest(ctx, [{ external_id: 'g1', source: 'x', ...text }], { stages: [analysisStage] });
    assert.equal(r2.added, 1);
    const rows = await analysisDb(ctx.store.db).selectFrom('item_regions').select(['code', 'level']).where('item_id', '=', r2.results[0]!.id!).orderBy('code').execute();
    assert.deepEqual(rows, [
      { code: '45', level: 'province' },
      { code: '450225', level: 'county' },
      { code: '450225209', level: 'township' },
    ]);
    assert.notEqual(getRegionIndex(ctx.dataDir).source, 'builtin');
  } finally {
    await ctx.cleanup();
  }
});

test('gazetteer import rejects a folder without the expected files or columns', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yq-gaz-'));
  try {
    assert.throws(() => importGazetteer(dir, dir), /provinces\.csv not found/);
    fs.writeFileSync(path.join(dir, 'provinces.csv'), 'code,name\n45,广西壮族自治区\n');
    fs.writeFileSync(path.join(dir, 'cities.csv'), 'code,title,provinceCode\n4502,柳州市,45\n');
    assert.throws(() => importGazetteer(dir, dir), /cities\.csv: missing column\(s\) name/);
    fs.writeFileSync(path.join(dir, 'cities.csv'), 'code,name,provinceCode\n4502,柳州市,45\n4590,省直辖县级行政区划,45\n');
    fs.writeFileSync(path.join(dir, 'areas.csv'), 'code,name,cityCode,provinceCode\n450225,融水苗族自治县,4502,45\n459001,某某市,4590,45\n');
    const r = importGazetteer(dir, dir);
    assert.deepEqual(r.by_level, { province: 4, city: 1, county: 2, township: 0 });
    const idx = getRegionIndex(dir);
    assert.equal(idx.byCode.get('459001')?.parent, '45');
    assert.equal(idx.byCode.has('4590'), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
