/** Lines of a list card kept within Feishu's size limit: as many as fit, then one line saying how many were left out. Pure. */
import { md, type Md } from '../safe-text.js';
import { bodyBytes, CARD_BUDGET } from './card-size.js';

/** Room for the list in a card whose header and other elements take less than 4 KB. */
export const LIST_BUDGET = CARD_BUDGET - 4 * 1024;

export function fitLines(lines: readonly Md[], budget = LIST_BUDGET): Md[] {
  const out: Md[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    used += bodyBytes(line.toString()) + 2;
    if (used > budget - 200) {
      out.push(md`……另有 ${lines.length - i} 项未列出`);
      return out;
    }
    out.push(line);
  }
  return out;
}
