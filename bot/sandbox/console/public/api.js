// The console's JSON API and toasts.
export const $ = (id) => document.getElementById(id);

export async function api(path, body) {
  const res = await fetch(`api/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `HTTP ${res.status}`);
  return data;
}

export function toast(text, type = 'info') {
  const el = document.createElement('div');
  el.className = `toast ${type}`;
  el.textContent = text;
  $('toasts').append(el);
  setTimeout(() => el.remove(), 4000);
}
