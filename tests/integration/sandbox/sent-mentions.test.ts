/**
 * What the fake Feishu reads in the bot's messages (#14 items 5–6): @all in every spelling is recorded
 * as a mention where the chat allows it and refused (230035) where it does not, read per message type
 * as Feishu reads it (plain_text never); the card size limit applies to the request body, as Feishu
 * measures it; and a send can be refused on demand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bodyBytes, CARD_BODY_LIMIT } from '../../../bot/feishu/cards/card-size.js';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, BOB, card, GROUP, sdkClient, sdkError, startSandbox, text } from '../../helpers/sandbox-fixture.js';

let fake: FakeFeishu;
afterEach(() => fake?.close());

const OPEN = 'oc_open0000000000000000000000000001';
const send = (chatId: string, msgType: string, content: string) =>
  sdkClient(fake).im.v1.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: chatId, msg_type: msgType, content } });
const ALL = { key: '@_all', openId: 'all', name: '所有人' };
const post = (nodes: unknown[]) => JSON.stringify({ zh_cn: { title: '', content: [nodes] } });

async function sandbox() {
  fake = await startSandbox();
  fake.addChat({ chatId: OPEN, name: '全员群', members: [ALICE, BOB], allowAtAll: true });
}

describe('mentions in what the bot sends', () => {
  it.each([
    ['text, double-quoted', 'text', text('<at user_id="all">所有人</at> 开会')],
    ['text, single-quoted', 'text', text("<at user_id='all'></at>")],
    ['text, unquoted, no closing tag', 'text', text('<at user_id=all>')],
    ['post, an at node', 'post', post([{ tag: 'at', user_id: 'all' }])],
    ['post, an md node', 'post', post([{ tag: 'md', text: '<at user_id="all"></at>' }])],
    ['card markdown', 'interactive', JSON.stringify(card([{ tag: 'markdown', content: '<at id=all></at>' }]))],
    ['card lark_md, ids list', 'interactive', JSON.stringify(card([{ tag: 'div', text: { tag: 'lark_md', content: `<at ids=${BOB},all></at>` } }]))],
  ])('@all in %s: recorded where allowed, 230035 elsewhere', async (_name, msgType, content) => {
    await sandbox();
    const sent = await send(OPEN, msgType, content);
    expect(fake.message(sent.data!.message_id!)!.mentions).toContainEqual(ALL);
    expect((await sdkError(send(GROUP, msgType, content))).data.code).toBe(230035);
    expect((await sdkError(sdkClient(fake).im.v1.message.create({ params: { receive_id_type: 'open_id' }, data: { receive_id: ALICE, msg_type: msgType, content } }))).data.code).toBe(230035);
  });

  it('people are recorded with their names; plain_text, button values and post text nodes are never read', async () => {
    await sandbox();
    const people = await send(OPEN, 'interactive', JSON.stringify(card([{ tag: 'markdown', content: `<at id=${BOB}></at>` }])));
    expect(fake.message(people.data!.message_id!)!.mentions).toEqual([{ key: '@_user_1', openId: BOB, name: 'Bob' }]);
    const inert = card([
      { tag: 'div', text: { tag: 'plain_text', content: '<at id=all></at><at user_id="all"></at>' } },
      { tag: 'button', text: { tag: 'plain_text', content: '<at id=all>' }, behaviors: [{ type: 'callback', value: { x: '<at id=all></at>' } }] },
    ]);
    for (const [msgType, content] of [['interactive', JSON.stringify(inert)], ['post', post([{ tag: 'text', text: '<at user_id="all"></at>' }])]] as const) {
      const sent = await send(GROUP, msgType, content);
      expect(fake.message(sent.data!.message_id!)!.mentions).toEqual([]);
    }
  });
});

describe('card size, measured on the request body', () => {
  it('refuses a card whose JSON is under 30 KB but whose request body is over (230025), as bodyBytes predicts', async () => {
    await sandbox();
    // A line break is 2 bytes in the card's JSON (\n) and 3 in the body, where that JSON is a string again (\\n).
    const lines = (n: number) => card([{ tag: 'markdown', content: 'a\n'.repeat(n) }]);
    const big = lines(9 * 1024); // ~27 KB of card JSON, ~36 KB of body
    expect(Buffer.byteLength(JSON.stringify(big))).toBeLessThan(CARD_BODY_LIMIT);
    expect(bodyBytes(big)).toBeGreaterThan(CARD_BODY_LIMIT);
    expect((await sdkError(send(GROUP, 'interactive', JSON.stringify(big)))).data.code).toBe(230025);
    const fits = lines(7 * 1024);
    expect(bodyBytes(fits)).toBeLessThan(CARD_BODY_LIMIT - 512);
    expect((await send(GROUP, 'interactive', JSON.stringify(fits))).code).toBe(0);
  });
});

describe('refusals on demand', () => {
  it('refuses the next sends of one message type with the given code, then sends again', async () => {
    await sandbox();
    fake.faults.refuse({ times: 1, code: 230099, msgType: 'interactive' });
    expect((await send(GROUP, 'text', text('文字照常'))).code).toBe(0);
    expect((await sdkError(send(GROUP, 'interactive', JSON.stringify(card())))).data.code).toBe(230099);
    expect((await send(GROUP, 'interactive', JSON.stringify(card()))).code).toBe(0);
  });
});
