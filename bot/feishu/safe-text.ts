/**
 * Escaped by default (STYLE habit 12): what the bot sends is built from these types, so text from
 * outside (plan files, people, Feishu) cannot reach a message unescaped — the compiler refuses it.
 *
 * - `BotText`, the content of a text message (and of a toast), is made only by the `botText` tag.
 *   Every interpolated string is neutralised for Feishu's text syntax (no escape exists there:
 *   feishu-contract.md §6): `<at user_id="all">` becomes 「＜at user_id="all"＞」 and pings nobody.
 *   Another BotText passes unchanged; numbers as they are.
 * - `Md`, card markdown, is made only by the `md` tag: every interpolated string is entity-escaped
 *   (`&#60;at id&#61;all&#62;`), another Md passes unchanged, numbers as they are.
 * - plain_text fields (headers, summary, buttons, options, placeholders) are neutralised by the card
 *   builders in cards/card.ts themselves.
 *
 * Both are objects at run time, so even a string forced past the compiler is escaped, never trusted.
 * Interpolated strings are bounded (PART_MAX characters); `cut(text, n)` asks for fewer.
 */
import { escapeFigure, escapeMd, neutralise, trim } from './cards/escape.js';

/** The longest piece of outside text one interpolation shows. */
export const PART_MAX = 1000;

export class BotText {
  private constructor(private readonly value: string) {}
  toString(): string {
    return this.value;
  }
  toJSON(): string {
    return this.value;
  }
  /** @internal the botText tag */
  static make(strings: TemplateStringsArray, values: readonly TextPart[]): BotText {
    const show = (v: TextPart) => (v instanceof BotText ? v.value : typeof v === 'number' ? String(v) : neutralise(String(v), PART_MAX));
    return new BotText(weave(strings, values, show));
  }
  /** @internal joinText */
  static joined(parts: readonly BotText[], sep: Separator): BotText {
    return new BotText(parts.map((p) => p.value).join(sep));
  }
}

export class Md {
  private constructor(private readonly value: string) {}
  toString(): string {
    return this.value;
  }
  toJSON(): string {
    return this.value;
  }
  /** @internal the md tag */
  static make(strings: TemplateStringsArray, values: readonly MdPart[]): Md {
    const show = (v: MdPart) => (v instanceof Md ? v.value : typeof v === 'number' ? String(v) : escapeMd(String(v), PART_MAX));
    return new Md(weave(strings, values, show));
  }
  /** @internal joinMd */
  static of(parts: readonly Md[], sep: Separator): Md {
    return new Md(parts.map((p) => p.value).join(sep));
  }
  /** @internal figure */
  static figure(text: string): Md {
    return new Md(escapeFigure(text));
  }
}

export type TextPart = BotText | string | number;
export type MdPart = Md | string | number;
/** What may stand between joined pieces: the bot's own punctuation only. */
export type Separator = '' | ' ' | '、' | '，' | '；' | '\n' | '\n\n' | ' · ' | '｜';

function weave<V>(strings: TemplateStringsArray, values: readonly V[], show: (v: V) => string): string {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += show(v) + (strings[i + 1] ?? '');
  });
  return out;
}

/** ``botText`任务${code}「${cut(title, 40)}」已转办。` `` — the only way to make a text message. */
export function botText(strings: TemplateStringsArray, ...values: TextPart[]): BotText {
  return BotText.make(strings, values);
}

/** ``md`**任务${code}** ${title}` `` — the only way to make card markdown. */
export function md(strings: TemplateStringsArray, ...values: MdPart[]): Md {
  return Md.make(strings, values);
}

export const joinText = (parts: readonly BotText[], sep: Separator): BotText => BotText.joined(parts, sep);
export const joinMd = (parts: readonly Md[], sep: Separator): Md => Md.of(parts, sep);

/**
 * A figure the bot formatted itself (「33.73」「45%」「1.2万」「10:00」) shown in markdown as it is: digits,
 * `. % , + - /`, a colon between digits, spaces and non-ASCII pass; anything else is still escaped.
 */
export const figure = (text: string): Md => Md.figure(text);

/** Outside text shortened to `max` characters (with 「…」), for an interpolation that should show less than PART_MAX. */
export const cut = (text: string, max: number): string => trim(text, max);

/** Outside text for a plain_text field (card builders call this). */
export const plainText = (text: string, max = PART_MAX): string => neutralise(text, max);
