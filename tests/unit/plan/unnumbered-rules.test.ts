/**
 * Plans that number nothing (bot/domain/plan/unnumbered.ts), rule by rule: paragraphs headed 「name：」, a list of
 * names the text then takes up in turn, a list a sentence introduces, and names closed by 「等N个」. Made-up texts
 * in the genre of news pages; every expectation follows from the rule the case names.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../bot/domain/plan/outline.js';
import { unnumberedTasks } from '../../../bot/domain/plan/unnumbered.js';

const task = (n: number, head: string, lines: string[] = []): Block => ({ level: 3, ordinal: String(n), value: n, head, lines, children: [] });

const P1 = '社区服务中心建设项目：优化服务功能，新增活动场地。';
const P2 = '老旧小区改造项目：改造老旧小区12个。';
const P3 = '道路提升项目：完成道路改造5公里。';
const P4 = '停车设施建设项目：新建公共停车位500个。';

describe('paragraphs headed 「name：」', () => {
  it('three or more in a run are the tasks; what follows stays with the last, what comes before is before', () => {
    expect(unnumberedTasks(['某区2023年民生实事', P1, '', P2, '  ', P3, ' 以上项目由区政府统筹。 ', '', '各街道配合。'])).toEqual({
      before: ['某区2023年民生实事'],
      roots: [task(1, P1), task(2, P2), task(3, P3, ['以上项目由区政府统筹。', '各街道配合。'])],
    });
  });

  it('the longest run wins, the first on a tie', () => {
    expect(unnumberedTasks([P1, P2, P3, '正文一段。', P1, P2, P3, P4])?.roots).toEqual([task(1, P1), task(2, P2), task(3, P3), task(4, P4)]);
    expect(unnumberedTasks([P1, P2, P3, '正文一段。', P2, P3, P4])).toEqual({
      before: [],
      roots: [task(1, P1), task(2, P2), task(3, P3, ['正文一段。', P2, P3, P4])],
    });
  });

  it('two are not enough, and labels and page furniture are no names', () => {
    expect(unnumberedTasks([P1, P2])).toBe(null);
    expect(unnumberedTasks([P1, P2, '牵头单位：区住房城乡建委负责。'])).toBe(null);
    expect(unnumberedTasks([P1, P2, '发布时间：2023年3月1日上午。'])).toBe(null);
    // A name of three characters, a sentence of six, a sentence without its end: no heading.
    expect(unnumberedTasks([P1, P2, '改造项：改造老旧小区12个。'])).toBe(null);
    expect(unnumberedTasks([P1, P2, '道路提升项目：完成改造。'])).toBe(null);
    expect(unnumberedTasks([P1, P2, '道路提升项目：完成道路改造5公里'])).toBe(null);
  });
});

describe('names the text takes up in turn', () => {
  it('each task runs from its name to the next, its leading marks and 「项目」 dropped', () => {
    expect(unnumberedTasks(['今年实施的重点项目为：东区学校、西区医院、南区公园。', '其中，东区学校项目，完成投资5亿元。西区医院，新建门诊楼1栋。', '南区公园：年底前竣工。'])).toEqual({
      before: ['今年实施的重点项目为：东区学校、西区医院、南区公园。'],
      roots: [task(1, '东区学校', ['完成投资5亿元。']), task(2, '西区医院', ['新建门诊楼1栋。']), task(3, '南区公园', ['年底前竣工。'])],
    });
  });

  // 「有：」 introduces no list of its own (below), so only the names' reading can find these tasks.
  it('a name the text does not take up in order reads nothing', () => {
    expect(unnumberedTasks(['今年实施的重点项目有：东区学校、西区医院、南区公园。', '南区公园年底前竣工，东区学校完成投资。'])).toBe(null);
    expect(unnumberedTasks(['今年实施的重点项目有：东区学校、西区医院、南区公园。', '东区学校完成投资，南区公园年底前竣工。'])).toBe(null);
  });

  it('names must be names: two to sixteen characters, no commas, three or more', () => {
    const text = '东区学校完成投资。西区医院新建门诊楼。南区公园年底前竣工。北区广场提升。';
    expect(unnumberedTasks(['重点项目有：东区学校、西区医院、南区公园。', text])?.roots).toHaveLength(3);
    expect(unnumberedTasks(['重点项目有：东区学校、西区医院。', text])).toBe(null);
    expect(unnumberedTasks(['重点项目有：东区学校、西区医院、南区公园，北区广场。', text])).toBe(null);
    expect(unnumberedTasks(['重点项目有：东区学校、西区医院、东、南区公园。', text])).toBe(null);
    // Sixteen characters, then seventeen.
    expect(unnumberedTasks(['重点项目有：东区学校、西区医院、南区公园北区广场配套设施一期工程。', `${text}南区公园北区广场配套设施一期工程。`])?.roots).toHaveLength(3);
    expect(unnumberedTasks(['重点项目有：东区学校、西区医院、南区公园和北区广场配套设施一期工程。', `${text}南区公园和北区广场配套设施一期工程。`])).toBe(null);
  });

  it('when the names are not taken up, a list introduced by 「为：」 still names the tasks', () => {
    expect(unnumberedTasks(['今年实施的重点项目为：东区学校、西区医院、南区公园。', '南区公园年底前竣工。'])).toEqual({
      before: ['今年实施的重点项目为：东区学校、西区医院、南区公园。'],
      roots: [task(1, '东区学校'), task(2, '西区医院'), task(3, '南区公园')],
    });
  });
});

describe('a list a sentence introduces', () => {
  it('items closed by 「；」 on lines of their own, each named by its first phrase', () => {
    expect(unnumberedTasks(['主要任务如下：', '交通惠民工程，新建停车位200个以上；', '教育提质工程，新建学校3所；', '医疗服务工程：新建社区卫生服务站5个。', '其他工作按计划推进。'])).toEqual({
      before: ['主要任务如下：'],
      roots: [
        task(1, '交通惠民工程', ['新建停车位200个以上']),
        task(2, '教育提质工程', ['新建学校3所']),
        task(3, '医疗服务工程', ['新建社区卫生服务站5个']),
      ],
    });
  });

  it('a blank line ends the list', () => {
    expect(unnumberedTasks(['主要任务如下：', '交通惠民工程，新建停车位200个以上；', '', '教育提质工程，新建学校3所；', '医疗服务工程：新建社区卫生服务站5个。'])).toBe(null);
  });

  it('a plain list of names 「甲、乙、丙。」', () => {
    expect(unnumberedTasks(['今年重点项目分别是体育中心建设、图书馆改造、文化广场提升。后续按计划推进。'])).toEqual({
      before: ['今年重点项目分别是体育中心建设、图书馆改造、文化广场提升。后续按计划推进。'],
      roots: [task(1, '体育中心建设'), task(2, '图书馆改造'), task(3, '文化广场提升')],
    });
  });

  it('items of fewer than four characters are no tasks', () => {
    expect(unnumberedTasks(['今年重点项目分别是体育馆、图书馆、文化广场提升。'])).toBe(null);
  });

  it('tries three introductions at most', () => {
    const failed = '工作分别是甲、乙。';
    expect(unnumberedTasks([failed, failed, '今年重点项目分别是体育中心建设、图书馆改造、文化广场提升。'])?.roots).toHaveLength(3);
    expect(unnumberedTasks([failed, failed, failed, '今年重点项目分别是体育中心建设、图书馆改造、文化广场提升。'])).toBe(null);
  });
});

describe('names closed by 「等N个」', () => {
  it('the count must be the number of names; the words of the sentence before them go', () => {
    expect(unnumberedTasks(['会议对体育中心建设、图书馆改造、文化广场提升等3个项目进行了审议。'])).toEqual({
      before: ['会议对体育中心建设、图书馆改造、文化广场提升等3个项目进行了审议。'],
      roots: [task(1, '体育中心建设'), task(2, '图书馆改造'), task(3, '文化广场提升')],
    });
    expect(unnumberedTasks(['正文。', '推进体育中心建设、图书馆改造、文化广场提升等三大工程。'])?.roots).toEqual([
      task(1, '推进体育中心建设'), task(2, '图书馆改造'), task(3, '文化广场提升'),
    ]);
    expect(unnumberedTasks(['会议对体育中心建设、图书馆改造、文化广场提升等4个项目进行了审议。'])).toBe(null);
  });
});
