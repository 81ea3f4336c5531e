/** What is a task in a prose plan, where it starts and ends, and what groups it (issue #16, round 2). */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { PlanError, type ParsedPlan } from '../../../bot/domain/plan/types.js';
import { parseText } from './helpers.js';

const TITLE = '某县农业农村局2024年工作要点';
const plan = (...lines: string[]) => parseText([TITLE, ...lines].join('\n'));
const tasks = (p: ParsedPlan) => p.tasks.map((t) => [t.code, t.section, t.title]);
const sections = (p: ParsedPlan) => p.sections.map((s) => [s.ordinal, s.title]);

describe('items a web page ran onto one line', () => {
  it('start again where a space stands before 「一、」「（一）」「1.」', () => {
    const filler = '坚持稳中求进工作总基调，统筹推进乡村发展、乡村建设、乡村治理各项工作。'.repeat(4);
    const p = plan(`${filler} 一、保障粮食安全 （一）稳定粮食生产。完成粮食播种面积20万亩。 （二）发展设施农业。新建大棚200亩。 二、推进乡村建设 1.改造农村公路。改造30公里。 2.治理农村污水。新增处理设施5座。`);
    expect(sections(p)).toEqual([['一', '保障粮食安全'], ['二', '推进乡村建设']]);
    expect(tasks(p)).toEqual([
      ['1.1', '一', '稳定粮食生产'],
      ['1.2', '一', '发展设施农业'],
      // 1 and 2 are taken twice: both keep their section.
      ['2.1', '二', '改造农村公路'],
      ['2.2', '二', '治理农村污水'],
    ]);
  });

  it('leave a short line with 「一、二、三」 in its text alone', () => {
    expect(tasks(plan('1.改造 一、二、三号支路路灯。'))).toEqual([['1', null, '改造 一、二、三号支路路灯']]);
  });
});

describe('sections and their tasks', () => {
  it('reads 「（一）」 that hold 「1.」 tasks, with no 「一、」 above them, as sections 一, 二, titled by their first sentence', () => {
    const p = plan('（一）聚力产业升级，壮大实体经济。实体经济是发展的根基。', '1.构建现代产业体系。绘制产业链图谱。', '（二）深化改革开放。', '2.优化营商环境。推行帮办代办。');
    expect(sections(p)).toEqual([['一', '聚力产业升级，壮大实体经济'], ['二', '深化改革开放']]);
    expect(tasks(p)).toEqual([['1', '一', '构建现代产业体系'], ['2', '二', '优化营商环境']]);
  });

  it('keeps the section in the code of 「（一）」 tasks, whose numbers start again in each section', () => {
    const p = plan('一、主要目标', '（一）地区生产总值增长6%以上', '责任单位：县发改委', '（二）一般公共预算收入增长5%', '责任单位：县财政局');
    expect(tasks(p)).toEqual([['1.1', '一', '地区生产总值增长6%以上'], ['1.2', '一', '一般公共预算收入增长5%']]);
  });

  it('keeps the plan\'s own numbers for 「（一）」 tasks numbered on from section to section', () => {
    const p = plan('一、稳增长', '（一）扩大有效投资。', '（二）促进消费回暖。', '二、惠民生', '（三）稳定就业。', '（四）办好民生实事。');
    expect(p.tasks.map((t) => t.code)).toEqual(['1', '2', '3', '4']);
  });

  it('reads a bare 「（一）」 heading with nothing under it as a sub-section when the tasks are 「1.」 items', () => {
    const p = plan('一、主要目标', '1.地区生产总值增长6%以上。', '2.城镇新增就业2000人。', '二、稳增长', '（一）千方百计保障企业运行');
    expect(sections(p)).toEqual([['一', '主要目标'], ['二', '稳增长'], ['二（一）', '千方百计保障企业运行']]);
    expect(tasks(p)).toEqual([['1', '一', '地区生产总值增长6%以上'], ['2', '一', '城镇新增就业2000人']]);
  });

  it('reads 「一、」 items with nothing numbered under any of them as a list of tasks, not sections', () => {
    const p = plan('一、推进美丽家园建设，实施6个小区综合整治；疏通下水道800米。', '二、新增公共充电桩100个。', '三、为30户残疾人家庭实施无障碍改造。');
    expect(p.sections).toEqual([]);
    expect(tasks(p)).toEqual([
      ['一', null, '推进美丽家园建设'],
      ['二', null, '新增公共充电桩100个'],
      ['三', null, '为30户残疾人家庭实施无障碍改造'],
    ]);
  });

  it('reads 「一是……」 as a heading in a plan that numbers none 「一、」', () => {
    const p = plan('一是做强特色产业。全镇谋划农业项目3个：', '（一）中药材种植项目：总投资120万元。', '（二）蔬菜保鲜库项目：总投资300万元。', '二是改善人居环境。', '（一）改造农村户厕200户。');
    expect(sections(p)).toEqual([['一', '做强特色产业'], ['二', '改善人居环境']]);
    expect(tasks(p)).toEqual([['1.1', '一', '中药材种植项目'], ['1.2', '一', '蔬菜保鲜库项目'], ['2.1', '二', '改造农村户厕200户']]);
  });

  it('leaves 「一是……」 inside a numbered task in its text', () => {
    const p = plan('一、稳增长', '1.扩大有效投资。', '一是抓项目开工；二是抓要素保障。');
    expect(tasks(p)).toEqual([['1', '一', '扩大有效投资']]);
    expect(p.tasks[0]!.body).toBe('一是抓项目开工；二是抓要素保障。');
  });
});

describe('numbers that are and are not items', () => {
  it.each([
    ['2.50个小区新增充电设施。', '50个小区新增充电设施'],
    ['2．3000户家庭完成适老化改造。', '3000户家庭完成适老化改造'],
  ])('reads 「%s」 after task 1 as task 2', (line, title) => {
    expect(tasks(plan('1.新建口袋公园4个。', line))).toEqual([['1', null, '新建口袋公园4个'], ['2', null, title]]);
  });

  it('reads a number run into a number as text where it does not follow the last task', () => {
    expect(tasks(plan('1.新建口袋公园4个。', '3.50个小区新增充电设施。')).map((t) => t[0])).toEqual(['1']);
  });

  it.each([['2.jpg'], ['3.png'], ['1.JPEG']])('skips a picture a web page left in the text: 「%s」', (name) => {
    expect(tasks(plan(name, '1、路灯安装项目', '2、外墙保温项目'))).toEqual([['1', null, '路灯安装项目'], ['2', null, '外墙保温项目']]);
  });
});

describe('a plan that numbers nothing', () => {
  it('reads paragraphs each led by a name and a colon as its tasks', () => {
    const p = plan(
      '今年街道将实施五件民生实事，具体包括：',
      '社区食堂建设项目：在两个社区新建社区食堂，解决老年人就餐难。',
      '背街小巷整治项目：整治背街小巷6条。',
      '“暖心驿站”服务项目：新建户外劳动者驿站3处。',
      '发布日期：2024-03-01',
    );
    expect(tasks(p)).toEqual([
      ['1', null, '社区食堂建设项目'],
      ['2', null, '背街小巷整治项目'],
      ['3', null, '“暖心驿站”服务项目'],
    ]);
  });

  it('reads a list of names taken up one by one in the text after it', () => {
    const p = plan(
      '今年的四大民生实事项目为：社区食堂扩面、背街小巷提升、停车泊位挖潜、智慧安防覆盖。',
      '其中，社区食堂扩面项目，计划新建社区食堂2个。背街小巷提升项目，整治背街小巷6条。停车泊位挖潜项目，新增停车位300个。智慧安防覆盖项目，加装摄像头100组。',
    );
    expect(p.tasks.map((t) => [t.code, t.title, t.body])).toEqual([
      ['1', '社区食堂扩面', '计划新建社区食堂2个。'],
      ['2', '背街小巷提升', '整治背街小巷6条。'],
      ['3', '停车泊位挖潜', '新增停车位300个。'],
      ['4', '智慧安防覆盖', '加装摄像头100组。'],
    ]);
  });

  it('refuses page details that read 「name：text」 as tasks', () => {
    expect(() => plan('信息来源：区政府办公室', '发布日期：2024-03-01', '浏览次数：35')).toThrow(PlanError);
  });
});

describe('a cover notice with nothing after it', () => {
  it('is refused as a notice, not read as a plan of its paragraphs', () => {
    const text = [
      '某县人民政府关于分解落实政府工作报告目标任务的通知',
      '各乡镇人民政府，县政府各部门：',
      '经研究，现将《政府工作报告》确定的2024年目标任务予以分解印发。',
      '一、细化任务抓落实。各乡镇各部门要围绕目标任务，细化分解到月。',
      '二、强化督查抓落实。县政府督查室要定期跟踪督办。',
    ].join('\n');
    expect(() => parsePlan({ kind: 'text', name: 'notice.txt', text })).toThrow('只有印发通知');
  });
});

describe('the plan’s framing is neither section nor task', () => {
  it.each([
    ['a 总体要求 section of prose', ['一、总体要求', '坚持稳中求进工作总基调。', '二、重点任务', '1.培育科技型企业。新增30家。', '2.建设孵化载体。新增2个。']],
    ['a 总体要求 section of 指导思想 and 工作目标', ['一、总体要求', '（一）指导思想。坚持创新驱动。', '（二）工作目标。到年底研发投入增长10%。', '二、重点任务', '1.培育科技型企业。新增30家。', '2.建设孵化载体。新增2个。']],
    ['a 保障措施 section after the tasks', ['一、重点任务', '1.培育科技型企业。新增30家。', '2.建设孵化载体。新增2个。', '二、保障措施', '（一）加强组织领导。', '三、工作要求', '各单位要高度重视。']],
  ])('%s', (_, lines) => {
    const p = plan(...lines);
    expect(p.tasks.map((t) => [t.code, t.title, t.targets.map((g) => g.value)])).toEqual([['1', '培育科技型企业', [30]], ['2', '建设孵化载体', [2]]]);
    expect(p.sections.map((s) => s.title).filter((t) => /要求|措施/.test(t))).toEqual([]);
  });

  it('reads an action told in parts (「1.主要目标指标」「2.重点工作举措」) as one task with the parts\' targets', () => {
    const p = plan('二、主要任务', '（一）实施全民健康促进行动。', '1.主要目标指标。', '人均预期寿命达82岁，居民健康素养水平达39%以上，重大慢病过早死亡率降至9.3%。', '2.重点工作举措。', '深化健康促进，建设健康乡镇10个。', '（二）提升基层服务能力。', '1.建设社区医院。新建5家。', '2.培训乡村医生。培训300人。');
    expect(tasks(p)).toEqual([
      ['2.1', '二', '实施全民健康促进行动'],
      ['2.2.1', '二（二）', '建设社区医院'],
      ['2.2.2', '二（二）', '培训乡村医生'],
    ]);
    expect(p.tasks[0]!.targets.map((g) => [g.label, g.value, g.unit, g.comparator])).toEqual([
      ['居民健康素养水平', 39, '%', 'at_least'],
      ['重大慢病过早死亡率', 9.3, '%', 'at_most'],
      ['建设健康乡镇', 10, '个', 'at_least'],
    ]);
  });

  it('keeps a 主要目标 section whose numbered items are targets to reach', () => {
    const p = plan('一、主要目标', '（一）地区生产总值增长6%以上。', '二、重点任务', '1.培育科技型企业。新增30家。');
    expect(p.tasks.map((t) => t.title)).toEqual(['地区生产总值增长6%以上', '培育科技型企业']);
  });
});

describe('a list a sentence introduces, in a text that numbers nothing', () => {
  it('reads items closed by 「；」 on lines of their own', () => {
    const p = parseText(['某镇2024年民生实事项目出炉', '经代表票决，确定的六件民生实事项目是：', '完成集镇污水管网改造；', '新建村级养老服务站3个；', '实施农村公路提质改造12公里；', '建成智慧农贸市场。'].join('\n'));
    expect(p.tasks.map((t) => [t.code, t.title, t.targets.map((g) => [g.value, g.unit])])).toEqual([
      ['1', '完成集镇污水管网改造', []],
      ['2', '新建村级养老服务站3个', [[3, '个']]],
      ['3', '实施农村公路提质改造12公里', [[12, '公里']]],
      ['4', '建成智慧农贸市场', []],
    ]);
  });

  it('reads run-on items whose first phrase names them, and a plain list of names', () => {
    const runOn = parseText(['某街道2023年十件实事', '这十件实事分别是：暖心助餐工程，新建老年食堂2个；畅行工程，新增停车位300个以上；安居工程，改造老旧小区4个。'].join('\n'));
    expect(runOn.tasks.map((t) => [t.title, t.targets.map((g) => g.value)])).toEqual([['暖心助餐工程', [2]], ['畅行工程', [300]], ['安居工程', [4]]]);
    const counted = parseText(['某镇召开人民代表大会', '与会代表对集镇污水管网改造、村级养老服务站建设、农村公路提质改造等3个民生实事项目进行了审议，项目总投资约150万元。'].join('\n'));
    expect(counted.tasks.map((t) => [t.code, t.title])).toEqual([['1', '集镇污水管网改造'], ['2', '村级养老服务站建设'], ['3', '农村公路提质改造']]);
    // Examples, not the list: 「等」 counts more than it names.
    expect(() => parseText(['某镇召开人民代表大会', '代表们对污水管网改造、养老服务站建设、公路提质改造等5个项目进行了审议。'].join('\n'))).toThrow(PlanError);
    const names = parseText(['某县2022年民生实事', '这5项民生实事分别是城区供水提升工程、乡村教师周转房工程、农贸市场改造工程、全民健身场地工程、普惠托育工程。'].join('\n'));
    expect(names.tasks.map((t) => t.title)).toEqual(['城区供水提升工程', '乡村教师周转房工程', '农贸市场改造工程', '全民健身场地工程', '普惠托育工程']);
  });
});
