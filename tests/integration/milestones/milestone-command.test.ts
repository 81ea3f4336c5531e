/**
 * /milestone N 完成: an owner (or an admin) marks the task's next open milestone (or its k-th) done; its
 * reminders stop (the sweep's input leaves it out); the refusals say why. `/milestone N` lists them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionWord, auditChangeWords } from '../../../bot/domain/audit-words.js';
import { loadScheduleInputs } from '../../../bot/store/nudge-store.js';
import { ADMIN, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
let taskId: number;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
  taskId = (await db().task.findFirstOrThrow({ where: { code: '1' } })).id;
  await db().milestone.createMany({
    data: [
      { taskId, position: 0, due: '2022-04-29', text: '4月底前完成摸底' },
      { taskId, position: 1, due: '2022-06-30', text: '6月底前完成评估' },
      { taskId, position: 2, due: '2022-09-30', text: '三季度完成认定申报' },
    ],
  });
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
async function say(from: string, text: string) {
  const answers = await h.command(from, text);
  return answers.filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');
}
const open = async () => (await loadScheduleInputs(db(), h.clock.now())).find((t) => t.taskId === taskId)!.openMilestones!.map((m) => m.due);

describe('/milestone', () => {
  it('lists the task’s milestones', async () => {
    const words = await say(STAFF, '/milestone 1');
    expect(words).toContain('任务1的时间节点');
    expect(words).toContain('1. 2022年4月29日 4月底前完成摸底');
    expect(words).toContain('3. 2022年9月30日 三季度完成认定申报');
  });

  it('refuses someone who is not the task’s owner, a task without milestones, a missing 完成 and a bad number', async () => {
    expect(await say(OTHER, '/milestone 1 完成')).toContain('您不是任务1的责任人，不能标记其时间节点');
    expect(await say(STAFF, '/milestone 4 完成')).toContain('任务4没有时间节点');
    expect(await say(STAFF, '/milestone 1 2 好了')).toContain('请在最后写「完成」');
    expect(await say(STAFF, '/milestone 1 9 完成')).toContain('任务1没有第 9 个时间节点（共 3 个）');
    expect(await open()).toEqual(['2022-04-29', '2022-06-30', '2022-09-30']);
  });

  it('marks the next open one done, audited; its reminders stop; the answer names the next', async () => {
    const words = await say(STAFF, '/milestone 1 完成');
    expect(words).toContain('已标记任务1的时间节点完成：2022年4月29日 4月底前完成摸底');
    expect(words).toMatch(/下一节点：6月30日 6月底前完成评估（还剩 \d+ 个工作日）/);
    expect(await open()).toEqual(['2022-06-30', '2022-09-30']);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: 'milestone.done', taskId } });
    expect(JSON.parse(entry.after!)).toMatchObject({ due: '2022-04-29', text: '4月底前完成摸底' });
    expect(auditActionWord(entry.action, entry.after)).toBe('时间节点完成');
    expect(auditChangeWords(entry.after)).toContain('节点日期：2022-04-29');
  });

  it('marks the k-th by number (an admin may too), and not twice', async () => {
    expect(await say(ADMIN, '/milestone 1 3 完成')).toContain('已标记任务1的时间节点完成：2022年9月30日 三季度完成认定申报');
    expect(await say(STAFF, '/milestone 1 3 完成')).toContain('该时间节点已于2022年4月11日标记完成');
    expect(await open()).toEqual(['2022-06-30']);
    expect(await say(STAFF, '/节点 1 完成')).toContain('该任务已没有未完成的时间节点');
    expect(await say(STAFF, '/milestone 1 完成')).toContain('任务1的时间节点都已完成');
  });
});
