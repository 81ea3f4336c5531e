/** Milestones (时间节点) in the store: import creates them, re-import keeps them in step with the plan. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../../bot/domain/plan/parse-plan.js';
import { importPlan } from '../../bot/store/import-plan.js';
import type { Db } from '../../bot/store/db.js';
import { tempStore } from '../helpers/temp-store.js';

const T0 = new Date('2023-03-01T01:00:00Z');
const T1 = new Date('2023-04-01T01:00:00Z');
const HEAD = '重庆市某区科学技术局2023年工作要点\n一、强化创新主体\n';

function planText(task1: string): string {
  return `${HEAD}1. ${task1}\n2. 培育高新技术企业，全年新增高新技术企业20家。\n`;
}

function load(db: Db, text: string, now: Date) {
  const parsed = parsePlan({ kind: 'text', name: 'plan.txt', text });
  return importPlan(db, { parsed, sourceName: 'plan.txt', sourceText: text, actor: 'cli', now });
}

async function steps(db: Db) {
  const rows = await db.milestone.findMany({ orderBy: [{ taskId: 'asc' }, { position: 'asc' }] });
  return rows.map((m) => ({ id: m.id, position: m.position, due: m.due, text: m.text, done: m.doneAt !== null }));
}

describe('importing milestones', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  beforeEach(async () => {
    store = await tempStore();
  });
  afterEach(async () => store.cleanup());

  const V1 = planText('推进科技成果转化，6月底前完成评估，三季度完成验收。（完成时限：2023年11月底）');

  it('stores each task\'s milestones in due order, and a second import of the same text changes nothing', async () => {
    await load(store.db, V1, T0);
    const first = await steps(store.db);
    expect(first.map(({ due, text }) => [due, text])).toEqual([
      ['2023-06-30', '6月底前完成评估'],
      ['2023-09-30', '三季度完成验收'],
    ]);
    const r = await load(store.db, V1, T1);
    expect(r.changes).toEqual([]);
    expect(await steps(store.db)).toEqual(first);
  });

  it('keeps a done mark where the text is unchanged, adds a new step, drops one that left', async () => {
    await load(store.db, V1, T0);
    const [eval6] = await steps(store.db);
    await store.db.milestone.update({ where: { id: eval6!.id }, data: { doneAt: T0 } });

    // The text moved 「6月底前完成评估」 to the end: the same step, still done; 「8月底前完成中期检查」 is new.
    const V2 = planText('推进科技成果转化，8月底前完成中期检查，三季度完成验收，6月底前完成评估。（完成时限：2023年11月底）');
    const r = await load(store.db, V2, T1);
    const after = await steps(store.db);
    expect(after.map(({ due, text, done }) => [due, text, done])).toEqual([
      ['2023-06-30', '6月底前完成评估', true],
      ['2023-08-31', '8月底前完成中期检查', false],
      ['2023-09-30', '三季度完成验收', false],
    ]);
    expect(after[0]!.id).toBe(eval6!.id);
    expect(r.changes.map((c) => c.message)).toContainEqual(expect.stringContaining('时间节点'));

    const V3 = planText('推进科技成果转化，三季度完成验收。（完成时限：2023年11月底）');
    await load(store.db, V3, T1);
    expect((await steps(store.db)).map(({ text }) => text)).toEqual(['三季度完成验收']);
  });
});
