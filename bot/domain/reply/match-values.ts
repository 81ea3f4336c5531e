/**
 * Which target each number in a reply reports on, converted into the target's
 * unit. A number goes to a target of its unit family whose label the nearby
 * words name; with no such words, to the only plausible target of that family.
 * Growth rates go to growth targets; percentages that state overall progress
 * are handed back, not matched. Numbers the reader could not settle (two
 * targets as likely, or a total or past figure that may be the report) come
 * back as candidates for doubts. Pure.
 */
import type { Clauses } from './clauses.js';
import { GROWTH_BEFORE, isGrowthTarget } from './growth.js';
import { labelScore } from './label-score.js';
import { contextOf } from './mention-context.js';
import type { MentionContext } from './mention-context.js';
import type { Mention } from './mentions.js';
import { pickGrowth, pickTarget } from './pick-target.js';
import type { Unsettled } from './pick-target.js';
import { chooseValues } from './choose-values.js';
import type { Pick } from './choose-values.js';
import type { ReplyTarget, ReplyValue } from './types.js';
import { unitInfo } from './units.js';
import { FINISHED, UNDER_WAY } from './value-markers.js';
import type { UnitInfo } from './units.js';

export interface ContextualMention {
  mention: Mention;
  ctx: MentionContext;
}

export interface ValueReading {
  values: ReplyValue[];
  /** Percentages that read as the task's overall progress. */
  progress: ContextualMention[];
  /** Numbers left unsettled, in reply order. */
  unsettled: Unsettled[];
}

const GROWTH = /(?:同比|环比|增长|增速|增幅|下降|降低|提高|提升|上升|减少|增加)/;
const PROGRESS = /(?:完成|办结|进度|进展|推进|总体|整体|目标|任务|计划|工作量)/;
const OTHER_RATE = /(?:率|比例|占比|比重|满意度|概率|把握)/;
/** 「超额完成12%」「超出目标5%」: the excess, neither progress nor a value. */
const EXCESS = /(?:超额|超出|超过)(?:完成|达成|实现)?了?(?:(?:全年|年度)?(?:目标|任务|计划))?\s*$/;

/** 「占比27%」「占年度计划的64%」「占总任务的10.8%」: a share of the whole. */
const SHARE = /占(?:比|[^，,。；;]{0,10}?的)?\s*(?:为|达到?)?\s*$/;

type Role = 'value' | 'growth' | 'progress' | null;

/**
 * A share is the task's progress when it follows a count of finished work (「已办结6件，占比27%」),
 * and no one's progress when it follows a count of anything else (「欠进度的17个，占总任务的7.7%」).
 */
function shareRole(c: Clauses, m: Mention, ctx: MentionContext): Role {
  const own = c.start('soft', m.start);
  const prev = own > 0 ? c.start('soft', own - 1) : own;
  const counted = c.text.slice(prev, m.start);
  return FINISHED.test(counted) && !UNDER_WAY.test(counted.replace(ctx.before, '')) ? 'progress' : null;
}

/** Percent mentions: a value of a percent target, a growth rate, overall progress, or neither. */
function percentRole(c: Clauses, m: Mention, ctx: MentionContext, targets: ReplyTarget[], infos: UnitInfo[]): Role {
  const near = ctx.before;
  if (EXCESS.test(near)) return null;
  if (SHARE.test(near)) return shareRole(c, m, ctx);
  if (GROWTH_BEFORE.test(ctx.lead) && targets.some(isGrowthTarget)) return 'growth';
  const pct = targets.filter((t, i) => infos[i]!.family === 'percent' && !isGrowthTarget(t));
  const named = pct.some((t) => labelScore(`${ctx.before}|${ctx.after}`, t).score > 0);
  if (named) return 'value';
  // A rate's words stand just before it: 「同比增长5%」, not 「供水保障提升工程……(75%)」.
  if (/序时/.test(near) || GROWTH.test(near.slice(-6))) return null;
  if (PROGRESS.test(near)) return 'progress';
  if (pct.length === 1 && !OTHER_RATE.test(near)) return 'value';
  if (!pct.length && !OTHER_RATE.test(near)) return 'progress';
  return null;
}

export function readValues(c: Clauses, mentions: Mention[], targets: ReplyTarget[]): ValueReading {
  const infos = targets.map((t) => unitInfo(t.unit));
  const picks: Pick[] = [];
  const progress: ContextualMention[] = [];
  const unsettled: Unsettled[] = [];
  mentions.forEach((m, i) => {
    const ctx = contextOf(c, mentions, i);
    let role: Role = 'value';
    if (m.unit === '%') {
      role = percentRole(c, m, ctx, targets, infos);
      if (role === 'progress') progress.push({ mention: m, ctx });
      if (role !== 'value' && role !== 'growth') return;
    }
    const found = role === 'growth' ? pickGrowth(m, ctx, targets) : pickTarget(m, ctx, targets, infos);
    if (found?.pick) picks.push(found.pick);
    else if (found?.unsettled) unsettled.push(found.unsettled);
  });
  const values = chooseValues(picks, targets);
  return { values, progress, unsettled };
}
