/**
 * /whoami (我是谁): the sender's open_id and what the bot knows of them, so an admin can fill ADMIN_OPEN_IDS
 * (or /admins add) without the API.
 */
import { botText, cut } from '../../feishu/safe-text.js';
import { isAdmin, say, type CommandSpec } from './command.js';

export const whoamiCommand: CommandSpec = {
  names: ['whoami', '我是谁'],
  admin: false,
  usage: '/whoami',
  summary: '查看自己的 open_id 和身份（用于设置管理员）',
  example: '/whoami',
  run: async (deps, ctx) => {
    const person = await deps.db.person.findUnique({ where: { openId: ctx.senderOpenId }, select: { id: true, name: true } });
    const roles = person
      ? await deps.db.assignment.groupBy({ by: ['role'], where: { personId: person.id, active: true, task: { removedAt: null } }, _count: { _all: true } })
      : [];
    const count = (role: string) => roles.find((r) => r.role === role)?._count._all ?? 0;
    const parts = [
      ...((await isAdmin(deps, ctx.senderOpenId)) ? ['管理员'] : []),
      ...(count('owner') ? [`责任人（${count('owner')}项任务）`] : []),
      ...(count('collaborator') ? [`协办（${count('collaborator')}项任务）`] : []),
      ...(count('leader') ? [`责任领导（${count('leader')}项任务）`] : []),
    ];
    const name = person ? botText`${cut(person.name, 20)}` : botText`（尚未登记：指派任务或导入责任分工表后会记下姓名）`;
    await say(
      deps,
      ctx,
      botText`姓名：${name}\nopen_id：${ctx.senderOpenId}\n身份：${parts.length ? parts.join('、') : '暂无'}\n\n把这个 open_id 填入 .env 的 ADMIN_OPEN_IDS（多个用逗号分隔），或由现有管理员发送 /admins add @姓名，即可成为管理员。`,
      'whoami',
    );
  },
};
