/**
 * The bureau's paper (推进情况 / 工作总结（初稿）): built from a real store, read back with mammoth — the
 * title, the sections, each task with its 牵头单位 and the owners' words, the engine's numbers, and a
 * user's markup arriving as text; and `workplan report` writing the file.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseWorkCalendar } from '../../../bot/domain/calendar/chinese-calendar.js';
import { atShanghai } from '../../../bot/domain/calendar/shanghai-time.js';
import { buildPaper, PAPER_LIMITS } from '../../../bot/domain/papers/model.js';
import { paperPeriod } from '../../../bot/domain/papers/period.js';
import { buildPaperFile } from '../../../bot/papers/build-paper.js';
import { createReport } from '../../../bot/store/reports.js';
import { loadTaskStates } from '../../../bot/store/task-states.js';
import { pacePhrase, phraseText } from '../../../bot/domain/task-state/phrases.js';
import { seedPlan } from '../../helpers/seed.js';
import { tempStore } from '../../helpers/temp-store.js';
import { CLI_ENTRY as BIN } from '../../helpers/cli-entry.js';

const run = promisify(execFile);
const T0 = new Date('2022-03-21T01:00:00Z');
const AT = atShanghai('2022-04-15', '16:00');
const calendar = chineseWorkCalendar();
const HOSTILE = '<script>alert(1)</script> & <w:t>注入</w:t> {MERGEFIELD x}';
const CONTROL = '控制\u0001字符\u000b与\ud800孤立代理';

let store: Awaited<ReturnType<typeof tempStore>>;
let planId: number;

const text = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value;

beforeAll(async () => {
  store = await tempStore();
  const db = store.db;
  planId = (await seedPlan(db, { now: T0 })).planId;
  const task = (code: string) => db.task.findFirstOrThrow({ where: { code }, include: { targets: { orderBy: { position: 'asc' } } } });
  const person = async (openId: string) => (await db.person.findUniqueOrThrow({ where: { openId } })).id;
  const report = async (code: string, openId: string, at: string, rawText: string, status: string | null, values: (t: Awaited<ReturnType<typeof task>>) => { targetId: number; value: number; unit: string }[], expectedOn: string | null = null) => {
    const t = await task(code);
    return createReport(db, { period: '2022-W14', percent: null, expectedOn, source: 'text', messageId: null, taskId: t.id, personId: await person(openId), rawText, status, values: values(t), actor: openId, now: new Date(at) });
  };
  await report('1', 'ou_demo_zhangmin', '2022-03-25T02:00:00Z', '三月的报送：高企110家', 'on_track', (t) => [{ targetId: t.targets[0]!.id, value: 110, unit: '家' }]);
  await report('1', 'ou_demo_zhangmin', '2022-04-08T02:30:00Z', '有效期高企已有118家，按计划推进', 'on_track', (t) => [{ targetId: t.targets[0]!.id, value: 118, unit: '家' }], '2022-11-30');
  await report('11', 'ou_demo_chenjing', '2022-04-10T06:00:00Z', '科技成果登记45项，技术合同登记8500万元', 'on_track', (t) => [
    { targetId: t.targets[0]!.id, value: 45, unit: '项' },
    { targetId: t.targets[1]!.id, value: 0.85, unit: '亿元' },
  ]);
  await report('2', 'ou_demo_liqiang', '2022-04-13T08:30:00Z', HOSTILE, 'blocked', () => []);
  await report('3', 'ou_demo_liqiang', '2022-04-14T08:30:00Z', '长'.repeat(5000), 'on_track', () => []);
  await report('4', 'ou_demo_zhangmin', '2022-04-14T09:30:00Z', CONTROL, null, () => []);
});
afterAll(async () => store?.cleanup());

describe('the month’s 推进情况', () => {
  it('has the title with the plan and the month, the date, the summary and each section and task', async () => {
    const paper = await buildPaperFile(store.db, { planId, kind: 'month', now: AT, calendar });
    const words = await text(paper.bytes);
    const plan = await store.db.plan.findUniqueOrThrow({ where: { id: planId } });
    expect(paper.model.title).toContain(`${plan.title}推进情况（4月）`);
    expect(words.split('\n')[0]).toBe(paper.model.title);
    expect(words).toContain('2022年4月15日');
    expect(words).toContain('一、总体情况');
    expect(words).toContain('二、分项推进情况');
    const states = await loadTaskStates(store.db, { planId, now: AT, calendar });
    expect(words).toContain(`共${states.tasks.length}项任务`);
    expect(words).toContain('本期（4月）共收到5条进展报送，涉及5项任务');
    for (const t of states.tasks) expect(words).toContain(`${t.code}. ${t.title}`);
    for (const s of paper.model.sections) expect(words).toContain(s.heading.replace(/^[一二三四五六七八九十]+、/, ''));
    expect(words).toContain('牵头单位：');
    expect(words).toContain('完成情况：');
    expect(words).toContain('存在问题：');
    expect(words).toContain('下步打算：');
  });

  it('quotes the period’s reports in the owners’ words with their names, and nothing from before the month', async () => {
    const words = await text((await buildPaperFile(store.db, { planId, kind: 'month', now: AT, calendar })).bytes);
    expect(words).toContain('4月8日（张敏）：有效期高企已有118家，按计划推进');
    expect(words).toContain('预计11月30日完成');
    expect(words).not.toContain('三月的报送');
    expect(words).toContain('本期无报送。');
  });

  it('shows the engine’s numbers: the targets table and the key targets with the engine’s pace words', async () => {
    const paper = await buildPaperFile(store.db, { planId, kind: 'month', now: AT, calendar });
    const words = await text(paper.bytes);
    const states = await loadTaskStates(store.db, { planId, now: AT, calendar });
    const t11 = states.tasks.find((t) => t.code === '11')!;
    for (const g of t11.state.targets) {
      expect(words).toContain(phraseText(pacePhrase(g, { periodStart: states.plan.periodStart })));
      expect(words).toContain(g.label);
    }
    expect(words).toContain('45项');
    expect(words).toContain('0.85亿元');
    for (const h of ['指标', '目标', '最新', '完成', '序时', '进度评价']) expect(words).toContain(h);
  });

  it('carries a user’s markup and ampersands as text, and blocked words under 存在问题', async () => {
    const paper = await buildPaperFile(store.db, { planId, kind: 'month', now: AT, calendar });
    const words = await text(paper.bytes);
    expect(words).toContain(HOSTILE);
    expect(words).toContain(`责任人反映：${HOSTILE}`);
    expect(words).toContain('受阻');
    expect(words).toMatch(/控制字符 ?与\uFFFD*孤立代理/); // XML's forbidden characters dropped, the file opens (\v is white space; SQLite keeps a lone surrogate as U+FFFD)
    expect(words).not.toContain('\u0001');
    const html = (await mammoth.convertToHtml({ buffer: paper.bytes })).value;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('bounds each task: a 5000-character report is trimmed', async () => {
    const paper = await buildPaperFile(store.db, { planId, kind: 'month', now: AT, calendar });
    const t3 = paper.model.sections.flatMap((s) => s.tasks).find((t) => t.heading.startsWith('3. '))!;
    expect(t3.done.join('').length).toBeLessThanOrEqual(PAPER_LIMITS.taskChars + 50);
    expect(await text(paper.bytes)).not.toContain('长'.repeat(PAPER_LIMITS.reportChars + 1));
  });
});

describe('下步打算', () => {
  it('names the next milestone (时间节点) as the engine gives it', async () => {
    const states = await loadTaskStates(store.db, { planId, now: AT, calendar });
    const t = states.tasks[0]!;
    const model = buildPaper({
      plan: { title: states.plan.title, issuer: null, year: 2022, periodStart: states.plan.periodStart },
      period: paperPeriod('month', states.ctx.today), today: states.ctx.today, reports: [],
      tasks: [{ ...t, state: { ...t.state, nextMilestone: { id: 1, due: '2022-06-30', text: '完成评估', workdaysLeft: 50, daysLeft: 73 } } }],
    });
    expect(model.sections[0]!.tasks[0]!.next).toContain('下一节点：6月30日完成评估（还剩 50 个工作日）');
  });
});

describe('the week’s report and the summaries', () => {
  it('a week counts only the week’s reports', async () => {
    const paper = await buildPaperFile(store.db, { planId, kind: 'week', now: AT, calendar });
    expect(paper.model.title).toContain('推进情况（第15周（4月11日至4月17日））');
    expect(paper.reportCount).toBe(3);
  });

  it('the half year drafts the 工作总结（初稿） with the period’s reports merged per task', async () => {
    const paper = await buildPaperFile(store.db, { planId, kind: 'half', now: AT, calendar });
    const words = await text(paper.bytes);
    expect(paper.model.title).toMatch(/2022年上半年工作总结（初稿）$/);
    for (const h of ['一、总体情况', '二、主要工作及成效', '三、存在的问题', '四、下一步工作打算']) expect(words).toContain(h);
    expect(words).toContain('三月的报送：高企110家');
    expect(words).toContain('有效期高企已有118家，按计划推进；3月25日（张敏）：三月的报送');
    expect(paper.reportCount).toBe(6);
  });

  it('the year is the 全年工作总结（初稿）', async () => {
    const paper = await buildPaperFile(store.db, { planId, kind: 'year', now: AT, calendar });
    expect(paper.model.title).toMatch(/2022年工作总结（初稿）$/);
  });
});

describe('workplan report', () => {
  const cli = async (...args: string[]) => {
    const env = { ...process.env, DATABASE_URL: store.url, TZ: 'America/Los_Angeles' };
    try {
      return { code: 0, ...(await run(process.execPath, [BIN, 'report', ...args], { env, cwd: store.dir })) };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('writes the .docx and says what it wrote', async () => {
    const out = join(store.dir, '月报.docx');
    const r = await cli('--kind', 'month', '--at', '2022-04-15', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('推进情况（4月）');
    expect(await text(readFileSync(out))).toContain('二、分项推进情况');
  }, 30_000);

  it('refuses a missing or unknown kind and a file that is not .docx, with the usage', async () => {
    expect(await cli('--out', 'x.docx')).toMatchObject({ code: 2, stderr: expect.stringContaining('请用 --kind 指定类型') });
    expect(await cli('--kind', 'day', '--out', 'x.docx')).toMatchObject({ code: 2, stderr: expect.stringContaining('不认识的类型「day」') });
    expect(await cli('--kind', 'month', '--out', 'x.pdf')).toMatchObject({ code: 2, stderr: expect.stringContaining('应以 .docx 结尾') });
  }, 30_000);
});
