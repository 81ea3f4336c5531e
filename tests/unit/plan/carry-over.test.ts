/** The carry-over matcher (承接责任人): exact, near, never a guess. */
import { describe, expect, it } from 'vitest';
import { NEAR_PAIR_BUDGET, nearTitles, planCarryOver, titleKey, unitsKey, type CarryPerson, type NewTask, type OldTask } from '../../../bot/domain/plan/carry-over.js';
import { ambiguousLine, carryRow, carrySummary, peopleWords } from '../../../bot/domain/plan/carry-words.js';

const zhang: CarryPerson = { personId: 1, name: '张敏', role: 'owner' };
const he: CarryPerson = { personId: 2, name: '何建国', role: 'leader' };
const old = (id: number, title: string, leadUnits: string[] = [], people = [zhang, he]): OldTask => ({ id, code: String(id), title, leadUnits, people });
const fresh = (code: string, title: string, leadUnits: string[] = [], staffed = false): NewTask => ({ code, title, leadUnits, staffed });

/** The plan as [new code, old id, reason] per list. */
function outline(olds: OldTask[], news: NewTask[]) {
  const p = planCarryOver(olds, news);
  const pair = (m: { to: NewTask; from: OldTask; reason: string }) => [m.to.code, m.from.id, m.reason];
  return {
    carry: p.carry.map(pair),
    kept: p.kept.map(pair),
    empty: p.empty.map(pair),
    ambiguous: p.ambiguous.map((a) => [a.to.code, a.candidates.map((c) => c.id)]),
    unmatched: p.unmatched.map((t) => t.code),
  };
}

const none = { carry: [], kept: [], empty: [], ambiguous: [], unmatched: [] };

describe('titleKey and unitsKey', () => {
  it.each([
    ['培育 高新技术企业。', '培育高新技术企业'],
    ['“揭榜挂帅”项目（第一批）', '揭榜挂帅项目第一批'],
    ['ＡＩ赋能　２０２３', 'AI赋能2023'],
  ])('%s → %s', (title, key) => expect(titleKey(title)).toBe(key));

  it('units compare as a set, none on both sides alike', () => {
    expect(unitsKey(['区经信委', '区科技局'])).toBe(unitsKey(['区科技局 ', '区经信委', '区科技局']));
    expect(unitsKey([])).toBe('');
  });
});

describe('nearTitles', () => {
  it.each([
    ['培育科技型企业', '培育科技型中小企业', true], // words added
    ['全面建设孵化平台', '建设孵化平台', true], // words dropped
    ['推进成果转化', '推进科技成果转化', true],
    ['制定2022年工作要点', '制定2023年工作要点', true], // the year
    ['科技成果登记70项', '科技成果登记80项', true], // the target
    ['加强研发平台建设', '加强孵化平台建设', false], // a word replaced: another task
    ['推进科技成果转化', '推进科技成果登记', false],
    ['培育科技型企业', '培育高新技术企业', false],
    ['科技', '科技创新', false], // too short to rest on
    ['申报奖励', '申报科学技术奖励和科技人才项目', false], // too small a part of the longer
    ['培育高新技术企业', '培育高新技术企业', false], // equal is exact, not near
  ])('%s ~ %s: %s', (a, b, near) => {
    expect(nearTitles(titleKey(a), titleKey(b))).toBe(near);
    expect(nearTitles(titleKey(b), titleKey(a))).toBe(near);
  });
});

describe('planCarryOver', () => {
  it.each<[string, OldTask[], NewTask[], Partial<ReturnType<typeof outline>>]>([
    ['exact title, same (no) lead unit', [old(1, '培育高新技术企业')], [fresh('1', '培育高新技术企业。')], { carry: [['1', 1, 'exact']] }],
    ['exact title, same lead units in another order', [old(1, '科技统计', ['计划科', '区统计局'])], [fresh('8', '科技 统计', ['区统计局', '计划科'])], { carry: [['8', 1, 'exact']] }],
    ['near title', [old(2, '培育科技型企业')], [fresh('2', '培育科技型中小企业')], { carry: [['2', 2, 'near']] }],
    ['lead unit differs: not carried', [old(4, '强力推进国高创建')], [fresh('5', '强力推进国高创建', ['高新科'])], { unmatched: ['5'] }],
    ['lead unit renamed: not carried', [old(4, '强力推进国高创建', ['区科技局'])], [fresh('5', '强力推进国高创建', ['科技局'])], { unmatched: ['5'] }],
    ['two exact candidates: ambiguous', [old(1, '加强宣传'), old(2, '加强宣传')], [fresh('3', '加强宣传')], { ambiguous: [['3', [1, 2]]] }],
    ['two near candidates: ambiguous', [old(1, '申报科技奖励'), old(2, '申报科技奖项')], [fresh('9', '申报市级科技奖励奖项')], { ambiguous: [['9', [1, 2]]] }],
    ['a task split in two: both ambiguous', [old(9, '申报科技奖励')], [fresh('10', '申报市级科技奖励'), fresh('11', '申报国家级科技奖励')], { ambiguous: [['10', [9]], ['11', [9]]] }],
    ['exact wins over near; the near one does not take the same old task', [old(1, '培育科技型企业')], [fresh('1', '培育科技型企业'), fresh('2', '培育科技型中小企业')], { carry: [['1', 1, 'exact']], unmatched: ['2'] }],
    ['new task already staffed: kept', [old(1, '培育高新技术企业')], [fresh('1', '培育高新技术企业', [], true)], { kept: [['1', 1, 'exact']] }],
    ['old task had nobody: nothing to carry', [old(1, '培育高新技术企业', [], [])], [fresh('1', '培育高新技术企业')], { empty: [['1', 1, 'exact']] }],
    ['no such task before', [old(1, '培育高新技术企业')], [fresh('4', '培育专精特新企业')], { unmatched: ['4'] }],
  ])('%s', (_name, olds, news, expected) => {
    expect(outline(olds, news)).toEqual({ ...none, ...expected });
  });

  it('two plans of thousands of tasks none of which match exactly: only numbers-aside matches, the work bounded', () => {
    const n = 2500;
    expect(n * n).toBeGreaterThan(NEAR_PAIR_BUDGET);
    const olds = Array.from({ length: n }, (_, i) => old(i + 1, `旧计划第${i + 1}项工作`));
    const news = Array.from({ length: n }, (_, i) => fresh(String(i + 1), `新计划第${i + 1}项工作`));
    olds[0] = old(1, '推进2021年度科技统计');
    news[0] = fresh('1', '推进2022年度科技统计'); // numbers aside: still matched
    olds[1] = old(2, '培育科技型企业');
    news[1] = fresh('2', '培育科技型中小企业'); // words added: matched only within the budget
    const p = planCarryOver(olds, news);
    expect(p.carry.map((m) => [m.to.code, m.from.id, m.reason])).toEqual([['1', 1, 'near']]);
    expect(p.unmatched).toHaveLength(n - 1);
    expect(planCarryOver(olds.slice(0, 2), news.slice(0, 2)).carry).toHaveLength(2);
  });

  it('follows the new plan’s order whatever the old one’s', () => {
    const olds = [old(1, '甲项工作安排'), old(2, '乙项工作安排'), old(3, '丙项工作安排')];
    const news = [fresh('1', '丙项工作安排'), fresh('2', '甲项工作安排'), fresh('3', '乙项工作安排')];
    expect(outline(olds, news).carry).toEqual([['1', 3, 'exact'], ['2', 1, 'exact'], ['3', 2, 'exact']]);
  });
});

describe('carry words', () => {
  it('a row: 新任务 | 承接自 | 牵头单位 | 责任人 | 依据', () => {
    const p = planCarryOver([old(2, '培育科技型企业', ['高新科'], [zhang, { personId: 3, name: '王芳', role: 'collaborator' }, he])], [fresh('2', '培育科技型中小企业', ['高新科'])]);
    expect(carryRow(p.carry[0]!)).toEqual({ to: '2 培育科技型中小企业', from: '2 培育科技型企业', units: '高新科', people: '张敏（责任人）；王芳（协办）；何建国（责任领导）', reason: '相近' });
    expect(carrySummary(p)).toBe('承接 1 项');
  });

  it('no lead unit reads 「（未列）」; people by role, each once', () => {
    const p = planCarryOver([old(1, '培育高新技术企业', [], [zhang, he, zhang])], [fresh('1', '培育高新技术企业')]);
    expect(carryRow(p.carry[0]!).units).toBe('（未列）');
    expect(peopleWords([zhang, he, zhang])).toBe('张敏（责任人）；何建国（责任领导）');
  });

  it('ambiguous lines and the summary', () => {
    const p = planCarryOver([old(9, '申报科技奖励'), old(1, '培育高新技术企业')], [fresh('10', '申报市级科技奖励'), fresh('11', '申报国家级科技奖励'), fresh('1', '培育高新技术企业', [], true), fresh('4', '培育专精特新企业')]);
    expect(p.ambiguous.map(ambiguousLine)).toEqual(['10 申报市级科技奖励：可能承接自 9 申报科技奖励，未承接', '11 申报国家级科技奖励：可能承接自 9 申报科技奖励，未承接']);
    expect(carrySummary(p)).toBe('承接 0 项，已有人员不变 1 项，有多个可能、未承接 2 项，无对应任务 1 项');
  });
});
