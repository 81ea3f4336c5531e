/**
 * /propose [计划]: owners proposed from the Feishu org chart for a plan's tasks (issue #23), sent to the admin
 * as one card per section with 「全部确认」 (proposal-actions.ts); nothing is assigned before.
 * /propose 任务 [协办|领导] @人… (or 无): changes one row of the pending proposal (责任人 by default) and sends
 * its section's card again. A job run again for the same message re-sends the same proposal, never a second one.
 */
import type { Deps } from '../../deps.js';
import type { ProposedPerson } from '../../domain/owners/propose.js';
import { proposalCard, proposalSupersededCard, proposalViews } from '../../feishu/cards/proposal-card.js';
import { botText, cut, type BotText } from '../../feishu/safe-text.js';
import type { Card } from '../../feishu/cards/card.js';
import type { OrgChart } from '../../domain/owners/org-chart.js';
import { changeProposalRow, findProposal, pendingProposal, proposeForPlan, saveProposal, type RowRole, type StoredProposal } from '../../store/owner-proposals.js';
import { findPlan } from '../../store/plans.js';
import { keepSentCard, sentCardsUnder } from '../../store/sent-cards.js';
import { updateCards } from '../update-cards.js';
import type { CommandContext } from '../types.js';
import { CommandError, names, requireTask, say, sayCard, taskLabel, type CommandSpec } from '../commands/command.js';
import { words } from '../commands/admin/shared.js';
import { readOrgChartFromFeishu, type OrgChartReader } from './read-org-chart.js';

/** The subject of each card a proposal sends (several per proposal, each kept: all are updated once confirmed). */
export const proposalSubjects = (id: number) => `proposal:${id}:`;

const ROLE_WORDS: [RegExp, RowRole, string][] = [
  [/^(协办|配合|collaborators?)$/i, 'collaborators', '协办'],
  [/^(领导|责任领导|leaders?)$/i, 'leaders', '责任领导'],
  [/^(责任人|牵头|owners?)$/i, 'owners', '责任人'],
];
const MAX_PEOPLE = 10;
/** 「/propose 4 协办 无」: nobody in that role. */
const CLEAR = /^(无|清空|none)$/i;

export function proposeCommand(readOrgChart: OrgChartReader = readOrgChartFromFeishu): CommandSpec {
  return {
    names: ['propose', '建议'],
    example: '/propose 1 @张敏',
    admin: true,
    usage: '/propose [计划编号]（按飞书通讯录生成责任人建议）；/propose 任务编号 [协办|领导] @人（确认前修改一项；写「无」则清空）',
    summary: '按通讯录生成责任人建议，确认后指派',
    run: async (deps, ctx) => (ctx.people.some((p) => p.openId) || CLEAR.test(words(ctx.args).at(-1) ?? '') ? changeRow(deps, ctx) : makeProposal(deps, ctx, readOrgChart)),
  };
}

async function makeProposal(deps: Deps, ctx: CommandContext, readOrgChart: OrgChartReader): Promise<void> {
  const ref = words(ctx.args).join(' ');
  const plan = ref ? await findPlan(deps.db, ref) : await deps.db.plan.findFirst({ where: { archivedAt: null }, orderBy: { id: 'desc' }, select: { id: true } });
  if (!plan) throw new CommandError(ref ? botText`没有找到计划「${cut(ref, 20)}」。发送 /plans 查看计划编号。` : botText`尚未导入计划。请先发送计划文件并 /import。`);
  await proposeInAnswer(deps, ctx, plan.id, () => readOrgChart(deps));
}

/**
 * The plan's proposal made from the chart and sent, in answer to the admin's message, as one card per section
 * with a line of totals; a job run again for the same message sends the proposal it made, never a second one.
 * /propose and the proposal after /import both come here.
 */
export async function proposeInAnswer(deps: Deps, ctx: CommandContext, planId: number, readChart: () => Promise<OrgChart>): Promise<StoredProposal> {
  const earlier = await deps.db.auditEntry.findFirst({ where: { action: 'proposal.made', messageId: ctx.messageId }, select: { after: true } });
  const earlierId = earlier ? Number(JSON.parse(earlier.after ?? '{}').proposalId) : null;
  let proposal = earlierId ? await findProposal(deps.db, earlierId) : null;
  if (!proposal) proposal = await makeStoredProposal(deps, { planId, chart: await readChart(), by: ctx.senderOpenId, chatId: ctx.chatId, messageId: ctx.messageId });
  await sendProposalCards(deps, proposal, { openId: ctx.senderOpenId, deliver: (card, tag) => sayCard(deps, ctx, card, tag) });
  await say(deps, ctx, proposalTotals(proposal), 'propose');
  return proposal;
}

/** A new pending proposal for the plan, stored (superseding a pending one, whose cards then say so). */
export async function makeStoredProposal(deps: Deps, o: { planId: number; chart: OrgChart; by: string; chatId?: string | null; messageId?: string | null }): Promise<StoredProposal> {
  const made = await proposeForPlan(deps.db, o.planId, o.chart);
  const saved = await saveProposal(deps.db, { planId: o.planId, tasks: made.tasks, by: o.by, now: deps.clock.now(), chatId: o.chatId ?? null, messageId: o.messageId ?? null });
  const proposal = (await findProposal(deps.db, saved.id))!;
  for (const old of saved.superseded) await updateCards(deps, await sentCardsUnder(deps.db, proposalSubjects(old)), proposalSupersededCard(proposal.planTitle));
  return proposal;
}

/** Delivers one card to the admin (a reply, or a message to their chat); the same tag sends the same message once. */
export type DeliverCard = (card: Card, tag: string) => Promise<{ messageId: string }>;

/** The proposal's cards, one per section, each kept so that confirming updates every one. */
export async function sendProposalCards(deps: Deps, proposal: StoredProposal, to: { openId: string; deliver: DeliverCard }): Promise<string[]> {
  const sent: string[] = [];
  for (const [i, view] of proposalViews(proposal).entries()) sent.push(await sendCard(deps, to, proposal.id, proposalCard(view), `propose:${i}`));
  return sent;
}

export function proposalTotals(proposal: StoredProposal): BotText {
  const proposed = proposal.tasks.filter((t) => t.owners.length).length;
  const missed = proposal.tasks.reduce((n, t) => n + t.misses.length, 0);
  return botText`已为《${cut(proposal.planTitle, 60)}》生成责任人建议：${proposal.tasks.length} 项任务中 ${proposed} 项有建议的责任人，${missed} 处未能匹配（见卡片）。确认前不作任何指派。`;
}

async function sendCard(deps: Deps, to: { openId: string; deliver: DeliverCard }, proposalId: number, card: Card, tag: string): Promise<string> {
  const sent = await to.deliver(card, tag);
  await keepSentCard(deps.db, { subject: `${proposalSubjects(proposalId)}${sent.messageId}`, openId: to.openId, messageId: sent.messageId, now: deps.clock.now() });
  return sent.messageId;
}

async function changeRow(deps: Deps, ctx: CommandContext): Promise<void> {
  const all = words(ctx.args);
  const clear = CLEAR.test(all.at(-1) ?? '');
  const [ref, roleWord, ...extra] = clear ? all.slice(0, -1) : all;
  const role = roleWord === undefined ? ROLE_WORDS[2]! : ROLE_WORDS.find(([re]) => re.test(roleWord));
  if (!role || extra.length) throw new CommandError(botText`无法识别「${cut([roleWord, ...extra].join(' '), 20)}」：请写「协办」或「领导」，或不写（修改责任人）。`);
  const task = await requireTask(deps, ref);
  const pending = await pendingProposal(deps.db, task.planId);
  if (!pending) throw new CommandError(botText`该任务所在计划没有待确认的责任人建议。请先发送 /propose 生成建议。`);
  const mentioned = ctx.people.filter((p) => p.openId);
  if (clear && mentioned.length) throw new CommandError(botText`「无」与 @ 人员不能同时使用。`);
  if (mentioned.length > MAX_PEOPLE) throw new CommandError(botText`一次最多 @ ${MAX_PEOPLE} 人。`);
  const people: ProposedPerson[] = mentioned.map((p) => ({ openId: p.openId!, name: p.name || '（未知）', because: '管理员指定' }));
  const changed = await changeProposalRow(deps.db, { id: pending.id, code: task.code, role: role[1], people, by: ctx.senderOpenId, now: deps.clock.now(), chatId: ctx.chatId, messageId: ctx.messageId });
  if (changed === 'no-task') throw new CommandError(botText`${taskLabel(task)}不在这份建议中（计划在建议之后有改动）。请重新发送 /propose。`);
  if (changed === 'not-pending') throw new CommandError(botText`该建议已确认或已被新的建议取代，未作修改。`);
  const now = (await findProposal(deps.db, pending.id))!;
  await say(deps, ctx, botText`已修改建议：${taskLabel(task)}的${role[2]}改为${people.length ? names(people) : botText`无`}。确认后生效。`, 'propose-row');
  const view = viewOf(now, task.code);
  if (view) await sendCard(deps, { openId: ctx.senderOpenId, deliver: (card, tag) => sayCard(deps, ctx, card, tag) }, now.id, proposalCard(view), 'propose-card');
}

function viewOf(p: StoredProposal, code: string) {
  return proposalViews(p).find((v) => v.tasks.some((t) => t.code === code)) ?? null;
}
