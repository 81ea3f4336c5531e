/**
 * /stats (统计): per lead unit (牵头单位), how many tasks are overdue, unreported and blocked, now and at
 * the end of each of the last weeks — for admins, in their own chat with the bot only: a per-unit
 * count is a ranking, and no ranking is posted to a group (docs/digest-and-ledger.md).
 */
import { dateWord } from '../../../domain/task-state/words.js';
import type { UnitCounts } from '../../../domain/papers/unit-stats.js';
import { botText, cut, joinText, type BotText } from '../../../feishu/safe-text.js';
import { loadUnitStats } from '../../../store/unit-stats.js';
import { CommandError, say, type CommandSpec } from '../command.js';

/** Units listed in one message; the ledger's 「牵头单位统计」 sheet has them all. */
const MAX_UNITS = 30;
const MAX_PLANS = 5;

const trend = (counts: UnitCounts[], k: keyof UnitCounts) => counts.map((c) => String(c[k])).join('→');

export const statsCommand: CommandSpec = {
  names: ['stats', '统计'],
  example: '/stats',
  admin: true,
  usage: '/stats（仅限私聊）',
  summary: '各牵头单位逾期、未报送、受阻任务数及近4周趋势（仅管理员私聊可见）',
  run: async (deps, ctx) => {
    if (ctx.chatType !== 'p2p') throw new CommandError(botText`单位统计只在私聊中提供，不在群里发送（不公开排名）。请私聊我发送 /stats。`);
    const plans = await deps.db.plan.findMany({ where: { archivedAt: null }, select: { id: true, title: true }, orderBy: { id: 'desc' }, take: MAX_PLANS });
    if (!plans.length) throw new CommandError(botText`没有进行中的工作要点，暂无统计。`);
    const now = deps.clock.now();
    for (const plan of plans.reverse()) {
      const { moments, rows } = await loadUnitStats(deps.db, { planId: plan.id, now, calendar: deps.calendar });
      const today = moments.at(-1)!.date;
      const weeks = moments.map((m, i) => (i === moments.length - 1 ? '今天' : `${m.label}末`)).join('→');
      const lines: BotText[] = rows.slice(0, MAX_UNITS).map((r) => {
        const c = r.counts.at(-1)!;
        return botText`${cut(r.unit, 30)}（${c.tasks}项）：逾期${c.overdue}，未报送${c.unreported}，受阻${c.blocked}\n    近${moments.length}周 逾期 ${trend(r.counts, 'overdue')}｜未报送 ${trend(r.counts, 'unreported')}｜受阻 ${trend(r.counts, 'blocked')}`;
      });
      const more = rows.length > MAX_UNITS ? botText`\n另有${rows.length - MAX_UNITS}个单位，见台账「牵头单位统计」。` : botText``;
      await say(deps, ctx, botText`《${cut(plan.title, 60)}》各牵头单位统计（截至${dateWord(today, today)}，仅管理员可见）\n趋势：${weeks}\n${joinText(lines, '\n')}${more}`, `stats:${plan.id}`);
    }
  },
};
