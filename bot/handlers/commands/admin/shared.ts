/**
 * What the admin commands share: splitting「任务 其余参数」, reading a date
 * (「6月底」「2022-06-30」「下周五」) relative to the clock in Asia/Shanghai,
 * a task's active people, telling them, and auditing a change.
 */
import type { Deps } from '../../../deps.js';
import { readDay } from '../../../domain/reply/read-day.js';
import { botText, type BotText } from '../../../feishu/safe-text.js';
import { audit } from '../../../store/audit.js';
import type { CommandContext } from '../../types.js';
import { CommandError, requireTask } from '../command.js';

export type FoundTask = Awaited<ReturnType<typeof requireTask>>;

/** The words of the arguments that are not @-mentions. */
export function words(args: string): string[] {
  return args.split(/\s+/).filter((w) => w && !w.startsWith('@'));
}

/** The task named by the first word, and the other words. */
export async function taskAndRest(deps: Deps, ctx: CommandContext) {
  const [ref, ...rest] = words(ctx.args);
  return { task: await requireTask(deps, ref), rest };
}

export function requireDate(text: string | undefined, now: Date): string {
  const date = text ? readDay(text, now) : null;
  if (!date) throw new CommandError(botText`无法识别日期。请写成「2022-06-30」「6月底」或「下周五」。`);
  return date;
}

/** Active people with a role on the task. */
export async function peopleOn(deps: Deps, taskId: number, role: 'owner' | 'leader') {
  const rows = await deps.db.assignment.findMany({ where: { taskId, role, active: true }, include: { person: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => r.person);
}

/** Sends a text message to each person. */
export async function tell(deps: Deps, people: { id: number; openId: string | null }[], text: BotText, key: string) {
  for (const p of people) {
    if (p.openId) await deps.messenger.send({ openId: p.openId }, { text }, `${key}:${p.id}`);
  }
}

/** One audit entry for a command's change. */
export function auditChange(deps: Deps, ctx: CommandContext, e: { action: string; taskId?: number | null; before?: unknown; after?: unknown }) {
  return deps.db.$transaction((tx) =>
    audit(tx, { actor: ctx.senderOpenId, now: deps.clock.now(), chatId: ctx.chatId, messageId: ctx.messageId, ...e }),
  );
}
