/** The card a leader (or an admin) gets for an extension request (延期申请), with 同意 / 不同意. */
import { cut, figure, md } from '../safe-text.js';
import { button, buttonRow, card, markdown, type Card } from './card.js';

export interface ExtensionRequestView {
  requestId: number;
  taskId: number;
  code: string;
  title: string;
  requester: string;
  from: string;
  to: string;
  reason: string;
}

export function extensionRequestCard(r: ExtensionRequestView): Card {
  const value = { requestId: r.requestId, taskId: r.taskId, to: r.to };
  return card({
    title: `延期申请：任务${r.code}`,
    subtitle: cut(r.title, 60),
    template: 'orange',
    elements: [
      markdown(
        md`**申请人**：${cut(r.requester, 12)}\n**当前时限**：${figure(r.from)}\n**申请延至**：${figure(r.to)}\n**理由**：${cut(r.reason, 300)}`,
      ),
      buttonRow([
        button('同意', { action: 'extend-approve', ...value }, 'primary'),
        button('不同意', { action: 'extend-refuse', ...value }, 'danger'),
      ]),
    ],
  });
}
