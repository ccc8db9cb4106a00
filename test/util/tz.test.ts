import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zonedToUtc, zoneOffsetMs } from '../../src/util/tz.ts';

test('Asia/Shanghai is UTC+8', () => {
  assert.equal(zoneOffsetMs(Date.UTC(2024, 1, 1), 'Asia/Shanghai'), 8 * 3600e3);
  assert.equal(new Date(zonedToUtc('Asia/Shanghai', 2024, 2, 1, 15, 30)).toISOString(), '2024-02-01T07:30:00.000Z');
});
