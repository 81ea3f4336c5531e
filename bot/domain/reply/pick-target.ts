/**
 * The target one number reports on, or why it reports on none: ruled out (a
 * forecast, a comparison, …), not a report but maybe one (a total, a past
 * figure: unsettled), or as likely one target as another (unsettled). Pure.
 */
import { GROWTH_BEFORE, isGrowthTarget, signedRate } from './growth.js';
import { labelScore, targetMentions } from './label-score.js';
import type { MentionContext } from './mention-context.js';
import type { Mention } from './mentions.js';
import type { Pick } from './choose-values.js';
import type { ReplyTarget } from './types.js';
import { mentionFamily, synonymOf, tidy } from './units.js';
import type { UnitInfo } from './units.js';
import {
  COMPARE, DELTA, FOREIGN, PENDING_AFTER, FORECAST, INCREMENT, PAST, PERIOD_INCREMENT, REACHED, REMAINING,
  REMAINING_AFTER, REMAINING_OPEN, UNDONE_AFTER, RESTATED, RESTATED_AFTER, TOTAL_AFTER, WHOLE_BEFORE, WHOLE_THEN_PART, FINISHED, UNDER_WAY,
} from './value-markers.js';


/** A number the reader did not put anywhere though it may belong to `targets`. */
export interface Unsettled {
  mention: Mention;
  /** The number in the unit of each of `targets`. */
  values: number[];
  targets: number[];
  why: 'tie' | 'not_report';
}

export type Found = { pick: Pick; unsettled?: undefined } | { pick?: undefined; unsettled: Unsettled } | null;

const LONELY_BEFORE = /(?:^|完成|达到?|已有|现有|有|累计|目前|现在|共|共计|总计|合计|总数|入库|认定|登记|已|为|是|到|实现|[:：])\s*$/;
const LONELY_AFTER = /^(?:了|左右|吧|啦|哈|呢|啊|[。.!！~ ])*$/;
/** A zero-score number this many times its target is not about it. */
const PLAUSIBLE_FACTOR = 3;
/** 「比去年同期增长」: a comparison's base, not a past figure. */
const BASE_OF_RATE = /(?:比|较|与)?(?:去年|上年)?同期(?:相比)?|同比|环比/g;

type Fit = 'unit' | 'loose';

function fitOf(m: Mention, info: UnitInfo): Fit | null {
  // A percent's family is 'percent', which has no synonyms: it fits a percent target only.
  if (m.unit) return mentionFamily(m.unit) === info.family ? 'unit' : synonymOf(m.unit, info.family) ? 'loose' : null;
  if (info.family === 'percent' || info.family === 'pp') return null;
  if (m.scaled) return info.family.startsWith('money:') ? 'unit' : 'loose';
  return 'loose';
}

function convert(amount: number, m: Mention, info: UnitInfo): number {
  // A number with no unit or magnitude is in the target's own unit (a percent's target has scale 1).
  if (!m.unit && !m.scaled) return amount;
  return tidy(amount / info.scale);
}

/** 'out': not a value; 'maybe': a total or a past figure that could still be the report. */
function ruledOut(ctx: MentionContext): 'out' | 'maybe' | null {
  const near = ctx.before;
  if (FORECAST.test(ctx.scope) || COMPARE.test(ctx.scope) || DELTA.test(near)) return 'out';
  if (RESTATED.test(near) && !REACHED.test(near.replace(RESTATED, ''))) return 'maybe';
  // 「9项指标提前完成」 counts finished items; 「140家的目标」 restates the target.
  if (RESTATED_AFTER.test(ctx.after) && !REACHED.test(near) && !FINISHED.test(ctx.after)) return 'maybe';
  const whole = TOTAL_AFTER.test(ctx.after) || WHOLE_BEFORE.test(near) || (ctx.nextClose && WHOLE_THEN_PART.test(ctx.after));
  return PAST.test(near) || whole ? 'maybe' : null;
}

function isForeign(ctx: MentionContext, t: ReplyTarget): boolean {
  const words = [...`${ctx.before}|${ctx.after.slice(0, 8)}`.matchAll(FOREIGN)].map((w) => w[1]!);
  return words.some((w) => !targetMentions(t, w));
}

/** 「已开工10个」 for a target of schools built: a count of work under way, unless the target counts that stage. */
function underWayElsewhere(words: string, t: ReplyTarget): boolean {
  const stage = UNDER_WAY.exec(words);
  return stage !== null && !targetMentions(t, stage[0]);
}

function unsettled(m: Mention, values: number[], targets: number[], why: Unsettled['why']): Found {
  return { unsettled: { mention: m, values, targets, why } };
}

export function pickTarget(m: Mention, ctx: MentionContext, targets: ReplyTarget[], infos: UnitInfo[]): Found {
  const out = ruledOut(ctx);
  if (out === 'out') return null;
  const cands = targets.flatMap((t, i) => {
    const fit = fitOf(m, infos[i]!);
    return fit && !isGrowthTarget(t) ? [{ i, fit, t, info: infos[i]! }] : [];
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
  let chosen: (typeof scored)[number];
  if (top.score > 0) {
    const ties = scored.filter((s) => s.score === top.score && s.coverage === top.coverage);
    if (ties.length > 1) return out ? null : unsettled(m, ties.map((s) => convert(m.amount, m, s.info)), ties.map((s) => s.i), 'tie');
    // Only plan-phrase words matched, not the label: a count of something else still loses.
    if (top.labelHits === 0 && isForeign(ctx, top.t)) return null;
    chosen = top;
  } else {
    // Said alone: 「完成118家」, 「目前118」 (LONELY_BEFORE allows trailing spaces itself).
    const alone = LONELY_BEFORE.test(ctx.before) && LONELY_AFTER.test(ctx.after.trim());
    if (!alone && cands.every((c) => c.fit === 'loose')) return null;
    // 「完成6584人」 said alone in the target's own unit is the report however far past the target.
    const plausible = scored.filter(
      (c) => c.t.value <= 0 || (alone && c.fit === 'unit') || convert(m.amount, m, c.info) <= c.t.value * PLAUSIBLE_FACTOR,
    );
    if (plausible.length > 1 && !out) return unsettled(m, plausible.map((s) => convert(m.amount, m, s.info)), plausible.map((s) => s.i), 'tie');
    if (plausible.length !== 1 || isForeign(ctx, plausible[0]!.t)) return null;
    chosen = plausible[0]!;
  }
  const t = chosen.t;
  if (t.kind === 'level' && INCREMENT.test(ctx.before)) return null;
  if (PERIOD_INCREMENT.test(ctx.scope)) return null;
  let value = convert(m.amount, m, chosen.info);
  // 「84.3」 is not a number of 家: counts in a plain unit are whole.
  if (chosen.info.family.startsWith('count:') && chosen.info.scale === 1 && !Number.isInteger(value)) return null;
  // A restated target is no report; a total or a past figure might still be one.
  if (out) return Math.abs(value - t.value) < 1e-9 && !PAST.test(ctx.before) ? null : unsettled(m, [value], [chosen.i], 'not_report');
  const remaining = REMAINING.test(ctx.before) || (REMAINING_OPEN.test(ctx.before) && REMAINING_AFTER.test(ctx.after));
  if (!remaining && (PENDING_AFTER.test(ctx.after) || UNDONE_AFTER.test(ctx.after))) return null;
  if (remaining) {
    value = tidy(t.value - value);
    if (value < 0) return null;
  }
  const words = `${ctx.before}|${ctx.after}`;
  const finished = FINISHED.test(words);
  if (!finished && underWayElsewhere(words, t)) return null;
  // A synonym unit (「10件」 for a target in 项) gives way to any number in the target's own unit.
  const tier = ctx.breakdown ? 0 : top.score > 0 ? 2 : 1;
  return { pick: { target: chosen.i, value, tier: chosen.fit === 'loose' && m.unit ? tier - 3 : tier, at: m.start, finished } };
}

/** A growth rate: to the growth target its words name, or the only one. */
export function pickGrowth(m: Mention, ctx: MentionContext, targets: ReplyTarget[]): Found {
  const scope = ctx.scope.replace(BASE_OF_RATE, '');
  if (FORECAST.test(ctx.scope) || PAST.test(ctx.before.replace(BASE_OF_RATE, '')) || /序时/.test(scope)) return null;
  if (!GROWTH_BEFORE.test(ctx.lead)) return null;
  const cands = targets.flatMap((t, i) => (isGrowthTarget(t) ? [{ t, i }] : []));
  // The rate's own words (「增长」 of 「数量增长8%」) name no target: every growth target's label holds such a word.
  const context = `${ctx.before.replace(GROWTH_BEFORE, '')}|${ctx.after}|${ctx.topic}`;
  const scored = cands
    .map((c) => ({ ...c, score: labelScore(context, c.t, cands.map((x) => x.t)).score }))
    .sort((a, b) => b.score - a.score);
  const top = scored[0];
  if (!top) return null;
  const ties = scored.filter((s) => s.score === top.score);
  if (ties.length > 1) return unsettled(m, ties.map((s) => signedRate(m.amount, ctx.lead, s.t)), ties.map((s) => s.i), 'tie');
  // A rate that names none of the growth targets while another target is named is about that one.
  if (top.score === 0 && targets.some((t) => !isGrowthTarget(t) && labelScore(context, t).labelHits > 0)) return null;
  return { pick: { target: top.i, value: signedRate(m.amount, ctx.lead, top.t), tier: top.score > 0 ? 2 : 1, at: m.start, finished: false } };
}
