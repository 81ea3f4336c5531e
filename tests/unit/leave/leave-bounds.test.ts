import { describe, expect, it } from 'vitest';
import { leaveDays, leaveProblem } from '../../../bot/domain/leave-bounds.js';

const TODAY = '2022-04-11';

describe('leaveProblem', () => {
  it.each([
    ['one day today', '2022-04-11', '2022-04-11', 90, null],
    ['already begun, ends later', '2022-04-01', '2022-04-15', 90, null],
    ['exactly the limit (inclusive)', '2022-05-01', '2022-07-29', 90, null],
    ['one day over the limit', '2022-05-01', '2022-07-30', 90, '请假共 91 天，超过了 90 天的上限。'],
    ['to 2099', '2022-05-01', '2099-12-31', 90, '超过了 90 天的上限'],
    ['a lower configured limit', '2022-05-01', '2022-05-31', 30, '请假共 31 天，超过了 30 天的上限。'],
    ['an admin’s year', '2022-05-01', '2023-04-30', 366, null],
    ['ended yesterday', '2022-04-01', '2022-04-10', 90, '结束日期（2022-04-10）已经过去'],
    ['starts 180 days ahead', '2022-10-08', '2022-10-09', 90, null],
    ['starts 181 days ahead', '2022-10-09', '2022-10-10', 90, '太远'],
    ['starts in 2099', '2099-01-01', '2099-01-01', 366, '太远'],
    ['backwards', '2022-05-05', '2022-05-01', 90, '晚于结束日期'],
  ])('%s', (_name, from, to, max, problem) => {
    const got = leaveProblem({ from, to }, TODAY, max);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });

  it('counts both ends', () => {
    expect(leaveDays({ from: '2022-05-01', to: '2022-05-05' })).toBe(5);
  });
});
