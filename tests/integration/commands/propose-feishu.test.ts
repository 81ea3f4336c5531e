/**
 * /unit and /propose with the org chart read from Feishu: the real SDK against the fake's demo directory
 * (whose 科室 carry longer names than the plan's: 高新科 ↔ 高新技术发展科; 农村科技科 has no head).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDemoDirectory } from '../../../bot/demo/directory.js';
import { ADMIN, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
  addDemoDirectory(h.fake, h.fake.users().map((u) => u.openId));
  const parties: [string, 'lead' | 'leader', string][] = [['1', 'lead', '高新科'], ['1', 'leader', '何建国'], ['5', 'lead', '平台科'], ['12', 'lead', '农村科']];
  for (const [position, [code, role, name]] of parties.entries()) {
    const task = await h.bot.deps.db.task.findFirstOrThrow({ where: { code } });
    await h.bot.deps.db.taskParty.create({ data: { taskId: task.id, role, name, position } });
  }
});
afterAll(async () => h?.close());

describe('the org chart from Feishu', () => {
  it('a department without a head is named in the proposal until /unit marks its 联络员', async () => {
    const before = await h.bot.deps.db.assignment.count({ where: { active: true } });
    const first = await h.command(ADMIN, '/propose', { settleMs: 200 });
    const all = first.map(wordsOf).join('\n');
    expect(all).toContain('责任人：张敏（高新技术发展科负责人）｜协办：—｜责任领导：何建国（责任领导）');
    expect(all).toContain('责任人：王芳（科技平台建设科负责人）');
    expect(all).toContain('⚠️ 牵头单位「农村科」：部门「农村科技科」没有负责人，也没有标记联络员');

    const [marked] = await h.command(ADMIN, '/unit 农村科 {@0}', { mentions: ['ou_demo_yangfan'] });
    expect(wordsOf(marked!)).toContain('已将杨帆标记为「农村科技科」的联络员');
    const again = (await h.command(ADMIN, '/propose', { settleMs: 200 })).map(wordsOf).join('\n');
    expect(again).toContain('责任人：杨帆（农村科技科联络员）');
    expect(await h.bot.deps.db.assignment.count({ where: { active: true } })).toBe(before);
  });
});
