/**
 * /propose through the whole path (fake Feishu, real SDK, store) with a fixed org chart: one card per section,
 * nothing assigned before 「全部确认」; a row changed by command; a newer proposal supersedes; a non-admin's
 * click is refused; confirming applies the proposal once through the owners path, audited, and every card
 * shows the outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guarded } from '../../../bot/handlers/commands/guard.js';
import { unitCommand } from '../../../bot/handlers/commands/admin/unit.js';
import { proposeCommand } from '../../../bot/handlers/proposals/propose-command.js';
import { ADMIN, drainInbound, GROUP, OTHER, STAFF, startCommandHarness, wordsOf, type BotMessage, type CommandHarness } from '../../helpers/command-harness.js';
import { ORG } from '../../helpers/org-fixture.js';
import { sleep } from '../../helpers/wait-for.js';

const chart = async () => ORG;
const specs = [proposeCommand(chart), unitCommand(chart)];
let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness({}, {}, { commands: Object.fromEntries(specs.flatMap((s) => s.names.map((n) => [n, guarded(s)]))) });
  // The parties as a plan's annotations would give them (the seed plan names few).
  const parties: [string, 'lead' | 'collaborator' | 'leader', string][] = [
    ['1', 'lead', '高新科'], ['1', 'leader', '何建国'],
    ['2', 'lead', '区科技局高新股'], ['2', 'collaborator', '平台科'],
    ['4', 'lead', '科技创新室'], ['5', 'lead', '农村科'], ['5', 'leader', '李强'],
  ];
  for (const [code, role] of parties) {
    const task = await db().task.findFirstOrThrow({ where: { code } });
    await db().taskParty.deleteMany({ where: { taskId: task.id, role } });
  }
  for (const [position, [code, role, name]] of parties.entries()) {
    const task = await db().task.findFirstOrThrow({ where: { code } });
    await db().taskParty.create({ data: { taskId: task.id, role, name, position } });
  }
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const activeRoles = () => db().assignment.count({ where: { active: true } });
const cards = (ms: BotMessage[]) => ms.filter((m) => m.msgType === 'interactive');
const texts = (ms: BotMessage[]) => ms.filter((m) => m.msgType === 'text').map(wordsOf);
async function click(from: string, messageId: string, proposalId: number) {
  const r = await h.fake.clickCard({ from, messageId, value: { action: 'proposal-confirm', proposalId } });
  await drainInbound(h);
  await sleep(50);
  return r;
}
const latest = async () => (await db().ownerProposal.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
const owners = async (code: string) =>
  (await db().assignment.findMany({ where: { task: { code }, role: 'owner', active: true }, include: { person: true } })).map((a) => a.person.openId).sort();

describe('/propose', () => {
  let firstCards: BotMessage[] = [];
  let changedCard: BotMessage | null = null;

  it('sends one card per section with each task’s proposal and misses, and assigns nothing', async () => {
    const before = await activeRoles();
    const replies = await h.command(ADMIN, '/propose', { settleMs: 200 });
    firstCards = cards(replies);
    expect(firstCards).toHaveLength(7);
    expect(texts(replies)).toEqual(['已为《重庆市綦江区科学技术局2022年工作要点》生成责任人建议：23 项任务中 2 项有建议的责任人，28 处未能匹配（见卡片）。确认前不作任何指派。']);
    const one = wordsOf(firstCards[0]!);
    expect(one).toContain('一、着力培育创新主体');
    expect(one).toContain('**1** 培育高新技术企业');
    expect(one).toContain('责任人：张敏（高新科负责人）｜协办：—｜责任领导：何建国（责任领导）');
    expect(one).toContain('责任人：张敏（高新科负责人）｜协办：王芳（平台科负责人）｜责任领导：—');
    expect(one).toContain('⚠️ 牵头单位：计划未写明牵头单位');
    const two = wordsOf(firstCards[1]!);
    expect(two).toContain('⚠️ 牵头单位「科技创新室」：有 2 个部门都可能是「科技创新室」：「科技创新科」和「科技创新股」');
    expect(two).toContain('⚠️ 牵头单位「农村科」：部门「农村科」没有负责人，也没有标记联络员');
    expect(two).toContain('⚠️ 责任领导「李强」：「李强」有 2 位同名人员，分别在「高新科」「农村科」');
    expect(wordsOf(firstCards[2]!)).toContain('⚠️ 配合单位「区税务」：「区税务」是外单位，不在本单位的通讯录中');
    expect(one).toContain('全部确认');
    expect(await activeRoles()).toBe(before);
    expect(await db().auditEntry.count({ where: { action: 'proposal.made', actor: ADMIN } })).toBe(1);
  });

  it('a 联络员 marked with /unit comes before the department leader in a new proposal, which supersedes the first', async () => {
    const first = await latest();
    await h.command(ADMIN, '/unit 平台科 {@0}', { mentions: [OTHER] });
    const replies = await h.command(ADMIN, '/建议', { settleMs: 200 });
    expect(wordsOf(cards(replies)[0]!)).toContain('协办：李强（平台科联络员）');
    expect((await db().ownerProposal.findUniqueOrThrow({ where: { id: first } })).state).toBe('superseded');
    expect(wordsOf(h.fake.message(firstCards[0]!.messageId)!)).toContain('这份建议已被新的建议取代');
    const r = await click(ADMIN, firstCards[0]!.messageId, first);
    expect(r.body).toMatchObject({ toast: { type: 'info', content: '该建议已被新的建议取代，请在最新的建议卡片上确认' } });
    firstCards = cards(replies);
  });

  it('/propose 任务 @人 changes one row before confirming and sends its card again', async () => {
    const replies = await h.command(ADMIN, '/propose 4 {@0}', { mentions: [OTHER] });
    expect(texts(replies)).toEqual(['已修改建议：任务4「强力推进国高创建」的责任人改为李强。确认后生效。']);
    expect(wordsOf(cards(replies)[0]!)).toContain('**4** 强力推进国高创建（已修改）');
    expect(wordsOf(cards(replies)[0]!)).toContain('责任人：李强（管理员指定）');
    changedCard = cards(replies)[0]!;
    const [bad] = await h.command(ADMIN, '/propose 4 主办 {@0}', { mentions: [OTHER] });
    expect(wordsOf(bad!)).toContain('无法识别「主办」');
    const [cleared] = await h.command(ADMIN, '/propose 2 协办 无');
    expect(wordsOf(cleared!)).toBe('已修改建议：任务2「培育科技型企业」的协办改为无。确认后生效。');
    expect(await db().auditEntry.count({ where: { action: 'proposal.changed', actor: ADMIN } })).toBe(2);
  });

  it('a non-admin’s click is refused and changes nothing', async () => {
    const before = await activeRoles();
    const forwarded = await h.bot.deps.messenger.send({ chatId: GROUP }, { card: firstCards[0]!.content }, 'test-forward-proposal');
    const r = await click(STAFF, forwarded.messageId, await latest());
    expect(r.body).toMatchObject({ toast: { type: 'error', content: '只有管理员可以确认责任人建议' } });
    expect(await activeRoles()).toBe(before);
  });

  it('全部确认 applies it once through the owners path, audited; every card shows the outcome', async () => {
    const id = await latest();
    expect(await owners('4')).toEqual([STAFF]);
    const r = await click(ADMIN, firstCards[3]!.messageId, id);
    expect(r.body).toMatchObject({ toast: { type: 'success', content: '已确认，正在指派' } });
    expect(await owners('4')).toEqual([OTHER, STAFF].sort());
    expect(await owners('2')).toEqual([OTHER, STAFF].sort());
    const confirmed = await db().auditEntry.findFirstOrThrow({ where: { action: 'proposal.confirmed' } });
    expect(confirmed.actor).toBe(ADMIN);
    expect(JSON.parse(confirmed.after!)).toMatchObject({ proposalId: id, rows: 4 });
    expect(await db().auditEntry.count({ where: { action: 'owners.imported', actor: ADMIN } })).toBe(1);
    for (const c of [...firstCards, changedCard!]) expect(wordsOf(h.fake.message(c.messageId)!)).toContain('**已确认**（管理员，');
    expect(h.fake.messagesTo(ADMIN).some((m) => wordsOf(m).includes('已按建议为《重庆市綦江区科学技术局2022年工作要点》指派 4 项分工'))).toBe(true);

    const count = await db().auditEntry.count();
    const again = await click(ADMIN, firstCards[0]!.messageId, id);
    expect(again.body).toMatchObject({ toast: { type: 'info', content: '该建议已确认，无需重复操作' } });
    expect(await db().auditEntry.count()).toBe(count);
    const [late] = await h.command(ADMIN, '/propose 4 {@0}', { mentions: [STAFF] });
    expect(wordsOf(late!)).toContain('没有待确认的责任人建议');
  });
});
