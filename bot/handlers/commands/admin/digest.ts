/**
 * /digest preview|send (周报): preview shows this week's digest to the admin
 * (audience 'admin', no snapshot stored), one per plan in force; send posts
 * it now to every subscribed chat as the chat chose (per plan, combined, one
 * plan) through the post-digest job, keyed on the command's message id so a
 * retried command posts once.
 */
import { jobIdFor } from '../../../../jobs/queues.js';
import { buildDigest } from '../../../domain/digest/build-digest.js';
import { digestCards } from '../../../feishu/cards/digest-cards.js';
import { shanghaiDate } from '../../../domain/calendar/shanghai-time.js';
import { plannedPosts } from '../../../domain/digest/recipients.js';
import { digestWeek, loadDigestInput } from '../../../store/digest-input.js';
import { digestChats, plansInForce, recordPosts } from '../../../store/digest-posts.js';
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
    // Archived plans (归档) get no digest, previewed or sent.
    const plans = await plansInForce(deps.db);
    if (!plans.length) throw new CommandError(botText`没有进行中的工作要点（未导入，或都已归档）。`);
    const now = deps.clock.now();
    if (verb === 'preview' || verb === '预览') {
      for (const planId of plans) {
        const model = buildDigest(await loadDigestInput(deps.db, planId, now, deps.calendar));
        for (const [i, card] of digestCards(model, { audience: 'admin' }).entries()) await sayCard(deps, ctx, card, `digest:${planId}:${i}`);
      }
      return;
    }
    if (verb !== 'send' && verb !== '发送') throw new CommandError(botText`请写明 preview（预览）或 send（发送）。`);
    const chats = await digestChats(deps.db);
    if (!chats.length) throw new CommandError(botText`还没有群订阅周报。请在群里 @我 发送 /subscribe。`);
    // Each chat as it chose (/subscribe): keyed on the command's message, so a retried command posts once.
    const posts = plannedPosts({ plansInForce: plans, chats, admins: [], round: `cmd-${ctx.messageId}` });
    const keys = await recordPosts(deps.db, posts, digestWeek(deps.calendar, shanghaiDate(now)).id, now);
    await deps.queues.nudges.addBulk(keys.map((key) => ({ name: 'post-digest', data: { key }, opts: { jobId: jobIdFor('digest', key) } })));
    const reached = new Set(posts.map((p) => p.chatId)).size;
    await say(deps, ctx, botText`周报正在发送到 ${reached} 个群。`, 'digest');
  },
};
