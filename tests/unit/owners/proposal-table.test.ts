/**
 * bot/domain/owners/proposal-table.ts and after-import.ts: the proposal as the terminal shows it, section by
 * section, with its misses and totals; the owners file it writes (quoted, formulas defused); and what an import
 * says when no proposal can be made.
 */
import { describe, expect, it } from 'vitest';
import { chartRead, noProposalText } from '../../../bot/domain/owners/after-import.js';
import { proposalCsv, proposalTable } from '../../../bot/domain/owners/proposal-table.js';
import type { ProposalTask } from '../../../bot/domain/owners/propose.js';

const person = (name: string, because: string, openId = `ou_${name}`) => ({ openId, name, because });
const t = (code: string, section: string | null, o: Partial<ProposalTask> = {}): ProposalTask => ({
  code, title: `任务${code}`, section, changed: false, owners: [], collaborators: [], leaders: [], misses: [], ...o,
});

describe('proposalTable', () => {
  it('shows each section once, each task with its people and misses, and the totals', () => {
    const tasks = [
      t('1', '一、创新主体', { owners: [person('张敏', '高新科负责人')], leaders: [person('何建国', '责任领导')] }),
      t('2', '一、创新主体', { owners: [person('张敏', '高新科负责人'), person('李强', '高新科联络员')], collaborators: [person('王芳', '平台科联络员')] }),
      t('3', null, { misses: [{ role: 'lead', name: '区金融办', reason: '飞书通讯录中没有该部门' }, { role: 'leader', name: '', reason: '计划未写明责任领导' }] }),
      t('4', '二、平台', { misses: [{ role: 'collaborator', name: '各科室', reason: '泛指各单位，不指派' }] }),
    ];
    expect(proposalTable('綦江区科技局2022年工作要点', tasks)).toBe([
      '《綦江区科技局2022年工作要点》责任人建议',
      '',
      '一、创新主体',
      '  1  任务1',
      '      责任人：张敏（高新科负责人）　协办：—　责任领导：何建国（责任领导）',
      '  2  任务2',
      '      责任人：张敏（高新科负责人）、李强（高新科联络员）　协办：王芳（平台科联络员）　责任领导：—',
      '',
      '（未分部分）',
      '  3  任务3',
      '      责任人：—　协办：—　责任领导：—',
      '      ⚠ 牵头单位「区金融办」：飞书通讯录中没有该部门',
      '      ⚠ 责任领导：计划未写明责任领导',
      '',
      '二、平台',
      '  4  任务4',
      '      责任人：—　协办：—　责任领导：—',
      '      ⚠ 配合单位「各科室」：泛指各单位，不指派',
      '',
      '合计：4 项任务，2 项有建议的责任人，3 处未能匹配。',
      '',
    ].join('\n'));
  });

  it('cuts long text at its bound and turns control characters into spaces', () => {
    const table = proposalTable('计'.repeat(81), [t('12345678901234', '节'.repeat(61), { title: `标题\u001b[31m${'长'.repeat(50)}`, owners: [person('名'.repeat(21), '因'.repeat(31))] })]);
    const lines = table.split('\n');
    expect(lines[0]).toBe(`《${'计'.repeat(79)}…》责任人建议`);
    expect(lines[2]).toBe(`${'节'.repeat(59)}…`);
    expect(lines[3]).toBe(`  12345678901…  标题 [31m${'长'.repeat(32)}…`);
    expect(lines[4]).toBe(`      责任人：${'名'.repeat(19)}…（${'因'.repeat(29)}…）　协办：—　责任领导：—`);
    // exactly at the bound: unchanged
    expect(proposalTable('计'.repeat(80), []).split('\n')[0]).toBe(`《${'计'.repeat(80)}》责任人建议`);
  });
});

describe('proposalCsv', () => {
  it('writes one row per person and role in task order, quoting and defusing what a spreadsheet would run', () => {
    const csv = proposalCsv([
      t('1', null, { owners: [person('张敏', 'x')], collaborators: [person('=HYPERLINK("x")', 'x', 'ou_b')], leaders: [person('何建国', 'x')] }),
      t('2', null, { owners: [person('+李,强', 'x', 'ou_c'), person('-王芳', 'x', 'ou_d'), person('@赵', 'x', 'ou_e')] }),
    ]);
    expect(csv).toBe([
      '任务编号,姓名,角色,open_id',
      '1,张敏,责任人,ou_张敏',
      '1,"\'=HYPERLINK(""x"")",协办,ou_b',
      '1,何建国,责任领导,ou_何建国',
      '2,"\'+李,强",责任人,ou_c',
      "2,'-王芳,责任人,ou_d",
      "2,'@赵,责任人,ou_e",
      '',
    ].join('\n'));
  });
});

describe('after an import', () => {
  it('a chart with no department cannot be proposed from, and says why', () => {
    expect(chartRead({ departments: [], users: [] })).toEqual({ kind: 'unreadable', reason: '飞书通讯录中没有应用可见的部门（应用的通讯录权限范围为空，或尚未开通通讯录权限）' });
    const chart = { departments: [{ id: 'od-1', name: '高新科', parentId: null, leaderOpenId: null }], users: [] } as unknown as Parameters<typeof chartRead>[0];
    expect(chartRead(chart)).toEqual({ kind: 'chart', chart });
  });

  it('tells that nothing was assigned and the way on', () => {
    expect(noProposalText('读取飞书通讯录失败', '发送 /assign 任务编号 @责任人')).toBe(
      '未能自动生成责任人建议：读取飞书通讯录失败。导入已完成，未作任何指派；可以用责任分工表（任务编号、姓名、角色）指派责任人：发送 /assign 任务编号 @责任人。');
  });
});
