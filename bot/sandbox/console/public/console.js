// The console page: chat list, live messages, composer. Message and card HTML comes rendered (and
// escaped) from the server; everything else is set with textContent.
import { $, api, toast } from './api.js';
import { wireCardActions } from './card-actions.js';
import { renderClock, wireClock } from './clock.js';
import { insertMention, mentionChoices, mentionQuery, withMentions } from './mentions.js';

const state = { chats: [], selected: null, seen: new Map(), unread: new Map(), replyTo: null };

// ---- chats ----
function renderChats() {
  const nav = $('chats');
  nav.replaceChildren(
    ...state.chats.map((c) => {
      const item = document.createElement('div');
      item.className = `chat-item chat-${c.type}${c.chatId === state.selected ? ' active' : ''}`;
      item.dataset.chatId = c.chatId;
      const left = document.createElement('div');
      const name = document.createElement('div');
      name.className = 'chat-name';
      name.textContent = c.name || c.chatId;
      const role = document.createElement('div');
      role.className = 'chat-role';
      role.textContent = c.type === 'p2p' ? `与机器人的单聊${c.role ? ` · ${c.role}` : ''}` : `群聊 · ${c.members.length}人`;
      left.append(name, role);
      item.append(left);
      const n = state.unread.get(c.chatId) || 0;
      if (n > 0) {
        const badge = document.createElement('span');
        badge.className = 'unread';
        badge.textContent = String(n);
        item.append(badge);
      }
      item.addEventListener('click', () => selectChat(c.chatId));
      return item;
    }),
  );
}

async function loadState() {
  const s = await api('state');
  for (const c of s.chats) {
    if (!state.seen.has(c.chatId)) state.seen.set(c.chatId, 0);
    if (c.chatId !== state.selected) state.unread.set(c.chatId, Math.max(0, c.messageCount - state.seen.get(c.chatId)));
  }
  state.chats = s.chats;
  renderClock(s.clock);
  renderChats();
}

function currentChat() {
  return state.chats.find((c) => c.chatId === state.selected) || null;
}

async function selectChat(chatId) {
  state.selected = chatId;
  state.unread.set(chatId, 0);
  setReplyTo(null);
  history.replaceState(null, '', `#chat=${encodeURIComponent(chatId)}`);
  const chat = currentChat();
  renderChats();
  $('chat-head').textContent = chat ? (chat.type === 'p2p' ? `${chat.name}（${chat.role || '成员'}）与机器人的单聊` : `${chat.name}（群聊）`) : chatId;
  const speaker = $('speaker');
  speaker.replaceChildren(...(chat ? chat.members : []).map((m) => new Option(m.role ? `${m.name}（${m.role}）` : m.name, m.openId)));
  if (chat && chat.ownerId) speaker.value = chat.ownerId;
  $('at-bot-label').hidden = !chat || chat.type !== 'group';
  $('composer').hidden = !chat;
  const { messages } = await api(`chats/${encodeURIComponent(chatId)}/messages`);
  if (state.selected !== chatId) return;
  $('messages').replaceChildren();
  messages.forEach((m) => upsertMessage(m));
  state.seen.set(chatId, messages.length);
  scrollToEnd();
}

// ---- messages ----
function scrollToEnd() {
  const box = $('messages');
  box.scrollTop = box.scrollHeight;
}

function messageElement(m) {
  const el = document.createElement('div');
  el.className = `msg ${m.sender === 'bot' ? 'from-bot' : 'mine'} type-${m.msgType}`;
  el.dataset.id = m.messageId;
  el.dataset.sender = m.sender;
  const meta = document.createElement('div');
  meta.className = 'msg-meta';
  meta.textContent = `${m.senderName} · ${m.time}${m.updated ? ' · 已更新' : ''}`;
  const reply = document.createElement('button');
  reply.type = 'button';
  reply.className = 'link-btn reply-link';
  reply.textContent = '回复';
  reply.addEventListener('click', () => setReplyTo(m));
  meta.append(reply);
  if (m.urgent) {
    // 加急: Feishu's red mark on a buzzed message; the title says who, how, and whether they read it.
    el.classList.add('urgent');
    const mark = document.createElement('span');
    mark.className = `urgent-mark${m.urgent.unread ? ' unread' : ''}`;
    mark.textContent = '加急';
    mark.title = m.urgent.people.join('；');
    const who = document.createElement('span');
    who.className = 'urgent-who';
    who.textContent = m.urgent.people.join('；');
    meta.prepend(mark);
    meta.append(who);
  }
  el.append(meta);
  if (m.replyTo) {
    const q = document.createElement('div');
    q.className = 'quote';
    q.textContent = `回复 ${m.replyTo.senderName}：${m.replyTo.snippet}`;
    q.addEventListener('click', () => highlight(m.replyTo.messageId));
    el.append(q);
  }
  const body = document.createElement('div');
  body.className = m.msgType === 'interactive' ? 'card-holder' : 'bubble';
  body.innerHTML = m.html; // rendered and escaped by the server
  el.append(body);
  return el;
}

function upsertMessage(m) {
  const box = $('messages');
  const old = box.querySelector(`.msg[data-id="${CSS.escape(m.messageId)}"]`);
  const el = messageElement(m);
  if (old) old.replaceWith(el);
  else box.append(el);
}

function highlight(messageId) {
  const el = $('messages').querySelector(`.msg[data-id="${CSS.escape(messageId)}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.classList.add('highlight');
  setTimeout(() => el.classList.remove('highlight'), 1500);
}

function setReplyTo(m) {
  state.replyTo = m ? m.messageId : null;
  $('reply-to').hidden = !m;
  $('reply-to-text').textContent = m ? `回复 ${m.senderName}：${m.snippet}` : '';
  if (m) $('text').focus();
}

function onNotice(n) {
  const m = n.message;
  if (!state.chats.some((c) => c.chatId === m.chatId)) {
    loadState();
    return;
  }
  if (m.chatId === state.selected) {
    const box = $('messages');
    const atEnd = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    upsertMessage(m);
    if (n.kind === 'message') state.seen.set(m.chatId, (state.seen.get(m.chatId) || 0) + 1);
    if (atEnd || n.kind === 'message') scrollToEnd();
  } else if (n.kind === 'message') {
    state.unread.set(m.chatId, (state.unread.get(m.chatId) || 0) + 1);
    state.seen.set(m.chatId, state.seen.get(m.chatId) || 0);
    renderChats();
  }
}

// ---- composer ----
/** People picked by 「@」 in the current draft: name → open_id. */
const picks = new Map();
let choices = [];
let chosen = 0;
function everyone() {
  const seen = new Map();
  for (const c of state.chats) for (const m of c.members) if (!seen.has(m.openId)) seen.set(m.openId, m);
  return [...seen.values()];
}
function showChoices() {
  const list = $('mention-list');
  const query = mentionQuery($('text').value, $('text').selectionStart);
  const chat = currentChat();
  choices = query === null || !chat ? [] : mentionChoices(query, chat.members, everyone());
  chosen = 0;
  list.hidden = choices.length === 0;
  list.replaceChildren(...choices.map((p, i) => {
    const li = document.createElement('li');
    li.textContent = p.role ? `${p.name}（${p.role}）` : p.name;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', String(i === chosen));
    li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(i); });
    return li;
  }));
}
function pick(i) {
  const p = choices[i];
  if (!p) return;
  const box = $('text');
  const r = insertMention(box.value, box.selectionStart, p.name);
  picks.set(p.name, p.openId);
  box.value = r.text;
  box.setSelectionRange(r.caret, r.caret);
  $('mention-list').hidden = true;
  choices = [];
  box.focus();
}
$('text').addEventListener('input', showChoices);
$('text').addEventListener('blur', () => { $('mention-list').hidden = true; });

$('composer').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const chat = currentChat();
  const typed = $('text').value.trim();
  if (!chat || !typed) return;
  const { text, mentions } = withMentions(typed, picks);
  const body = { from: $('speaker').value, text, chatId: chat.chatId, ...(mentions.length ? { mentions } : {}) };
  if (chat.type === 'group') body.mentionBot = $('at-bot').checked;
  if (state.replyTo) body.replyTo = state.replyTo;
  $('send').disabled = true;
  try {
    await api('say', body);
    $('text').value = '';
    picks.clear();
    setReplyTo(null);
  } catch (e) {
    toast(e.message, 'error');
  } finally {
    $('send').disabled = false;
  }
});
$('text').addEventListener('keydown', (ev) => {
  if (choices.length && !$('mention-list').hidden) {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      chosen = (chosen + (ev.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length;
      [...$('mention-list').children].forEach((li, i) => li.setAttribute('aria-selected', String(i === chosen)));
      return;
    }
    if ((ev.key === 'Enter' || ev.key === 'Tab') && !ev.isComposing) {
      ev.preventDefault();
      pick(chosen);
      return;
    }
    if (ev.key === 'Escape') {
      $('mention-list').hidden = true;
      return;
    }
  }
  if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
    ev.preventDefault();
    $('composer').requestSubmit();
  }
});
$('reply-cancel').addEventListener('click', () => setReplyTo(null));

// ---- start ----
wireClock();
wireCardActions();
(async () => {
  const events = new EventSource('api/events');
  events.addEventListener('message', (e) => onNotice(JSON.parse(e.data)));
  events.addEventListener('clock', (e) => renderClock(JSON.parse(e.data)));
  await loadState();
  const wanted = decodeURIComponent((location.hash.match(/chat=([^&]+)/) || [])[1] || '');
  const first = state.chats.find((c) => c.chatId === wanted) || null;
  if (first) await selectChat(first.chatId);
  document.body.dataset.ready = 'true';
})().catch((e) => toast(`控制台加载失败：${e.message}`, 'error'));
