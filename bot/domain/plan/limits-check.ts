/** The parser's checks against LIMITS, each a Chinese PlanError naming the limit. Pure. */
import { formatCount, LIMITS } from './limits.js';
import { PlanError, type PlanSource } from './types.js';

/** Characters of text, or of every cell of a table. */
export function checkSourceSize(source: PlanSource): void {
  let chars = 0;
  if (source.kind === 'text') chars = source.text.length;
  else for (const row of source.rows) for (const cell of row) chars += cell?.length ?? 0;
  if (chars > LIMITS.chars) {
    throw new PlanError(`内容过长（约 ${formatCount(chars)} 字）：一份工作要点不能超过 ${formatCount(LIMITS.chars)} 字。`);
  }
}

export function checkTaskCount(tasks: number): void {
  if (tasks > LIMITS.tasks) {
    throw new PlanError(`任务过多（${formatCount(tasks)} 项）：一份工作要点最多 ${formatCount(LIMITS.tasks)} 项任务，请分成几份导入。`);
  }
}
