/** /deadline, /target, /cadence, /pause, /resume, /done and /undo through the whole path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, OTHER, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';
import { startCommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const task = (code: string) => db().task.findFirstOrThrow({ where: { code }, include: { targets: { orderBy: { position: 'asc' } } } });
/** The bot's answer to the admin (those it tells come in their own chats). */
const say = async (text: string, mentions?: string[]) =>
  wordsOf((await h.command(ADMIN, text, mentions ? { mentions } : {})).find((m) => m.chatId === h.fake.p2pChatOf(ADMIN))!);

describe('/deadline (截止)', () => {
  it.each([
    ['/deadline 2 2022-06-30', '2022-06-30'],
    ['/截止 2 9月底', '2022-09-30'],
    ['/deadline 2 下周五', '2022-04-22'],
  ])('%s → %s, audited, owners told', async (text, date) => {
    const before = (await task('2')).deadline;
    expect(await say(text)).toContain(date);
    expect((await task('2')).deadline).toBe(date);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'task.deadline' }, orderBy: { id: 'desc' } });
    expect(JSON.parse(entry.before!)).toEqual({ deadline: before });
    expect(JSON.parse(entry.after!)).toEqual({ deadline: date });
    expect(h.fake.messagesTo(OTHER).some((m) => wordsOf(m).includes(`调整为 ${date}`))).toBe(true);
  });

  it.each([
    ['/deadline 2 明年的某天', '无法识别日期'],
    ['/deadline 2', '无法识别日期'],
    ['/deadline 999 6月底', '没有找到任务'],
  ])('%s → %s', async (text, words) => {
    const before = (await task('2')).deadline;
    const reply = await say(text);
    expect(reply).toContain(words);
    expect(reply).toContain('用法：/deadline');
    expect((await task('2')).deadline).toBe(before);
  });
});

describe('/target (目标)', () => {
  it('changes the k-th target and audits it; bad k or value is refused', async () => {
    const t = await task('2');
    expect(t.targets.length).toBeGreaterThan(0);
    expect(await say('/目标 2 1 2500')).toContain('改为 2500');
    expect((await task('2')).targets[0]!.value).toBe(2500);
    expect(await db().auditEntry.count({ where: { action: 'task.target', taskId: t.id } })).toBe(1);
    expect(await say(`/target 2 ${t.targets.length + 1} 5`)).toContain(`只有 ${t.targets.length} 项指标`);
    expect(await say('/target 2 1 很多')).toContain('请写明新的指标数值');
    expect(await say('/target 2')).toContain('请写明第几项指标');
  });
});

describe('/cadence and status', () => {
  it('/cadence takes English and Chinese words', async () => {
    expect(await say('/cadence 3 monthly')).toContain('每月');
    expect((await task('3')).cadence).toBe('monthly');
    expect(await say('/频次 3 关闭')).toContain('不催办');
    expect((await task('3')).cadence).toBe('off');
    expect(await say('/cadence 3 hourly')).toContain('请写明频次');
  });

  it('/pause, /resume, /done change the lifecycle through its transitions, with an audit entry', async () => {
    expect(await say('/暂停 4')).toContain('已暂停');
    expect((await task('4')).status).toBe('paused');
    expect(await say('/pause 4')).toContain('未作修改');
    expect(await say('/恢复 4')).toContain('进行中');
    expect((await task('4')).status).toBe('active');
    expect(await say('/办结 4')).toContain('已办结');
    expect((await task('4')).status).toBe('closed');
    expect(await db().auditEntry.count({ where: { action: 'task.lifecycle', taskId: (await task('4')).id } })).toBe(3);
    expect(await say('/done')).toContain('请指明任务');
  });
});

describe('/undo (撤销)', () => {
  it('undoes the admin’s changes one by one, newest first', async () => {
    expect(await say('/undo')).toContain('任务4的任务状态');
    expect((await task('4')).status).toBe('active');
    expect(await say('/撤销')).toContain('任务4的任务状态');
    expect((await task('4')).status).toBe('paused');
    await say('/undo');
    expect((await task('4')).status).toBe('active');
    await say('/undo');
    await say('/undo');
    expect((await task('3')).cadence).toBe('weekly');
    expect(await say('/undo')).toContain('指标');
    expect((await task('2')).targets[0]!.value).not.toBe(2500);
    expect(await db().auditEntry.count({ where: { action: 'undo', actor: ADMIN } })).toBe(6);
  });

  it('undoes a reassignment as one change', async () => {
    const before = await db().assignment.findMany({ where: { task: { code: '5' }, active: true }, select: { personId: true, role: true } });
    await say('/reassign 5 {@0}', [OTHER]);
    expect(await say('/undo')).toContain('任务5');
    const after = await db().assignment.findMany({ where: { task: { code: '5' }, active: true }, select: { personId: true, role: true } });
    const key = (a: { personId: number; role: string }) => `${a.personId}:${a.role}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
  });
});
