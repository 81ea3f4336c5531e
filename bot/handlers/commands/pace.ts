/**
 * /pace N k reason (序时说明): an owner marks a lumpy target as on track with a
 * reason (e.g. 「高企认定集中在四季度」); the digest shows it and counts the
 * target as on pace. 「/pace N k 清除」 removes the note. The confirmation says
 * the target's pace as the task-state engine sees it with the note (or without).
 */
import type { Deps } from '../../deps.js';
import { amountWord } from '../../domain/task-state/amounts.js';
import { pacePhrase, phraseText } from '../../domain/task-state/phrases.js';
import { audit } from '../../store/audit.js';
import { loadTaskState } from '../../store/task-states.js';
import { CommandError, requireTask, say, type CommandSpec } from './command.js';
import { botText, cut, type BotText } from '../../feishu/safe-text.js';

export const paceCommand: CommandSpec = {
  names: ['pace', '序时说明'],
  example: '/pace 1 1 高企认定集中在四季度',
  admin: false,
  usage: '/pace 任务编号 指标序号 理由（如：/pace 1 1 高企认定集中在四季度；理由写「清除」则取消）',
  summary: '说明某项指标进度不均衡但按计划推进',
  run: async (deps, ctx) => {
    const m = ctx.args.match(/^(\S+)\s+(\d{1,2})\s+([\s\S]+)$/);
    if (!m) throw new CommandError(botText`请写明任务编号、指标序号和理由。`);
    const task = await requireTask(deps, m[1]);
    const person = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId } });
    const mine = person && (await deps.db.assignment.count({ where: { taskId: task.id, personId: person.id, active: true, role: { in: ['owner', 'collaborator'] } } }));
    if (!mine) throw new CommandError(botText`您不是任务${task.shownCode}的责任人，不能为其指标作说明。`);
    const targets = await deps.db.target.findMany({ where: { taskId: task.id, removedAt: null }, orderBy: { position: 'asc' } });
    const target = targets[Number(m[2]) - 1];
    if (!target) throw new CommandError(botText`任务${task.shownCode}没有第 ${Number(m[2])} 项指标（共 ${targets.length} 项）。`);
    const reason = m[3]!.trim().slice(0, 200);
    const note = /^(清除|取消|删除)$/.test(reason) ? null : reason;
    const now = deps.clock.now();
    await deps.db.$transaction(async (tx) => {
      await tx.target.update({ where: { id: target.id }, data: { paceNote: note } });
      await audit(tx, {
        actor: ctx.senderOpenId, action: 'target.pace-note', now, taskId: task.id, chatId: ctx.chatId, messageId: ctx.messageId,
        before: { targetId: target.id, paceNote: target.paceNote }, after: { targetId: target.id, paceNote: note },
      });
    });
    const k = Number(m[2]);
    const head = note ? botText`已记录：任务${task.shownCode}第 ${k} 项指标按计划推进，周报中将显示您的说明。` : botText`已取消任务${task.shownCode}第 ${k} 项指标的说明。`;
    await say(deps, ctx, botText`${head}${await paceNow(deps, task.id, target.id, now)}`, 'pace');
  },
};

/** 「该指标现为：有效期高企 最新118家 / 目标140家，较基数110家，应达 112家；完成 27% / 时间 5%」 */
async function paceNow(deps: Pick<Deps, 'db' | 'calendar'>, taskId: number, targetId: number, now: Date): Promise<BotText> {
  const { plan, task } = await loadTaskState(deps.db, { taskId, now, calendar: deps.calendar });
  const g = task.state.targets.find((t) => t.targetId === targetId);
  if (!g) return botText``;
  const head = botText`该指标现为：${cut(g.label, 30)} 最新${g.latest === null ? '未填报' : amountWord(g.latest, g.unit)} / 目标${amountWord(g.value, g.unit)}`;
  return g.basis === 'none' ? botText`${head}。` : botText`${head}，${phraseText(pacePhrase(g, { expected: 'always', periodStart: plan.periodStart }))}。`;
}
