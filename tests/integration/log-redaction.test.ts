/**
 * What reaches the log: secrets and message texts are redacted by default,
 * in plain fields, nested ones, and in error messages (a real Prisma error
 * quoting the arguments, a driver error quoting a URL with its password).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLog } from '../../bot/log.js';
import { tempStore } from '../helpers/temp-store.js';

function capture() {
  const lines: string[] = [];
  const log = createLog('info', { write: (s) => void lines.push(s) });
  return { log, all: () => lines.join(''), last: () => JSON.parse(lines.at(-1)!) as Record<string, any> };
}

let store: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => {
  store = await tempStore();
});
afterAll(async () => store?.cleanup());

describe('log redaction', () => {
  it('redacts secrets and message texts, at the top and nested', () => {
    const { log, all, last } = capture();
    log.info(
      {
        appSecret: 'S3cr3t-app',
        headers: { authorization: 'Bearer abc.def', cookie: 'sid=42' },
        config: { feishu: { encryptKey: 'kEy-123', password: 'pw-456' } },
        text: '今年已有118家高企',
        message: { content: '{"text":"私人的话"}', rawText: '原话' },
        event: { message: { content: '嵌套的消息' } },
        eventId: 'ev_1',
      },
      'something happened',
    );
    const out = all();
    for (const secret of ['S3cr3t-app', 'abc.def', 'sid=42', 'kEy-123', 'pw-456', '118家', '私人的话', '原话', '嵌套的消息']) {
      expect(out).not.toContain(secret);
    }
    const line = last();
    expect(line.eventId).toBe('ev_1');
    expect(line.appSecret).toBe('[redacted]');
    expect(line.event.message.content).toBe('[redacted]');
  });

  it('keeps the reason of a Prisma error but not the arguments it quotes', async () => {
    const { log, all } = capture();
    const err = await store.db.report
      .create({ data: { rawText: '张敏说：这是不该进日志的原话', nope: 1 } as never })
      .catch((e: Error) => e);
    expect(String((err as Error).message)).toContain('不该进日志的原话'); // Prisma does quote it
    log.error({ err }, 'store failed');
    log.error({ err: (err as Error).message }, 'store failed');
    expect(all()).not.toContain('不该进日志的原话');
    expect(all()).toContain('Invalid');
    expect(all()).toContain('[arguments redacted]');
  });

  it('drops the credentials of URLs in error messages', () => {
    const { log, all } = capture();
    log.warn({ err: new Error('connect failed: postgresql://bot:hunter2@db.internal:5432/workplan') }, 'db down');
    log.warn({ err: 'redis://:r3dispw@cache:6379 refused' }, 'redis down');
    expect(all()).not.toContain('hunter2');
    expect(all()).not.toContain('r3dispw');
    expect(all()).toContain('postgresql://***@db.internal:5432/workplan');
  });
});
