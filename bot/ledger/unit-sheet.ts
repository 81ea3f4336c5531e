/**
 * The ledger's 「牵头单位统计」 sheet: per lead unit, at the end of each of the last weeks and at the
 * ledger's moment, how many of its tasks are overdue, unreported and blocked (bot/domain/papers/unit-stats.ts).
 * For admins: the ledger goes to admins only. Pure.
 */
import type { UnitRow } from '../domain/papers/unit-stats.js';
import { fullDateWord } from '../domain/task-state/words.js';
import type { SheetSpec } from './write-workbook.js';

export const UNIT_SHEET = '牵头单位统计';

export function unitSheet(stats: { moments: { date: string; label: string }[]; rows: UnitRow[] }): SheetSpec {
  return {
    name: UNIT_SHEET,
    columns: [
      { header: '牵头单位', width: 24 }, { header: '统计时点', width: 24 }, { header: '任务数', width: 8 },
      { header: '逾期', width: 8 }, { header: '未报送', width: 8 }, { header: '受阻', width: 8 },
    ],
    rows: stats.rows.flatMap((r) => r.counts.map((c, i) => {
      const m = stats.moments[i]!;
      const when = i === stats.moments.length - 1 ? `${fullDateWord(m.date)}（导出时）` : `${m.label}末（${fullDateWord(m.date)}）`;
      return [r.unit, when, c.tasks, c.overdue, c.unreported, c.blocked];
    })),
  };
}
