/**
 * The cover notice (印发通知) in front of a plan: 「关于印发……的通知」, 「现印发给你们，请…」, its own
 * numbered paragraphs (「一、各责任单位要高度重视……」), the signature and the date. It is not plan: the
 * plan starts at its title after the notice, or after the date signed under it. Pure.
 */
import { markerOf } from './outline.js';

/** The sentence of a notice that hands the plan over, or the notice's own title. */
const NOTICE = /(印发给你们|印发给各|现予印发|予以印发|现印发|现将.{0,80}印发|关于印发.{0,120}(通知|的函)$)/;
export const TITLE_WORDS = /(工作要点|工作计划|工作安排|任务清单|任务分解|分解表|责任分解|重点任务|实施方案|行动计划|工作方案|要点|计划)/;

/** How a notice's (or a letter's) title ends: 「……的通知」「……的函」. */
export const NOTICE_TITLE_END = /(?:通知|的函)$/;

/** A line that can be a plan's title: short, no sentence mark at the end, not the notice's (or a letter's) title. */
export function isTitleLine(l: string): boolean {
  return l.length <= 60 && !/^关于/.test(l) && !NOTICE_TITLE_END.test(l) && !/[。，；：:]$/.test(l) && TITLE_WORDS.test(l);
}

/** A line that is a date and nothing else: 「2023年2月1日」「（二〇二三年二月一日）」. */
export function isDateOnly(line: string): boolean {
  const bare = line.replace(/[\s（）()]/g, '');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a cheap bound before the pattern, which matches 12 characters at most
  if (bare.length > 16) return false;
  return /^[0-9０-９零〇○一二三四五六七八九十]{2,4}年[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日$/.test(bare);
}

/**
 * The index of the line where the plan starts once a cover notice is set aside, or 0 when there is
 * none. The notice's sentence must come before any numbered line, and the plan after it must have some.
 */
export function planStart(lines: string[]): number {
  let notice = -1;
  // Stryker disable next-line UnaryOperator: with no numbered line the loops below find no marker and count no paragraph, 0 either way
  let firstMarker = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    // Stryker disable next-line ConditionalExpression: a blank line is neither numbered nor a notice's
    if (!l) continue;
    if (markerOf(l)) {
      firstMarker = i;
      break;
    }
    // The last such line before the first numbered one: a notice dated under its title, or one forwarding
    // another (转发), says 印发 again before its own numbered paragraphs, which are notice too.
    if (NOTICE.test(l)) notice = i;
  }
  if (notice < 0) return 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: no numbered line returns 0 below as well; one at line 0 leaves no notice before it
  if (firstMarker < 0) return 0;
  // After the notice: the plan's title, or the date it is signed on, whichever comes first. A numbered line
  // follows the notice (the first one), so the last one is found.
  // Stryker disable next-line UnaryOperator: the loop below always sets it
  let lastMarker = -1;
  // Stryker disable next-line EqualityOperator: the loop stops at a numbered line after the notice before it reaches the notice
  for (let i = lines.length - 1; i > notice; i--) {
    if (markerOf(lines[i]!)) {
      lastMarker = i;
      break;
    }
  }
  // Stryker disable next-line EqualityOperator: the line at lastMarker is numbered: no title, no date
  for (let i = notice + 1; i < lastMarker; i++) {
    const l = lines[i]!.trim();
    const cut = isTitleLine(l) && !markerOf(l) ? i : isDateOnly(l) ? i + 1 : -1;
    // The plan numbers from the start (「一、」「1.」) where it begins; a cut inside the plan would not.
    // Stryker disable next-line EqualityOperator: a cut is notice + 1 or later, never 0
    if (cut >= 0) return numbersFromOne(lines, cut) ? cut : 0;
  }
  // Nothing but the notice (its attachment not on the page): its paragraphs are not plan.
  return onlyInstructions(lines, notice) ? lines.length : 0;
}

/** What a notice asks of those it is sent to: 「各责任单位要……」「督查室要……」「请各乡镇……」 (not 要求, 要点). */
const INSTRUCTION = /要(?![求点素害闻])|请/;

/** Whether every numbered paragraph after the notice's sentence tells its addressees what to do (none holds items). */
function onlyInstructions(lines: string[], notice: number): boolean {
  let paragraphs = 0;
  for (let i = notice + 1; i < lines.length; i++) {
    const mk = markerOf(lines[i]!);
    if (!mk) continue;
    if (mk.level !== 1 || !INSTRUCTION.test(mk.rest)) return false;
    paragraphs++;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the first numbered line follows the notice, so it returned false above or counted it
  return paragraphs > 0;
}

/** Called with a cut before the last numbered line: it always finds one. */
function numbersFromOne(lines: string[], from: number): boolean {
  // Stryker disable next-line EqualityOperator: a numbered line comes before the end
  for (let i = from; i < lines.length; i++) {
    const mk = markerOf(lines[i]!);
    if (mk) return mk.value === 1;
  }
  // Stryker disable next-line BooleanLiteral: never reached (a numbered line comes before the end)
  return false;
}
