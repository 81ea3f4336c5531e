/**
 * Escaped by default (#14 item 5): text messages are BotText from the botText tag, card markdown is
 * Md from the md tag, plain_text fields are neutralised by the card builders. The @ts-expect-error
 * lines below are the compile-level guard: `npm run typecheck` fails if any of them compiles.
 */
import { describe, expect, it } from 'vitest';
import { button, card, markdown, select, type Card } from '../../../bot/feishu/cards/card.js';
import type { Content } from '../../../bot/feishu/messenger.js';
import { botText, cut, figure, joinMd, joinText, md, PART_MAX } from '../../../bot/feishu/safe-text.js';

const EVIL = '<at user_id="all">所有人</at> <at id=all></at> [点此](https://evil.example) **粗** <i>斜</i> `码` ~~删~~ &lt; \\';

describe('botText: text messages', () => {
  it('neutralises every interpolated string into harmless look-alikes that read the same', () => {
    const t = botText`任务${'7'}「${EVIL}」`.toString();
    expect(t).toBe('任务7「＜at user_id="all"＞所有人＜/at＞ ＜at id=all＞＜/at＞ ［点此］(https：//evil.example) ＊＊粗＊＊ ＜i＞斜＜/i＞ ｀码｀ ～～删～～ ＆lt; ＼」');
    expect(t).not.toMatch(/<at|\]\(|\*\*|:\/\//);
  });

  it('keeps its own words, numbers and nested BotText; folds lines and drops invisible marks', () => {
    const inner = botText`「${'a<b'}」`;
    expect(botText`共${3}项：${inner}`.toString()).toBe('共3项：「a＜b」');
    expect(botText`${'第一行\n\n第二行\u202e倒\u0000'}`.toString()).toBe('第一行 第二行倒');
    expect(joinText([botText`${'甲'}`, botText`${'<乙>'}`], '、').toString()).toBe('甲、＜乙＞');
  });

  it('bounds each piece: PART_MAX by default, fewer with cut()', () => {
    expect([...botText`${'长'.repeat(50_000)}`.toString()]).toHaveLength(PART_MAX);
    expect(botText`${cut('一二三四五六', 4)}`.toString()).toBe('一二三…');
  });
});

describe('md: card markdown', () => {
  it('entity-escapes interpolated strings, keeps its own markup, numbers and nested Md', () => {
    const m = md`**任务${7}** ${EVIL}`.toString();
    expect(m.startsWith('**任务7** &#60;at user&#95;id&#61;&#34;all&#34;&#62;')).toBe(true);
    expect(m.slice(8)).not.toMatch(/[<>[\]()*`~\\]/);
    expect(joinMd([md`**${'a*b'}**`, md`x`], '\n').toString()).toBe('**a&#42;b**\nx');
  });

  it('shows the bot’s own figures as they are, and escapes anything else in them', () => {
    expect(md`${figure('33.73')}家，${figure('45%')}，${figure('2022-04-11 10:00')}`.toString()).toBe('33.73家，45%，2022-04-11 10:00');
    expect(figure('https://e.x <at id=all>').toString()).not.toMatch(/https:|<at/);
  });
});

describe('card builders', () => {
  it('neutralise plain_text fields: header, summary, buttons, options', () => {
    const c = card({ title: EVIL, subtitle: EVIL, summary: EVIL, elements: [button(EVIL, {}), select({ placeholder: EVIL, options: [{ text: EVIL, value: '1' }], value: {} })] });
    const json = JSON.stringify(c);
    expect(json).not.toMatch(/<at|\]\(|\*\*/);
    expect(json).toContain('＜at user_id=\\"all\\"＞所有人');
  });
});

describe('the compiler refuses unescaped text', () => {
  it('raw strings and hand-made cards do not type-check as message content', () => {
    // @ts-expect-error raw string is not BotText
    const text: Content = { text: '<at user_id="all"></at>' };
    // @ts-expect-error a template literal is a string, not BotText
    const built: Content = { text: `任务${EVIL}` };
    // @ts-expect-error a hand-made object is not a Card
    const raw: Content = { card: { schema: '2.0', body: { elements: [{ tag: 'markdown', content: EVIL }] } } };
    // @ts-expect-error markdown takes Md, not a string
    markdown(EVIL);
    // @ts-expect-error a hand-made element is not an Element
    card({ title: 't', elements: [{ tag: 'markdown', content: EVIL }] });
    // @ts-expect-error Md is not BotText (card markdown has no place in a text message)
    botText`${md`x`}`;
    const ok: Content = { text: botText`${EVIL}` };
    const okCard: Card = card({ title: EVIL, elements: [markdown(md`${EVIL}`)] });
    expect([text, built, raw, ok, okCard].length).toBe(5);
  });
});
