/**
 * The history sheets of the ledger, newest first: 「进展记录」 (every report, revoked ones
 * included and marked) and 「操作记录」 (the audit trail). Pure.
 */
import { formatValue } from '../domain/plan/describe.js';
import type { LedgerAuditEntry, LedgerReport, LedgerRows } from '../store/ledger-rows.js';
import type { Cell, SheetSpec } from './write-workbook.js';
import { auditActionWord, auditActorWord, auditChangeWords } from '../domain/audit-words.js';
import { reportStatusWord, shanghaiMinute, SOURCE_WORDS } from './words.js';

export const REPORT_SHEET = '进展记录';
export const AUDIT_SHEET = '操作记录';

/** The plan's task codes as shown (bot/domain/plan/plan-code.ts): 「7」, or 「2023-7」 with several plans in force. */
export type ShowCode = (code: string) => string;

export function reportSheet(rows: LedgerRows, shown: ShowCode): SheetSpec {
  return {
    name: REPORT_SHEET,
    columns: [
      { header: '任务编号', width: 8 }, { header: '任务名称', width: 22 }, { header: '填报人', width: 10 },
      { header: '时间', width: 17 }, { header: '来源', width: 10 }, { header: '状态', width: 12 },
      { header: '进度%', width: 8 }, { header: '数值', width: 26 }, { header: '原话', width: 60 },
      { header: '是否撤销', width: 9 },
    ],
    rows: rows.reports.map((r) => reportRow(r, shown)),
  };
}

function reportRow(r: LedgerReport, shown: ShowCode): Cell[] {
  return [
    shown(r.task.code),
    r.task.title,
    r.person?.name ?? '',
    shanghaiMinute(r.createdAt),
    SOURCE_WORDS[r.source] ?? r.source,
    reportStatusWord(r.status),
    r.percent,
    r.values.map((v) => `${v.target.label} ${formatValue(v.value)}${v.unit}`).join('\n'),
    r.rawText,
    r.revokedAt ? '是' : '否',
  ];
}

export function auditSheet(rows: LedgerRows, shown: ShowCode): SheetSpec {
  return {
    name: AUDIT_SHEET,
    columns: [
      { header: '时间', width: 17 }, { header: '操作人', width: 14 }, { header: '操作', width: 16 },
      { header: '任务', width: 24 }, { header: '变更前', width: 50 }, { header: '变更后', width: 50 },
    ],
    rows: rows.audit.map((e) => auditRow(e, rows.actorNames, shown)),
  };
}

function auditRow(e: LedgerAuditEntry, names: ReadonlyMap<string, string>, shown: ShowCode): Cell[] {
  const task = e.task ? `${shown(e.task.code)} ${e.task.title}${e.task.removedAt ? '（已移出计划）' : ''}` : '';
  return [shanghaiMinute(e.at), auditActorWord(e.actor, names), auditActionWord(e.action, e.after), task, auditChangeWords(e.before, names), auditChangeWords(e.after, names)];
}
