/**
 * What every chat command shares: its spec (names, admin-only, usage), the
 * replies (a BotText or a card: outside text in them is escaped by the types,
 * bot/feishu/safe-text.ts), admin checks, finding a task by number, code or
 * title fragment, and people from the event's mentions.
 */
import type { Deps } from '../../deps.js';
import { normaliseTaskCode } from '../../domain/owners/parse-owners.js';
import type { Mention } from '../../domain/message-text.js';
import { codeNamer, planByPrefix, splitPrefixed } from '../../domain/plan/plan-code.js';
import type { Card } from '../../feishu/cards/card.js';
import { botText, cut, joinText, type BotText } from '../../feishu/safe-text.js';
import { upsertPerson } from '../../store/people.js';
import { plansForCodes } from '../../store/plan-codes.js';
import type { CommandContext } from '../types.js';

export interface CommandSpec {
  /** English name first, then Chinese names; all lower-case, without the slash. */
  names: string[];
  /** Only admins may run it. */
  admin: boolean;
  /** 「/assign 任务 @责任人 [@责任人]」 */
  usage: string;
  /** One line for /help. */
  summary: string;
  /** A command only a task's leaders (and the admins) may use, listed under 责任领导 in /help. */
  leaders?: boolean;
  /** One line of /help: a real example (「/report 7 已完成5家，按计划推进」); the usage without its notes when absent. */
  example?: string;
  run: (deps: Deps, ctx: CommandContext) => Promise<void>;
}

/** Bad input: the message (Chinese) goes back to the user with the command's usage; nothing changes. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(readonly text: BotText) {
    super(text.toString());
  }
}

/** Replies with a text message (made by the botText tag, so outside words in it are neutralised). */
export function say(deps: Deps, ctx: CommandContext, text: BotText, tag = 'say') {
  return deps.messenger.reply(ctx.messageId, { text }, `cmd:${ctx.messageId}:${tag}`);
}

export function sayCard(deps: Deps, ctx: CommandContext, card: Card, tag = 'card') {
  return deps.messenger.reply(ctx.messageId, { card }, `cmd:${ctx.messageId}:${tag}`);
}

export async function isAdmin(deps: Pick<Deps, 'db' | 'config'>, openId: string): Promise<boolean> {
  if (deps.config.ADMIN_OPEN_IDS.includes(openId)) return true;
  return (await deps.db.person.count({ where: { openId, isAdmin: true } })) > 0;
}

export type FoundTask = { id: number; code: string; title: string; planId: number; shownCode: string };

export type TaskRef =
  | { kind: 'found'; task: FoundTask }
  | { kind: 'none' }
  | { kind: 'ambiguous'; tasks: { code: string; title: string }[] };

const select = { id: true, code: true, title: true, planId: true, plan: { select: { archivedAt: true } } } as const;

/**
 * A task by number (「7」「#7」「任务7」), code (「2.3」「七」), code with its plan's prefix as the code rule shows
 * it (「2023-7」「2023年7」「区委-7」「计划2-7」; bot/domain/plan/plan-code.ts) or a fragment of its title. Plans in
 * force come first: a bare code that an archived plan also holds means the one in force; a bare code that
 * several plans in force hold is ambiguous, listed with each task's shown code.
 */
export async function findTask(deps: Pick<Deps, 'db'>, ref: string): Promise<TaskRef> {
  const raw = ref.trim();
  if (!raw) return { kind: 'none' };
  const plans = await plansForCodes(deps.db);
  const shown = codeNamer(plans);
  const found = (t: { id: number; code: string; title: string; planId: number }): TaskRef =>
    ({ kind: 'found', task: { id: t.id, code: t.code, title: t.title, planId: t.planId, shownCode: shown(t.planId, t.code) } });
  const prefixed = splitPrefixed(raw.replace(/^(任务|#|＃)\s*/u, ''));
  const plan = prefixed && planByPrefix(plans, prefixed.prefix);
  if (prefixed && plan) {
    const inPlan = await deps.db.task.findFirst({ where: { planId: plan.id, code: normaliseTaskCode(prefixed.code), removedAt: null }, select });
    if (inPlan) return found(inPlan);
  }
  const inForce = <T extends { plan: { archivedAt: Date | null } }>(rows: T[]) => {
    const current = rows.filter((t) => !t.plan.archivedAt);
    return current.length ? current : rows;
  };
  const byCode = inForce(await deps.db.task.findMany({ where: { code: normaliseTaskCode(raw), removedAt: null }, select }));
  if (byCode.length === 1) return found(byCode[0]!);
  const byTitle = inForce(await deps.db.task.findMany({ where: { title: { contains: raw }, removedAt: null }, select, orderBy: { position: 'asc' } }));
  if (byTitle.length === 1) return found(byTitle[0]!);
  const many = byCode.length > 1 ? byCode : byTitle;
  // Each is named as the code rule shows it, the way to ask for it (「2023-7」).
  return many.length ? { kind: 'ambiguous', tasks: many.map((t) => ({ code: shown(t.planId, t.code), title: t.title })) } : { kind: 'none' };
}

/** findTask, or a CommandError that says what went wrong. */
export async function requireTask(deps: Pick<Deps, 'db'>, ref: string | undefined) {
  if (!ref) throw new CommandError(botText`请指明任务（编号、如「7」，或任务名称中的几个字）。`);
  const found = await findTask(deps, ref);
  if (found.kind === 'found') return found.task;
  if (found.kind === 'none') throw new CommandError(botText`没有找到任务「${cut(ref, 20)}」。发送 /mine 查看您的任务。`);
  const listed = joinText(found.tasks.slice(0, 8).map((t) => botText`${cut(t.code, 12)} ${cut(t.title, 40)}`), '；');
  throw new CommandError(botText`「${cut(ref, 20)}」对应多项任务：${listed}。请用任务编号（如「${cut(found.tasks[0]!.code, 16)}」）。`);
}

/** 「任务7「培育高新技术企业」」 (「任务2023-7「…」」 with several plans in force): how text messages name a task. */
export const taskLabel = (t: { shownCode: string; title: string }): BotText => botText`任务${cut(t.shownCode, 16)}「${cut(t.title, 40)}」`;

/** People's names in a text message: 「张三、李四」. */
export const names = (people: { name: string }[]): BotText => joinText(people.map((p) => botText`${cut(p.name, 12)}`), '、');

/** The people @-mentioned in a command, as stored persons (created from the mention when new). */
export async function mentionedPeople(deps: Deps, mentions: Mention[]) {
  const now = deps.clock.now();
  const out = [];
  for (const m of mentions) {
    if (!m.openId) continue;
    out.push(await deps.db.$transaction((tx) => upsertPerson(tx, { openId: m.openId, name: m.name || '（未知）' }, now)));
  }
  return out;
}
