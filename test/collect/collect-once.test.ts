// collectOnce's settings validation: every kind's settings are checked before anything is fetched.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { collectOnce, validateSourceSettings, type CollectKind } from '../../src/collect/collect-once.ts';
import type { CollectFetch } from '../../src/collect/http/types.ts';
import { YqError } from '../../src/errors.ts';

const CASES: [name: string, kind: CollectKind, settings: unknown, error: RegExp][] = [
  ['unknown key', 'feed', { maxItem: 5 }, /settings: unknown key\(s\) "maxItem" for a feed source/],
  ['missing list', 'html', {}, /settings\.list: /],
  ['missing item selector', 'html', { list: { link: 'a' } }, /settings\.list\.item: /],
  ['unknown list key', 'html', { list: { item: 'li', date: 'span' } }, /settings\.list: unknown key\(s\) "date"/],
  ['bad attribute syntax', 'html', { list: { item: 'li', time: 'span@' } }, /settings\.list\.time: expected "selector" or "selector@attribute"/],
  ['unparseable CSS selector', 'html', { list: { item: 'li[' } }, /settings\.list\.item: invalid CSS selector "li\[": /],
  ['pagination without next or template', 'html', { list: { item: 'li' }, pagination: { pages: 3 } }, /settings\.pagination: pagination needs "next" or "template"/],
  ['template without {page}', 'html', { list: { item: 'li' }, pagination: { template: 'https://x/list.html' } }, /settings\.pagination\.template: must contain \{page\}/],
  ['pages out of range', 'html', { list: { item: 'li' }, pagination: { next: 'a.next', pages: 500 } }, /settings\.pagination\.pages: /],
  ['bad regex', 'sitemap', { include: '(' }, /settings\.include: not a valid regular expression/],
  ['json_api without items', 'json_api', { fields: {} }, /settings\.items: /],
  ['json_api unknown field', 'json_api', { items: 'data', fields: { likes: 'x' } }, /settings\.fields: unknown key\(s\) "likes"/],
  ['unknown kind', 'rss' as CollectKind, {}, /kind: "rss" cannot be collected/],
];

describe('collect settings validation', () => {
  for (const [name, kind, settings, error] of CASES) {
    test(name, async () => {
      assert.throws(() => validateSourceSettings(kind, settings), (e: unknown) => e instanceof YqError && e.code === 'YQ_ERR_VALIDATION' && error.test(e.message));
      let fetched = false;
      const fetch: CollectFetch = async () => {
        fetched = true;
        throw new Error('unreachable');
      };
      await assert.rejects(collectOnce({ kind, url: 'http://example.invalid/', settings }, { fetch, tz: 'Asia/Shanghai', now: 0 }), YqError);
      assert.equal(fetched, false, 'nothing fetched with invalid settings');
    });
  }
  test('valid settings pass, with defaults untouched', () => {
    assert.deepEqual(validateSourceSettings('feed', undefined), {});
    assert.deepEqual(validateSourceSettings('html', { list: { item: 'li', time: 'time@datetime' } }), { list: { item: 'li', time: 'time@datetime' } });
  });
});
