/** The ledger's 「批示」 sheet: every 批示 (instruction) on the plan's tasks, newest first. Pure. */
import type { ShowCode } from './history-sheets.js';
import type { PlanInstruction } from '../store/instructions.js';
import type { SheetSpec } from './write-workbook.js';
import { shanghaiMinute } from './words.js';
import { wordTable } from '../domain/word-table.js';

export const INSTRUCTION_SHEET = '批示';

const SOURCE = wordTable({ card: '督办卡片', reply: '回复消息', command: '命令' });

export function instructionSheet(instructions: readonly PlanInstruction[], shown: ShowCode): SheetSpec {
  return {
    name: INSTRUCTION_SHEET,
    columns: [
      { header: '任务编号', width: 8 }, { header: '任务名称', width: 22 }, { header: '批示人', width: 10 },
      { header: '时间', width: 17 }, { header: '来源', width: 10 }, { header: '批示内容', width: 60 },
    ],
    rows: instructions.map((i) => [shown(i.task.code), i.task.title, i.person.name, shanghaiMinute(i.createdAt), SOURCE[i.source] ?? i.source, i.text]),
  };
}
