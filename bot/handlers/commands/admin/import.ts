/**
 * /import (导入) of a plan file sent in the private chat. The bot cannot see
 * an attachment from a text command, so a `file` message from an admin in
 * p2p is remembered (audit 'file.received' with its message id, file key and
 * name); /import then imports the sender's most recent file of the last hour,
 * or the file message it quotes (reply to it). A new plan while an earlier one is stored is followed
 * by the preview of the people it could carry over (carry-offer.ts), carried only once confirmed.
 */
import type { Deps } from '../../../deps.js';
import { shanghaiDate } from '../../../domain/calendar/shanghai-time.js';
import { PlanError } from '../../../domain/plan/types.js';
import { card, markdown } from '../../../feishu/cards/card.js';
import { importBudget, readPlanInWorker, warmPlanReader } from '../../../plan-files/read-in-worker.js';
import { planFormat, tooLarge } from '../../../plan-files/read-plan-file.js';
import { LIMITS } from '../../../domain/plan/limits.js';
import { DownloadTooLarge } from '../../../feishu/errors.js';
import { answerOf, importDoneFor, importPlan, type ImportAnswer } from '../../../store/import-plan.js';
import type { CommandContext, MessageContext } from '../../types.js';
import { CommandError, isAdmin, say, sayCard, type CommandSpec } from '../command.js';
import { auditChange } from './shared.js';
import { offerCarry } from './carry-offer.js';
import { noProposalText } from '../../../domain/owners/after-import.js';
import { readChartOrReason } from '../../../feishu/read-chart-or-reason.js';
import { proposesAfterImport } from '../../../store/owner-proposals.js';
import { proposeInAnswer } from '../../proposals/propose-command.js';
import { botText, cut, joinMd, md } from '../../../feishu/safe-text.js';

const RECENT_MS = 3600_000;
interface ReceivedFile { messageId: string; fileKey: string; fileName: string }

/** Handles `file` messages (ignores others): remembers an admin's file sent in p2p for /import. */
export async function onFileMessage(deps: Deps, ctx: MessageContext): Promise<void> {
  if (ctx.messageType !== 'file' || ctx.chatType !== 'p2p') return;
  if (!(await isAdmin(deps, ctx.senderOpenId))) return;
  let content: { file_key?: unknown; file_name?: unknown };
  try {
    content = JSON.parse(ctx.content) as typeof content;
  } catch {
    return;
  }
  if (typeof content.file_key !== 'string') return;
  const file: ReceivedFile = { messageId: ctx.messageId, fileKey: content.file_key, fileName: typeof content.file_name === 'string' ? content.file_name : 'plan.txt' };
  await auditChange(deps, { ...ctx, command: '', args: '' }, { action: 'file.received', after: file });
  await say(deps, { ...ctx, command: '', args: '' }, botText`已收到文件。如需导入为工作要点，请在一小时内发送 /import；如是某项任务的佐证材料，请在催办消息下回复该文件。`, 'file');
}

async function receivedFile(deps: Deps, ctx: MessageContext): Promise<ReceivedFile> {
  const since = new Date(deps.clock.now().getTime() - RECENT_MS);
  const rows = await deps.db.auditEntry.findMany({
    where: { actor: ctx.senderOpenId, action: 'file.received', ...(ctx.parentId ? {} : { at: { gte: since } }) },
    orderBy: { id: 'desc' },
    take: ctx.parentId ? 200 : 1,
  });
  const files = rows.map((r) => JSON.parse(r.after ?? '{}') as ReceivedFile);
  const file = ctx.parentId ? files.find((f) => f.messageId === ctx.parentId) : files[0];
  if (!file) throw new CommandError(botText`没有找到要导入的文件。请先在私聊中把工作要点文件（.docx、.xlsx、.txt、.csv）发给我，再在一小时内发送 /import。`);
  return file;
}

export const importCommand: CommandSpec = {
  names: ['import', '导入'],
  example: '私聊发送文件后 /import',
  admin: true,
  usage: '先私聊发送工作要点文件，再发送 /import',
  summary: '导入或更新工作要点文件（新计划可预览并承接上一计划的责任人）',
  run: async (deps, ctx) => {
    // A retried job whose import is already stored answers from it: reading the file again would find "no change".
    const done = await importDoneFor(deps.db, ctx.messageId);
    if (done) {
      const plan = await deps.db.plan.findUniqueOrThrow({ where: { id: done.planId }, select: { title: true, issuer: true, year: true } });
      return answerImport(deps, ctx, done, plan);
    }
    const file = await receivedFile(deps, ctx);
    const now = deps.clock.now();
    let result;
    let header: { title: string; issuer: string | null; year: number };
    try {
      // The name and the size are checked before a byte more than the limit is fetched.
      planFormat(file.fileName);
      // The reading thread starts while the file downloads.
      warmPlanReader(importBudget(deps.config));
      const bytes = await deps.messenger.downloadFile(file.messageId, file.fileKey, 'file', { maxBytes: LIMITS.fileBytes }).catch((e: unknown) => {
        throw e instanceof DownloadTooLarge ? tooLarge() : e;
      });
      // Off this event loop (it answers Feishu), within IMPORT_TIMEOUT_SECONDS and IMPORT_MEMORY_MB: any
      // file ends in a plan or a PlanError, so the job completes with an answer and is never retried for it.
      const job = { name: file.fileName, bytes, fallbackYear: Number(shanghaiDate(now).slice(0, 4)) };
      const { parsed, sourceName, sourceText } = await readPlanInWorker(job, importBudget(deps.config));
      header = parsed.plan;
      result = await importPlan(deps.db, { parsed, sourceName, sourceText, actor: ctx.senderOpenId, now, messageId: ctx.messageId, chatId: ctx.chatId });
    } catch (e) {
      if (e instanceof PlanError) throw new CommandError(botText`文件无法导入：${e.message}`);
      throw e;
    }
    await answerImport(deps, ctx, answerOf(result), header);
  },
};

/** The import's answer card, then the carry-over offer or the owner proposal: the same on a retried job. */
async function answerImport(deps: Deps, ctx: CommandContext, done: ImportAnswer, plan: { title: string; issuer: string | null; year: number }): Promise<void> {
  const name = cut(plan.title, 60);
  const proposes = await proposesAfterImport(deps.db, done.planId, { created: done.created, changed: done.changeCount > 0 });
  const head = done.created
    ? (proposes ? md`已导入《${name}》：${done.taskCount} 项任务。计划写明了牵头单位或责任领导，接下来按飞书通讯录生成责任人建议。` : md`已导入《${name}》：${done.taskCount} 项任务。请用 /assign 指派责任人。`)
    : done.changeCount ? md`已更新《${name}》，责任人与进展记录均保留。变化 ${done.changeCount} 处：` : md`《${name}》已是最新，没有变化。`;
  const lines = done.created ? [] : done.shown.map((m) => md`- ${cut(m, 120)}`);
  if (done.changeCount > done.shown.length) lines.push(md`……另有 ${done.changeCount - done.shown.length} 处`);
  await sayCard(deps, ctx, card({ title: '导入结果', template: 'green', elements: [markdown(joinMd([head, ...lines], '\n'))] }), 'import');
  // A new plan while an earlier one is stored: the people it could take over, for the admin to confirm.
  const carried = await offerCarry(deps, ctx, { id: done.planId, title: plan.title, issuer: plan.issuer, year: plan.year, created: done.created });
  if (proposes) await proposeAfterImport(deps, ctx, done.planId, carried);
}

/**
 * A plan that names lead units or leaders: owners proposed from the org chart, the cards /propose sends, to the
 * admin who imported (issue #23); a chart that cannot be read leaves the import as it is and says why. Beside an
 * offer to carry last plan's people over, only how to ask for the proposal.
 */
async function proposeAfterImport(deps: Deps, ctx: CommandContext, planId: number, carried: boolean): Promise<void> {
  if (carried) {
    await say(deps, ctx, botText`也可以不承接，改按飞书通讯录生成责任人建议：发送 /propose。`, 'propose-hint');
    return;
  }
  const read = await readChartOrReason(() => deps.messenger.readOrgChart());
  if (read.kind === 'unreadable') {
    await say(deps, ctx, botText`${noProposalText(read.reason, '在服务器上运行 workplan assign <文件>，或逐项发送 /assign 任务编号 @责任人')}`, 'propose-none');
    return;
  }
  await proposeInAnswer(deps, ctx, planId, async () => read.chart);
}
