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
    expect(textOf('post', JSON.stringify({ title: '', content: [[{ tag: 'text', text: '第一行' }], [{ tag: 'text', text: '第二行' }]] }))).toBe('第一行\n第二行');
    expect(textOf('image', '{"image_key":"x"}')).toBeNull();
    expect(textOf('text', 'not json')).toBeNull();
    expect(textOf('text', 'null')).toBeNull();
    expect(textOf('post', '"just a string"')).toBeNull();
  });

  const post = (content: unknown[][], title = '') => ({ title, content });
  const at = (userId: string, name = '进度助手') => ({ tag: 'at', user_id: userId, user_name: name, style: [] });
  const text = (t: string, style: string[] = []) => ({ tag: 'text', text: t, style });
  it.each<[string, unknown, string]>([
    ['an @ of the bot then a command (the mention key in user_id)', post([[at('@_user_1'), text(' /status')]]), '@_user_1 /status'],
    ['an @ written with no space before the command', post([[at('@_user_1'), text('/status')]]), '@_user_1 /status'],
    ['@all', post([[at('all', '所有人'), text('请注意')]]), '@_all 请注意'],
    ['the title first, then each paragraph', post([[text('1. 已完成', ['bold'])], [text('2. 推进中')]], '本周进展'), '本周进展\n1. 已完成\n2. 推进中'],
    ['links by their words, a bare link by its address', post([[text('见'), { tag: 'a', text: '方案', href: 'https://x.cn/a' }, { tag: 'a', href: 'https://x.cn/b' }]]), '见方案https://x.cn/b'],
    ['images, media, emoji and rules carry no words', post([[text('完成80%'), { tag: 'emotion', emoji_type: 'THUMBSUP' }], [{ tag: 'img', image_key: 'img_1' }], [{ tag: 'hr' }], [{ tag: 'media', file_key: 'f', image_key: 'i' }]]), '完成80%'],
    ['a code block on its own lines', post([[text('数据：'), { tag: 'code_block', language: 'PLAIN_TEXT', text: '产值 1.2亿\n增速 8%\n' }]]), '数据：\n产值 1.2亿\n增速 8%'],
    ['md and inline code by their text', post([[{ tag: 'md', text: '已签约' }, { tag: 'code', text: '3' }, text('家')]]), '已签约3家'],
    ['under zh_cn', { zh_cn: post([[text('中文')]], '标题') }, '标题\n中文'],
    ['under en_us only', { en_us: post([[text('English')]]) }, 'English'],
    ['zh_cn before en_us', { en_us: post([[text('English')]]), zh_cn: post([[text('中文')]]) }, '中文'],
    ['an empty post', post([]), ''],
    ['malformed paragraphs and nodes are skipped', { content: [null, 'x', [null, 7, text('留下')]] }, '留下'],
  ])('post: %s', (_what, content, expected) => expect(textOf('post', JSON.stringify(content))).toBe(expected));

  it('reads an at node naming an open_id as that mention, else by its name', () => {
    const mentions = [{ key: '@_user_1', openId: 'ou_bot' }];
    expect(textOf('post', JSON.stringify(post([[at('ou_bot'), text(' /status')]])), mentions)).toBe('@_user_1 /status');
    expect(textOf('post', JSON.stringify(post([[at('ou_other', '王五'), text(' 你好')]])), mentions)).toBe('@王五 你好');
  });

  it('a post @-mentioning the bot reads as the command it carries', () => {
    const mentions = [{ key: '@_user_1', openId: BOT, name: '进度助手' }, { key: '@_user_2', openId: 'ou_2', name: '张敏' }];
    const content = JSON.stringify(post([[at('@_user_1'), text(' /assign 7 '), at('@_user_2', '张敏')]]));
    const read = readMessage(textOf('post', content, mentions)!, mentions, BOT);
    expect(read).toMatchObject({ text: '/assign 7 @张敏', mentionsBot: true });
    expect(commandOf(read.text)).toEqual({ name: 'assign', args: '7 @张敏' });
  });
});
