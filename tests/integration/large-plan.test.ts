/** A province-sized plan in the embedded store: every read that spans the plan still works (no P2029). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate-plan.js';
import { chineseWorkCalendar } from '../../bot/domain/calendar/chinese-calendar.js';
import { parsePlan } from '../../bot/domain/plan/parse-plan.js';
import { buildLedger } from '../../bot/ledger/build-ledger.js';
import { loadDigestInput } from '../../bot/store/digest-input.js';
import { importPlan } from '../../bot/store/import-plan.js';
import { loadScheduleInputs } from '../../bot/store/nudge-store.js';
import { tempStore } from '../helpers/temp-store.js';

const N = 1500;
const T0 = new Date('2023-03-01T00:00:00Z');
const NOW = new Date('2023-04-14T16:00:00+08:00');
let store: Awaited<ReturnType<typeof tempStore>>;
let planId: number;

beforeAll(async () => {
  store = await tempStore();
  const text = generatePlan(N);
  const parsed = parsePlan({ kind: 'text', name: 'big.txt', text });
  ({ planId } = await importPlan(store.db, { parsed, sourceName: 'big.txt', sourceText: text, actor: 'test', now: T0 }));
  const tasks = await store.db.task.findMany({ select: { id: true } });
  await store.db.person.createMany({ data: tasks.map((t) => ({ name: `人员${t.id}`, openId: `ou_big_${t.id}`, createdAt: T0, updatedAt: T0 })) });
  const people = await store.db.person.findMany({ select: { id: true, openId: true } });
  const byOpenId = new Map(people.map((p) => [p.openId, p.id]));
  await store.db.assignment.createMany({ data: tasks.map((t) => ({ taskId: t.id, personId: byOpenId.get(`ou_big_${t.id}`)!, role: 'owner', assignedAt: T0 })) });
  await store.db.report.createMany({
    data: tasks.map((t) => ({ taskId: t.id, personId: byOpenId.get(`ou_big_${t.id}`)!, period: '2023-W14', status: 'on_track', rawText: '按计划推进', source: 'text', createdAt: NOW, updatedAt: NOW })),
  });
}, 120_000);
afterAll(async () => store?.cleanup());

describe(`a ${N}-task plan`, () => {
  const cal = chineseWorkCalendar();
  it('loads the digest input for every task', async () => {
    const input = await loadDigestInput(store.db, planId, NOW, cal);
    expect(input.tasks).toHaveLength(N);
    expect(input.tasks.every((t) => t.owners.length === 1 && t.state.reports.length === 1)).toBe(true);
  });
  it('loads the sweep input for every task', async () => {
    const tasks = await loadScheduleInputs(store.db, NOW);
    expect(tasks).toHaveLength(N);
  });
  it('builds the ledger', async () => {
    const bytes = await buildLedger(store.db, { planId, now: NOW, calendar: cal });
    expect(bytes.length).toBeGreaterThan(10_000);
  });
});
