/**
 * The owners proposal (责任人建议) for the admin: one card per section (a long section over several), each task
 * with its proposed owner, collaborators and leaders and what could not be matched, and 「全部确认」, which
 * applies the whole proposal; nothing is assigned before. Once confirmed, every copy becomes
 * proposalConfirmedCard. Cards are packed to Feishu's size budget and their number is bounded. Pure.
 */
import type { ProposalTask } from '../../domain/owners/propose.js';
import { cut, figure, joinMd, md, type Md } from '../safe-text.js';
import { button, buttonRow, card, hr, markdown, type Card, type Element } from './card.js';
import { fitsOneCard } from './card-size.js';

/** Cards one proposal sends at most; the rest of the plan is counted on the last. */
export const PROPOSAL_CARDS = 20;
const PEOPLE = 4;
const MISSES = 4;

const ROLE_WORDS = { lead: '牵头单位', collaborator: '配合单位', leader: '责任领导' } as const;

function people(label: string, list: ProposalTask['owners']): Md {
  if (!list.length) return md`${label}：—`;
  const shown = list.slice(0, PEOPLE).map((p) => md`${cut(p.name, 12)}（${cut(p.because, 20)}）`);
  const more = list.length > PEOPLE ? [md`等${list.length}人`] : [];
  return md`${label}：${joinMd([...shown, ...more], '、')}`;
}

export function taskLines(t: ProposalTask): Md {
  const head = md`**${cut(t.code, 12)}** ${cut(t.title, 40)}${t.changed ? md`（已修改）` : md``}`;
  const who = md`${people('责任人', t.owners)}｜${people('协办', t.collaborators)}｜${people('责任领导', t.leaders)}`;
  const misses = t.misses.slice(0, MISSES).map((m) => md`⚠️ ${ROLE_WORDS[m.role]}${m.name ? md`「${cut(m.name, 30)}」` : md``}：${cut(m.reason, 100)}`);
  if (t.misses.length > MISSES) misses.push(md`⚠️ ……另有${t.misses.length - MISSES}处未匹配`);
  return joinMd([head, who, ...misses], '\n');
}

export interface ProposalCardView {
  proposalId: number;
  planTitle: string;
  section: string | null;
  tasks: ProposalTask[];
  /** Set on the last card when the plan had more than the cards show. */
  notShown?: number;
}

export function proposalCard(v: ProposalCardView): Card {
  const elements: Element[] = [
    markdown(md`《${cut(v.planTitle, 60)}》${v.section ? md` · ${cut(v.section, 40)}` : md``}`),
    markdown(joinMd(v.tasks.map(taskLines), '\n\n')),
  ];
  if (v.notShown) elements.push(markdown(md`……另有 ${v.notShown} 项任务未在卡片中列出（可用 workplan assign --propose 查看全部）。`));
  elements.push(
    markdown(md`「全部确认」应用整份建议（各部分卡片一并确认）；确认前不作任何指派。修改某项：/propose 任务编号 @责任人（协办：/propose 任务编号 协办 @人；责任领导：/propose 任务编号 领导 @人）。`),
    buttonRow([button('全部确认', { action: 'proposal-confirm', proposalId: v.proposalId }, 'primary')]),
  );
  return card({ title: '责任人建议（待确认）', subtitle: cut(v.section ?? v.planTitle, 60), template: 'blue', summary: cut(`责任人建议：${v.section ?? v.planTitle}`, 60), elements });
}

/** The cards of a proposal: sections in plan order, each packed into as few cards as fit; at most PROPOSAL_CARDS. */
export function proposalCards(p: { id: number; planTitle: string; tasks: ProposalTask[] }): Card[] {
  return proposalViews(p).map(proposalCard);
}

export function proposalViews(p: { id: number; planTitle: string; tasks: ProposalTask[] }): ProposalCardView[] {
  const views: ProposalCardView[] = [];
  let current: ProposalCardView | null = null;
  for (const t of p.tasks) {
    const fits = current && current.section === t.section && fitsOneCard(proposalCard({ ...current, tasks: [...current.tasks, t], notShown: p.tasks.length }));
    if (current && fits) {
      current.tasks.push(t);
      continue;
    }
    if (views.length === PROPOSAL_CARDS) break;
    current = { proposalId: p.id, planTitle: p.planTitle, section: t.section, tasks: [t] };
    views.push(current);
  }
  const shown = views.reduce((n, v) => n + v.tasks.length, 0);
  if (shown < p.tasks.length) views[views.length - 1]!.notShown = p.tasks.length - shown;
  return views;
}

export interface ProposalDecision {
  planTitle: string;
  by: string;
  /** 'YYYY-MM-DD HH:mm', Beijing time. */
  at: string;
  rows: number;
  added: number;
}

/** A proposal card once confirmed: the outcome, no buttons. */
export function proposalConfirmedCard(d: ProposalDecision): Card {
  return card({
    title: '责任人建议（已确认）',
    subtitle: cut(d.planTitle, 60),
    template: 'green',
    summary: '责任人建议已确认',
    elements: [
      markdown(md`《${cut(d.planTitle, 60)}》`), hr(),
      markdown(md`**已确认**（${cut(d.by, 12)}，${figure(d.at)}）：${d.rows} 项分工，新增 ${d.added} 项。可用 /status 查看，需调整的用 /reassign 或 /unassign。`),
    ],
  });
}

/** A proposal card once a newer proposal for the plan replaced it: no button. */
export function proposalSupersededCard(planTitle: string): Card {
  return card({
    title: '责任人建议（已失效）',
    subtitle: cut(planTitle, 60),
    template: 'grey',
    summary: '责任人建议已被新的建议取代',
    elements: [markdown(md`《${cut(planTitle, 60)}》的这份建议已被新的建议取代，请在最新的建议卡片上确认。`)],
  });
}
