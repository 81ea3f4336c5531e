/**
 * /unit <部门> @联络员: marks a unit's 联络员 (contact person), whom owner proposals name for the unit instead
 * of its department leader; the mark is kept across plans and years. The unit is found in the org chart the way
 * proposals find a plan's units (exact, then normalised; several candidates are listed, never guessed).
 * /unit <部门> shows the unit's contact; /unit alone lists every marked contact.
 */
import { shanghaiDate } from '../../../domain/calendar/shanghai-time.js';
import { indexChart, matchUnit, shownName } from '../../../domain/owners/match-unit.js';
import { botText, cut, joinText } from '../../../feishu/safe-text.js';
import { currentIssuer } from '../../../store/plans.js';
import { listUnitContacts, markUnitContact } from '../../../store/unit-contacts.js';
import { readOrgChartFromFeishu, type OrgChartReader } from '../../proposals/read-org-chart.js';
import { CommandError, say, type CommandSpec } from '../command.js';
import { words } from './shared.js';

/** The longest unit name read (plans' names are at most 30 characters; a path 「上级/部门」 a little more). */
const NAME_MAX = 60;
const LISTED = 50;

export function unitCommand(readOrgChart: OrgChartReader = readOrgChartFromFeishu): CommandSpec {
  return {
    names: ['unit', '联络员'],
    example: '/unit 高新科 @张敏',
    admin: true,
    usage: '/unit 部门 @联络员（不带参数：列出已标记的联络员）',
    summary: '标记部门的联络员（生成责任人建议时优先于部门负责人）',
    run: async (deps, ctx) => {
      const typed = words(ctx.args).join('');
      const mentioned = ctx.people.filter((p) => p.openId);
      if (!typed && !mentioned.length) {
        const rows = await listUnitContacts(deps.db);
        if (!rows.length) return void (await say(deps, ctx, botText`尚未标记任何部门的联络员。`, 'unit'));
        const lines = rows.slice(0, LISTED).map((r) => botText`${cut(r.departmentName, 30)}：${cut(r.name, 12)}（${shanghaiDate(r.setAt)}标记）`);
        const more = rows.length > LISTED ? [botText`……另有 ${rows.length - LISTED} 个部门`] : [];
        return void (await say(deps, ctx, botText`已标记联络员的部门（${rows.length} 个）：\n${joinText([...lines, ...more], '\n')}`, 'unit'));
      }
      if (!typed) throw new CommandError(botText`请写明部门名称。`);
      if (typed.length > NAME_MAX) throw new CommandError(botText`部门名称过长（最多 ${NAME_MAX} 个字）。`);
      if (mentioned.length > 1) throw new CommandError(botText`每个部门只标记一位联络员，请只 @ 一人。`);

      const chart = await readOrgChart(deps);
      const index = indexChart(chart, await currentIssuer(deps.db));
      const m = matchUnit(index, typed);
      if (m.kind !== 'found') throw new CommandError(botText`${m.reason}。${m.kind === 'ambiguous' ? botText`可写「上级部门/部门」区分。` : botText``}`);
      const dept = m.found;
      const shown = shownName(index, dept);
      if (!mentioned.length) {
        const current = (await listUnitContacts(deps.db)).find((r) => r.departmentId === dept.id);
        const leader = dept.leaderOpenId ? index.users.get(dept.leaderOpenId)?.name ?? '（姓名不可见）' : null;
        const who = current ? botText`联络员：${cut(current.name, 12)}` : botText`尚未标记联络员`;
        const head = leader ? botText`；部门负责人：${cut(leader, 12)}` : botText`；通讯录中没有部门负责人`;
        return void (await say(deps, ctx, botText`部门「${cut(shown, 40)}」${who}${head}。`, 'unit'));
      }
      const person = mentioned[0]!;
      const name = index.users.get(person.openId!)?.name ?? person.name ?? '（未知）';
      const r = await markUnitContact(deps.db, {
        departmentId: dept.id, departmentName: dept.name, openId: person.openId!, name, by: ctx.senderOpenId, now: deps.clock.now(),
        chatId: ctx.chatId, messageId: ctx.messageId,
      });
      const user = index.users.get(person.openId!);
      const outside = user && !user.departmentIds.includes(dept.id) ? botText`（注意：通讯录中${cut(name, 12)}不在该部门）` : botText``;
      if (!r.changed) return void (await say(deps, ctx, botText`${cut(name, 12)}已是「${cut(shown, 40)}」的联络员，未作修改。`, 'unit'));
      const was = r.before ? botText`（原联络员：${cut(r.before.name, 12)}）` : botText``;
      await say(deps, ctx, botText`已将${cut(name, 12)}标记为「${cut(shown, 40)}」的联络员${was}${outside}。生成责任人建议时，该部门牵头或配合的任务将建议由其负责。`, 'unit');
    },
  };
}
