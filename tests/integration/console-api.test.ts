/**
 * The web console's HTTP API over the live demo (bot/demo): the state and chats it lists,
 * messages as rendered HTML, and say / click / step travelling to the bot as signed Feishu events
 * (through the fake), with live notices on the event stream. We play the colleague who never
 * answers by himself, so the demo's scripted colleagues do not get in the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_START } from '../../bot/demo/start-demo.js';
import { DEMO_ADMIN, LEADERS_GROUP } from '../../bot/demo/cast.js';
import { startConsoleDemo, type ConsoleDemo } from '../browser/demo-fixture.js';
import { waitFor } from '../helpers/wait-for.js';
import { rawCard } from '../helpers/raw-card.js';

const GROUP = LEADERS_GROUP.chatId;
const HE = 'ou_demo_hejianguo'; // a leader, in the leaders' group
let demo: ConsoleDemo;
let STAFF: string;

async function get<T = any>(path: string): Promise<T> {
  const r = await fetch(new URL(`api/${path}`, demo.url));
  expect(r.status).toBe(200);
  return (await r.json()) as T;
}
async function post(path: string, body: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(new URL(`api/${path}`, demo.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
}
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The data-value of the button with this label in a card's HTML. */
function buttonValue(html: string, label: string): unknown {
  const m = [...html.matchAll(/<button[^>]*data-value="([^"]*)"[^>]*>([^<]*)<\/button>/g)].find((x) => x[2] === label);
  if (!m) throw new Error(`no button ${label}`);
  return JSON.parse(decode(m[1]!));
}

const staffChat = () => demo.staff.chatId;
const botSaysIn = (chatId: string, pred: (m: any) => boolean) => demo.demo.fake.messagesIn(chatId).filter((m) => m.sender === 'bot').find(pred);
const words = (m: { content: unknown }) => JSON.stringify(m.content);

beforeAll(async () => {
  demo = await startConsoleDemo();
  STAFF = demo.staff.openId;
});
afterAll(async () => demo?.close());

describe('console API', () => {
  it('serves the page and lists the chats: the leaders’ group, then each person’s p2p chat with name and role', async () => {
    const page = await fetch(demo.url);
    expect(await page.text()).toContain('<title>工作要点机器人 · 演示控制台</title>');
    const s = await get('state');
    expect(s.clock).toEqual({ now: DEMO_START.toISOString(), speed: 600, paused: true });
    expect(s.chats[0]).toMatchObject({ chatId: GROUP, type: 'group', name: LEADERS_GROUP.name });
    expect(s.chats).toContainEqual(expect.objectContaining({ chatId: staffChat(), type: 'p2p', name: demo.staff.name, role: '高新科·从不回复', ownerId: STAFF }));
    expect(s.chats.find((c: any) => c.ownerId === DEMO_ADMIN.openId)).toMatchObject({ name: DEMO_ADMIN.name, role: '管理员（办公室）' });
  });

  it('steps to the next working day: the bot sends the check-ins, shown as rendered cards', async () => {
    const r = await post('step', { to: 'next-working-day' });
    expect(r.status).toBe(200);
    expect(r.body.clock.now).toBe(new Date('2022-03-22T09:30:00+08:00').toISOString());
    const { messages } = await get(`chats/${staffChat()}/messages`);
    const nudge = messages.find((m: any) => m.html.includes('任务2 培育科技型企业'));
    expect(nudge).toMatchObject({ sender: 'bot', senderName: '工作要点助手', msgType: 'interactive', time: '3月21日 周一 09:30' });
    expect(nudge.html).toContain('<div class="card-title">任务2 培育科技型企业</div>');
  });

  it('a button click travels to the bot, which records it and confirms', async () => {
    const { messages } = await get(`chats/${staffChat()}/messages`);
    const nudge = messages.find((m: any) => m.html.includes('任务2 培育科技型企业'));
    const r = await post('click', { from: STAFF, messageId: nudge.messageId, value: buttonValue(nudge.html, '按计划推进'), tag: 'button' });
    expect(r.body).toMatchObject({ outcome: 'acked', toast: { type: 'success', content: '已记录：按计划推进' } });
    await waitFor(() => botSaysIn(staffChat(), (m) => words(m).includes('状态：按计划推进')), 60_000, 'the confirmation');
    expect(await demo.demo.bot.deps.db.report.count({ where: { source: 'button', status: 'on_track', person: { openId: STAFF } } })).toBe(1);
  });

  it('a form submit carries the fields, and a reply threads under the card; both arrive on the event stream', async () => {
    const stream = await fetch(new URL('api/events', demo.url));
    const reader = stream.body!.getReader();
    let seen = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        seen += new TextDecoder().decode(value);
      }
    })();

    const { messages } = await get(`chats/${staffChat()}/messages`);
    const nudge = messages.find((m: any) => m.html.includes('任务2 培育科技型企业'));
    const field = /<input type="text" name="(t\d+)"/.exec(nudge.html)![1]!; // the target's number field
    const form = await post('click', { from: STAFF, messageId: nudge.messageId, name: 'submit', value: buttonValue(nudge.html, '提交进展'), formValue: { [field]: '125', note: '表单填报<b>' } });
    expect(form.body.outcome).toBe('acked');
    await waitFor(() => botSaysIn(staffChat(), (m) => words(m).includes('125')), 60_000, 'the form’s confirmation');
    const rep = await demo.demo.bot.deps.db.report.findFirstOrThrow({ where: { source: 'form', person: { openId: STAFF } }, include: { values: true } });
    expect(rep.rawText).toBe('表单填报<b>');
    expect(rep.values.map((v) => v.value)).toEqual([125]);

    const said = await post('say', { from: STAFF, text: '重庆市科技型企业已有1260家 <script>', replyTo: nudge.messageId });
    expect(said.body).toMatchObject({ pushed: true, outcome: 'acked' });
    const confirm = await waitFor(() => botSaysIn(staffChat(), (m) => m.parentId === said.body.messageId), 60_000, 'the threaded confirmation');
    expect(words(confirm)).toContain('1260');
    const mine = (await get(`chats/${staffChat()}/messages`)).messages.find((m: any) => m.messageId === said.body.messageId);
    expect(mine.html).toBe('<div class="text">重庆市科技型企业已有1260家 &lt;script&gt;</div>');
    expect(mine.replyTo).toMatchObject({ messageId: nudge.messageId, senderName: '工作要点助手' });

    await waitFor(() => seen.includes(`"messageId":"${confirm.messageId}"`), 60_000, 'the confirmation on the event stream');
    // A card the bot updates (PATCH) comes again on the stream as message_updated, rendered anew.
    await demo.demo.bot.deps.messenger.updateCard(confirm.messageId, rawCard({ schema: '2.0', header: { title: { tag: 'plain_text', content: '已更新的卡片' }, template: 'green' }, body: { elements: [] } }));
    await waitFor(() => seen.includes('"kind":"message_updated"') && seen.includes('已更新的卡片'), 60_000, 'the update on the event stream');
    const updated = (await get(`chats/${staffChat()}/messages`)).messages.find((m: any) => m.messageId === confirm.messageId);
    expect(updated).toMatchObject({ updated: true, html: expect.stringContaining('<div class="card-title">已更新的卡片</div>') });
    expect(seen).toContain('event: message');
    expect(seen).toContain('event: clock');
    await reader.cancel();
    await reading.catch(() => undefined);
  });

  it('in a group the bot hears only @-mentions; non-members and bad requests get a Chinese error', async () => {
    const quiet = await post('say', { from: HE, chatId: GROUP, text: '大家好' });
    expect(quiet.body.pushed).toBe(false);
    const ping = await post('say', { from: HE, chatId: GROUP, text: '/ping', mentionBot: true });
    expect(ping.body.pushed).toBe(true);
    await waitFor(() => botSaysIn(GROUP, (m) => m.content.text === 'pong'), 60_000, 'pong in the group');
    const html = (await get(`chats/${GROUP}/messages`)).messages.find((m: any) => m.messageId === ping.body.messageId).html;
    expect(html).toBe('<div class="text"><span class="at">@工作要点助手</span> /ping</div>');

    expect(await post('say', { from: STAFF, chatId: GROUP, text: '我不在群里' })).toMatchObject({ status: 400, body: { error: expect.stringContaining('发送失败') } });
    expect((await post('click', { from: STAFF })).status).toBe(400);
    expect((await post('clock', { action: 'speed', speed: 3600 })).body.clock.speed).toBe(3600);
    expect((await fetch(new URL('api/chats/oc_nope/messages', demo.url))).status).toBe(404);
  });

  it('an @-mention from the composer reaches the bot as Feishu sends it: /assign by the admin works', async () => {
    const adminChat = demo.demo.fake.p2pChatOf(DEMO_ADMIN.openId);
    const r = await post('say', { from: DEMO_ADMIN.openId, chatId: adminChat, text: '/assign 3 {@0}', mentions: [HE] });
    expect(r.status).toBe(200);
    const sent = demo.demo.fake.message(r.body.messageId)!;
    expect(sent.mentions).toEqual([{ key: '@_user_1', openId: HE, name: '何建国' }]);
    expect((sent.content as { text: string }).text).toBe('/assign 3 @_user_1');
    await waitFor(async () => (await demo.demo.bot.deps.db.assignment.count({ where: { person: { openId: HE }, task: { code: '3' }, role: 'owner', active: true } })) === 1, 60_000, 'the assignment');
    const html = (await get(`chats/${adminChat}/messages`)).messages.find((m: any) => m.messageId === r.body.messageId).html;
    expect(html).toContain('<span class="at">@何建国</span>');
  });

  it('serves a favicon', async () => {
    const r = await fetch(new URL('favicon.svg', demo.url));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('image/svg+xml');
    expect(await (await fetch(demo.url)).text()).toContain('rel="icon" href="favicon.svg"');
  });
});
