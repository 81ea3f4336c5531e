/**
 * /deadline N 日期 (截止), /target N k 值 (目标), /cadence N 频次 (频次):
 * a task's settings. Each change is audited with before and after.
 */
import { parseNumber } from '../../../domain/plan/numerals.js';
import { botText, cut } from '../../../feishu/safe-text.js';
import { CommandError, say, taskLabel as label, type CommandSpec } from '../command.js';
import { wordTable } from '../../../domain/word-table.js';
import { auditChange, peopleOn, requireDate, taskAndRest, tell } from './shared.js';

export const deadlineCommand: CommandSpec = {
  names: ['deadline', '截止'],
  example: '/deadline 7 6月底',
  admin: true,
  usage: '/deadline 任务编号 日期（如 2022-06-30、6月底、下周五）',
  summary: '修改任务截止日期',
  run: async (deps, ctx) => {
    const { task, rest } = await taskAndRest(deps, ctx);
    const date = requireDate(rest.join(''), deps.clock.now());
    const { deadline } = await deps.db.task.findUniqueOrThrow({ where: { id: task.id }, select: { deadline: true } });
    if (deadline === date) {
      await say(deps, ctx, botText`${label(task)}的截止日期已是 ${date}，未作修改。`, 'deadline');
      return;
    }
    await deps.db.task.update({ where: { id: task.id }, data: { deadline: date, deadlineText: null, updatedAt: deps.clock.now() } });
    await auditChange(deps, ctx, { action: 'task.deadline', taskId: task.id, before: { deadline }, after: { deadline: date } });
    await tell(deps, await peopleOn(deps, task.id, 'owner'), botText`${label(task)}的截止日期已由 ${deadline} 调整为 ${date}。`, `deadline:${ctx.messageId}`);
    await say(deps, ctx, botText`已将${label(task)}的截止日期由 ${deadline} 改为 ${date}，并已告知责任人。`, 'deadline');
  },
};

export const targetCommand: CommandSpec = {
  names: ['target', '目标'],
  example: '/target 2 1 2500',
  admin: true,
  usage: '/target 任务编号 第几项指标 新数值（如 /target 2 1 2500）',
  summary: '修改任务的指标数值',
  run: async (deps, ctx) => {
    const { task, rest } = await taskAndRest(deps, ctx);
    const k = rest[0] ? parseNumber(rest[0]) : null;
    const value = rest[1] ? Number(rest[1].replace(/,/g, '')) : NaN;
    if (!k || !Number.isInteger(k) || k < 1) throw new CommandError(botText`请写明第几项指标（从 1 开始）。`);
    if (!Number.isFinite(value)) throw new CommandError(botText`请写明新的指标数值（数字）。`);
    const target = await deps.db.target.findFirst({ where: { taskId: task.id, position: k - 1, removedAt: null } });
    if (!target) {
      const count = await deps.db.target.count({ where: { taskId: task.id, removedAt: null } });
      throw new CommandError(count ? botText`该任务只有 ${count} 项指标。` : botText`该任务没有量化指标。`);
    }
    await deps.db.target.update({ where: { id: target.id }, data: { value } });
    await auditChange(deps, ctx, { action: 'task.target', taskId: task.id, before: { position: target.position, value: target.value }, after: { position: target.position, value } });
    await say(deps, ctx, botText`已将${label(task)}第${k}项指标由 ${target.value} 改为 ${value}（${cut(target.unit, 8)}）。`, 'target');
  },
};

const CADENCE = wordTable({
  weekly: 'weekly', 每周: 'weekly', biweekly: 'biweekly', 双周: 'biweekly', 每两周: 'biweekly',
  monthly: 'monthly', 每月: 'monthly', off: 'off', 关闭: 'off', 不催办: 'off',
});
export const CADENCE_WORDS = wordTable({ weekly: '每周', biweekly: '每两周', monthly: '每月', off: '不催办' });

export const cadenceCommand: CommandSpec = {
  names: ['cadence', '频次'],
  example: '/cadence 7 monthly',
  admin: true,
  usage: '/cadence 任务编号 weekly|biweekly|monthly|off（每周/双周/每月/关闭）',
  summary: '设置任务的催办频次',
  run: async (deps, ctx) => {
    const { task, rest } = await taskAndRest(deps, ctx);
    const cadence = CADENCE[(rest[0] ?? '').toLowerCase()];
    if (!cadence) throw new CommandError(botText`请写明频次：weekly、biweekly、monthly 或 off（每周、双周、每月、关闭）。`);
    const before = (await deps.db.task.findUniqueOrThrow({ where: { id: task.id }, select: { cadence: true } })).cadence;
    if (before !== cadence) {
      await deps.db.task.update({ where: { id: task.id }, data: { cadence, updatedAt: deps.clock.now() } });
      await auditChange(deps, ctx, { action: 'task.cadence', taskId: task.id, before: { cadence: before }, after: { cadence } });
    }
    await say(deps, ctx, botText`${label(task)}的催办频次${before === cadence ? '已是' : '已设为'}${CADENCE_WORDS[cadence] ?? cadence}。`, 'cadence');
  },
};
