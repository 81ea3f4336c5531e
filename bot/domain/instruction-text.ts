/**
 * The words of a 批示 (instruction) as every channel takes them — the card's form, /批示, a reply in
 * an escalation's or a digest's thread: trimmed, not empty, at most INSTRUCTION_MAX characters
 * (counted as people count them: one per Chinese character). Pure.
 */

/** The longest 批示 accepted (the card's input says so too). */
export const INSTRUCTION_MAX = 500;

export type InstructionText = { ok: true; text: string } | { ok: false; why: string };

export function readInstructionText(raw: unknown): InstructionText {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return { ok: false, why: '请填写批示内容' };
  const length = [...text].length;
  if (length > INSTRUCTION_MAX) return { ok: false, why: `批示内容请控制在${INSTRUCTION_MAX}字以内（现有${length}字）` };
  return { ok: true, text };
}
