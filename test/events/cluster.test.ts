import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClusterer } from '../../src/events/cluster/memory.ts';
import { clusterOffline } from '../../src/events/offline.ts';
import type { ClusterItem } from '../../src/events/cluster/types.ts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 19, 2, 0);

const STORY_A = '融水县城管执法人员与流动摊贩发生冲突，有摊贩受伤，现场视频在网上流传，引发网友关注';
const STORY_A2 = '融水县城管局回应执法冲突视频：已成立调查组，涉事执法人员停职接受调查';
const STORY_B = '柳州市举办国际马拉松比赛，两万名选手参赛，赛事组织有序，沿途市民加油助威';
const STORY_C = '三江侗族自治县暴雨引发山洪，多个村庄道路中断，救援队连夜转移受困群众';

function item(id: number, text: string, hours: number, extra: Partial<ClusterItem> = {}): ClusterItem {
  return { id, externalId: null, parentExternalId: null, publishedAt: T0 + hours * H, text, ...extra };
}

test('replies join their parent even with empty or boilerplate text', () => {
  const c = createClusterer();
  const root = c.add(item(1, STORY_A, 0, { externalId: 'r1' }));
  const other = c.add(item(2, STORY_B, 0.5, { externalId: 'b1' }));
  assert.notEqual(root, other);
  assert.equal(c.add(item(3, '', 1, { externalId: 'x1', parentExternalId: 'r1' })), root);
  assert.equal(c.add(item(4, '转发微博', 1.2, { externalId: 'x2', parentExternalId: 'x1' })), root);
  assert.equal(c.add(item(5, '支持！', 1.3, { externalId: 'x3', parentExternalId: 'b1' })), other);
});

test('children that arrive before their parent are pulled together when it comes', () => {
  const c = createClusterer();
  c.add(item(1, STORY_B, 0, { externalId: 'b' }));
  // Two orphans of the same unknown parent, one with no text: they stay together.
  const o1 = c.add(item(2, '这也太过分了吧', 1, { externalId: 'k1', parentExternalId: 'root' }));
  const o2 = c.add(item(3, '', 1.1, { externalId: 'k2', parentExternalId: 'root' }));
  assert.equal(o1, o2);
  // A grandchild whose parent (k3) is also missing starts somewhere else...
  c.add(item(4, '转发微博', 1.2, { externalId: 'g1', parentExternalId: 'k3' }));
  // ...then k3 arrives answering root, and finally root: everything ends in one event.
  c.add(item(5, '城管打人了', 1.3, { externalId: 'k3', parentExternalId: 'root' }));
  const rootEvent = c.add(item(6, STORY_A, 0.5, { externalId: 'root' }));
  for (const id of [2, 3, 4, 5, 6]) assert.equal(c.eventOf(id), rootEvent, `item ${id}`);
  assert.notEqual(c.eventOf(1), rootEvent);
});

test('unrelated stories at the same time stay apart; a follow-up report joins its story', () => {
  const c = createClusterer();
  const a = c.add(item(1, STORY_A, 0));
  const b = c.add(item(2, STORY_B, 0.2));
  const cc = c.add(item(3, STORY_C, 0.4));
  assert.equal(new Set([a, b, cc]).size, 3);
  assert.equal(c.add(item(4, STORY_A2, 5)), a);
});

test('the time window closes an event: the same story three days later starts a new one', () => {
  const c = createClusterer();
  const a = c.add(item(1, STORY_A, 0));
  assert.equal(c.add(item(2, STORY_A2, 30)), a);
  // 30 h + 73 h: more than 72 h after the event's last item.
  assert.notEqual(c.add(item(3, STORY_A2, 103)), a);
});

test('items of one similar-group share an event', () => {
  const c = createClusterer();
  const a = c.add(item(1, STORY_A, 0, { similarGroupId: 7 }));
  c.add(item(2, STORY_B, 0.1));
  assert.equal(c.add(item(3, '这条新闻大家怎么看', 0.2, { similarGroupId: 7 })), a);
});

test('clusterOffline numbers events by first line and reads the item JSON form', () => {
  const got = clusterOffline([
    { external_id: 'r', content: STORY_A, published_at: '2026-11-19 10:00' },
    { content: STORY_B, published_at: '2026-11-19 10:10' },
    { external_id: 'c', parent_external_id: 'r', content: '', published_at: 1795053600 + 900 },
    { title: '融水县回应', content: STORY_A2, published_at: '2026-11-19T16:00:00+08:00' },
  ], { now: Date.UTC(2026, 11, 1) });
  assert.deepEqual([...got.values()], [1, 2, 1, 1]);
});

test('the title item is the original post, not a wordier reply; a reprint with more reposts can take it over', () => {
  const c = createClusterer();
  const e = c.add(item(1, '被拆迁的人体模特苏紫紫的故事，值得关注', 0, { externalId: 'root' }));
  c.add(item(2, '苏紫紫加油！不害怕命运的不公和磨难，又一个强拆的受害者，苏紫紫你真的很棒，支持苏紫紫', 1, { externalId: 'c', parentExternalId: 'root' }));
  const ev = () => c.events().find((x) => x.id === e)!;
  assert.equal(ev().titleItemId, 1);
  c.add(item(3, '人大女生苏紫紫：被拆迁的人体模特的故事引发关注', 2, { similarGroupId: 9, reposts: 100_000 }));
  c.add(item(4, '人大女生苏紫紫：被拆迁的人体模特的故事引发关注', 2.1, { similarGroupId: 9 }));
  assert.equal(c.eventOf(3), e);
  assert.ok([1, 3].includes(ev().titleItemId!));
});
