/**
 * A plan made hostile (#14 item 5): titles, lead units, targets and people's names carrying @all in
 * every spelling Feishu might read, links, bold and `</at>` tricks; and what a reader sees of a bot
 * message, to check the words still read literally while nobody is pinged.
 */
import { expect } from 'vitest';
import type { Db } from '../../bot/store/db.js';
import type { Fake } from './bot-harness.js';

export const AT_ALL_TEXT = '<at user_id="all">所有人</at>';
export const AT_ALL_CARD = '<at id=all></at>';
export const TRICKS = `</at><at user_id='all'>x</at><at user_id=all></at><at ids=ou_x,all></at>`;
export const LINK = '[点此](https://evil.example/x)';

export const HOSTILE = {
  plan: `${AT_ALL_CARD}工作要点`,
  section: `${AT_ALL_TEXT}创新`,
  /** Tasks 1 and 4 share 「恶意」, so 「/task 恶意」 is ambiguous. */
  task1: `恶意${AT_ALL_TEXT}一${LINK}`,
  task4: `恶意${AT_ALL_CARD}二**加粗**`,
  task7: `${AT_ALL_CARD}${TRICKS}统计`,
  task12: `${AT_ALL_TEXT}推广`,
  unit: `${AT_ALL_CARD}科技局`,
  label: `**高企**${AT_ALL_CARD}`,
  /** Names, by open_id. */
  people: {
    ou_demo_zhangmin: `${AT_ALL_TEXT}张敏`,
    ou_demo_liqiang: `${AT_ALL_CARD}李强`,
    ou_demo_liuyang: `${TRICKS}刘洋`,
    ou_demo_hejianguo: `${AT_ALL_CARD}何建国`,
    ou_demo_yangfan: `${LINK}杨帆`,
  } as Record<string, string>,
};

/**
 * Puts the hostile words into the seeded store (each hostile task gets a hostile lead unit), and the
 * people's names into the fake directory too. Task 7 becomes overdue since 3月31日, so its leader is
 * escalated to from 4月11日 on.
 */
export async function makeHostile(db: Db, fake: Fake): Promise<void> {
  await db.plan.updateMany({ data: { title: HOSTILE.plan } });
  await db.section.updateMany({ data: { title: HOSTILE.section } });
  const titles: Record<string, string> = { '1': HOSTILE.task1, '4': HOSTILE.task4, '7': HOSTILE.task7, '12': HOSTILE.task12 };
  for (const [code, title] of Object.entries(titles)) {
    const task = await db.task.findFirstOrThrow({ where: { code } });
    await db.task.update({ where: { id: task.id }, data: { title } });
    await db.taskParty.deleteMany({ where: { taskId: task.id, role: 'lead' } });
    await db.taskParty.create({ data: { taskId: task.id, role: 'lead', name: HOSTILE.unit, position: 0 } });
    await db.target.updateMany({ where: { taskId: task.id, position: 0 }, data: { label: HOSTILE.label } });
  }
  await db.task.updateMany({ where: { code: '7' }, data: { deadline: '2022-03-31' } });
  for (const [openId, name] of Object.entries(HOSTILE.people)) {
    await db.person.updateMany({ where: { openId }, data: { name } });
    const user = fake.users().find((u) => u.openId === openId);
    if (user) fake.addUser({ openId, name, ...(user.email ? { email: user.email } : {}) });
  }
}

/** Full-width look-alikes read back as the ASCII they stand for. */
const LOOK = { '＜': '<', '＞': '>', '［': '[', '］': ']', '＊': '*', '～': '~', '｀': '`', '＆': '&', '＼': '\\', '：//': '://' } as Record<string, string>;
const unLook = (s: string) => s.replace(/：\/\/|[＜＞［］＊～｀＆＼]/g, (c) => LOOK[c] ?? c);
const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'value' && k !== 'behaviors') strings(x, out);
  return out;
}

/** What a person reads of a bot message: entities decoded, look-alikes read as the characters they show. */
export function readable(m: { msgType: string; content: any }): string {
  return unLook(decode(m.msgType === 'text' ? String(m.content.text) : strings(m.content).join('\n')));
}

/** No bot message mentions anyone (least of all everyone), and Feishu refused none for @all (230035). */
export function expectNobodyPinged(fake: Fake): void {
  const sent = fake.messages({ sender: 'bot' });
  expect(sent.length).toBeGreaterThan(0);
  for (const m of sent) expect(m.mentions, `${m.msgType} ${m.messageId}: ${JSON.stringify(m.content).slice(0, 300)}`).toEqual([]);
  expect(fake.calls.filter((c) => c.code === 230035)).toEqual([]);
}
