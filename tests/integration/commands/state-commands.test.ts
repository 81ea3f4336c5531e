/**
 * /status, /mine, /task and /pace render the task-state engine's state through the whole path
 * (fake Feishu, real SDK, Redis, store): on a fresh store nobody was asked (「未催报」, never
 * 「全部报送」); asked and reported, asked and not, paused and closed tasks; a task's light and its
 * reason, its deadline with the plan's beside it when extended, each target's latest value and pace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, at, OTHER, STAFF, startCommandHarness, wordsOf, type BotMessage, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // Monday 11 April 2022 10:00, check-in week 2022-W15
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
/** A card's words as Feishu shows them (the bot's entity escapes decoded). */
const shown = (m: BotMessage | undefined) => wordsOf(m!).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
const taskId = async (code: string) => (await db().task.findFirstOrThrow({ where: { code } })).id;

async function checkInSent(code: string, openId: string) {
  const [task, person] = [await taskId(code), await db().person.findUniqueOrThrow({ where: { openId } })];
  const sent = at('2022-04-11T09:30:00');
  await db().nudge.create({ data: { key: `checkin:${code}:2022-W15`, taskId: task, personId: person.id, period: '2022-W15', kind: 'checkin', state: 'sent', dueAt: sent, sentAt: sent, createdAt: sent } });
}

describe('a fresh store: nobody asked yet', () => {
  it('/status says no check-in went out, and never 「全部报送」', async () => {
    const words = shown((await h.command(ADMIN, '/status'))[0]);
    expect(words).toContain('本期填报情况（本期尚未催报）');
    expect(words).toMatch(/任务2[^-]*：未催报/);
    expect(words).toContain('已报 0 · 未报 0 · 未催报 ');
    expect(words).not.toContain('全部报送');
    expect(words).not.toContain('未报：');
  });

  it('/mine shows each task’s light, deadline and state', async () => {
    const words = shown((await h.command(STAFF, '/mine'))[0]);
    expect(words).toContain('- ⚪ **任务1** 培育高新技术企业（责任人）｜截止 12月31日｜暂无进展');
    expect(words).toContain('- ⚪ **任务4** 强力推进国高创建（责任人）｜截止 12月31日｜暂无进展');
  });

  it('/task shows the state, the light and why', async () => {
    const words = shown((await h.command(OTHER, '/task 1'))[0]);
    expect(words).toContain('**状态**：暂无进展｜⚪ 无灯：尚无进展');
    expect(words).toMatch(/\*\*完成时限\*\*：12月31日[^｜]*｜还剩 \d+ 个工作日/);
    expect(words).toContain('- 有效期高企：目标 140家｜最新 未填报');
  });
});

describe('asked, reported, paused, closed', () => {
  beforeAll(async () => {
    await checkInSent('2', OTHER);
    await checkInSent('4', STAFF);
    await h.command(STAFF, '/report 4 进展顺利');
    await db().task.update({ where: { id: await taskId('3') }, data: { status: 'paused' } });
    await db().task.update({ where: { id: await taskId('5') }, data: { status: 'closed' } });
  });

  it('/status counts the tasks asked and reported, names who reported and who did not', async () => {
    const words = shown((await h.command(ADMIN, '/本周进展'))[0]);
    expect(words).toContain('本期填报情况（已催报2项，已报1项）');
    expect(words).toContain('已报 1 · 未报 1 · 未催报 ');
    expect(words).toMatch(/🟡 \*\*任务2\*\* 培育科技型企业：未报：李强/);
    expect(words).toMatch(/\*\*任务4\*\* 强力推进国高创建：已报：张敏/);
    expect(words).toMatch(/任务1\*\* 培育高新技术企业：未催报/);
    expect(words).not.toMatch(/\*\*任务3\*\*/);
    expect(words).toContain('另有（本期无需报送）：已暂停1项、已办结1项');
    expect(words).not.toContain('全部报送');
  });

  it('/status says 「催报的已全部报送」 once everyone asked has reported', async () => {
    await h.command(OTHER, '/report 2 按计划推进');
    const words = shown((await h.command(ADMIN, '/status'))[0]);
    expect(words).toContain('本期填报情况（已催报2项，已报2项，催报的已全部报送）');
  });

  it('/mine shows the lifecycle of a paused task', async () => {
    const words = shown((await h.command(OTHER, '/mine'))[0]);
    expect(words).toContain('- ⚪ **任务3** 培育高成长企业（责任人）｜截止 12月31日｜已暂停');
    expect(words).toMatch(/- 🟢 \*\*任务2\*\* 培育科技型企业（责任人）｜截止 12月31日｜按计划/);
  });

  it('/task of a closed task reads 已办结', async () => {
    const words = shown((await h.command(STAFF, '/task 5'))[0]);
    expect(words).toContain('**状态**：已办结｜🟢 绿灯：已办结');
  });
});

describe('a target’s pace, the extended deadline', () => {
  beforeAll(async () => {
    await h.command(STAFF, '/report 1 有效期高企118家，按计划推进');
    h.clock.set(at('2022-04-18T10:00:00'));
    await h.command(STAFF, '/report 1 有效期高企121家，按计划推进');
    await db().task.update({ where: { id: await taskId('1') }, data: { deadline: '2023-03-31', plannedDeadline: '2022-12-31' } });
  });
  afterAll(() => h.clock.set(at('2022-04-11T10:00:00')));

  it('/task: latest, pace from the first report’s baseline, the deadline with its year and the plan’s', async () => {
    const words = shown((await h.command(OTHER, '/task 1'))[0]);
    expect(words).toMatch(/- 有效期高企：目标 140家｜最新 121家｜完成目标的86%，较基数118完成14%，时间\d+%，序时应达1\d\d家/);
    expect(words).toMatch(/\*\*完成时限\*\*：2023年3月31日（原定12月31日，已延期）｜还剩 \d+ 个工作日/);
    expect(words).toContain('有效期高企121家，按计划推进');
  });

  it('/pace: the confirmation states the target’s pace as the engine sees it with the note', async () => {
    const [m] = await h.command(STAFF, '/pace 1 1 高企认定集中在四季度');
    const words = wordsOf(m!);
    expect(words).toContain('已记录：任务1第 1 项指标按计划推进');
    expect(words).toMatch(/该指标现为：有效期高企 最新121家 \/ 目标140家，完成目标的86%，较基数118完成14%，时间\d+%，序时应达1\d\d家（说明：高企认定集中在四季度）。/);
    const [cleared] = await h.command(STAFF, '/pace 1 1 清除');
    expect(wordsOf(cleared!)).toMatch(/已取消任务1第 1 项指标的说明。该指标现为：.*完成14%，时间\d+%/);
    expect(wordsOf(cleared!)).not.toContain('说明：');
  });
});
