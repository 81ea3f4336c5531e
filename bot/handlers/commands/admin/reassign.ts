/**
 * /reassign N [@原责任人] @新责任人 (转办), /unassign N @a (取消指派),
 * /leader N @a (责任领导): who is responsible for a task. Each change is
 * audited by the store; the people concerned are told.
 */
import { assign, unassign } from '../../../store/people.js';
import { botText, cut } from '../../../feishu/safe-text.js';
import { CommandError, mentionedPeople, names, say, taskLabel as label, type CommandSpec } from '../command.js';
import { peopleOn, taskAndRest, tell } from './shared.js';

export const reassignCommand: CommandSpec = {
  names: ['reassign', '转办'],
  example: '/reassign 7 @张敏 @李强',
  admin: true,
  usage: '/reassign 任务编号 [@原责任人] @新责任人',
  summary: '转办：把任务交给新的责任人',
  run: async (deps, ctx) => {
    const { task } = await taskAndRest(deps, ctx);
    const people = await mentionedPeople(deps, ctx.people);
    if (!people.length || people.length > 2) throw new CommandError(botText`请 @ 新责任人（可在前面 @ 原责任人）。`);
    const to = people[people.length - 1]!;
    const owners = await peopleOn(deps, task.id, 'owner');
    const from = people.length === 2 ? [people[0]!] : owners.filter((p) => p.id !== to.id);
    if (people.length === 2 && !owners.some((p) => p.id === people[0]!.id)) throw new CommandError(botText`${cut(people[0]!.name, 12)}不是该任务的责任人。`);
    if (from.some((p) => p.id === to.id)) throw new CommandError(botText`原责任人和新责任人不能是同一人。`);
    if (!from.length && owners.some((p) => p.id === to.id)) {
      await say(deps, ctx, botText`${cut(to.name, 12)}已是该任务唯一的责任人，未作修改。`, 'reassign');
      return;
    }
    const now = deps.clock.now();
    const base = { taskId: task.id, role: 'owner' as const, by: ctx.senderOpenId, now, chatId: ctx.chatId, messageId: ctx.messageId };
    await deps.db.$transaction(async (tx) => {
      for (const p of from) await unassign(tx, { ...base, personId: p.id });
      await assign(tx, { ...base, personId: to.id });
    });
    await tell(deps, from, botText`${label(task)}已转办给${cut(to.name, 12)}，您不再负责该任务，也不会再收到它的催办。`, `reassigned-from:${ctx.messageId}`);
    await tell(deps, [to], botText`您被指派为${label(task)}的责任人（转办）。发送 /task ${cut(task.shownCode, 16)} 查看详情。`, `reassigned-to:${ctx.messageId}`);
    const fromNames = from.length ? names(from) : botText`（无）`;
    await say(deps, ctx, botText`已将${label(task)}由${fromNames}转办给${cut(to.name, 12)}。`, 'reassign');
  },
};

export const unassignCommand: CommandSpec = {
  names: ['unassign', '取消指派'],
  example: '/unassign 7 @张敏',
  admin: true,
  usage: '/unassign 任务编号 @责任人 [@责任人…]',
  summary: '取消任务责任人',
  run: async (deps, ctx) => {
    const { task } = await taskAndRest(deps, ctx);
    const people = await mentionedPeople(deps, ctx.people);
    if (!people.length) throw new CommandError(botText`请 @ 要取消的责任人。`);
    const now = deps.clock.now();
    const removed = [];
    for (const p of people) {
      const ended = await deps.db.$transaction((tx) =>
        unassign(tx, { taskId: task.id, personId: p.id, role: 'owner', by: ctx.senderOpenId, now, chatId: ctx.chatId, messageId: ctx.messageId }),
      );
      if (ended) removed.push(p);
    }
    await tell(deps, removed, botText`您已不再是${label(task)}的责任人。`, `unassigned:${ctx.messageId}`);
    await say(deps, ctx, removed.length ? botText`已取消${label(task)}的责任人：${names(removed)}。` : botText`这些人员不是该任务的责任人，未作修改。`, 'unassign');
  },
};

export const leaderCommand: CommandSpec = {
  names: ['leader', '责任领导'],
  example: '/leader 7 @何建国',
  admin: true,
  usage: '/leader 任务编号 @责任领导',
  summary: '更换任务的责任领导',
  run: async (deps, ctx) => {
    const { task } = await taskAndRest(deps, ctx);
    const people = await mentionedPeople(deps, ctx.people);
    if (people.length !== 1) throw new CommandError(botText`请 @ 一位责任领导。`);
    const to = people[0]!;
    const current = await peopleOn(deps, task.id, 'leader');
    if (current.length === 1 && current[0]!.id === to.id) {
      await say(deps, ctx, botText`${cut(to.name, 12)}已是该任务的责任领导，未作修改。`, 'leader');
      return;
    }
    const now = deps.clock.now();
    const base = { taskId: task.id, role: 'leader' as const, by: ctx.senderOpenId, now, chatId: ctx.chatId, messageId: ctx.messageId };
    await deps.db.$transaction(async (tx) => {
      for (const p of current) if (p.id !== to.id) await unassign(tx, { ...base, personId: p.id });
      await assign(tx, { ...base, personId: to.id });
    });
    await tell(deps, [to], botText`您被设为${label(task)}的责任领导。`, `leader:${ctx.messageId}`);
    await say(deps, ctx, botText`已将${label(task)}的责任领导设为${cut(to.name, 12)}。`, 'leader');
  },
};
