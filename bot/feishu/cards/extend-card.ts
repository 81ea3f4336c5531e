/** The card a leader (or an admin) gets for an extension request (延期申请), with 同意 / 不同意. */
import { button, buttonRow, card, markdown } from './card.js';
import { escapeMd } from './escape.js';

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

export function extensionRequestCard(r: ExtensionRequestView): Record<string, unknown> {
  const value = { requestId: r.requestId, taskId: r.taskId, to: r.to };
  return card({
    title: `延期申请：任务${r.code}`,
    subtitle: r.title.slice(0, 60),
    template: 'orange',
    elements: [
      markdown(
        [
          `**申请人**：${escapeMd(r.requester, 12)}`,
          `**当前时限**：${r.from}`,
          `**申请延至**：${r.to}`,
          `**理由**：${escapeMd(r.reason, 300)}`,
        ].join('\n'),
      ),
      buttonRow([
        button('同意', { action: 'extend-approve', ...value }, 'primary', 'extend-approve'),
        button('不同意', { action: 'extend-refuse', ...value }, 'danger', 'extend-refuse'),
      ]),
    ],
  });
}
