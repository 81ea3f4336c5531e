/**
 * The audit trail in a clerk's words (bot/domain/audit-words.ts): each kind of entry's name, who did it, and each
 * change as readable Chinese. Expectations from the tables and rules the module states.
 */
import { describe, expect, it } from 'vitest';
import { auditActionWord, auditActorWord, auditChangeLine, auditChangeWords, openIdsIn } from '../../../bot/domain/audit-words.js';

const NAMES = new Map([['ou_zhang', '张敏'], ['ou_li', '李强']]);

describe('auditActionWord', () => {
  it.each([
    ['task.deadline', null, '调整完成时限'],
    ['report.returned', null, '退回补充'],
    ['undo', null, '撤销修改'],
    // A lifecycle change by its cause; an unknown or missing cause, the change itself.
    ['task.lifecycle', '{"event":"confirm","status":"closed"}', '确认办结'],
    ['task.lifecycle', '{"event":"owner_done"}', '报完成（待确认办结）'],
    ['task.lifecycle', '{"event":"teleport"}', '调整状态'],
    ['task.lifecycle', 'not json', '调整状态'],
    ['task.status', '{"event":"confirm"}', '调整状态'],
    // Unknown kinds, and the names of Object.prototype's members, are 「其他操作」.
    ['task.teleported', null, '其他操作'],
    ['constructor', null, '其他操作'],
    ['__proto__', null, '其他操作'],
  ])('%s %s', (action, after, word) => expect(auditActionWord(action, after)).toBe(word));
});

describe('auditActorWord', () => {
  it.each([
    ['ou_zhang', '张敏'],
    ['cli', '命令行'],
    ['system', '系统'],
    ['demo', '系统'],
    ['test', '系统'],
    ['cli:root', '命令行（root）'],
    ['import:plan.docx', '导入（plan.docx）'],
    ['ou_unknown', '（未知人员）'],
    ['管理员甲', '管理员甲'],
  ])('%s', (actor, word) => expect(auditActorWord(actor, NAMES)).toBe(word));
});

describe('auditChangeWords', () => {
  it('reads the fields a clerk reads, in the entry\'s order, each in words', () => {
    expect(auditChangeWords(JSON.stringify({
      id: 7, deadline: '2023-03-31', reason: '等待批复', status: 'at_risk', event: 'pause', role: 'collaborator', cadence: 'biweekly', via: 'sms',
      percent: 60, isAdmin: true, digest: false, requestedBy: 'ou_zhang', whom: ['ou_li', 'ou_nobody'], note: '', extra: { nested: 1 },
    }), NAMES)).toBe(
      '完成时限：2023-03-31，理由：等待批复，状态：有风险，变更：暂停，角色：协办，频次：每两周，方式：短信，进度：60%，管理员：是，订阅周报：否，申请人：张敏，对象：李强、（未知人员）',
    );
  });

  it('keeps words it has no table entry for as they are, and says nothing for nothing', () => {
    expect(auditChangeWords('{"status":"teleported","role":"guest","cadence":"daily","via":"pigeon"}')).toBe('状态：teleported，角色：guest，频次：daily，方式：pigeon');
    expect(auditChangeWords('{"text":{"a":1},"what":[],"name":null,"label":["", null]}')).toBe('');
    expect(auditChangeWords(null)).toBe('');
    expect(auditChangeWords('[1,2]')).toBe('');
    expect(auditChangeWords('{"constructor":"x","toString":"y"}')).toBe('');
  });
});

describe('auditChangeLine', () => {
  it('a field on both sides as before → after; one side only as it is, or cancelled', () => {
    expect(auditChangeLine(
      '{"deadline":"2022-12-31","role":"owner","reason":"原因","title":"同一标题"}',
      '{"deadline":"2023-03-31","status":"done","title":"同一标题"}',
      NAMES,
    )).toBe('完成时限：2022-12-31 → 2023-03-31，角色：责任人（已取消），理由：原因（已取消），标题：同一标题，状态：已完成');
    expect(auditChangeLine(null, '{"whom":"ou_zhang"}', NAMES)).toBe('对象：张敏');
    expect(auditChangeLine('{"id":1}', '{"id":2}')).toBe('');
  });
});

describe('openIdsIn', () => {
  it('finds the open_ids an entry names, in lists too, and nothing else', () => {
    expect(openIdsIn('{"requestedBy":"ou_a","whom":["ou_b",["ou_c"],"x"],"by":{"who":"ou_d"},"name":"张敏","n":3}')).toEqual(['ou_a', 'ou_b', 'ou_c']);
    expect(openIdsIn(null)).toEqual([]);
  });
});
