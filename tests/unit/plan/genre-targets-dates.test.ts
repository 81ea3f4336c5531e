/**
 * Targets and deadlines as project lists and 实事 plans word them (issue #16, plans 8): units of
 * length, weight and trees; a project's size is not a goal; a project's completion milestone is its
 * deadline. Made-up text in the shape of real plans.
 */
import { describe, expect, it } from 'vitest';
import { proseDeadline } from '../../../bot/domain/plan/dates.js';
import { findTargets } from '../../../bot/domain/plan/targets.js';

const PERIOD = { year: 2023, end: '2023-12-31' };

describe('targets in project lists', () => {
  it.each([
    ['整治疏通下水道、明沟800米；维护更新垃圾收运点12处', [[800, '米'], [12, '处']]],
    ['确保粮食播种面积20.5万亩、总产量1.6亿斤以上', [[20.5, '万亩'], [1.6, '亿斤']]],
    ['对辖区约150棵存在隐患的行道树修枝', [[150, '棵']]],
    ['组建志愿服务队伍30组，新建绿道5千米', [[30, '组'], [5, '千米']]],
    ['该项目总投资300万元，占地200余亩，建成后冷库库容达8000余立方米', [[300, '万元']]],
    ['项目占地面积约50亩，年周转农产品达到2万余吨，带动就业120人', [[120, '人']]],
    ['新增用地指标300亩', [[300, '亩']]],
    ['对某某村3栋、7栋等开展危房整治，为全区5栋高层住宅实施消防改造', [[5, '栋']]],
  ])('%s', (text, expected) => expect(findTargets(text).map((t) => [t.value, t.unit])).toEqual(expected));
});

describe('a project’s milestone is its deadline', () => {
  it.each([
    ['预计2022年12月开工建设，2023年5月竣工。', '2023-05-31'],
    ['新建人行天桥2座，9月投入使用。', '2023-09-30'],
    ['10月底前全面完工。', '2023-10-31'],
    ['预计2023年3月开工建设。', null],
    ['2月召开动员会，部署全年工作。', null],
  ])('%s → %s', (text, date) => expect(proseDeadline(text, PERIOD)?.date ?? null).toBe(date));
});
