/**
 * The card a leader (or an admin) gets for an extension request (延期申请), with 同意 / 不同意; once
 * someone decides, every decider's copy becomes extensionDecidedCard: who decided what, no buttons.
 */
import { cut, figure, md } from '../safe-text.js';
import { button, buttonRow, card, hr, markdown, type Card, type Element } from './card.js';

export interface ExtensionRequestView {
  requestId: number;
  taskId: number;
  /** The task's code as shown (「7」, or 「2023-7」 with several plans in force: bot/domain/plan/plan-code.ts). */
  code: string;
  title: string;
  requester: string;
  from: string;
  to: string;
  reason: string;
}

const facts = (r: ExtensionRequestView): Element =>
  markdown(md`**申请人**：${cut(r.requester, 12)}\n**当前时限**：${figure(r.from)}\n**申请延至**：${figure(r.to)}\n**理由**：${cut(r.reason, 300)}`);

export function extensionRequestCard(r: ExtensionRequestView): Card {
  const value = { requestId: r.requestId, taskId: r.taskId, to: r.to };
  return card({
    title: `延期申请：任务${r.code}`,
    subtitle: cut(r.title, 60),
    template: 'orange',
    elements: [
      facts(r),
      buttonRow([
        button('同意', { action: 'extend-approve', ...value }, 'primary'),
        button('不同意', { action: 'extend-refuse', ...value }, 'danger'),
      ]),
    ],
  });
}

export interface ExtensionDecision {
  approved: boolean;
  /** Who decided. */
  by: string;
  /** 'YYYY-MM-DD HH:mm', Beijing time. */
  at: string;
}

/** The request once decided: the same facts, who decided what and when, no buttons. */
export function extensionDecidedCard(r: ExtensionRequestView, d: ExtensionDecision): Card {
  const outcome = d.approved ? md`**已同意**（${cut(d.by, 12)}，${figure(d.at)}），完成时限调整为 ${figure(r.to)}` : md`**未同意**（${cut(d.by, 12)}，${figure(d.at)}），完成时限不变`;
  return card({
    title: `延期申请：任务${r.code}`,
    subtitle: cut(r.title, 60),
    template: d.approved ? 'green' : 'grey',
    summary: cut(`任务${r.code} 延期申请${d.approved ? '已同意' : '未同意'}`, 60),
    elements: [facts(r), hr(), markdown(outcome)],
  });
}
