/**
 * /report N 进展 (汇报): records the text as the sender's report on task N, with the usual confirmation card.
 * 「/report N 已在会上汇报」 is a report without content marked 会上汇报, as in a free message.
 * /report 周报|月报|半年|全年 (a first word that names a paper and is no task's code): an admin's paper (admin/papers.ts).
 */
import { hasEvidence } from '../../domain/evidence/parts.js';
import { keepEvidence } from '../evidence/keep-evidence.js';
import { mayReport } from '../reports/may-report.js';
import { saysMeetingReport } from '../../domain/reply/self-help-words.js';
import { loadTask, NOTHING_READ, recordReading, recordReport } from '../reports/record-reply.js';
import { CommandError, requireTask, type CommandSpec } from './command.js';
import { botText } from '../../feishu/safe-text.js';
import { normaliseTaskCode } from '../../domain/owners/parse-owners.js';
import { PAPER_KIND_WORDS } from '../../domain/papers/period.js';
import { sendPapers } from './admin/papers.js';

export const reportCommand: CommandSpec = {
  names: ['report', '汇报'],
  example: '/report 7 已走访企业20家，按计划推进',
  admin: false,
  usage: '/report 任务编号 进展内容（管理员：/report 周报|月报|半年|全年，生成推进情况或工作总结文档）',
  summary: '填报任务进展',
  run: async (deps, ctx) => {
    const [ref, ...rest] = ctx.args.trim().split(/\s+/);
    const text = rest.join(' ').trim();
    const paper = ref && Object.hasOwn(PAPER_KIND_WORDS, ref) ? PAPER_KIND_WORDS[ref] : undefined;
    if (paper && !(await deps.db.task.count({ where: { code: normaliseTaskCode(ref!), removedAt: null } }))) return sendPapers(deps, ctx, paper);
    const found = await requireTask(deps, ref || undefined);
    if (!text) throw new CommandError(botText`请在任务编号后写明进展内容。`);
    const reporter = await mayReport(deps, ctx.senderOpenId, found.id);
    if (!reporter.ok) throw new CommandError(botText`${reporter.why}，这条进展未作记录。`);
    const task = await loadTask(deps, found.id);
    const said = { text, messageId: ctx.messageId, chatId: ctx.chatId, replyTo: ctx.messageId, reporter };
    const { report } = saysMeetingReport(text)
      ? await recordReading(deps, task, { ...said, source: 'meeting' }, NOTHING_READ)
      : await recordReport(deps, task, { ...said, source: 'command' });
    // Links in the report are its evidence (佐证材料).
    if (hasEvidence(ctx.evidence)) await keepEvidence(deps, ctx, { taskId: task.id, reportId: report.id, reporter }, ctx.evidence);
  },
};
