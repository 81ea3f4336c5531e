/** /export (导出): the ledger (台账) of each plan as an .xlsx file in the chat. */
import { CommandError, say, type CommandSpec } from '../command.js';
import { botText } from '../../../feishu/safe-text.js';

export const exportCommand: CommandSpec = {
  names: ['export', '导出'],
  example: '/export',
  admin: true,
  usage: '/export',
  summary: '导出工作台账（Excel）',
  run: async (deps, ctx) => {
    const plans = await deps.db.plan.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    if (!plans.length) throw new CommandError(botText`还没有导入工作要点，无可导出的台账。`);
    const now = deps.clock.now();
    for (const plan of plans) {
      // The ledger's writer (exceljs) is loaded on the first export, not in every process at start.
      const { exportLedger } = await import('../../../ledger/build-ledger.js');
      const ledger = await exportLedger(deps.db, { planId: plan.id, now, calendar: deps.calendar });
      const fileKey = await deps.messenger.uploadFile(ledger.fileName, ledger.bytes);
      await deps.messenger.reply(ctx.messageId, { fileKey }, `cmd:${ctx.messageId}:export:${plan.id}`);
      await say(deps, ctx, botText`台账已导出：${ledger.taskCount}项任务，${ledger.reportCount}条进展记录。`, `export-note:${plan.id}`);
    }
  },
};
