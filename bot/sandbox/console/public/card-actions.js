// Card buttons and forms: posted back to the bot as clicks (the callback value; a form's fields as
// form_value), as the person chosen in the composer.
import { $, api, toast } from './api.js';

function formValues(form) {
  const out = {};
  for (const el of form.querySelectorAll('[name]')) {
    if (!el.name) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.multiple) out[el.name] = [...el.selectedOptions].map((o) => o.value);
    else out[el.name] = el.value;
  }
  return out;
}

async function click(messageId, payload) {
  try {
    const r = await api('click', { from: $('speaker').value, messageId, ...payload });
    if (r.toast && r.toast.content) toast(r.toast.content, r.toast.type || 'info');
    else if (r.outcome !== 'acked') toast(`机器人没有正常应答（${r.outcome}）`, 'error');
    if (r.cardError) toast(`机器人返回的卡片无效：${r.cardError}`, 'error');
  } catch (e) {
    toast(e.message, 'error');
  }
}

/** Listens for clicks and changes on the cards in the message list. */
export function wireCardActions() {
  $('messages').addEventListener('click', (ev) => {
    const btn = ev.target.closest('button[data-role]');
    const msg = btn && btn.closest('.msg');
    if (!btn || !msg || btn.disabled) return;
    const value = JSON.parse(btn.dataset.value || '{}');
    const base = { value, tag: btn.dataset.tag || 'button', ...(btn.dataset.name ? { name: btn.dataset.name } : {}) };
    if (btn.dataset.url) window.open(btn.dataset.url, '_blank', 'noopener');
    const form = btn.closest('form.card-form');
    if (btn.dataset.role === 'reset' && form) form.reset();
    else if (btn.dataset.role === 'submit' && form) click(msg.dataset.id, { ...base, name: btn.dataset.name || 'submit', formValue: formValues(form) });
    else click(msg.dataset.id, base);
  });

  $('messages').addEventListener('change', (ev) => {
    const el = ev.target;
    const msg = el.closest('.msg');
    if (!msg || el.closest('form.card-form') || !el.dataset.tag) return;
    const value = JSON.parse(el.dataset.value || '{}');
    click(msg.dataset.id, { value, tag: el.dataset.tag, name: el.name || undefined, option: el.type === 'checkbox' ? String(el.checked) : el.value });
  });
}
