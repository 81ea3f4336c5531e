/**
 * /digest preview|send (周报): preview shows this week's digest to the admin
 * (audience 'admin', no snapshot stored); send posts it now to every
 * subscribed chat through the post-digest job, keyed on the command's
 * message id so a retried command posts once.
 */
import { jobIdFor } from '../../../../jobs/queues.js';
import { buildDigest } from '../../../domain/digest/build-digest.js';
import { digestCards } from '../../../feishu/cards/digest-cards.js';
import { shanghaiDate } from '../../../domain/calendar/shanghai-time.js';
import { digestWeek, loadDigestInput } from '../../../store/digest-input.js';
import { CommandError, say, sayCard, type CommandSpec } from '../command.js';
import { words } from './shared.js';
import { botText } from '../../../feishu/safe-text.js';

export const digestCommand: CommandSpec = {
  names: ['digest', '周报'],
  example: '/digest preview',
  admin: true,
  usage: '/digest preview|send（预览/发送）',
  summary: '预览或立即发送周报',
  run: async (deps, ctx) => {
    const verb = (words(ctx.args)[0] ?? '').toLowerCase();
    const plans = await deps.db.plan.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    if (!plans.length) throw new CommandError(botText`还没有导入工作要点。`);
    const now = deps.clock.now();
    if (verb === 'preview' || verb === '预览') {
      for (const plan of plans) {
        const model = buildDigest(await loadDigestInput(deps.db, plan.id, now, deps.calendar));
        for (const [i, card] of digestCards(model, { audience: 'admin' }).entries()) await sayCard(deps, ctx, card, `digest:${plan.id}:${i}`);
      }
      return;
    }
    if (verb !== 'send' && verb !== '发送') throw new CommandError(botText`请写明 preview（预览）或 send（发送）。`);
    const chats = await deps.db.chat.findMany({ where: { digest: true }, select: { chatId: true } });
    if (!chats.length) throw new CommandError(botText`还没有群订阅周报。请在群里 @我 发送 /subscribe。`);
    const keys: string[] = [];
    const week = digestWeek(deps.calendar, shanghaiDate(now)).id;
    for (const plan of plans) {
      for (const { chatId } of chats) {
        const key = `${plan.id}:${chatId}:cmd-${ctx.messageId}`;
        try {
          await deps.db.digestPost.create({ data: { key, planId: plan.id, chatId, week, createdAt: now } });
        } catch (e) {
          if ((e as { code?: string }).code !== 'P2002') throw e;
        }
        keys.push(key);
      }
    }
    await deps.queues.nudges.addBulk(keys.map((key) => ({ name: 'post-digest', data: { key }, opts: { jobId: jobIdFor('digest', key) } })));
    await say(deps, ctx, botText`周报正在发送到 ${chats.length} 个群。`, 'digest');
  },
};
