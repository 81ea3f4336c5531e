/**
 * The evidence (佐证材料) lines of /task: under each recent report the pieces kept with it, and the
 * pieces still waiting for a report. Names and URLs are escaped by `md` (a link shows, it does not link).
 */
import type { Deps } from '../../deps.js';
import { sizeWord } from '../../domain/evidence/file-name.js';
import { cut, figure, joinMd, md, type Md } from '../../feishu/safe-text.js';
import { evidenceOfReports, waitingEvidence, type EvidenceRow } from '../../store/evidence.js';

/** Pieces one line shows before 「等N项」. */
const SHOWN = 5;

function pieceMd(r: EvidenceRow): Md {
  if (r.kind === 'link') return md`链接 ${cut(r.name, 60)}`;
  const name = md`${cut(r.name, 30)}`;
  if (r.error === 'too_large') return md`${name}（过大，未保存）`;
  if (r.error) return md`${name}（未能下载）`;
  return r.size === null ? name : md`${name}（${figure(sizeWord(r.size))}）`;
}

function line(rows: EvidenceRow[]): Md {
  const shown = rows.slice(0, SHOWN).map(pieceMd);
  const rest = rows.length > SHOWN ? [md`等${rows.length}项`] : [];
  return joinMd([...shown, ...rest], '、');
}

/** Report id → its evidence line (reports without any are absent). */
export async function evidenceLines(deps: Pick<Deps, 'db'>, reportIds: number[]): Promise<Map<number, Md>> {
  const byReport = new Map<number, EvidenceRow[]>();
  for (const r of await evidenceOfReports(deps.db, reportIds)) {
    if (r.reportId !== null) byReport.set(r.reportId, [...(byReport.get(r.reportId) ?? []), r]);
  }
  return new Map([...byReport].map(([id, rows]) => [id, md`　📎 ${line(rows)}`]));
}

/** 「📎 待附进展的佐证材料：…」 when a piece waits for the owner's report. */
export async function waitingLine(deps: Pick<Deps, 'db'>, taskId: number): Promise<Md | null> {
  const rows = await waitingEvidence(deps.db, taskId);
  return rows.length ? md`📎 待附进展的佐证材料：${line(rows)}` : null;
}
