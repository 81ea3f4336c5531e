/**
 * What a simulated colleague answers to a nudge, by their style: realistic
 * Chinese with numbers that grow with the year, risks, a blocker, completion
 * dates. Pure: the same colleague, task and day always give the same answer.
 */
import type { Style } from './cast.js';

export interface TaskView {
  code: string;
  title: string;
  targets: { position: number; label: string; value: number; unit: string; kind: string }[];
}

export type Answer =
  | { kind: 'reply'; text: string }
  | { kind: 'click'; status: 'on_track' | 'not_started' | 'at_risk' | 'blocked' | 'done' }
  | { kind: 'form'; values: Record<string, string>; note: string };

/** A small deterministic hash in [0, 1). */
export function jitter(...parts: string[]): number {
  let h = 2166136261;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** Share of the year gone at `day` ('YYYY-MM-DD'). */
function yearShare(day: string): number {
  const d = new Date(`${day}T00:00:00Z`);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return (d.getTime() - start) / (365 * 86_400_000);
}

/** A plausible current value of a target on `day`: stocks start high, counts and money grow with the year. */
export function valueOn(t: TaskView['targets'][number], day: string, seed: string): number {
  const share = yearShare(day);
  const wobble = 0.9 + 0.2 * jitter(seed, t.label, day.slice(0, 7));
  const raw = t.kind === 'level' ? t.value * (0.8 + 0.2 * share) : t.value * share * wobble;
  return t.kind === 'money' || t.value < 20 ? Math.round(raw * 10) / 10 : Math.round(raw);
}

const numbersLine = (task: TaskView, day: string, seed: string) =>
  task.targets.map((t) => `${t.label}${valueOn(t, day, seed)}${t.unit}`).join('，');

const percentOn = (day: string, seed: string) => Math.min(95, Math.round(100 * yearShare(day) * (0.8 + 0.4 * jitter(seed, day))));

const monthEnd = (day: string, monthsAhead: number) => `${((Number(day.slice(5, 7)) + monthsAhead - 1) % 12) + 1}月底`;

export function answerFor(style: Style, task: TaskView, day: string, seed: string): Answer | null {
  const pick = <T>(xs: T[]) => xs[Math.floor(jitter(seed, task.code, day) * xs.length)]!;
  const has = task.targets.length > 0;
  switch (style) {
    case 'silent':
      return null;
    case 'button':
      return { kind: 'click', status: 'on_track' };
    case 'form':
      return {
        kind: 'form',
        values: Object.fromEntries(task.targets.map((t) => [`t${t.position}`, String(valueOn(t, day, seed))])),
        note: pick([`${task.title}工作正常推进，本周已召开推进会。`, `已完成阶段性工作，下一步对接相关单位。`]),
      };
    case 'risk':
      return {
        kind: 'reply',
        text: has
          ? `${numbersLine(task, day, seed)}，受疫情影响企业申报推迟，进度偏慢，存在滞后风险，正在加紧对接。`
          : pick(['受疫情影响现场活动延期，进度有滞后风险，已调整为线上开展。', '部分企业配合不够，存在延误风险，下周专门督促。']),
      };
    case 'blocker':
      return { kind: 'reply', text: pick(['卡住了：区财政资金尚未拨付，无法推进，需要局领导协调。', '受阻：合作方迟迟未签协议，需要局领导出面协调。']) };
    case 'slow':
      return { kind: 'reply', text: `不好意思回复晚了，目前完成约${percentOn(day, seed)}%，正常推进。` };
    case 'date':
      return { kind: 'reply', text: `${task.title}正在推进，预计${monthEnd(day, 2)}前完成。` };
    case 'numbers':
    case 'leave':
      return {
        kind: 'reply',
        text: has
          ? pick([`目前${numbersLine(task, day, seed)}，按计划推进。`, `截至本周，${numbersLine(task, day, seed)}，进展顺利。`])
          : `${task.title}按计划推进，已完成约${percentOn(day, seed)}%。`,
      };
  }
}
