/**
 * A free message to the bot: a progress report in the owner's own words (its links and pictures
 * kept as the report's evidence).
 * It counts only from someone who may report on the task (mayReport); anyone
 * else is told so, and their words are kept in the audit trail, not as a report.
 * A leader's reply in an escalation's or a digest's thread is a 批示 instead
 * (instructions/leader-reply.ts). 「明天再报」 snoozes the task's check-in (snooze-checkin.ts);
 * 「已在会上汇报」 is a report without content, marked 会上汇报 (source 'meeting').
 */
import { hasEvidence } from '../../domain/evidence/parts.js';
import { audit } from '../../store/audit.js';
import { chooserCard } from '../../feishu/cards/chooser-card.js';
import { botText, type BotText } from '../../feishu/safe-text.js';
import { keepUnassignedReply } from '../../store/unassigned-replies.js';
import { isAdmin } from '../commands/command.js';
import { onLeaderReply } from '../instructions/leader-reply.js';
import { keepEvidence } from '../evidence/keep-evidence.js';
import type { MessageHandler } from '../types.js';
import { mayReport } from './may-report.js';
import { loadTask, NOTHING_READ, recordReading, recordReport } from './record-reply.js';
import { resolveTask } from './resolve-task.js';
import { readSnoozeAsk, saysMeetingReport } from '../../domain/reply/self-help-words.js';
import { snoozeCheckin } from './snooze-checkin.js';

export const onText: MessageHandler = async (deps, ctx) => {
  const reply = (text: BotText, tag: string) => deps.messenger.reply(ctx.messageId, { text }, `reply:${ctx.messageId}:${tag}`);
  const keep = (action: string, taskId: number | null) =>
    deps.db.$transaction((tx) =>
      audit(tx, { actor: ctx.senderOpenId, action, now: deps.clock.now(), taskId, after: { text: ctx.text }, chatId: ctx.chatId, messageId: ctx.messageId }),
    );
  if (!ctx.text.trim()) return;
  const person = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } });
  if (!person && !(await isAdmin(deps, ctx.senderOpenId))) {
    await reply(botText`您目前没有负责的任务，这条消息未作记录。如有疑问请联系管理员。发送 /help 查看用法。`, 'unknown-person');
    return;
  }
  // A leader's reply to an escalation or a digest card is a 批示, not a report.
  if (await onLeaderReply(deps, ctx)) return;
  const found = await resolveTask(deps, { personId: person?.id ?? null, parentId: ctx.parentId, rootId: ctx.rootId, text: ctx.text });
  switch (found.kind) {
    case 'task': {
      const reporter = await mayReport(deps, ctx.senderOpenId, found.taskId);
      if (!reporter.ok) {
        await keep('reply.refused', found.taskId);
        await reply(botText`${reporter.why}，这条消息未作为进展记录。`, 'refused');
        return;
      }
      const ask = readSnoozeAsk(found.text);
      if (ask) {
        await snoozeCheckin(deps, ctx, { taskId: found.taskId, personId: person?.id ?? null, ask });
        return;
      }
      const task = await loadTask(deps, found.taskId);
      const said = { text: ctx.text, messageId: ctx.messageId, chatId: ctx.chatId, replyTo: ctx.messageId, reporter };
      const { report } = saysMeetingReport(found.text)
        ? await recordReading(deps, task, { ...said, source: 'meeting' }, NOTHING_READ)
        : await recordReport(deps, task, { ...said, source: ctx.parentId ? 'reply' : 'text' });
      // Links and pictures in the report's own message are its evidence (佐证材料).
      if (hasEvidence(ctx.evidence)) await keepEvidence(deps, ctx, { taskId: task.id, reportId: report.id, reporter }, ctx.evidence);
      return;
    }
    case 'choose':
      // 「明天再报」「已在会上汇报」 need their task: ask for it rather than offer the chooser.
      if (readSnoozeAsk(ctx.text) || saysMeetingReport(ctx.text)) {
        await reply(botText`您负责多项任务，请说明是哪一项，例如「任务${found.tasks[0]?.code ?? '1'} ${ctx.text.slice(0, 20)}」。这条消息未作记录。`, 'name-task');
        return;
      }
      // Keep the whole text on the server before a task is chosen; the card carries only the message id.
      await keepUnassignedReply(deps.db, {
        messageId: ctx.messageId, actor: ctx.senderOpenId, text: ctx.text, chatId: ctx.chatId, now: deps.clock.now(), ...(hasEvidence(ctx.evidence) ? { evidence: ctx.evidence } : {}),
      });
      await deps.messenger.reply(ctx.messageId, { card: chooserCard(found.tasks, ctx.text, ctx.messageId) }, `reply:${ctx.messageId}:choose`);
      return;
    case 'not-theirs':
      await reply(botText`没有找到任务「${found.code.replace(/[^0-9.一二三四五六七八九十]/g, '')}」，这条消息未作记录。发送 /mine 查看您的任务。`, 'not-theirs');
      return;
    case 'none':
      await reply(botText`您目前没有负责的任务，这条消息未作记录。如有疑问请联系管理员。`, 'no-tasks');
  }
};
