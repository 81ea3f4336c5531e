import { describe, expect, it } from 'vitest';
import { commandOf, readMessage, textOf } from '../../../bot/domain/message-text.js';

const BOT = 'ou_bot';

describe('readMessage', () => {
  it('removes the bot mention and names other people, longest key first', () => {
    const mentions = [
      { key: '@_user_1', openId: BOT, name: '进度助手' },
      ...Array.from({ length: 8 }, (_, i) => ({ key: `@_user_${i + 2}`, openId: `ou_${i + 2}`, name: `人${i + 2}` })),
      { key: '@_user_10', openId: 'ou_10', name: '张十' },
    ];
    const r = readMessage('@_user_1 /assign 7 @_user_10 @_user_2', mentions, BOT);
    expect(r.text).toBe('/assign 7 @张十 @人2');
    expect(r.mentionsBot).toBe(true);
    expect(r.people.map((p) => p.openId)).toEqual(['ou_2', 'ou_3', 'ou_4', 'ou_5', 'ou_6', 'ou_7', 'ou_8', 'ou_9', 'ou_10']);
  });
  it('knows when the bot is not mentioned and when everyone is', () => {
    const r = readMessage('@_all 大家好', [{ key: '@_all', openId: null, name: '所有人' }], BOT);
    expect(r.mentionsBot).toBe(false);
    expect(r.mentionsAll).toBe(true);
    expect(r.people).toEqual([]);
  });
});

describe('commandOf', () => {
  it.each([
    ['/ping', { name: 'ping', args: '' }],
    ['  /PING  ', { name: 'ping', args: '' }],
    ['／帮助', { name: '帮助', args: '' }],
    ['/assign 7 @张三', { name: 'assign', args: '7 @张三' }],
    ['/汇报 3 已完成80%', { name: '汇报', args: '3 已完成80%' }],
  ])('%s', (text, expected) => expect(commandOf(text)).toEqual(expected));
  it.each(['ping', '已完成 /ping', '/', '/123', '// comment'])('%s is not a command', (text) => expect(commandOf(text)).toBeNull());
});

describe('textOf', () => {
  it('reads text and post content, and refuses the rest', () => {
    expect(textOf('text', '{"text":"hi"}')).toBe('hi');
    expect(textOf('post', JSON.stringify({ title: 't', content: [[{ tag: 'text', text: '第一行' }], [{ tag: 'text', text: '第二行' }]] }))).toBe('第一行\n第二行');
    expect(textOf('post', JSON.stringify({ zh_cn: { title: 't', content: [[{ tag: 'text', text: '中文' }]] } }))).toBe('中文');
    expect(textOf('image', '{"image_key":"x"}')).toBeNull();
    expect(textOf('text', 'not json')).toBeNull();
  });
});
