/**
 * /report 周报|月报|半年|全年 (an admin's): the bureau's paper of each plan in force (not archived) — 推进情况 for the week or month,
 * 工作总结（初稿） for the half year or year — built at the clock's moment and sent to the admin as a
 * .docx, always in their own chat with the bot: asked in a group, the file goes privately and the group
 * only hears that it did.
 */
import type { Deps } from '../../../deps.js';
import type { PaperKind } from '../../../domain/papers/period.js';
import { botText, cut } from '../../../feishu/safe-text.js';
import { audit } from '../../../store/audit.js';
import type { CommandContext } from '../../types.js';
import { CommandError, isAdmin, say } from '../command.js';

/** Plans one request writes papers for (each is a file). */
const MAX_PLANS = 5;

export async function sendPapers(deps: Deps, ctx: CommandContext, kind: PaperKind): Promise<void> {
  if (!(await isAdmin(deps, ctx.senderOpenId))) {
    await deps.db.$transaction((tx) => audit(tx, {
      actor: ctx.senderOpenId, action: 'command.refused', now: deps.clock.now(), after: { command: `report ${kind}` }, chatId: ctx.chatId, messageId: ctx.messageId,
    }));
    throw new CommandError(botText`只有管理员可以生成推进情况和工作总结文档。填报进展请写：/report 任务编号 进展内容`);
  }
  const plans = await deps.db.plan.findMany({ where: { archivedAt: null }, select: { id: true }, orderBy: { id: 'desc' }, take: MAX_PLANS });
  if (!plans.length) throw new CommandError(botText`没有进行中的工作要点，无法生成文档（已归档的计划可用 workplan report --plan 编号 生成）。`);
  const now = deps.clock.now();
  const privately = ctx.chatType !== 'p2p';
  for (const plan of plans.reverse()) {
    // The document writer (docx) is loaded on the first paper, not in every process at start.
    const { buildPaperFile } = await import('../../../papers/build-paper.js');
    const paper = await buildPaperFile(deps.db, { planId: plan.id, kind, now, calendar: deps.calendar });
    const fileKey = await deps.messenger.uploadFile(paper.fileName, paper.bytes);
    const key = `cmd:${ctx.messageId}:paper:${plan.id}`;
    const note = botText`「${cut(paper.model.title, 80)}」已生成：${paper.taskCount}项任务，本期${paper.reportCount}条进展报送。文档为初稿，请核改后报送。`;
    if (privately) {
      await deps.messenger.send({ openId: ctx.senderOpenId }, { fileKey }, key);
      await deps.messenger.send({ openId: ctx.senderOpenId }, { text: note }, `${key}:note`);
    } else {
      await deps.messenger.reply(ctx.messageId, { fileKey }, key);
      await say(deps, ctx, note, `paper-note:${plan.id}`);
    }
  }
  if (privately) await say(deps, ctx, botText`文档已私信发给您。`, 'paper-private');
}
