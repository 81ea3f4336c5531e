/**
 * What the owner is told about their evidence (佐证材料): what was kept and on which report, what
 * was not and why, and what to do when it has nothing to attach to. Every name and URL goes
 * through `botText`, so a file named `<at user_id="all">` pings nobody and a link does not link.
 */
import type { Config } from '../../config.js';
import { IMAGE_NAME } from '../../domain/evidence/parts.js';
import { sizeWord } from '../../domain/evidence/file-name.js';
import { botText, cut, joinText, type BotText } from '../../feishu/safe-text.js';
import type { EvidenceRow } from '../../store/evidence.js';

type Limits = Pick<Config, 'EVIDENCE_MAX_BYTES' | 'EVIDENCE_WINDOW_MINUTES'>;

/** 「现场照片.jpg（1.2 MB）」「图片（120 KB）」「链接 https：//…」 */
export function pieceWord(r: Pick<EvidenceRow, 'kind' | 'name' | 'size'>): BotText {
  if (r.kind === 'link') return botText`链接 ${cut(r.name, 80)}`;
  const name = botText`${cut(r.name, 40)}`;
  return r.size === null ? name : botText`${name}（${sizeWord(r.size)}）`;
}

const list = (rows: EvidenceRow[]) => joinText(rows.slice(0, 10).map(pieceWord), '、');

export function evidenceAnswer(o: { code: string; rows: EvidenceRow[]; waiting: boolean; skipped: number; config: Limits }): BotText {
  const task = cut(o.code, 12);
  const kept = o.rows.filter((r) => !r.error);
  const large = o.rows.filter((r) => r.error === 'too_large');
  const refused = o.rows.filter((r) => r.error && r.error !== 'too_large');
  const lines: BotText[] = [];
  if (kept.length && !o.waiting) lines.push(botText`已作为任务${task}本次进展的佐证材料：${list(kept)}`);
  if (kept.length && o.waiting) {
    lines.push(botText`已作为任务${task}的佐证材料保存：${list(kept)}。您本期尚未报送进展，请在此回复一句进展（如「已完成60%」），${o.config.EVIDENCE_WINDOW_MINUTES}分钟内报送的进展会附上这些材料。`);
  }
  if (large.length) {
    lines.push(botText`未保存：${list(large)}超过 ${sizeWord(o.config.EVIDENCE_MAX_BYTES)} 的上限，已记下文件名。请压缩后重新发送，或将原件交管理员存档。`);
  }
  if (refused.length) lines.push(botText`未能下载：${list(refused)}，请重新发送。`);
  if (o.skipped > 0) lines.push(botText`另有 ${o.skipped} 项超出每条消息的上限（10 个文件、10 个链接，链接不超过 1000 字），未作记录。`);
  return joinText(lines, '\n');
}

/** 「这张图片未作记录：…」 for a piece with no report to attach to. */
export function nothingToAttach(kind: string, config: Limits): BotText {
  const what = kind === 'image' ? `这张${IMAGE_NAME}` : kind === 'file' || kind === 'media' ? '这份文件' : '这条消息';
  return botText`${what}未作为佐证材料记录：佐证材料需附在某次进展上。请在催办消息下直接回复图片或文件，或先报送进展，再在${config.EVIDENCE_WINDOW_MINUTES}分钟内发给我。`;
}
