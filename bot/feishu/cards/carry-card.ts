/**
 * The admin's preview of a carry-over (承接责任人) after /import of a new plan: which task takes whose
 * people from the earlier plan, and why (完全一致 / 相近), with 「确认承接」 / 「不承接」; nothing is carried
 * before the click. Once decided, every copy becomes carryDecidedCard: the outcome, no buttons. Lists are bounded (「……另有N项」); every text from the plans is escaped. Pure.
 */
import type { CarryRow } from '../../domain/plan/carry-words.js';
import { cut, figure, joinMd, md, type Md } from '../safe-text.js';
import { button, buttonRow, card, hr, markdown, type Card, type Element } from './card.js';

/** Rows and ambiguous lines a card shows at most; the rest are counted. */
export const CARRY_ROWS = 15;
export const CARRY_AMBIGUOUS = 5;

export interface CarryView {
  proposalId: number;
  from: string;
  to: string;
  rows: CarryRow[];
  ambiguous: string[];
  summary: string;
}

const rowLine = (r: CarryRow): Md =>
  md`- **${cut(r.to, 30)}** ← ${cut(r.from, 30)}｜${cut(r.units, 20)}｜${cut(r.people, 50)}｜${r.reason}`;

function bounded<T>(items: T[], max: number, line: (x: T) => Md): Md[] {
  const lines = items.slice(0, max).map(line);
  if (items.length > max) lines.push(md`……另有${items.length - max}项`);
  return lines;
}

function listing(v: CarryView): Element[] {
  const out = [
    markdown(md`从《${cut(v.from, 60)}》承接到《${cut(v.to, 60)}》（新任务 ← 承接自｜牵头单位｜人员｜依据）：`),
    markdown(joinMd(bounded(v.rows, CARRY_ROWS, rowLine), '\n')),
  ];
  if (v.ambiguous.length) out.push(markdown(joinMd([md`**有多个可能、未承接**（请用 /assign 指派）：`, ...bounded(v.ambiguous, CARRY_AMBIGUOUS, (a) => md`- ${cut(a, 120)}`)], '\n')));
  out.push(markdown(md`${v.summary}。已有人员的新任务保持不变。`));
  return out;
}

export function carryPreviewCard(v: CarryView): Card {
  const value = { proposalId: v.proposalId };
  return card({
    title: '承接责任人（待确认）',
    subtitle: cut(v.to, 60),
    template: 'blue',
    summary: cut(`可承接 ${v.rows.length} 项任务的责任人，请确认`, 60),
    elements: [
      ...listing(v),
      markdown(md`确认前不作任何修改。`),
      buttonRow([button('确认承接', { action: 'carry-confirm', ...value }, 'primary'), button('不承接', { action: 'carry-decline', ...value })]),
    ],
  });
}

export interface CarryDecision {
  from: string;
  to: string;
  carried: boolean;
  by: string;
  /** 'YYYY-MM-DD HH:mm', Beijing time. */
  at: string;
  /** Tasks carried and roles added, when carried. */
  tasks?: number;
  added?: number;
}

/** The preview once decided: what was done, by whom and when; no buttons (the list is gone: it was a preview). */
export function carryDecidedCard(d: CarryDecision): Card {
  const outcome = d.carried
    ? md`**已承接**（${cut(d.by, 12)}，${figure(d.at)}）：${d.tasks ?? 0} 项任务，新增 ${d.added ?? 0} 人次。`
    : md`**未承接**（${cut(d.by, 12)}，${figure(d.at)}）：责任人请用 /assign 指派。`;
  return card({
    title: d.carried ? '承接责任人（已承接）' : '承接责任人（未承接）',
    subtitle: cut(d.to, 60),
    template: d.carried ? 'green' : 'grey',
    summary: cut(d.carried ? '已承接责任人' : '未承接责任人', 60),
    elements: [markdown(md`从《${cut(d.from, 60)}》承接到《${cut(d.to, 60)}》`), hr(), markdown(outcome)],
  });
}
