/**
 * The words of a rich-text (`post`) message as the user typed them (bot/domain/post-text.ts), in both of the
 * shapes Feishu sends, with mentions, links, code blocks and the nodes that carry no words.
 */
import { describe, expect, it } from 'vitest';
import { postText } from '../../../bot/domain/post-text.js';
import { wordTable } from '../../../bot/domain/word-table.js';

describe('postText', () => {
  it('reads the flat form: the title, then one line per paragraph, spaces folded, empty lines dropped', () => {
    expect(postText({
      title: '  本周进展 ',
      content: [
        [{ tag: 'text', text: '高企\u3000已有\t 118家' }, { tag: 'img', image_key: 'img_1' }, { tag: 'emotion', emoji_type: 'OK' }],
        [{ tag: 'hr' }],
        [{ tag: 'a', text: '佐证', href: 'https://example.com/x' }, { tag: 'a', href: 'https://example.com/y' }],
        [{ tag: 'code_block', language: 'plain', text: '第一行\n第二行' }],
        [{ tag: 'md', text: '**加粗**' }, { tag: 'media', file_key: 'f' }],
        'not a paragraph',
        [null, 'not a node', { text: '无标签' }, { tag: 'text', text: 7 }],
      ],
    })).toBe('本周进展\n高企 已有 118家\n佐证https://example.com/y\n第一行\n第二行\n**加粗**\n无标签');
  });

  it('reads a post under a locale, zh_cn first, else the first body there is', () => {
    expect(postText({ en_us: { title: 'EN', content: [] }, zh_cn: { title: '中文', content: [[{ tag: 'text', text: '正文' }]] } })).toBe('中文\n正文');
    expect(postText({ en_us: { title: 'EN', content: [[{ tag: 'text', text: 'body' }]] } })).toBe('EN\nbody');
    expect(postText({ fr_fr: { title: 'FR', content: 'not a list' } })).toBe('FR');
    expect(postText({ title: 7, content: [[{ tag: 'text', text: '只有正文' }]] })).toBe('只有正文');
  });

  it('mentions: keys as they are, @all, an open_id found among the mentions as its key, else the name', () => {
    const mentions = [{ key: '@_user_2', openId: 'ou_li' }, { key: '@_user_3', openId: null }];
    expect(postText({ content: [[
      { tag: 'at', user_id: '@_user_1' }, { tag: 'text', text: '请' }, { tag: 'at', user_id: 'all' }, { tag: 'at', user_id: '@_all' },
      { tag: 'at', user_id: 'ou_li' }, { tag: 'at', user_id: 'ou_other', user_name: '王芳' }, { tag: 'at', user_id: 'ou_gone' },
    ]] }, mentions)).toBe('@_user_1 请 @_all @_all @_user_2 @王芳');
  });

  it('null for what is no post', () => {
    for (const v of [null, 'text', 3, [], { zh_cn: 'x' }, {}]) expect(postText(v)).toBe(null);
  });
});

describe('wordTable', () => {
  it('knows its own words and none of Object.prototype\'s, and cannot be changed', () => {
    const t = wordTable({ a: '甲', b: '乙' });
    expect([t.a, t.b, t.constructor, t.toString, t.__proto__, t.hasOwnProperty]).toEqual(['甲', '乙', undefined, undefined, undefined, undefined]);
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.keys(t)).toEqual(['a', 'b']);
  });
});
