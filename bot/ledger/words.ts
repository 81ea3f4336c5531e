/** Chinese words and time stamps of the ledger (台账). Pure. */
import { pad2 } from '../domain/calendar/civil-date.js';
import { shanghaiParts } from '../domain/calendar/shanghai-time.js';
import { wordTable } from '../domain/word-table.js';

/** What a report said (the 进展记录 sheet): the words of the nudge card's buttons. */
export const STATUS_WORDS = wordTable({ on_track: '按计划推进', not_started: '尚未启动', at_risk: '有风险', blocked: '受阻', done: '已完成' });

export function reportStatusWord(status: string | null): string {
  return status ? STATUS_WORDS[status] ?? status : '已填报（状态未识别）';
}

export const SOURCE_WORDS = wordTable({
  reply: '回复消息',
  text: '消息',
  button: '卡片按钮',
  form: '卡片表单',
  command: '命令',
  import: '导入',
});

export const ACTION_WORDS = wordTable({
  'plan.imported': '导入计划',
  'plan.reimported': '重新导入计划',
  'task.added': '新增任务',
  'task.reimported': '任务随计划更新',
  'task.removed': '任务移出计划',
  'owners.imported': '导入责任分工',
  'assignment.added': '分配职责',
  'assignment.ended': '取消职责',
  'leave.added': '登记请假',
  'report.added': '填报进展',
  'report.edited': '修改进展',
  'report.revoked': '撤销进展',
  'evidence.added': '提交佐证材料',
  'reply.unassigned': '收到无对应任务的回复',
  'reply.refused': '收到非责任人的回复（未记为进展）',
  'extension.requested': '申请延期',
  'extension.approved': '同意延期',
  'extension.refused': '不同意延期',
  'extension.approval-undone': '撤销延期批准',
  'task.status': '调整任务状态',
  'task.lifecycle': '任务状态变更',
  'task.deadline': '调整完成时限',
  'task.target': '调整指标',
  'task.cadence': '调整催办频次',
  'target.pace-note': '序时说明',
  'task.instruction': '批示',
  'instruction.refused': '收到非责任领导的批示（未记录）',
  undo: '撤销修改',
});

/** 'YYYY-MM-DD HH:mm' on Beijing time, whatever the host's time zone. */
export function shanghaiMinute(at: Date): string {
  const { date, minutes } = shanghaiParts(at);
  return `${date} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** 「张敏」 for a known open_id, 「命令行」 for the CLI, else the actor as stored. */
export function actorWord(actor: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(actor);
  if (name) return name;
  if (actor === 'cli') return '命令行';
  if (actor === 'system') return '系统';
  if (actor.startsWith('cli:')) return `命令行（${actor.slice(4)}）`;
  return actor;
}
