import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeFeishu } from '../../../bot/sandbox/index.js';
import { ALICE, BOB, sdkClient, sdkError, startSandbox } from '../../helpers/sandbox-fixture.js';

let fake: FakeFeishu;
afterEach(() => fake?.close());

async function readAll(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

describe('files', () => {
  it('uploads with im/v1/files, sends a file message, and keeps the bytes', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    const bytes = Buffer.from('任务,责任人\n1,Alice\n');
    const up = await client.im.v1.file.create({ data: { file_type: 'stream', file_name: '台账.csv', file: bytes } });
    const fileKey = up?.file_key ?? '';
    expect(fileKey).toMatch(/^file_v3_/);
    const sent = await client.im.v1.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: ALICE, msg_type: 'file', content: JSON.stringify({ file_key: fileKey }) },
    });
    expect(sent.code).toBe(0);
    expect(fake.messagesTo(ALICE)[0]?.content).toEqual({ file_key: fileKey });
    expect(fake.fileBytes(fileKey)?.equals(bytes)).toBe(true);
  });

  it('uploads an image with im/v1/images and sends it', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    const up = await client.im.v1.image.create({ data: { image_type: 'message', image: png } });
    const imageKey = up?.image_key ?? '';
    expect(imageKey).toMatch(/^img_v3_/);
    await client.im.v1.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: ALICE, msg_type: 'image', content: JSON.stringify({ image_key: imageKey }) },
    });
    expect(fake.fileBytes(imageKey)?.equals(png)).toBe(true);
  });

  it('refuses a file message with an unknown file_key', async () => {
    fake = await startSandbox();
    const err = await sdkError(
      sdkClient(fake).im.v1.message.create({
        params: { receive_id_type: 'open_id' },
        data: { receive_id: ALICE, msg_type: 'file', content: JSON.stringify({ file_key: 'file_v3_nope' }) },
      }),
    );
    expect(err.data.code).toBe(230001);
  });

  it('lets the bot download a user attachment; wrong key → 234003, bot not in chat → 234004', async () => {
    fake = await startSandbox();
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const said = await fake.userSays({ from: ALICE, attachment: { fileName: '2025年工作要点.docx', bytes } });
    const m = fake.message(said.messageId)!;
    expect(m.msgType).toBe('file');
    expect(m.content.file_name).toBe('2025年工作要点.docx');
    const client = sdkClient(fake);
    const res = await client.im.v1.messageResource.get({
      path: { message_id: said.messageId, file_key: m.content.file_key },
      params: { type: 'file' },
    });
    expect((await readAll(res.getReadableStream())).equals(bytes)).toBe(true);

    const wrong = await sdkError(
      client.im.v1.messageResource.get({ path: { message_id: said.messageId, file_key: 'file_v3_other' }, params: { type: 'file' } }),
    );
    expect(wrong.status).toBe(400);

    fake.addChat({ chatId: 'oc_nobot', name: 'no bot', members: [ALICE, BOB], botIsMember: false });
    const hidden = await fake.userSays({ from: BOB, chatId: 'oc_nobot', attachment: { fileName: 'x.bin', bytes } });
    const key = fake.message(hidden.messageId)!.content.file_key;
    const notIn = await fetchResource(client, hidden.messageId, key);
    expect(notIn).toMatchObject({ status: 400, code: 234004 });
    expect(await fetchResource(client, said.messageId, 'file_v3_other')).toMatchObject({ status: 400, code: 234003 });
  });
});

describe('user attachments the bot can download', () => {
  it('an image, a video (its file and its cover) and a post’s images, each with its own type and a Content-Length', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    const get = async (messageId: string, key: string, type: 'image' | 'file') => {
      const res = await client.im.v1.messageResource.get({ path: { message_id: messageId, file_key: key }, params: { type } });
      return { bytes: await readAll(res.getReadableStream()), length: Number(res.headers['content-length']) };
    };
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]);
    const image = await fake.userSays({ from: ALICE, attachment: { kind: 'image', fileName: 'IMG_1.jpg', bytes: photo } });
    const m = fake.message(image.messageId)!;
    expect(m.msgType).toBe('image');
    expect(Object.keys(m.content)).toEqual(['image_key']);
    expect(await get(image.messageId, m.content.image_key, 'image')).toEqual({ bytes: photo, length: photo.length });

    const video = Buffer.alloc(300, 7);
    const media = await fake.userSays({ from: ALICE, attachment: { kind: 'media', fileName: '现场.mp4', bytes: video } });
    const v = fake.message(media.messageId)!;
    expect(v.msgType).toBe('media');
    expect(v.content).toMatchObject({ file_name: '现场.mp4', duration: expect.any(Number) });
    expect((await get(media.messageId, v.content.file_key, 'file')).bytes.equals(video)).toBe(true);
    expect((await get(media.messageId, v.content.image_key, 'image')).bytes.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));

    const post = await fake.userSays({ from: ALICE, text: '现场照片 ![一] ![二]', post: true, postImages: [Buffer.from('one'), Buffer.from('two')] });
    const keys = (fake.message(post.messageId)!.content.content as { tag: string; image_key?: string }[][]).flat().filter((n) => n.tag === 'img').map((n) => n.image_key!);
    expect(keys).toHaveLength(2);
    expect((await get(post.messageId, keys[1]!, 'image')).bytes.toString()).toBe('two');
  });

  it('refuses what Feishu refuses: a key of another message (234003), a card (234043), a type that does not match the resource', async () => {
    fake = await startSandbox();
    const client = sdkClient(fake);
    const image = await fake.userSays({ from: ALICE, attachment: { kind: 'image', fileName: 'a.png', bytes: Buffer.from('png') } });
    const file = await fake.userSays({ from: ALICE, attachment: { fileName: 'a.pdf', bytes: Buffer.from('pdf') } });
    const imageKey = fake.message(image.messageId)!.content.image_key;
    expect(await fetchResource(client, file.messageId, imageKey, 'image')).toMatchObject({ status: 400, code: 234003 });
    expect(await fetchResource(client, image.messageId, imageKey, 'file')).toMatchObject({ status: 400, code: 234001 });
    const card = await client.im.v1.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: ALICE, msg_type: 'interactive', content: JSON.stringify({ schema: '2.0', body: { elements: [{ tag: 'markdown', content: 'hi' }] } }) },
    });
    expect(await fetchResource(client, card.data!.message_id!, imageKey, 'image')).toMatchObject({ status: 400, code: 234043 });
  });
});

/** The SDK streams error bodies too; read the code over plain HTTP with the SDK's token. */
async function fetchResource(client: ReturnType<typeof sdkClient>, messageId: string, key: string, type: 'image' | 'file' = 'file') {
  const { tenant_access_token } = await client.request<{ tenant_access_token: string }>({
    method: 'POST',
    url: '/open-apis/auth/v3/tenant_access_token/internal',
    data: { app_id: 'cli_a1b2c3d4e5f60718', app_secret: 's3cret' },
  });
  const r = await fetch(`${fake.url}/open-apis/im/v1/messages/${messageId}/resources/${key}?type=${type}`, {
    headers: { authorization: `Bearer ${tenant_access_token}` },
  });
  return { status: r.status, code: ((await r.json()) as { code: number }).code };
}
