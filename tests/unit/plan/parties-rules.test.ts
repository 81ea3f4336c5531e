/**
 * Who is responsible, as a plan words it (bot/domain/plan/parties.ts), rule by rule: how a list of names splits,
 * where annotations stand and what they hold, collaborators named in prose, and a heading's leader. Every
 * expectation follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import { emptyAnnotations, extractAnnotations, headingLeader, proseCollaborators, readField, splitNames } from '../../../bot/domain/plan/parties.js';

describe('splitNames', () => {
  it.each<[string, string[]]>([
    ['区财政局、区税务局，区经信委', ['区财政局', '区税务局', '区经信委']],
    ['甲局,乙局;丙局/丁局／戊局 己局；庚局', ['甲局', '乙局', '丙局', '丁局', '戊局', '己局', '庚局']],
    // 和 and 及 join two units only after a unit's last character.
    ['区财政局和区税务局', ['区财政局', '区税务局']],
    ['区财政局及区税务局', ['区财政局', '区税务局']],
    ['区科技和信息化局', ['区科技和信息化局']],
    // A full stop ends the list.
    ['区财政局、区税务局。', ['区财政局', '区税务局']],
    ['区财政局.', ['区财政局']],
    // A bracket the split left open or closed goes; a whole one stays.
    ['（区财政局、区税务局）', ['区财政局', '区税务局']],
    ['(区财政局、区税务局)', ['区财政局', '区税务局']],
    ['区商务局（区药发中心）、区财政局', ['区商务局（区药发中心）', '区财政局']],
    // 「等区政府有关部门」 closes the list; a leading 和/及 and a trailing 等 are not part of a name.
    ['区财政局、区税务局等区政府有关部门', ['区财政局', '区税务局']],
    ['区税务局、及区财政局', ['区税务局', '区财政局']],
    ['区税务局、和区财政局等', ['区税务局', '区财政局']],
    // No one.
    ['无', []],
    ['暂无', []],
    ['——', []],
    ['--', []],
    ['/', []],
    // Two-character names padded to three, and two of them run together.
    ['王 五、李  四', ['王五', '李四']],
    ['陆 明俞 悦', ['陆明', '俞悦']],
    ['王\u3000五', ['王五']],
  ])('%s', (text, names) => expect(splitNames(text)).toEqual(names));

  it('keeps names of up to 30 characters', () => {
    const name30 = `${'某'.repeat(29)}局`;
    expect(splitNames(`${name30}、${'某'.repeat(30)}局`)).toEqual([name30]);
  });
});

describe('readField', () => {
  it('a deadline is kept as written, trimmed; an empty value adds nothing', () => {
    const into = emptyAnnotations();
    readField('deadline', ' 6月底 ', into);
    readField('collaborator', '  ', into);
    expect(into).toEqual({ ...emptyAnnotations(), deadline: ['6月底'] });
  });

  it('「（牵头）」 marks the lead of a responsibility list; the others collaborate', () => {
    const into = emptyAnnotations();
    readField('responsible', '甲局、乙局（牵头）、丙局', into);
    expect(into).toEqual({ ...emptyAnnotations(), lead: ['乙局'], collaborator: ['甲局', '丙局'] });
    const ascii = emptyAnnotations();
    readField('lead', '甲局(牵头) 乙局', ascii);
    expect(ascii).toEqual({ ...emptyAnnotations(), lead: ['甲局'], collaborator: ['乙局'] });
  });

  it('without a mark a list is what its label says', () => {
    const into = emptyAnnotations();
    readField('responsible', '甲局、乙局', into);
    readField('lead', '丙 局', into);
    readField('leader', '张三、李四', into);
    expect(into).toEqual({ ...emptyAnnotations(), responsible: ['甲局', '乙局'], lead: ['丙局'], leader: ['张三', '李四'] });
  });
});

describe('extractAnnotations', () => {
  it('reads a bracket of annotations after a task, of every kind of bracket', () => {
    for (const [o, c] of [['（', '）'], ['(', ')'], ['［', '］'], ['[', ']'], ['【', '】'], ['〔', '〕']]) {
      expect(extractAnnotations(`推进成果转化${o}牵头单位：甲局；完成时限：2024年6月底${c}`)).toEqual({
        rest: '推进成果转化',
        found: { ...emptyAnnotations(), lead: ['甲局'], deadline: ['2024年6月底'] },
      });
    }
  });

  it('leaves a bracket with a colon but no label', () => {
    expect(extractAnnotations('推进成果转化（含：甲、乙）')).toEqual({ rest: '推进成果转化（含：甲、乙）', found: emptyAnnotations() });
  });

  it('reads annotation lines, and a line\'s tail after a sentence', () => {
    expect(extractAnnotations('推进成果转化。\n牵头单位：甲局\n配合单位：乙局、丙局；')).toEqual({
      rest: '推进成果转化。',
      found: { ...emptyAnnotations(), lead: ['甲局'], collaborator: ['乙局', '丙局'] },
    });
    expect(extractAnnotations('推进成果转化；责任领导：张三。')).toEqual({
      rest: '推进成果转化；',
      found: { ...emptyAnnotations(), leader: ['张三'] },
    });
  });

  it('leaves a label inside a sentence', () => {
    expect(extractAnnotations('推进成果转化牵头单位：甲局')).toEqual({ rest: '推进成果转化牵头单位：甲局', found: emptyAnnotations() });
  });

  it('reads a bracket left open at the line\'s end', () => {
    expect(extractAnnotations('推进成果转化。（责任单位：甲局、乙局')).toEqual({
      rest: '推进成果转化。',
      found: { ...emptyAnnotations(), responsible: ['甲局', '乙局'] },
    });
  });

  it('drops the spaces and tabs a line ends with', () => {
    expect(extractAnnotations('推进成果转化 \t\n加快平台建设  ')).toEqual({ rest: '推进成果转化\n加快平台建设', found: emptyAnnotations() });
  });
});

describe('proseCollaborators', () => {
  it.each<[string, string[]]>([
    ['协调区经信、税务、财政等部门', ['区经信', '区税务', '区财政']],
    ['会同区财政局和税务局等单位', ['区财政局', '区税务局']],
    ['联合市科技局、市财政局等部门', ['市科技局', '市财政局']],
    ['协调各有关单位等单位', []],
    ['配合区金融办，', ['区金融办']],
    ['会同区财政局做好资金保障', ['区财政局']],
    ['配合相关部门', []],
    ['配合科办', []],
    // One unit named twice is one collaborator.
    ['协调区财政局等部门，配合区财政局', ['区财政局']],
  ])('%s', (text, units) => expect(proseCollaborators(text)).toEqual(units));

  it('stops at the limit once a list has reached it', () => {
    expect(proseCollaborators('协调区甲局、区乙局、区丙局等部门，配合区丁局', 2)).toEqual(['区甲局', '区乙局', '区丙局']);
    expect(proseCollaborators('配合区甲局，配合区乙局，配合区丙局', 2)).toEqual(['区甲局', '区乙局']);
  });
});

describe('headingLeader', () => {
  it.each<[string, string | null]>([
    ['张三县长牵头重点工作', '张三'],
    ['李四副区长分管领域', '李四'],
    ['王小明同志常务副县长负责', '王小明'],
    ['欧阳娜娜书记联系', null],
    ['张三县长', null],
  ])('%s', (heading, leader) => expect(headingLeader(heading)).toBe(leader));
});
