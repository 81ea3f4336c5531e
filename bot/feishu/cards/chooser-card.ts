/**
 * Asks which task a free message is about (「这条进展属于哪项任务？」). The message itself stays on
 * the server (bot/store/unassigned-replies.ts); the card carries only its message id, so a reply of
 * any length gets a small card. A few tasks are buttons; more are one drop-down listing every task,
 * titles shortened until the card fits (card-size.ts: bytes of request body, and elements — each
 * option's text is a plain_text element); a person with more tasks than one drop-down can hold also
 * gets a box to type the task number. Once a task is chosen, the card becomes chosenCard: the
 * choice, no choices left. Pure.
 */
import { cut, md } from '../safe-text.js';
import { button, card, form, input, markdown, select, submitButton, type Card, type Element } from './card.js';
import { fitsOneCard } from './card-size.js';

export interface ChooserTask {
  id: number;
  /** The task's code as shown (「7」, or 「2023-7」 with several plans in force: bot/domain/plan/plan-code.ts). */
  code: string;
  title: string;
}

/** Up to this many tasks are offered as buttons. */
export const CHOOSER_BUTTONS = 6;
/** Title lengths tried for the drop-down, longest first (0: the task number only). */
const TITLE_LENGTHS = [40, 20, 8, 0];

const label = (t: ChooserTask, titleMax: number) => (titleMax > 0 ? `任务${cut(t.code, 12)} ${cut(t.title, titleMax)}` : `任务${cut(t.code, 12)}`);

function frame(text: string, choices: Element[]): Card {
  return card({
    title: '这条进展属于哪项任务？',
    template: 'wathet',
    elements: [
      markdown(md`您负责多项任务，请选择这条回复对应的任务：\n> ${cut(cut(text, 240).replace(/\s+/g, ' '), 120)}`),
      ...choices,
      markdown(md`以后可在回复开头写「#任务编号」（如「#7 已完成…」），就不用再选了。`),
    ],
  });
}

function dropDown(tasks: ChooserTask[], shown: number, messageId: string, titleMax: number): Element {
  return select({
    placeholder: shown < tasks.length ? `选择任务（共${tasks.length}项，列出前${shown}项）` : `选择任务（共${tasks.length}项）`,
    options: tasks.slice(0, shown).map((t) => ({ text: label(t, titleMax), value: String(t.id) })),
    value: { action: 'choose-task', messageId },
  });
}

/** A box for the task number, for when not every task fits the drop-down. */
function numberBox(messageId: string): Element {
  return form('choose_form', [
    input({ name: 'code', placeholder: '或输入任务编号，如 7', maxLength: 20 }),
    submitButton('确定', { action: 'choose-task', messageId }, 'choose_submit'),
  ]);
}

export function chooserCard(tasks: ChooserTask[], text: string, messageId: string): Card {
  if (tasks.length <= CHOOSER_BUTTONS) {
    return frame(text, tasks.map((t) => button(label(t, 40), { action: 'choose-task', taskId: t.id, messageId })));
  }
  for (const titleMax of TITLE_LENGTHS) {
    const c = frame(text, [dropDown(tasks, tasks.length, messageId, titleMax)]);
    if (fitsOneCard(c)) return c;
  }
  // More tasks than a card can list: as many as fit, and the box for any task number.
  for (let shown = Math.floor(tasks.length * 0.9); shown > 0; shown = Math.floor(shown * 0.9)) {
    const c = frame(text, [dropDown(tasks, shown, messageId, 0), numberBox(messageId)]);
    if (fitsOneCard(c)) return c;
  }
  return frame(text, [numberBox(messageId)]);
}

/** The chooser once answered: which task the message went to. */
export function chosenCard(task: Pick<ChooserTask, 'code' | 'title'>, text: string): Card {
  return card({
    title: `已选择：任务${task.code}`,
    template: 'green',
    elements: [
      markdown(md`这条回复已记入 **任务${cut(task.code, 12)} ${cut(task.title, 60)}**：\n> ${cut(cut(text, 240).replace(/\s+/g, ' '), 120)}`),
      markdown(md`以后可在回复开头写「#任务编号」（如「#7 已完成…」），就不用再选了。`),
    ],
  });
}
