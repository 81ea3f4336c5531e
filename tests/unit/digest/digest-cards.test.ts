/** digestCards: Feishu card JSON 2.0 for the seed digest, audiences, safety, and paging. */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import { DEFAULT_DIGEST } from '../../../bot/domain/digest/types.js';
import { digestCards } from '../../../bot/feishu/cards/digest-cards.js';
import { bodyOf, decode, expectValid, headerTitle, markdownOf, panelItems, topLevel } from './card-helpers.js';
import { bigInput, digestTask, INJECTION, seedInput, target } from './fixtures.js';

const model = buildDigest(seedInput());
const [groupCard, ...more] = digestCards(model, { audience: 'group' });
const adminCards = digestCards(model, { audience: 'admin' });

describe('the seed digest card', () => {
  it('is one valid card of JSON 2.0, under the size limit', () => {
    expect(more).toHaveLength(0);
    expectValid([groupCard!, ...adminCards]);
    expect(groupCard).toMatchObject({ schema: '2.0', config: { update_multi: true } });
  });

  it('has a header coloured by the worst light, naming the plan and the week', () => {
    expect(groupCard!.header).toEqual({
      title: { tag: 'plain_text', content: '重庆市綦江区科学技术局2022年工作要点 周报' },
      subtitle: { tag: 'plain_text', content: '第15周 4月11日–4月15日 · 时间进度28%' },
      template: 'red',
    });
    const calm = buildDigest(seedInput({ tasks: seedInput().tasks.filter((t) => ['1', '5', '10'].includes(t.code)) }));
    expect((digestCards(calm, { audience: 'group' })[0]!.header as { template: string }).template).toBe('green');
  });

  it('opens with the summary line of counts', () => {
    expect(bodyOf(groupCard!)[0]).toEqual({
      tag: 'markdown',
      content: '共23项 🔴4 🟡8 ⚪2 🟢9｜按计划 8 · 有风险 5 · 受阻 2 · 逾期 1 · 未报送 2 · 暂无进展 2 · 已完成（待确认） 1 · 已办结 1 · 已暂停 1｜时间进度28%',
    });
  });

  it('charts 完成进度 vs 时间进度 per target where the engine gives both, as plain JSON', () => {
    const [chart] = topLevel(groupCard!, 'chart');
    const spec = chart?.chart_spec as { type: string; seriesField: string; data: { values: { target: string; series: string; pct: number }[] } };
    expect(spec.type).toBe('bar');
    expect(spec.seriesField).toBe('series');
    expect(spec.data.values).toHaveLength(14);
    expect(spec.data.values.slice(0, 4)).toEqual([
      { target: '1 有效期高企', series: '完成进度', pct: 45 },
      { target: '1 有效期高企', series: '时间进度', pct: 14.4 },
      { target: '2 注册登记企业', series: '完成进度', pct: 16.7 },
      { target: '2 注册登记企业', series: '时间进度', pct: 28.1 },
    ]);
    expect(JSON.stringify(chart)).not.toMatch(/function|=>/);
  });

  it('has one panel per section, expanded when it holds a red or yellow task', () => {
    const panels = topLevel(groupCard!, 'collapsible_panel');
    expect(panels.map((p) => p.expanded)).toEqual([true, true, true, true, true, true, false]);
    expect((panels[0]!.header as { title: { content: string } }).title.content).toBe('🔴 **一、着力培育创新主体**（3项 🔴1 🟡1 🟢1）');
    expect((panels[5]!.header as { title: { content: string } }).title.content).toBe('🔴 **六、营造科技创新生态**（4项 🔴1 🟡1 ⚪1 🟢1）');
    const items = panelItems([groupCard!]);
    expect(items.map((s) => /任务(\S+) /.exec(s)?.[1])).toEqual([...Array.from({ length: 22 }, (_, i) => String(i + 1)), '七']);
    expect(items[0]).toBe(
      [
        '🟢 **任务1 培育高新技术企业**｜按计划｜张三｜时限12月31日',
        '　· 有效期高企 118/140家 · 完成目标的84%，较基数100完成45%，时间14%',
        '　最新进展（4月14日）：「已有118家，按计划推进」',
        '　本周变化：有效期高企 112→118',
      ].join('\n'),
    );
    expect(items[1]).toContain('注册登记企业 20/120家 · 完成17%，时间28%，严重落后序时，序时应达34家');
    expect(items[11]!.split('\n')[0]).toBe('🟢 **任务12 提质农业创新平台**｜已完成（待确认）｜责任人12｜时限12月31日');
    expect(items[9]!.split('\n')[0]).toBe('🟢 **任务10 推进成果转化**｜已办结｜责任人10｜时限12月31日');
    expect(items[21]!.split('\n')[0]).toBe('⚪ **任务22 营造科技创新氛围**｜已暂停｜责任人22｜时限12月31日');
    expect(items[18]!.split('\n')[0]).toBe('🔴 **任务19 深化科技体制改革**｜受阻｜责任人19｜时限2023年3月31日（原定12月31日）');
    expect(items[1]).toContain('本周变化：按计划→有风险；🟢→🔴；注册登记企业 12→20');
  });

  it('lists what needs leaders, and what is due in the next two weeks', () => {
    const md = markdownOf(groupCard!);
    const at = md.indexOf('**🔔 需要领导关注（5项）**');
    expect(at).toBe(1);
    expect(md.slice(2, 7).map((s) => s.split('\n')[0])).toEqual([
      '🔴 **任务2 培育科技型企业**｜有风险｜责任人2',
      '🔴 **任务4 强力推进国高创建**｜受阻｜责任人4',
      '🔴 **任务7 指导科技统计**｜逾期｜责任人7',
      '🟡 **任务13 提效科技推广服务**｜有风险｜责任人13',
      '🔴 **任务19 深化科技体制改革**｜受阻｜责任人19',
    ]);
    expect(md[2]).toContain('指标落后：注册登记企业 20/120家 · 完成17%，时间28%，严重落后序时，序时应达34家');
    expect(md[3]).toContain('受阻：「缺少国家高新区评估专家，需区政府协调」');
    expect(md[4]).toContain('已逾期10个工作日（时限3月31日）');
    expect(md[5]).toContain('申请延期至2023年3月31日（赵六：设备未到位，需延期到明年一季度）');
    const due = md.indexOf('**⏰ 近两周到期（2项）**');
    expect(md.slice(due + 1, due + 3)).toEqual([
      '🟡 任务14 提高绿色产品比例 — 4月22日到期（还剩5个工作日） · 暂无进展',
      '🟢 任务8 组织项目申报 — 4月28日到期（还剩10个工作日） · 按计划',
    ]);
  });

  it('shows who has not reported only to admins, or when asked', () => {
    const has = (cards: Record<string, unknown>[]) => cards.some((c) => markdownOf(c).some((s) => s.includes('📭 未报送')));
    expect(has([groupCard!])).toBe(false);
    expect(has(adminCards)).toBe(true);
    expect(has(digestCards(model, { audience: 'group', showMissing: true }))).toBe(true);
    expect(has(digestCards(buildDigest(seedInput(), { ...DEFAULT_DIGEST, showMissingInGroup: true }), { audience: 'group' }))).toBe(true);
    const md = markdownOf(adminCards[0]!);
    const at = md.indexOf('**📭 未报送（2人）**');
    expect(md.slice(at + 1)).toEqual(['王五：任务3 培育高成长企业、任务16 加强政府基金管理', '周八：任务16 加强政府基金管理']);
  });
});

describe('edge plans', () => {
  it('renders an empty plan as one valid grey card', () => {
    const empty = buildDigest(seedInput({ tasks: [] }));
    const cards = digestCards(empty, { audience: 'admin' });
    expect(cards).toHaveLength(1);
    expectValid(cards);
    expect((cards[0]!.header as { template: string }).template).toBe('grey');
    expect(markdownOf(cards[0]!)).toEqual([
      '共0项｜按计划 0 · 有风险 0 · 受阻 0 · 逾期 0 · 未报送 0｜时间进度28%',
      '**🔔 需要领导关注（0项）**：本周无',
      '**⏰ 近两周到期（0项）**：10个工作日内无到期任务',
      '**📭 未报送（0人）**：本期尚未催报',
    ]);
  });

  it('groups tasks outside any section under 其他任务', () => {
    const input = seedInput();
    input.tasks = input.tasks.slice(0, 2).map((t) => ({ ...t, section: null }));
    const m = buildDigest(input);
    expect(m.sections.map((s) => [s.ordinal, s.title, s.tasks.length])).toEqual([[null, '其他任务', 2]]);
    expectValid(digestCards(m, { audience: 'group' }));
  });
});

describe('user text is shown literally, never as markup', () => {
  const json = JSON.stringify(adminCards);
  it('escapes report words: no mention, no link, no emphasis', () => {
    expect(json).not.toContain('<at');
    expect(json).not.toContain('](');
    expect(json).not.toContain('https://evil');
    const line = markdownOf(adminCards[0]!).find((s) => s.includes('任务11 '));
    expect(decode(line ?? '')).toContain(`「${INJECTION}」`);
  });

  it('escapes plan strings and names in markdown; the plain_text header shows them as harmless look-alikes', () => {
    const input = seedInput();
    input.plan.title = '<at id=all></at>工作要点';
    input.tasks[0] = digestTask('1', {
      title: '[链接](http://x.example) <at id=all></at>',
      owners: [{ personId: 1, name: '<at ids=ou_1,ou_2></at>' }],
      targets: [target(101, '**高企**', 140, '<at>家', 'level', [['2022-04-14 10:00', 118]])],
    });
    const cards = digestCards(buildDigest(input), { audience: 'admin' });
    expectValid(cards);
    const md = cards.flatMap(markdownOf);
    expect(md.join('\n')).not.toMatch(/<at|\]\(|\*\*高企/);
    expect(md.map(decode).join('\n')).toContain('**高企** 118/140<at>家');
    expect(md.map(decode).join('\n')).toContain('[链接](http://x.example) <at id=all></at>');
    expect(headerTitle(cards[0]!)).toBe('＜at id=all＞＜/at＞工作要点 周报'); // plain_text: full-width look-alikes, read as typed
  });
});

describe('paging a big plan', () => {
  const big = buildDigest(bigInput(500));
  const cards = digestCards(big, { audience: 'admin' });

  it('splits 500 tasks into several valid cards, each headed with its page', () => {
    expect(cards.length).toBeGreaterThan(2);
    expectValid(cards);
    cards.forEach((c, i) => expect(headerTitle(c)).toBe(`重庆市綦江区科学技术局2022年工作要点 周报（第${i + 1}/${cards.length}页）`));
  });

  it('shows every task exactly once, in plan order', () => {
    const codes = panelItems(cards).map((s) => /\*\*任务(\d+) /.exec(s)?.[1]);
    expect(codes).toEqual(Array.from({ length: 500 }, (_, i) => String(i + 1)));
  });

  it('continues a section across pages under a 「（续）」 panel, and keeps every list whole', () => {
    const headers = cards.flatMap((c) => topLevel(c, 'collapsible_panel').map((p) => (p.header as { title: { content: string } }).title.content));
    expect(headers.some((h) => h.endsWith('（续）'))).toBe(true);
    const md = cards.flatMap(markdownOf);
    const attention = md.filter((s) => /^(🔴|🟡|🟢|⚪) \*\*任务\d+ /.test(s) && !s.includes('｜时限'));
    expect(attention).toHaveLength(big.needsLeaders.length);
    const due = md.filter((s) => s.includes('到期（还剩'));
    expect(due).toHaveLength(big.dueSoon.length);
    expect(md.filter((s) => /^责任人\d+：/.test(s))).toHaveLength(big.missing.length);
    expect(md.some((s) => s.includes(`图表只画出12项指标（共${big.chart.length}项，落后序时的优先）`))).toBe(true);
  });

  it('trims an oversized task’s words, never the task', () => {
    const input = seedInput();
    input.tasks[2] = digestTask('3', {
      title: '超长标题'.repeat(2000),
      owners: Array.from({ length: 300 }, (_, i) => ({ personId: 9000 + i, name: `名字很长的责任人${i}` })),
      targets: Array.from({ length: 400 }, (_, i) => target(50_000 + i, `很长很长的指标名称第${i}项`, 100, '项', 'cumulative', [['2022-04-14 10:00', 1]], { paceNote: '说明'.repeat(100) })),
    });
    const cards = digestCards(buildDigest(input), { audience: 'admin' });
    expectValid(cards);
    const items = panelItems(cards);
    expect(items.map((s) => /\*\*任务(\S+) /.exec(s)?.[1])).toEqual([...Array.from({ length: 22 }, (_, i) => String(i + 1)), '七']);
    expect(items[2]).toMatch(/另有\d+项指标未列出/);
  });
});
