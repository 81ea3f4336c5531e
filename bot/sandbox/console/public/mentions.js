// @-mentions in the console's composer, as Feishu's client makes them: typing 「@」 offers people, a pick
// puts 「@姓名」 in the text, and on sending each picked name becomes a mention the bot receives as
// `@_user_N` with its `mentions` entry. Pure functions, shared by the page and its tests.

/** The name being typed after 「@」 right before the caret, or null. */
export function mentionQuery(text, caret) {
  const m = text.slice(0, caret).match(/@([^\s@{}]{0,20})$/u);
  return m ? m[1] : null;
}

/** People whose name contains the query: the chat's members first, then everyone else; at most `max`. */
export function mentionChoices(query, chatMembers, everyone, max = 8) {
  const seen = new Set();
  const out = [];
  for (const p of [...chatMembers, ...everyone]) {
    if (seen.has(p.openId) || !p.name.includes(query)) continue;
    seen.add(p.openId);
    out.push(p);
    if (out.length >= max) break;
  }
  return out;
}

/** The text with 「@partial」 before the caret replaced by 「@姓名 」, and the caret after it. */
export function insertMention(text, caret, name) {
  const before = text.slice(0, caret).replace(/@([^\s@{}]{0,20})$/u, `@${name} `);
  return { text: before + text.slice(caret), caret: before.length };
}

/**
 * What /api/say is sent: every 「@姓名」 still in the text for a person picked, in order, as a placeholder
 * 「{@i}」 with `mentions[i]` their open_id (a braces pair typed by hand is kept apart so it is never one).
 */
export function withMentions(text, picks) {
  const mentions = [];
  const names = [...picks.keys()].sort((a, b) => b.length - a.length);
  let out = text.replace(/\{@/g, '{ @');
  if (names.length) {
    const pattern = new RegExp(`@(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gu');
    out = out.replace(pattern, (_m, name) => {
      const openId = picks.get(name);
      let i = mentions.indexOf(openId);
      if (i < 0) i = mentions.push(openId) - 1;
      return `{@${i}}`;
    });
  }
  return { text: out, mentions };
}
