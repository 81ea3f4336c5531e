/**
 * The audit trail in a clerk's words, for every place that shows it (/history, the ledger's 操作记录): the
 * Chinese name of each kind of entry, who did it (a name, never an open_id where the name is known), and each
 * change as readable Chinese (「完成时限：2022-12-31」). Pure.
 */
import { readJson } from './audit-fields.js';
import { wordTable } from './word-table.js';

const ACTIONS = wordTable({
  'plan.imported': '导入计划', 'plan.reimported': '重新导入计划', 'plan.archived': '归档计划', 'plan.short-name': '设置计划简称',
  'carry.proposed': '预览承接责任人', 'plan.carried': '承接责任人', 'carry.declined': '不承接责任人',
  'task.added': '新增任务', 'task.created': '新增任务', 'task.reimported': '任务随计划更新', 'task.updated': '任务变更', 'task.removed': '任务移出计划',
  'owners.imported': '导入责任分工', 'unit.contact': '标记联络员',
  'proposal.made': '生成责任人建议', 'proposal.changed': '修改责任人建议', 'proposal.confirmed': '确认责任人建议', 'assignment.added': '指派人员', 'assignment.ended': '取消指派',
  'leave.added': '登记请假', 'leave.cancelled': '取消请假', 'checkin.snoozed': '推迟提醒',
  'report.added': '填报进展', 'report.edited': '修改进展', 'report.corrected': '更正进展', 'report.revoked': '撤销进展', 'report.returned': '退回补充',
  'evidence.added': '提交佐证材料',
  'reply.unassigned': '收到未指明任务的回复', 'reply.refused': '非责任人回复（未记为进展）',
  'extension.requested': '申请延期', 'extension.approved': '同意延期', 'extension.refused': '不同意延期', 'extension.approval-undone': '撤销延期批准',
  'task.status': '调整状态', 'task.lifecycle': '调整状态', 'task.deadline': '调整完成时限', 'task.target': '调整指标', 'task.cadence': '调整催办频次',
  'target.pace-note': '序时说明', 'milestone.done': '时间节点完成', 'milestone.reopened': '时间节点恢复未完成',
  'task.instruction': '批示', 'instruction.refused': '非责任领导的批示（未记录）',
  'task.urged': '督办（加急）', 'task.urge-result': '督办结果',
  'admin.added': '添加管理员', 'admin.removed': '移除管理员',
  'chat.subscribed': '订阅周报', 'chat.unsubscribed': '取消订阅周报', 'chat.digest-choice': '设置本群周报范围',
  'file.received': '收到文件', 'command.refused': '命令未执行（无权限）',
  undo: '撤销修改',
});

/** A lifecycle change by what caused it (after.event). */
const LIFECYCLE_EVENTS = wordTable({
  owner_done: '报完成（待确认办结）', confirm: '确认办结', return: '退回完成申请', withdraw: '撤回完成申请',
  admin_done: '办结', pause: '暂停', resume: '恢复', reopen: '重新打开',
});

const STATUS = wordTable({
  on_track: '按计划推进', not_started: '尚未启动', at_risk: '有风险', blocked: '受阻', done: '已完成', pending: '待审批', approved: '已同意', refused: '未同意',
  active: '进行中', paused: '已暂停', done_pending: '待确认办结', closed: '已办结',
});
const ROLE = wordTable({ owner: '责任人', collaborator: '协办', leader: '责任领导', admin: '管理员' });
const CADENCE = wordTable({ weekly: '每周', biweekly: '每两周', monthly: '每月', off: '不催报' });
const VIA = wordTable({ app: '应用内', sms: '短信', phone: '电话' });

/** The fields a clerk reads, in this order; ids and internal keys are left out. */
const KEYS = wordTable({
  title: '标题', status: '状态', event: '变更', deadline: '完成时限', to: '申请至', from: '自', percent: '进度', role: '角色', cadence: '频次',
  label: '指标', value: '数值', unit: '单位', baseline: '基数', note: '说明', paceNote: '说明', reason: '理由', text: '内容', what: '内容',
  name: '名称', departmentName: '部门', fileName: '文件', kind: '类型', size: '大小', rows: '行数', added: '新增', people: '人数', isAdmin: '管理员', digest: '订阅周报',
  via: '方式', buzzed: '加急人数', whom: '对象', requestedBy: '申请人', count: '数量', tasks: '任务数', removed: '移出', changed: '变更',
  fromDate: '开始', toDate: '结束', remindAt: '再提醒', due: '节点日期',
});

/** The Chinese name of an entry: 「调整完成时限」, 「确认办结」 for a lifecycle change so caused. */
export function auditActionWord(action: string, after: string | null): string {
  if (action === 'task.lifecycle') {
    const event = LIFECYCLE_EVENTS[String(readJson(after).event)];
    if (event) return event;
  }
  return ACTIONS[action] ?? '其他操作';
}

/** 「张敏」 for a known open_id; 「命令行」「系统」; an unknown open_id as 「（未知人员）」. */
export function auditActorWord(actor: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(actor);
  if (name) return name;
  if (actor === 'cli') return '命令行';
  if (actor === 'system') return '系统';
  if (actor === 'demo' || actor === 'test') return '系统';
  if (actor.startsWith('cli:')) return `命令行（${actor.slice(4)}）`;
  if (actor.startsWith('import:')) return `导入（${actor.slice(7)}）`;
  return actor.startsWith('ou_') ? '（未知人员）' : actor;
}

function valueWord(key: string, v: unknown, names: ReadonlyMap<string, string>): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) {
    const parts = v.map((x) => valueWord(key, x, names)).filter((x): x is string => x !== null);
    return parts.length ? parts.join('、') : null;
  }
  if (typeof v === 'object') return null;
  const s = String(v);
  if (key === 'status' || key === 'event') return STATUS[s] ?? LIFECYCLE_EVENTS[s] ?? s;
  if (key === 'role') return ROLE[s] ?? s;
  if (key === 'cadence') return CADENCE[s] ?? s;
  if (key === 'via') return VIA[s] ?? s;
  if (key === 'percent') return `${s}%`;
  if (s.startsWith('ou_')) return names.get(s) ?? '（未知人员）';
  return s;
}

/** An entry's before or after as readable Chinese: 「完成时限：2023-03-31，理由：等待批复」; '' when it says nothing a clerk reads. */
export function auditChangeWords(json: string | null, names: ReadonlyMap<string, string> = new Map()): string {
  const o = readJson(json);
  const parts: string[] = [];
  for (const [key, v] of Object.entries(o)) {
    const word = KEYS[key];
    if (!word) continue;
    const value = valueWord(key, v, names);
    if (value !== null) parts.push(`${word}：${value}`);
  }
  return parts.join('，');
}

/**
 * An entry's change as one line: 「完成时限：2022-12-31 → 2023-03-31」 for a field on both sides, the other
 * fields as they are (「角色：责任人」); '' when it says nothing a clerk reads.
 */
export function auditChangeLine(before: string | null, after: string | null, names: ReadonlyMap<string, string> = new Map()): string {
  const b = readJson(before);
  const a = readJson(after);
  const parts: string[] = [];
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const word = KEYS[key];
    if (!word) continue;
    const was = valueWord(key, b[key], names);
    const now = valueWord(key, a[key], names);
    if (was !== null && now !== null && was !== now) parts.push(`${word}：${was} → ${now}`);
    else if (now !== null) parts.push(`${word}：${now}`);
    else if (was !== null) parts.push(`${word}：${was}（已取消）`);
  }
  return parts.join('，');
}

/** The open_ids an entry's JSON names (requestedBy, whom…), so their names can be looked up. */
export function openIdsIn(json: string | null): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && v.startsWith('ou_')) out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
  };
  Object.values(readJson(json)).forEach(walk);
  return out;
}
