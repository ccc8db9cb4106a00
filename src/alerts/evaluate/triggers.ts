// What fires a rule for an item: the item itself, its event being new, its event's heat over the
// threshold, or a volume spike of everything the rule watches. Each firing is a Candidate keyed so that
// one story makes one alert: by event, else by similar-group, else by item (a spike: one key per rule).
import type { CompiledRule, Thresholds } from '../rules/compiled.ts';
import { thresholdsOf } from '../rules/compiled.ts';
import { matchesWatch, type ItemFacts } from '../rules/watch.ts';
import { clip } from '../message.ts';
import type { SpikeReading } from './spike.ts';

export interface EventInfo {
  id: number;
  title: string;
  heat: number;
  itemCount: number;
  createdAt: number;
}

export interface Candidate {
  rule: CompiledRule;
  key: string;
  item: ItemFacts | null;
  eventId: number | null;
  sourceId: number | null;
  title: string;
  summary: string;
  heat: number | null;
  z: number | null;
  /** new_event and source_down: never fire twice for the same key, cooldown or not. */
  onceOnly: boolean;
}

export interface TriggerContext {
  at: number;
  inKeyPeriod: boolean;
  events: Map<number, EventInfo>;
  /** The spike reading of a rule at `at` (computed once per rule per batch). */
  spike(rule: CompiledRule): Promise<SpikeReading>;
}

function storyKey(f: ItemFacts): string {
  if (f.eventId !== null) return `event:${f.eventId}`;
  if (f.similarGroupId !== null) return `group:${f.similarGroupId}`;
  return `item:${f.id}`;
}

function itemTitle(f: ItemFacts): string {
  return clip(f.title || f.content, 80);
}

function base(rule: CompiledRule, f: ItemFacts, ev: EventInfo | undefined): Omit<Candidate, 'key' | 'summary' | 'onceOnly'> {
  return { rule, item: f, eventId: f.eventId, sourceId: null, title: ev?.title ? clip(ev.title, 80) : itemTitle(f), heat: ev?.heat ?? null, z: null };
}

/** The candidate the item makes for the rule, or null. */
export async function candidateFor(rule: CompiledRule, f: ItemFacts, tc: TriggerContext): Promise<Candidate | null> {
  if (rule.trigger === 'source_down') return null;
  if (tc.at - f.publishedAt > rule.maxAgeMs) return null;
  if (!matchesWatch(rule, f)) return null;
  const t: Thresholds = thresholdsOf(rule, tc.inKeyPeriod);
  const ev = f.eventId !== null ? tc.events.get(f.eventId) : undefined;
  switch (rule.trigger) {
    case 'item': {
      const s = f.sentiment ? `倾向：${f.sentiment === 'negative' ? '负面' : f.sentiment === 'positive' ? '正面' : '中性'}` : '';
      return { ...base(rule, f, ev), key: storyKey(f), summary: [`监测到相关信息：${itemTitle(f)}`, s].filter(Boolean).join('；'), onceOnly: false };
    }
    case 'new_event': {
      if (!ev || tc.at - ev.createdAt > rule.newEventWindowMs || ev.itemCount < t.newEventMinItems) return null;
      return { ...base(rule, f, ev), key: `event:${ev.id}`, summary: `新事件：${clip(ev.title, 80)}（${ev.itemCount} 条）`, onceOnly: true };
    }
    case 'event_heat': {
      if (!ev || ev.heat < t.heat) return null;
      return { ...base(rule, f, ev), key: `event:${ev.id}`, summary: `事件热度 ${ev.heat}，超过阈值 ${t.heat}${tc.inKeyPeriod ? '（重点时段阈值）' : ''}`, onceOnly: false };
    }
    case 'volume_spike': {
      const r = await tc.spike(rule);
      if (r.current < t.minCount || r.z < t.z) return null;
      return {
        ...base(rule, f, undefined), key: 'spike', eventId: null, title: `${rule.name}：信息量异常增长`, z: r.z,
        summary: `近一小时相关信息 ${r.current} 条，同时段平均 ${r.mean.toFixed(1)} 条（z=${r.z}，阈值 ${t.z}）`, onceOnly: false,
      };
    }
  }
}
