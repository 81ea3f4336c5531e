/** /reassign, /unassign, /leader through the whole path; nudges follow the new owner; non-admins are refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../jobs/queues.js';
import { runSweep } from '../../../jobs/processors/nudge-sweep.js';
import { ADMIN, OTHER, STAFF, wordsOf, type CommandHarness, drainNudges } from '../../helpers/command-harness.js';
import { startCommandHarness } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo';
const WANG = 'ou_demo_wangfang';
let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const toAdmin = (ms: Awaited<ReturnType<CommandHarness['command']>>) => wordsOf(ms.find((m) => m.chatId === h.fake.p2pChatOf(ADMIN))!);
async function owners(code: string, role = 'owner') {
  const rows = await db().assignment.findMany({ where: { task: { code }, role, active: true }, include: { person: true } });
  return rows.map((a) => a.person.openId).sort();
}

describe('non-admins are refused', () => {
  it.each([
    '/reassign 1 {@0}', '/unassign 1 {@0}', '/leader 1 {@0}', '/deadline 1 6月底', '/target 2 1 100', '/cadence 1 off',
    '/pause 1', '/resume 1', '/done 1', '/undo', '/admins add {@0}', '/转办 1 {@0}',
  ])('%s', async (text) => {
    const before = await db().auditEntry.count({ where: { action: { not: 'command.refused' } } });
    const [m] = await h.command(STAFF, text, text.includes('{@0}') ? { mentions: [STAFF] } : {});
    expect(wordsOf(m!)).toContain('只有管理员可以使用');
    expect(await db().auditEntry.count({ where: { action: { not: 'command.refused' } } })).toBe(before);
  });
});

describe('/reassign (转办)', () => {
  it('moves ownership, tells both, and future nudges go to the new owner', async () => {
    const task = await db().task.findFirstOrThrow({ where: { code: '1' } });
    const staff = await db().person.findUniqueOrThrow({ where: { openId: STAFF } });
    const key = `${task.id}:${staff.id}:2022-W15:checkin`;
    await db().nudge.create({ data: { key, taskId: task.id, personId: staff.id, period: '2022-W15', kind: 'checkin', dueAt: h.clock.now(), state: 'pending', createdAt: h.clock.now() } });

    const replies = await h.command(ADMIN, '/转办 1 {@0}', { mentions: [OTHER] });
    expect(toAdmin(replies)).toContain('转办给李强');
    expect(await owners('1')).toEqual([OTHER]);
    expect(h.fake.messagesTo(STAFF).some((m) => wordsOf(m).includes('您不再负责该任务'))).toBe(true);
    expect(h.fake.messagesTo(OTHER).some((m) => wordsOf(m).includes('您被指派为任务1'))).toBe(true);
    expect(await db().auditEntry.count({ where: { taskId: task.id, actor: ADMIN, action: { in: ['assignment.ended', 'assignment.added'] } } })).toBe(2);

    await h.bot.deps.queues.nudges.add('send-nudge', { key }, { jobId: jobIdFor('nudge', key) });
    await drainNudges(h);
    expect((await db().nudge.findUniqueOrThrow({ where: { key } })).state).toBe('cancelled');

    h.clock.set(new Date('2022-04-15T01:00:00Z'));
    await runSweep(h.bot.deps);
    await drainNudges(h);
    const after = await db().nudge.findMany({ where: { taskId: task.id, key: { not: key } }, include: { person: true } });
    expect(after.some((n) => n.person.openId === OTHER)).toBe(true);
    expect(after.some((n) => n.person.openId === STAFF)).toBe(false);
  });

  it('with @from only that owner is replaced', async () => {
    await h.command(ADMIN, '/reassign 6 {@0} {@1}', { mentions: [WANG, STAFF] });
    expect(await owners('6')).toEqual([STAFF]);
  });

  it.each([
    ['/reassign 99 {@0}', '没有找到任务「99」'],
    ['/reassign 7', '请 @ 新责任人'],
    ['/reassign 7 {@0} {@1}', '不是该任务的责任人'],
  ])('%s → Chinese message with usage, nothing changes', async (text, words) => {
    const before = await db().assignment.count();
    const [m] = await h.command(ADMIN, text, { mentions: [STAFF, OTHER].slice(0, (text.match(/\{@\d\}/g) ?? []).length) });
    expect(wordsOf(m!)).toContain(words);
    expect(wordsOf(m!)).toContain('用法：/reassign');
    expect(await db().assignment.count()).toBe(before);
  });
});

describe('/unassign and /leader', () => {
  it('/unassign ends an owner and tells them', async () => {
    const replies = await h.command(ADMIN, '/unassign 6 {@0}', { mentions: [STAFF] });
    expect(toAdmin(replies)).toContain('已取消任务6');
    expect(await owners('6')).toEqual([]);
    expect(h.fake.messagesTo(STAFF).some((m) => wordsOf(m).includes('您已不再是任务6'))).toBe(true);
    const [again] = await h.command(ADMIN, '/取消指派 6 {@0}', { mentions: [STAFF] });
    expect(wordsOf(again!)).toContain('未作修改');
  });

  it('/leader replaces the active leader', async () => {
    expect(await owners('7', 'leader')).toEqual([LEADER]);
    const replies = await h.command(ADMIN, '/责任领导 7 {@0}', { mentions: [WANG] });
    expect(toAdmin(replies)).toContain('责任领导设为王芳');
    expect(await owners('7', 'leader')).toEqual([WANG]);
    const [bad] = await h.command(ADMIN, '/leader 7');
    expect(wordsOf(bad!)).toContain('请 @ 一位责任领导');
  });
});
