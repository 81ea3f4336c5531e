/** /admins add|remove @a (管理员): who may run admin commands (Person.isAdmin); configured admins stay. */
import { botText, joinText, type BotText } from '../../../feishu/safe-text.js';
import { CommandError, mentionedPeople, names, say, type CommandSpec } from '../command.js';
import { auditChange, words } from './shared.js';

const ADD = new Set(['add', '添加', '增加']);
const REMOVE = new Set(['remove', '删除', '移除']);

export const adminsCommand: CommandSpec = {
  names: ['admins', '管理员'],
  example: '/admins add @吴静',
  admin: true,
  usage: '/admins add|remove @人员（添加/移除）',
  summary: '添加或移除管理员',
  run: async (deps, ctx) => {
    const verb = (words(ctx.args)[0] ?? '').toLowerCase();
    const on = ADD.has(verb) ? true : REMOVE.has(verb) ? false : null;
    if (on === null) throw new CommandError(botText`请写明 add（添加）或 remove（移除）。`);
    const people = await mentionedPeople(deps, ctx.people);
    if (!people.length) throw new CommandError(botText`请 @ 要添加或移除的人员。`);
    const done: { name: string }[] = [];
    const kept: { name: string }[] = [];
    for (const p of people) {
      if (!on && p.openId && deps.config.ADMIN_OPEN_IDS.includes(p.openId)) {
        kept.push(p);
        continue;
      }
      if (p.isAdmin === on) continue;
      await deps.db.person.update({ where: { id: p.id }, data: { isAdmin: on, updatedAt: deps.clock.now() } });
      await auditChange(deps, ctx, { action: on ? 'admin.added' : 'admin.removed', before: { personId: p.id, isAdmin: !on }, after: { personId: p.id, isAdmin: on } });
      done.push(p);
    }
    const lines: BotText[] = [];
    if (done.length) lines.push(botText`已${on ? '添加' : '移除'}管理员：${names(done)}。`);
    if (kept.length) lines.push(botText`${names(kept)}是在配置（ADMIN_OPEN_IDS）中设定的管理员，无法在此移除，请修改配置。`);
    if (!lines.length) lines.push(on ? botText`这些人员已是管理员，未作修改。` : botText`这些人员不是管理员，未作修改。`);
    await say(deps, ctx, joinText(lines, '\n'), 'admins');
  },
};
