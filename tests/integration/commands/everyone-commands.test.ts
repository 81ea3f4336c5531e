import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, at, type CommandHarness, OTHER, STAFF, startCommandHarness, wordsOf } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;

describe('/task (任务)', () => {
  it('shows the task with its people, deadline, targets and escaped last reports', async () => {
    await h.command(STAFF, '/report 1 进展顺利 <at id=all></at> **粗体**');
    const [m] = await h.command(OTHER, '/任务 1');
    const words = wordsOf(m!);
    expect(words).toContain('任务1');
    expect(words).toContain('完成时限');
    expect(words).toContain('张敏');
    expect(words).toContain('何建国');
    expect(words).toContain('最近进展');
    expect(words).toContain('&#60;at id&#61;all&#62;');
    expect(words).not.toContain('<at id=all>');
  });

  it.each([
    ['/task', '请指明任务'],
    ['/task 99', '没有找到任务「99」'],
    ['/task 培育', '对应多项任务'],
  ])('%s → a Chinese message with the usage', async (text, words) => {
    const [m] = await h.command(STAFF, text);
    expect(wordsOf(m!)).toContain(words);
    expect(wordsOf(m!)).toContain('用法：/task');
  });
});

describe('/report (汇报)', () => {
  it('records the report for the sender and answers with the confirmation card', async () => {
    const task = await db().task.findFirstOrThrow({ where: { code: '4' } });
    const replies = await h.command(STAFF, '/汇报 4 已完成60%，预计6月底完成');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.msgType).toBe('interactive');
    const r = await db().report.findFirstOrThrow({ where: { taskId: task.id, source: 'command' }, include: { person: true } });
    expect(r.person?.openId).toBe(STAFF);
    expect(r.rawText).toBe('已完成60%，预计6月底完成');
    expect(r.percent).toBe(60);
  });

  it.each([
    ['/report 2 进展顺利', '不是任务2的责任人'],
    ['/report 4', '请在任务编号后写明进展内容'],
    ['/report 99 进展', '没有找到任务「99」'],
  ])('%s → refused, nothing recorded', async (text, words) => {
    const before = await db().report.count();
    const [m] = await h.command(STAFF, text);
    expect(wordsOf(m!)).toContain(words);
    expect(await db().report.count()).toBe(before);
  });
});

describe('/leave (请假)', () => {
  it.each([
    ['/leave 5月1日-5月5日', '2022-05-01', '2022-05-05'],
    ['/请假 5月8日至5月9日', '2022-05-08', '2022-05-09'],
    ['/leave 2022-05-11~2022-05-12', '2022-05-11', '2022-05-12'],
    ['/leave 5月16日', '2022-05-16', '2022-05-16'],
  ])('%s records the leave and confirms the dates', async (text, from, to) => {
    const [m] = await h.command(STAFF, text);
    expect(wordsOf(m!)).toContain(`已登记请假：${from}`);
    const person = await db().person.findUniqueOrThrow({ where: { openId: STAFF } });
    expect(await db().leave.count({ where: { personId: person.id, fromDate: from, toDate: to } })).toBe(1);
    const entries = await db().auditEntry.findMany({ where: { action: 'leave.added', actor: STAFF } });
    expect(entries.some((e) => e.after?.includes(from))).toBe(true);
  });

  it.each([
    ['/leave 5月5日-5月1日', '晚于结束日期'],
    ['/leave 改天吧', '没有读懂请假日期'],
    ['/leave', '请写明请假日期'],
  ])('%s → a Chinese message with the usage, nothing stored', async (text, words) => {
    const before = await db().leave.count();
    const [m] = await h.command(STAFF, text);
    expect(wordsOf(m!)).toContain(words);
    expect(wordsOf(m!)).toContain('用法：/leave');
    expect(await db().leave.count()).toBe(before);
  });
});

describe('/history (历史)', () => {
  it('lists the task’s audit trail with names and actions in Chinese', async () => {
    const [m] = await h.command(ADMIN, '/历史 4');
    const words = wordsOf(m!);
    expect(words).toContain('任务4 变更记录');
    expect(words).toContain('张敏');
    expect(words).toContain('填报进展');
    expect(words).toContain('2022-04-11 10:00');
  });

  it('an unknown task is a Chinese error; a non-admin is refused', async () => {
    const [m] = await h.command(ADMIN, '/history 99');
    expect(wordsOf(m!)).toContain('没有找到任务「99」');
    const [refused] = await h.command(STAFF, '/history 4');
    expect(wordsOf(refused!)).toContain('只有管理员可以使用');
  });
});

describe('/status (本周进展)', () => {
  it('shows admins who has and has not reported this period', async () => {
    // 李强 was asked this week (2022-W15) for task 2; 张敏 reported on task 4 without being asked.
    const [task2, li] = [await db().task.findFirstOrThrow({ where: { code: '2' } }), await db().person.findUniqueOrThrow({ where: { openId: OTHER } })];
    const sent = at('2022-04-11T09:30:00');
    await db().nudge.create({ data: { key: 'checkin:2:2022-W15', taskId: task2.id, personId: li.id, period: '2022-W15', kind: 'checkin', state: 'sent', dueAt: sent, sentAt: sent, createdAt: sent } });
    const [m] = await h.command(ADMIN, '/本周进展');
    const words = wordsOf(m!);
    expect(words).toContain('本期填报情况');
    expect(words).toMatch(/任务4[^-]*已报：张敏/);
    expect(words).toMatch(/任务2[^-]*未报：李强/);
  });

  it('refuses everyone else', async () => {
    const [m] = await h.command(STAFF, '/status');
    expect(wordsOf(m!)).toContain('只有管理员可以使用');
  });
});
