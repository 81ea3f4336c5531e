/** The console composer's @-mentions: what typing 「@」 offers, what a pick writes, what is sent (issue #19). */
import { describe, expect, it } from 'vitest';
// @ts-expect-error the console's browser module is plain JavaScript without types
import { insertMention, mentionChoices, mentionQuery, withMentions } from '../../../bot/sandbox/console/public/mentions.js';

const P = (openId: string, name: string) => ({ openId, name, role: '' });
const chat = [P('ou_a', '张敏'), P('ou_b', '李强')];
const all = [P('ou_b', '李强'), P('ou_c', '张伟'), P('ou_d', '何建国')];

describe('@ in the composer', () => {
  it.each([
    ['/assign 3 @', 11, ''],
    ['/assign 3 @张', 12, '张'],
    ['邮箱 a@b', 7, 'b'],
    ['/assign 3 ', 10, null],
    ['@张 敏', 4, null],
  ])('the name typed after 「@」 in %j (caret %i) is %j', (text, caret, query) => {
    expect(mentionQuery(text, caret)).toBe(query);
  });

  it('offers the chat’s members first, then everyone else, each once', () => {
    expect(mentionChoices('', chat, all).map((p: { name: string }) => p.name)).toEqual(['张敏', '李强', '张伟', '何建国']);
    expect(mentionChoices('张', chat, all).map((p: { name: string }) => p.name)).toEqual(['张敏', '张伟']);
    expect(mentionChoices('张', chat, all, 1)).toHaveLength(1);
  });

  it('a pick replaces what was typed with 「@姓名 」 and puts the caret after it', () => {
    expect(insertMention('/assign 3 @张 谢谢', 12, '张敏')).toEqual({ text: '/assign 3 @张敏  谢谢', caret: 14 });
  });

  it('sends each picked name as a placeholder with its open_id, once per person; other @ and braces stay text', () => {
    const picks = new Map([['张敏', 'ou_a'], ['何建国', 'ou_d']]);
    expect(withMentions('/reassign 7 @张敏 @何建国 请@张敏跟进 a@b.cn', picks)).toEqual({ text: '/reassign 7 {@0} {@1} 请{@0}跟进 a@b.cn', mentions: ['ou_a', 'ou_d'] });
    expect(withMentions('看 {@0} 这个', new Map())).toEqual({ text: '看 { @0} 这个', mentions: [] });
  });
});
