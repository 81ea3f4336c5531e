/** `workplan tasks`: list the stored tasks. */
import { describeTarget } from '../domain/plan/describe.js';
import { lifecycleOf, lifecycleWord } from '../domain/task-state/lifecycle.js';
import { wordTable } from '../domain/word-table.js';
import { listTasks } from '../store/list-tasks.js';
import { loadCodeNamer } from '../store/plan-codes.js';
import type { Io } from './io.js';
import { withDb } from './open-db.js';

const ROLE_WORDS = wordTable({ owner: '责任人', collaborator: '协办', leader: '责任领导' });

export async function runTasks(_args: string[], io: Io): Promise<number> {
  const [tasks, shown] = await withDb(async (db) => [await listTasks(db), await loadCodeNamer(db)] as const);
  if (!tasks.length) {
    io.out('数据库中还没有任务。先运行：workplan import <工作要点文件>\n');
    return 0;
  }
  let plan = -1;
  for (const t of tasks) {
    if (t.planId !== plan) {
      plan = t.planId;
      io.out(`《${t.plan.title}》\n`);
    }
    const lead = t.parties.filter((p) => p.role === 'lead').map((p) => p.name);
    const people = t.assignments.map((a) => `${ROLE_WORDS[a.role] ?? a.role}:${a.person.name}`);
    const lifecycle = lifecycleOf(t.status);
    const state = lifecycle === 'active' ? '' : `［${lifecycleWord(lifecycle)}］`;
    io.out(`  [${shown(t.planId, t.code)}] ${t.title}${state}　截止 ${t.deadline}\n`);
    if (t.targets.length) io.out(`      指标：${t.targets.map(describeTarget).join('；')}\n`);
    if (lead.length || people.length) io.out(`      ${[lead.length ? `牵头：${lead.join('、')}` : '', people.join(' ')].filter(Boolean).join('　')}\n`);
  }
  return 0;
}
