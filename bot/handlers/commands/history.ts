/** /history N (历史/记录): the last 15 entries of a task's audit trail, newest first. */
import { card, markdown } from '../../feishu/cards/card.js';
import { shanghaiMinute } from '../../domain/calendar/shanghai-time.js';
import { cut, figure, joinMd, md } from '../../feishu/safe-text.js';
import { readJson } from '../../domain/audit-fields.js';
import { wordTable } from '../../domain/word-table.js';
import { requireTask, sayCard, type CommandSpec } from './command.js';

const ACTIONS = wordTable({
  'report.added': '填报进展', 'report.edited': '修改进展', 'report.revoked': '撤销进展', 'report.returned': '退回补充', 'reply.refused': '非责任人回复（未记为进展）',
  'assignment.added': '指派人员', 'assignment.ended': '取消指派', 'task.deadline': '调整完成时限', 'task.target': '调整指标',
  'task.cadence': '调整催办频次', 'extension.requested': '申请延期', 'extension.approved': '同意延期', 'extension.refused': '不同意延期',
  'extension.approval-undone': '撤销延期批准', undo: '撤销修改',
  'task.urged': '督办（加急）', 'task.urge-result': '督办结果',
  'task.instruction': '批示', 'instruction.refused': '非责任领导的批示（未记录）',
  'task.created': '新增任务', 'task.updated': '任务变更', 'task.removed': '移除任务', 'task.status': '调整状态', 'task.lifecycle': '调整状态',
});
/** A lifecycle change by what caused it (after.event). */
const LIFECYCLE_EVENTS = wordTable({
  owner_done: '报完成（待确认办结）', confirm: '确认办结', return: '退回完成申请', withdraw: '撤回完成申请',
  admin_done: '办结', pause: '暂停', resume: '恢复', reopen: '重新打开',
});
const STATUS = wordTable({
  on_track: '按计划推进', not_started: '尚未启动', at_risk: '有风险', blocked: '受阻', done: '已完成', pending: '待审批', active: '进行中', paused: '已暂停',
  done_pending: '待确认办结', closed: '已办结',
});
const ROLE = wordTable({ owner: '责任人', collaborator: '协办', leader: '责任领导', admin: '管理员' });
const KEYS = wordTable({
  deadline: '时限', to: '申请至', reason: '理由', status: '状态', percent: '进度', role: '角色', title: '标题', from: '自',
  value: '数值', cadence: '频次', what: '内容', owners: '加急', via: '方式', notBuzzed: '未加急', outcome: '结果',
});

function summary(json: string | null): string {
  if (!json) return '';
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json;
  }
  if (!v || typeof v !== 'object') return String(v);
  return Object.entries(v as Record<string, unknown>)
    .filter(([k, x]) => KEYS[k] && x !== null && x !== undefined)
    .map(([k, x]) => `${KEYS[k]}：${k === 'status' ? (STATUS[String(x)] ?? String(x)) : k === 'role' ? (ROLE[String(x)] ?? String(x)) : String(x)}`)
    .join('，');
}


export const historyCommand: CommandSpec = {
  names: ['history', '历史', '记录'],
  example: '/history 7',
  admin: true,
  usage: '/history 任务编号',
  summary: '查看任务的变更记录',
  run: async (deps, ctx) => {
    const task = await requireTask(deps, ctx.args.trim() || undefined);
    const entries = await deps.db.auditEntry.findMany({ where: { taskId: task.id }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 15 });
    const actors = await deps.db.person.findMany({ where: { openId: { in: entries.map((e) => e.actor) } } });
    const lines = entries.map((e) => {
      const who = actors.find((p) => p.openId === e.actor)?.name ?? (e.actor.startsWith('ou_') ? '（未知）' : e.actor);
      const before = summary(e.before);
      const after = summary(e.after);
      const change = before && after ? `${before} → ${after}` : before || after;
      const what = (e.action === 'task.lifecycle' ? LIFECYCLE_EVENTS[String(readJson(e.after).event)] : undefined) ?? ACTIONS[e.action] ?? cut(e.action, 30);
      return md`- ${figure(shanghaiMinute(e.at))} ${cut(who, 12)} ${what}${change ? md`：${cut(change, 160)}` : md``}`;
    });
    const body = lines.length ? joinMd(lines, '\n') : md`暂无记录。`;
    await sayCard(deps, ctx, card({ title: `任务${task.code} 变更记录`, subtitle: cut(task.title, 60), template: 'grey', elements: [markdown(body)] }), 'history');
  },
};
