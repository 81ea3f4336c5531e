/**
 * Card actions on reports: a status button, the progress form, undo, and
 * choosing the task for a free message. Each answers at once with a toast;
 * the work runs from the queue.
 */
import { z } from 'zod';
import { parseNumber } from '../../domain/plan/numerals.js';
import type { CardAction } from '../../feishu/envelope.js';
import { STATUS_WORDS } from '../../feishu/cards/nudge-card.js';
import { revokeReport, setReportStatus } from '../../store/reports.js';
import type { Deps } from '../../deps.js';
import type { CardActionEntry } from '../types.js';
import { loadTask, recordReport } from './record-reply.js';

const status = z.enum(['on_track', 'at_risk', 'blocked', 'done']);
const statusValue = z.object({ taskId: z.number().int(), status, reportId: z.number().int().optional() });
const formValue = z.object({ taskId: z.number().int() });
const undoValue = z.object({ reportId: z.number().int() });
const chooseValue = z.object({ taskId: z.number().int(), messageId: z.string(), text: z.string().max(2000) });

const toast = (type: 'success' | 'info' | 'error' | 'warning', content: string) => ({ toast: { type, content } });

async function operator(deps: Deps, a: CardAction) {
  const openId = a.operator.open_id;
  const person = openId ? await deps.db.person.findUnique({ where: { openId } }) : null;
  return person && openId ? { person, openId } : null;
}

/** Is this person on the task (owner or collaborator)? */
async function onTask(deps: Deps, personId: number, taskId: number): Promise<boolean> {
  return (await deps.db.assignment.count({ where: { personId, taskId, active: true, role: { in: ['owner', 'collaborator'] } } })) > 0;
}

export const reportCardActions: Record<string, CardActionEntry> = {
  'report-status': {
    answer: async (_deps, a) => {
      const v = statusValue.safeParse(a.action.value);
      return v.success ? toast('success', `已记录：${STATUS_WORDS[v.data.status]}`) : toast('error', '无法识别的操作');
    },
    work: async (deps, a) => {
      const v = statusValue.safeParse(a.action.value);
      const who = await operator(deps, a);
      if (!v.success || !who || !(await onTask(deps, who.person.id, v.data.taskId))) return;
      if (v.data.reportId) {
        const r = await deps.db.report.findUnique({ where: { id: v.data.reportId } });
        if (r && r.personId === who.person.id && !r.revokedAt) {
          await setReportStatus(deps.db, r.id, v.data.status, who.openId, deps.clock.now());
          return;
        }
      }
      const task = await loadTask(deps, v.data.taskId);
      await recordReport(deps, task, {
        text: `［按钮］${STATUS_WORDS[v.data.status]}`, source: 'button', messageId: null, chatId: a.context?.open_chat_id ?? null,
        replyTo: a.context?.open_message_id ?? null, personId: who.person.id, openId: who.openId, status: v.data.status,
      });
    },
  },
  'report-form': {
    answer: async () => toast('success', '已提交，稍后回复记录结果'),
    work: async (deps, a) => {
      const v = formValue.safeParse(a.action.value);
      const who = await operator(deps, a);
      if (!v.success || !who || !(await onTask(deps, who.person.id, v.data.taskId))) return;
      const form = a.action.form_value ?? {};
      const numbers = new Map<number, number>();
      for (const [name, raw] of Object.entries(form)) {
        const m = name.match(/^t(\d+)$/);
        const n = m && typeof raw === 'string' ? parseNumber(raw.trim().replace(/[^\d.．０-９一二三四五六七八九十百千万亿零〇两]/g, '')) : null;
        if (m && n !== null) numbers.set(Number(m[1]), n);
      }
      const note = typeof form.note === 'string' ? form.note : '';
      const task = await loadTask(deps, v.data.taskId);
      await recordReport(deps, task, {
        text: note || `［表单］${JSON.stringify(form)}`, source: 'form', messageId: null, chatId: a.context?.open_chat_id ?? null,
        replyTo: a.context?.open_message_id ?? null, personId: who.person.id, openId: who.openId, formValues: numbers,
      });
    },
  },
  'report-undo': {
    answer: async () => toast('info', '正在撤销…'),
    work: async (deps, a) => {
      const v = undoValue.safeParse(a.action.value);
      const who = await operator(deps, a);
      if (!v.success || !who) return;
      const done = await revokeReport(deps.db, v.data.reportId, who.person.id, who.openId, deps.clock.now());
      const messageId = a.context?.open_message_id;
      if (messageId) {
        await deps.messenger.reply(messageId, { text: done ? '已撤销这条记录。' : '这条记录已撤销或不是您提交的，未作修改。' }, `undo:${v.data.reportId}`);
      }
    },
  },
  'choose-task': {
    answer: async () => toast('success', '已选择，正在记录'),
    work: async (deps, a) => {
      const v = chooseValue.safeParse(a.action.value);
      const who = await operator(deps, a);
      if (!v.success || !who || !(await onTask(deps, who.person.id, v.data.taskId))) return;
      const task = await loadTask(deps, v.data.taskId);
      await recordReport(deps, task, {
        text: v.data.text, source: 'text', messageId: v.data.messageId, chatId: a.context?.open_chat_id ?? null,
        replyTo: v.data.messageId, personId: who.person.id, openId: who.openId,
      });
    },
  },
};
