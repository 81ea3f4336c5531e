/**
 * Which target each number in a reply reports on, converted into the target's
 * unit. A number goes to a target of its unit family whose label the nearby
 * words name; with no such words, to the only plausible target of that family.
 * Percentages that state overall progress are handed back, not matched. Pure.
 */
import type { Clauses } from './clauses.js';
import { labelScore, targetMentions } from './label-score.js';
import { contextOf } from './mention-context.js';
import type { MentionContext } from './mention-context.js';
import type { Mention } from './mentions.js';
import type { ReplyTarget, ReplyValue } from './types.js';
import { mentionFamily, tidy, unitInfo } from './units.js';
import type { UnitInfo } from './units.js';
import {
  COMPARE, DELTA, FOREIGN, PENDING_AFTER, FORECAST, INCREMENT, PAST, PERIOD_INCREMENT, REACHED, REMAINING,
  REMAINING_AFTER, REMAINING_OPEN, RESTATED, RESTATED_AFTER,
} from './value-markers.js';

export interface ContextualMention {
  mention: Mention;
  ctx: MentionContext;
}

export interface ValueReading {
  values: ReplyValue[];
  /** Percentages that read as the task's overall progress. */
  progress: ContextualMention[];
}

const GROWTH = /(?:同比|环比|增长|增速|增幅|下降|降低|提高|提升|上升|减少|增加)/;
const PROGRESS = /(?:完成|进度|进展|推进|总体|整体|目标|任务|计划|工作量)/;
const OTHER_RATE = /(?:率|比例|占比|比重|满意度|概率|把握)/;
const LONELY_BEFORE = /(?:^|完成|达到?|已有|现有|有|累计|目前|现在|共|共计|总计|合计|总数|入库|认定|登记|已|为|是|到|实现|[:：])\s*$/;
const LONELY_AFTER = /^(?:了|左右|吧|啦|哈|呢|啊|[。.!！~ ])*$/;
/** A zero-score number this many times its target is not about it. */
const PLAUSIBLE_FACTOR = 3;

type Fit = 'unit' | 'loose';

function fitOf(m: Mention, info: UnitInfo): Fit | null {
  if (m.unit === '%') return info.family === 'percent' ? 'unit' : null;
  if (m.unit) return mentionFamily(m.unit) === info.family ? 'unit' : null;
  if (info.family === 'percent' || info.family === 'pp') return null;
  if (m.scaled) return info.family.startsWith('money:') ? 'unit' : 'loose';
  return 'loose';
}

function convert(amount: number, m: Mention, info: UnitInfo): number {
  if (m.unit === '%' || (!m.unit && !m.scaled)) return amount;
  return tidy(amount / info.scale);
}

function ruledOut(ctx: MentionContext): boolean {
  const near = ctx.before;
  if (RESTATED.test(near) && !REACHED.test(near.replace(RESTATED, ''))) return true;
  if (RESTATED_AFTER.test(ctx.after) && !REACHED.test(near)) return true;
  return FORECAST.test(ctx.scope) || PAST.test(near) || COMPARE.test(ctx.scope) || DELTA.test(near);
}

function isForeign(ctx: MentionContext, t: ReplyTarget): boolean {
  const words = [...`${ctx.before}|${ctx.after.slice(0, 8)}`.matchAll(FOREIGN)].map((w) => w[1]!);
  return words.some((w) => !targetMentions(t, w));
}

interface Pick {
  target: number;
  value: number;
  tier: number;
}

function pickTarget(m: Mention, ctx: MentionContext, targets: ReplyTarget[], infos: UnitInfo[]): Pick | null {
  if (ruledOut(ctx)) return null;
  const cands = targets.flatMap((t, i) => {
    const fit = fitOf(m, infos[i]!);
    return fit ? [{ i, fit, t, info: infos[i]! }] : [];
  });
  if (!cands.length) return null;
  const scoreAll = (context: string) =>
    cands.map((c) => {
      const s = labelScore(context, c.t, cands.map((x) => x.t));
      const ofHint = m.of !== null && Math.abs(convert(m.of, m, c.info) - c.t.value) < 1e-9 ? 10 : 0;
      return { ...c, score: s.score + ofHint, labelHits: s.labelHits, coverage: s.coverage };
    });
  let scored = scoreAll(`${ctx.before}|${ctx.after}`);
  if (Math.max(...scored.map((s) => s.score)) === 0 && ctx.topic) scored = scoreAll(ctx.topic);
  scored.sort((a, b) => b.score - a.score || b.coverage - a.coverage);
  const top = scored[0]!;
  let chosen: (typeof scored)[number] | null = null;
  if (top.score > 0) {
    const second = scored[1];
    if (second && second.score === top.score && second.coverage === top.coverage) return null;
    // Only plan-phrase words matched, not the label: a count of something else still loses.
    if (top.labelHits === 0 && isForeign(ctx, top.t)) return null;
    chosen = top;
  } else {
    const loose = cands.every((c) => c.fit === 'loose');
    if (loose && !(LONELY_BEFORE.test(ctx.before.trim()) && LONELY_AFTER.test(ctx.after.trim()))) return null;
    const plausible = scored.filter(
      (c) => c.t.value <= 0 || convert(m.amount, m, c.info) <= c.t.value * PLAUSIBLE_FACTOR,
    );
    if (plausible.length !== 1 || isForeign(ctx, plausible[0]!.t)) return null;
    chosen = plausible[0]!;
  }
  const t = chosen.t;
  if (t.kind === 'level' && INCREMENT.test(ctx.before)) return null;
  if (PERIOD_INCREMENT.test(ctx.scope)) return null;
  let value = convert(m.amount, m, chosen.info);
  // 「84.3」 is not a number of 家: counts in a plain unit are whole.
  if (chosen.info.family.startsWith('count:') && chosen.info.scale === 1 && !Number.isInteger(value)) return null;
  const remaining = REMAINING.test(ctx.before) || (REMAINING_OPEN.test(ctx.before) && REMAINING_AFTER.test(ctx.after));
  if (!remaining && PENDING_AFTER.test(ctx.after)) return null;
  if (remaining) {
    value = tidy(t.value - value);
    if (value < 0) return null;
  }
  return { target: chosen.i, value, tier: ctx.breakdown ? 0 : top.score > 0 ? 2 : 1 };
}

/** Percent mentions: a value of a percent target, overall progress, or neither. */
function percentRole(ctx: MentionContext, targets: ReplyTarget[], infos: UnitInfo[]): 'value' | 'progress' | null {
  const pct = targets.filter((_, i) => infos[i]!.family === 'percent');
  const named = pct.some((t) => labelScore(`${ctx.before}|${ctx.after}`, t).score > 0);
  const near = ctx.before;
  if (named) return 'value';
  if (/序时/.test(near) || GROWTH.test(near)) return null;
  if (PROGRESS.test(near)) return 'progress';
  if (pct.length === 1 && !OTHER_RATE.test(near)) return 'value';
  if (!pct.length && !OTHER_RATE.test(near)) return 'progress';
  return null;
}

export function readValues(c: Clauses, mentions: Mention[], targets: ReplyTarget[]): ValueReading {
  const infos = targets.map((t) => unitInfo(t.unit));
  const picks: Pick[] = [];
  const progress: ContextualMention[] = [];
  mentions.forEach((m, i) => {
    const ctx = contextOf(c, mentions, i);
    if (m.unit === '%') {
      const role = percentRole(ctx, targets, infos);
      if (role === 'progress') progress.push({ mention: m, ctx });
      if (role !== 'value') return;
    }
    const pick = pickTarget(m, ctx, targets, infos);
    if (pick) picks.push(pick);
  });
  const best = new Map<number, Pick>();
  for (const p of picks) {
    const old = best.get(p.target);
    if (!old || p.tier > old.tier || (p.tier === old.tier && p.value > old.value)) best.set(p.target, p);
  }
  const values = [...best.values()]
    .sort((a, b) => a.target - b.target)
    .map((p) => ({ value: p.value, unit: targets[p.target]!.unit, target: p.target }));
  return { values, progress };
}
