/** /unit through the whole path (fake Feishu, real SDK, store), with a fixed org chart for the directory. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitCommand } from '../../../bot/handlers/commands/admin/unit.js';
import { guarded } from '../../../bot/handlers/commands/guard.js';
import { ADMIN, OTHER, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';
import { ORG } from '../../helpers/org-fixture.js';

const spec = unitCommand(async () => ORG);
let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness({}, {}, { commands: Object.fromEntries(spec.names.map((n) => [n, guarded(spec)])) });
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const ask = async (from: string, text: string, mentions: string[] = []) => {
  const ms = await h.command(from, text, { mentions });
  expect(ms).toHaveLength(1);
  return wordsOf(ms[0]!);
};

describe('/unit', () => {
  it('lists nothing before any mark', async () => {
    expect(await ask(ADMIN, '/unit')).toBe('尚未标记任何部门的联络员。');
  });

  it('marks a unit named as the plan names it, then replaces the mark; each audited', async () => {
    expect(await ask(ADMIN, '/unit 高新股 {@0}', [OTHER])).toBe('已将李强标记为「高新科」的联络员。生成责任人建议时，该部门牵头或配合的任务将建议由其负责。');
    expect(await ask(ADMIN, '/联络员 区科技局高新科 {@0}', [STAFF])).toContain('已将张敏标记为「高新科」的联络员（原联络员：李强）');
    expect(await ask(ADMIN, '/unit 高新科 {@0}', [STAFF])).toBe('张敏已是「高新科」的联络员，未作修改。');
    expect(await db().unitContact.findMany({ select: { departmentId: true, departmentName: true, openId: true, name: true, setBy: true } })).toEqual([
      { departmentId: 'od-gx', departmentName: '高新科', openId: STAFF, name: '张敏', setBy: ADMIN },
    ]);
    const audits = await db().auditEntry.findMany({ where: { action: 'unit.contact' }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.actor, JSON.parse(a.after!).openId])).toEqual([[ADMIN, OTHER], [ADMIN, STAFF]]);
  });

  it('says when the contact is not in the department, and shows a unit without a mark', async () => {
    expect(await ask(ADMIN, '/unit 平台科 {@0}', [STAFF])).toContain('（注意：通讯录中张敏不在该部门）');
    expect(await ask(ADMIN, '/unit 农村科')).toBe('部门「农村科」尚未标记联络员；通讯录中没有部门负责人。');
    expect(await ask(ADMIN, '/unit 高新科')).toBe('部门「高新科」联络员：张敏；部门负责人：张敏。');
  });

  it('lists the marks', async () => {
    expect(await ask(ADMIN, '/unit')).toBe('已标记联络员的部门（2 个）：\n高新科：张敏（2022-04-11标记）\n平台科：张敏（2022-04-11标记）');
  });

  it.each([
    ['/unit 科技创新室 {@0}', [STAFF], '有 2 个部门都可能是「科技创新室」：「科技创新科」和「科技创新股」，请用 /unit 标记或逐一指定。可写「上级部门/部门」区分。'],
    ['/unit 综合科 {@0}', [STAFF], '「科技服务中心/综合科」和「办公室/综合科」'],
    ['/unit 区财政局 {@0}', [STAFF], '「区财政局」是外单位，不在本单位的通讯录中。'],
    ['/unit 各科室 {@0}', [STAFF], '「各科室」泛指多个单位'],
    ['/unit 高新科 {@0} {@1}', [STAFF, OTHER], '每个部门只标记一位联络员，请只 @ 一人。'],
    ['/unit {@0}', [STAFF], '请写明部门名称。'],
  ])('%s → a Chinese answer with the usage, nothing marked', async (text, mentions, words) => {
    const before = await db().unitContact.count();
    const said = await ask(ADMIN, text, mentions);
    expect(said).toContain(words);
    expect(said).toContain('用法：/unit 部门 @联络员');
    expect(await db().unitContact.count()).toBe(before);
  });

  it('a same-named department is chosen by its path', async () => {
    expect(await ask(ADMIN, '/unit 办公室/综合科 {@0}', [OTHER])).toContain('已将李强标记为「办公室/综合科」的联络员');
  });

  it('refuses non-admins', async () => {
    expect(await ask(STAFF, '/unit 高新科 {@0}', [STAFF])).toContain('只有管理员可以使用');
  });
});
