/**
 * The 「佐证材料」 sheet of the ledger (台账), newest first: every piece of evidence an owner sent,
 * with the report it belongs to, who sent it, what it is, and where it is kept — the path inside
 * the evidence store (EVIDENCE_DIR), or the link — so an auditor can open it after the chat is
 * gone. Pieces not kept say why. Pure.
 */
import type { ShowCode } from './history-sheets.js';
import { shanghaiDate } from '../domain/calendar/shanghai-time.js';
import { sizeWord } from '../domain/evidence/file-name.js';
import { fullDateWord } from '../domain/task-state/index.js';
import { wordTable } from '../domain/word-table.js';
import type { PlanEvidenceRow } from '../store/evidence.js';
import type { Cell, SheetSpec } from './write-workbook.js';
import { shanghaiMinute } from './words.js';

export const EVIDENCE_SHEET = '佐证材料';

const KIND_WORDS = wordTable({ image: '图片', file: '文件', link: '链接' });

function noteOf(r: PlanEvidenceRow): string {
  if (r.error === 'too_large') return '超过大小上限，未保存';
  if (r.error?.startsWith('refused:')) return `飞书拒绝下载（错误码 ${r.error.slice('refused:'.length)}）`;
  if (r.error) return r.error;
  if (r.report?.revokedAt) return '所附进展已撤销';
  if (r.kind !== 'link' && !r.storedPath) return '尚未下载';
  return '';
}

function evidenceRow(r: PlanEvidenceRow, shown: ShowCode): Cell[] {
  return [
    shown(r.task.code),
    r.task.title,
    r.report ? fullDateWord(shanghaiDate(r.report.createdAt)) : '待附进展',
    r.person?.name ?? '',
    shanghaiMinute(r.createdAt),
    KIND_WORDS[r.kind] ?? r.kind,
    r.kind === 'link' ? '' : r.name,
    r.size === null ? '' : sizeWord(r.size),
    r.kind === 'link' ? r.key : (r.storedPath ?? ''),
    noteOf(r),
  ];
}

export function evidenceSheet(rows: PlanEvidenceRow[], shown: ShowCode): SheetSpec {
  return {
    name: EVIDENCE_SHEET,
    columns: [
      { header: '任务编号', width: 8 }, { header: '任务名称', width: 22 }, { header: '进展日期', width: 15 },
      { header: '报送人', width: 10 }, { header: '提交时间', width: 17 }, { header: '类型', width: 6 },
      { header: '名称', width: 24 }, { header: '大小', width: 10 }, { header: '存储位置或链接', width: 48 },
      { header: '备注', width: 20 },
    ],
    rows: rows.map((r) => evidenceRow(r, shown)),
  };
}
