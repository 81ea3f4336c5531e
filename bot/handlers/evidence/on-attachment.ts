/**
 * An image, file or video — or a message of nothing but links or pictures — sent to the bot.
 * In a nudge's thread, or in the private chat just after the sender's report, it is evidence
 * (佐证材料) of that report (find-report.ts). Otherwise an admin's file in the private chat is a
 * plan for /import, as it always was; anything else is answered with what to do, never dropped
 * in silence.
 */
import { hasEvidence } from '../../domain/evidence/parts.js';
import { botText } from '../../feishu/safe-text.js';
import { onFileMessage } from '../commands/admin/import.js';
import { isAdmin } from '../commands/command.js';
import type { MessageHandler } from '../types.js';
import { nothingToAttach } from './evidence-words.js';
import { evidenceTarget } from './find-report.js';
import { keepEvidence } from './keep-evidence.js';

export const onAttachment: MessageHandler = async (deps, ctx) => {
  if (!hasEvidence(ctx.evidence)) return;
  const reply = (text: ReturnType<typeof botText>, tag: string) => deps.messenger.reply(ctx.messageId, { text }, `reply:${ctx.messageId}:${tag}`);
  const target = await evidenceTarget(deps, ctx);
  if (target.kind === 'report') {
    await keepEvidence(deps, ctx, target, ctx.evidence);
    return;
  }
  if (target.kind === 'refused') {
    await reply(botText`${target.why}，这份材料未作记录。`, 'evidence-refused');
    return;
  }
  if (ctx.messageType === 'file' && ctx.chatType === 'p2p' && (await isAdmin(deps, ctx.senderOpenId))) {
    await onFileMessage(deps, ctx);
    return;
  }
  await reply(nothingToAttach(ctx.messageType, deps.config), 'evidence-none');
};
