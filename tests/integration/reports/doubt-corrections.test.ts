/**
 * What the reader could not settle, settled by the owner in one click on the confirmation card
 * (signed, encrypted card callbacks through the real SDK against the fake Feishu): the correction
 * is recorded on that report (raw text kept), audited, answered and drawn on the card; clicking it
 * again changes nothing; only the reporter may; and a report with a newer one after it is never
 * changed. The task's state is the engine's reading of the stored report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadReply } from '../../../bot/domain/reply/read-reply.js';
import { mayReport } from '../../../bot/handlers/reports/may-report.js';
import { loadTask, recordReading } from '../../../bot/handlers/reports/record-reply.js';
import { loadTaskState } from '../../../bot/store/task-states.js';
import { drainInbound, OTHER, startCommandHarness, type BotMessage, type CommandHarness } from '../../helpers/command-harness.js';

const WANG = 'ou_demo_wangfang'; // owner of task 6: 市级众创空间 5个, 国家备案众创空间 2个
const WORDS = '市级、国家备案众创空间新增1个，预计9月底或年底前完成';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
type El = Record<string, any>;

/** A reading with a number that may be either target's and two likely dates, as the reader gives it. */
const doubtful = (): ReadReply => ({
  status: 'on_track', percent: null, values: [{ value: 1, unit: '个', target: 0 }], expectedOn: '2022-09-30', blocker: null,
  doubts: [
    { kind: 'value', value: 1, unit: '个', chosen: 0, others: [1], words: '市级、国家备案众创空间新增1个' },
    { kind: 'date', chosen: '2022-09-30', others: ['2022-12-31'], words: '预计9月底或年底前完成' },
  ],
});

/** Records `read` for WANG on task 6 through the handler; resolves to the report and the card sent. */
async function record(read: ReadReply, text = WORDS) {
  const task = await loadTask(h.bot.deps, (await db().task.findFirstOrThrow({ where: { code: '6' } })).id);
  const reporter = await mayReport(h.bot.deps, WANG, task.id);
  if (!reporter.ok) throw new Error(reporter.why);
  const { report } = await recordReading(h.bot.deps, task, { text, source: 'text', messageId: null, chatId: null, replyTo: null, reporter }, read);
  const card = h.fake.messagesTo(WANG).filter((m) => JSON.stringify(m.content).includes(`"reportId":${report.id}`)).at(-1)!;
  return { task, report, card };
}

async function click(from: string, messageId: string, value: Record<string, unknown>) {
  const r = await h.fake.clickCard({ from, messageId, value: { action: 'report-doubt', ...value } });
  await drainInbound(h);
  return r.body as { toast: { type: string; content: string } };
}

/** The card's doubt rows as text: 「label（当前）| …」 per row of report-doubt buttons. */
function doubtRows(m: BotMessage): string[] {
  return (m.content as El).body.elements
    .filter((e: El) => e.tag === 'column_set' && JSON.stringify(e).includes('report-doubt'))
    .map((e: El) => e.columns.map((c: El) => c.elements[0].text.content).join(' | '));
}
const firstLine = (m: BotMessage) => (m.content as El).body.elements[0].content as string;
const valuesOf = async (reportId: number) =>
  (await db().reportValue.findMany({ where: { reportId }, include: { target: true }, orderBy: { id: 'asc' } })).map((v) => [v.target.label, v.value, v.unit]);
const corrections = (reportId: number) => db().auditEntry.findMany({ where: { action: 'report.corrected', after: { contains: `"reportId":${reportId},` } }, orderBy: { id: 'asc' } });

describe('settling a doubt in one click', () => {
  let reportId: number;
  let cardId: string;

  it('the card says what was read and offers each doubt’s options, the reader’s choice current', async () => {
    const { report, card } = await record(doubtful());
    reportId = report.id;
    cardId = card.messageId;
    expect(firstLine(card)).toBe('已记录：任务6 全面建设孵化平台 — 市级众创空间 1&#47;5个，状态：按计划推进，预计完成：2022&#45;09&#45;30');
    expect(doubtRows(card)).toEqual(['市级众创空间（当前） | 国家备案众创空间 | 不是进展数字', '9月30日（当前） | 12月31日 | 不填']);
    expect(await valuesOf(reportId)).toEqual([['市级众创空间', 1, '个']]);
  });

  it('moving the number records it on the other target, keeps the words, is audited and redraws the card', async () => {
    const toast = await click(WANG, cardId, { reportId, doubt: 0, choice: 1 });
    expect(toast.toast).toEqual({ type: 'success', content: '已更正：1个 记在：国家备案众创空间' });
    expect(await valuesOf(reportId)).toEqual([['国家备案众创空间', 1, '个']]);
    const stored = await db().report.findUniqueOrThrow({ where: { id: reportId } });
    expect([stored.rawText, stored.status, stored.expectedOn]).toEqual([WORDS, 'on_track', '2022-09-30']);
    const [entry, ...more] = await corrections(reportId);
    expect(more).toEqual([]);
    expect([entry!.actor, JSON.parse(entry!.before!), JSON.parse(entry!.after!)]).toEqual([
      WANG,
      { reportId, doubt: 0, picked: 0, values: [{ targetId: expect.any(Number), value: 1 }] },
      { reportId, doubt: 0, picked: 1, values: [{ targetId: expect.any(Number), value: 1 }] },
    ]);
    const card = h.fake.message(cardId)!;
    expect(firstLine(card)).toBe('已记录：任务6 全面建设孵化平台 — 国家备案众创空间 1&#47;2个，状态：按计划推进，预计完成：2022&#45;09&#45;30');
    expect(doubtRows(card)).toEqual(['市级众创空间 | 国家备案众创空间（当前） | 不是进展数字', '9月30日（当前） | 12月31日 | 不填']);
    const { task } = await loadTaskState(db(), { taskId: stored.taskId, now: h.clock.now(), calendar: h.bot.deps.calendar });
    expect(task.state.targets.map((t) => [t.label, t.latest])).toEqual([['市级众创空间', null], ['国家备案众创空间', 1]]);
  });

  it('the same click again changes nothing and says so', async () => {
    const toast = await click(WANG, cardId, { reportId, doubt: 0, choice: 1 });
    expect(toast.toast).toEqual({ type: 'info', content: '已记录为「1个 记在：国家备案众创空间」，无需重复操作' });
    expect(await valuesOf(reportId)).toEqual([['国家备案众创空间', 1, '个']]);
    expect(await corrections(reportId)).toHaveLength(1);
  });

  it('「不填」 clears the expected date; 「不是进展数字」 takes the number off', async () => {
    expect((await click(WANG, cardId, { reportId, doubt: 1, choice: 2 })).toast).toEqual({ type: 'success', content: '已更正：预计完成：不填' });
    expect((await click(WANG, cardId, { reportId, doubt: 0, choice: 2 })).toast).toEqual({ type: 'success', content: '已更正：1个 记在：不是进展数字' });
    const stored = await db().report.findUniqueOrThrow({ where: { id: reportId } });
    expect([stored.expectedOn, await valuesOf(reportId)]).toEqual([null, []]);
    const card = h.fake.message(cardId)!;
    expect(firstLine(card)).toBe('已记录：任务6 全面建设孵化平台 — 状态：按计划推进');
    expect(doubtRows(card)).toEqual(['市级众创空间 | 国家备案众创空间 | 不是进展数字（当前）', '9月30日 | 12月31日 | 不填（当前）']);
    expect(await corrections(reportId)).toHaveLength(3);
  });

  it('someone else, a malformed value or an option the doubt does not have is refused and changes nothing', async () => {
    const forwarded = await h.bot.deps.messenger.send({ openId: OTHER }, { card: h.fake.message(cardId)!.content as never }, 'test-forward-doubt');
    const refusals = [
      await click(OTHER, forwarded.messageId, { reportId, doubt: 0, choice: 0 }),
      await click(WANG, cardId, { reportId, doubt: 99, choice: 0 }),
      await click(WANG, cardId, { reportId: String(reportId), doubt: 0, choice: 0 }),
      await click(WANG, cardId, { reportId, doubt: 1, choice: 3 }),
    ];
    expect(refusals.map((r) => r.toast)).toEqual([
      { type: 'error', content: '这条记录不是您提交的，未作修改' },
      { type: 'error', content: '无法识别的操作' },
      { type: 'error', content: '无法识别的操作' },
      { type: 'error', content: '没有找到这项更正，未作修改' },
    ]);
    expect(await valuesOf(reportId)).toEqual([]);
    expect(await corrections(reportId)).toHaveLength(3);
  });
});

describe('a newer report', () => {
  it('supersedes the older one: its doubts can no longer be settled, and the newer report is untouched', async () => {
    const older = await record(doubtful());
    const newer = await record({ ...doubtful(), values: [{ value: 2, unit: '个', target: 1 }], doubts: [] }, '国家备案众创空间已有2个');
    expect(doubtRows(newer.card)).toEqual([]);
    const toast = await click(WANG, older.card.messageId, { reportId: older.report.id, doubt: 0, choice: 1 });
    expect(toast.toast).toEqual({ type: 'warning', content: '这条记录之后已有更新的进展，以最新一条为准，未作修改' });
    expect(await valuesOf(older.report.id)).toEqual([['市级众创空间', 1, '个']]);
    expect(await valuesOf(newer.report.id)).toEqual([['国家备案众创空间', 2, '个']]);
    expect(await corrections(older.report.id)).toEqual([]);
    expect(doubtRows(h.fake.message(older.card.messageId)!)).toEqual(['市级众创空间（当前） | 国家备案众创空间 | 不是进展数字', '9月30日（当前） | 12月31日 | 不填']);
  });
});
