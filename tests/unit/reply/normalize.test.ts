/**
 * Cleaning a reply before it is read, and the words a doubt quotes.
 */
import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../../bot/domain/reply/clauses.js';
import { MAX_DOUBT_WORDS, wordsAround } from '../../../bot/domain/reply/doubts.js';
import { MAX_CHARS, normalizeReply } from '../../../bot/domain/reply/normalize.js';

describe('normalizeReply', () => {
  it.each([
    ['已完成１１８家', '已完成118家'],
    ['完成６０％', '完成60%'],
    ['ＲＤ投入', 'RD投入'],
    ['１１８／１４０', '118/140'],
    ['8月10日～8月20日', '8月10日~8月20日'],
    ['8月10日〜8月20日', '8月10日~8月20日'],
    ['8月10日—8月20日', '8月10日-8月20日'],
    ['8月10日－8月20日', '8月10日-8月20日'],
    ['高企\u3000118家', '高企 118家'],
    ['高企\t\t118家', '高企 118家'],
    ['高企   118家', '高企 118家'],
    ['科技型企业1,650家', '科技型企业1650家'],
    ['投资12,345,678元', '投资12345678元'],
    ['合同额2，300万元', '合同额2300万元'],
    // a full-width comma elsewhere separates clauses, and 1,2345 is no thousands group
    ['高企118家，300家在审', '高企118家，300家在审'],
    ['编号1,2345', '编号1,2345'],
    ['<at user_id="ou_1">张三</at> 已完成118家', ' 已完成118家'],
    ['@_user_1 已完成', ' 已完成'],
    ['@_all 已完成', ' 已完成'],
    ['@_user_12 已完成', ' 已完成'],
    ['见http://example.com 已完成', '见 已完成'],
    ['<p class="x">已完成</p>', ' 已完成 '],
    ['合同额1，234，567元', '合同额1234567元'],
    ['合同额2，300 万元', '合同额2300 万元'],
    ['高企\v\f\r118家', '高企 118家'],
    ['高企\u00a0118家', '高企 118家'],
    // JSON: its text after spaces, nested arrays and objects, numbers kept only as text
    ['  {"text":"已完成118家"}', '已完成118家'],
    ['[["已完成"],[{"text":"118家"}]]', '已完成\n118家'],
    ['{"text":"已完成","n":118,"ok":true,"none":null}', '已完成'],
    ['<b>已完成</b>', ' 已完成 '],
    ['见https://example.com/a?b=1 已完成', '见 已完成'],
    ['{"text":"已完成118家","tag":"div","user_id":"118"}', '已完成118家'],
    ['{"zh_cn":{"title":"","content":[[{"tag":"text","text":"已完成"},{"tag":"text","text":"118家"}]]}}', '已完成\n118家'],
    ['{"text":"hello"}', ''],
    ['{not json', '{not json'],
    ['[1,2', '[1,2'],
  ])('%j → %j', (raw, clean) => {
    expect(normalizeReply(raw)).toBe(clean);
  });

  it('reads what is not a string as its text, and nothing as empty', () => {
    expect(normalizeReply(undefined)).toBe('');
    expect(normalizeReply(null)).toBe('');
    expect(normalizeReply(118)).toBe('118');
  });

  it('reads card JSON to a bounded depth and number of pieces', () => {
    // A string 20 levels down is read, 21 is not.
    let deep: unknown = '已完成';
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(normalizeReply(JSON.stringify([['已报送'], deep]))).toBe('已报送');
    let ok: unknown = '已完成';
    for (let i = 0; i < 20; i++) ok = [ok];
    expect(normalizeReply(JSON.stringify(ok))).toBe('已完成');
    const many = Array.from({ length: 600 }, (_, i) => `第${i}项`);
    expect(normalizeReply(JSON.stringify(many))).toBe(many.slice(0, 500).join('\n'));
  });

  it('cuts a huge reply before parsing it: card JSON past four times the limit is read as text', () => {
    const huge = `{"text":"${'甲'.repeat(MAX_CHARS * 5)}"}`;
    expect(normalizeReply(huge)).toBe(huge.slice(0, MAX_CHARS));
  });

  it('reads a long reply from its start only', () => {
    const long = '完成'.repeat(MAX_CHARS);
    expect(normalizeReply(long)).toBe(long.slice(0, MAX_CHARS));
    expect(normalizeReply('1'.repeat(MAX_CHARS * 5)).length).toBe(MAX_CHARS);
  });
});

describe('wordsAround', () => {
  it('quotes the comma clause holding the words', () => {
    const text = '高企118家，科技型企业1650家。下步加快';
    expect(wordsAround(clausesOf(text), 2, 5)).toBe('高企118家');
    expect(wordsAround(clausesOf(text), 11, 15)).toBe('科技型企业1650家');
  });

  it('cuts a long clause to 40 characters around the words, never past its ends', () => {
    const text = `${'甲'.repeat(50)}118${'乙'.repeat(50)}`;
    const words = wordsAround(clausesOf(text), 50, 53);
    expect(words).toBe(`${'甲'.repeat(19)}118${'乙'.repeat(18)}`);
    expect([...words].length).toBe(MAX_DOUBT_WORDS);
    const early = `118${'乙'.repeat(60)}`;
    expect(wordsAround(clausesOf(early), 0, 3)).toBe(`118${'乙'.repeat(37)}`);
    const late = `${'甲'.repeat(60)}118`;
    expect(wordsAround(clausesOf(late), 60, 63)).toBe(`${'甲'.repeat(37)}118`);
  });
});
