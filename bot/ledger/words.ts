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
  meeting: '会上汇报',
});

/** 'YYYY-MM-DD HH:mm' on Beijing time, whatever the host's time zone. */
export function shanghaiMinute(at: Date): string {
  const { date, minutes } = shanghaiParts(at);
  return `${date} ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
