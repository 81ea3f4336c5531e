/**
 * Who issues a plan, from the ways plans name it: the signature over the date, the notice's title
 * (「某县人民政府关于……的通知」), the plan's title (「某市民政局2024年……」「2023年某镇政府主要工作……」),
 * and last the web page's metadata (「发布机构：……」). Pure.
 */
import { TITLE_WORDS } from './notice.js';

/** The words an office's name ends with. */
export const ORG_END =
  /(局|委|委员会|管委会|办|办公室|政府|中心|街道办事处|街道|镇|乡|院|所|厅|部|处|科|馆|公司|集团|学校|大学|党组|支部|联合会|残联|妇联|协会|开发区)$/;

/** A line that is an office's name and nothing else (no digits, colons or sentence marks). */
export function isOrgLine(l: string): boolean {
  return l.length <= 40 && ORG_END.test(l) && !/[0-9０-９：:，。；、]/.test(l) && !TITLE_WORDS.test(l);
}

/** An office's name: no sentence marks, no digits, at most 30 characters, ending as offices do. */
function isOrgName(s: string): boolean {
  return s.length >= 2 && s.length <= 30 && ORG_END.test(s) && !/[0-9０-９：:，,。；;、“”"《》|｜了]/.test(s);
}

/**
 * 「某县人民政府关于分解落实……的通知」: the office before 关于. Joint issuers keep their space. A notice that
 * forwards another office's (「某县人民政府办公室转发某县财政局关于……的通知」) is the forwarder's.
 */
export function noticeIssuer(line: string): string | null {
  if (line.length > 120) return null;
  const m = line.match(/^(.{2,40}?)关于.{2,100}的(?:通知|函|决定)$/);
  const by = m?.[1]!.split(/转发|批转/, 1)[0]!.trim().replace(/\s+/g, ' ');
  return by && by.split(' ').every(isOrgName) ? by : null;
}

const YEAR = '(?:[0-9０-９]{4}|[零〇○一二三四五六七八九]{4})\\s*年度?';
const BEFORE_YEAR = new RegExp(`^(.{2,38}?)(?:关于)?${YEAR}`);
/** After the year, the office is followed by what the plan is (工作, 重点, 主要, 民生……). */
const AFTER_YEAR = new RegExp(`^${YEAR}(.{2,20}?)(?=工作(?!报告)|重点|主要|年度|民生|实事|目标|任务|党建|政务)`);

/**
 * The office a short title-like line names with the plan's year: 「某市民政局2024年政务公开……」
 * → 某市民政局, 「2025年开发区重点工作及责任清单」 → 开发区, 「据了解，某街道2023年十大实事项目包括：」
 * → 某街道 (a lead-in clause before it aside). Null when the words around the year are not an office's
 * name; 「2023年某区政府工作报告……」 names a report, not its issuer.
 */
export function issuerWithYear(line: string): string | null {
  if (line.length > 40) return null;
  const before = line.match(BEFORE_YEAR)?.[1]!.split(/[，,：:；;。|｜]/).pop()!.trim();
  if (before && isOrgName(before)) return before;
  const after = line.match(AFTER_YEAR)?.[1]!.trim();
  return after && isOrgName(after) ? after : null;
}

/** 「海宁市农业农村局 2024年1月17日」: a signature and its date on one line. */
export function signatureWithDate(line: string): { org: string; date: string } | null {
  // The name starts and ends with a character that is not a space: two to 39 of them.
  const m = line.match(/^(\S.{0,37}?\S)\s+((?:[0-9０-９]{4}|[零〇○一二三四五六七八九]{4})\s*年.{1,12}日)$/);
  return m && isOrgLine(m[1]!) ? { org: m[1]!, date: m[2]! } : null;
}

/** A page's publisher that names an office: 「谯城区政府(办公室)」 counts, its bracket aside. */
export function publisherIssuer(publishers: string[]): string | null {
  return publishers.find((p) => isOrgName(p.replace(/[（(][^（）()]{1,8}[）)]$/, ''))) ?? null;
}

/**
 * The office whose congress adopted the plan, as a town's or street's 民生实事 are voted on:
 * 「3月18日，某街道第一届议事代表大会第三次会议召开」 → 某街道.
 */
export function meetingIssuer(line: string): string | null {
  const m = line.split(/[。！!？?]/, 1)[0]!.match(/([^，,：:；;、\s]{2,20}?)第[一二三四五六七八九十0-9０-９]{1,3}届/);
  // 「在张寨镇第五届人民代表大会……」「经某镇第十八届……审议通过」: the preposition before the place is not part of its
  // name. Not 于 (于集镇, 于家务回族乡: before a congress's name it is a place's first character) nor 经济 (经济开发区).
  const by = m?.[1]!.replace(/^(?:在|从|经(?!济))/u, '');
  return by && isOrgName(by) ? by : null;
}
