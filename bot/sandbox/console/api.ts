/**
 * The console's JSON API and live stream:
 *   GET  /api/state                  bot, clock, chats
 *   GET  /api/chats/:chatId/messages message views
 *   GET  /api/events                 Server-Sent Events: `message` (new or updated), `clock` (twice a second)
 *   POST /api/say   {from, text, chatId?, mentionBot?, mentions?, replyTo?} → fake.userSays (text carries 「{@i}」 for mentions[i])
 *   POST /api/click {from, messageId, value?, name?, tag?, formValue?, option?} → fake.clickCard
 *   POST /api/clock {action: 'play'|'pause'|'speed', speed?}; POST /api/step {to}
 */
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { FakeFeishu } from '../index.js';
import type { ConsoleControls } from './index.js';
import type { Views } from './views.js';

const sayBody = z.object({
  from: z.string().min(1),
  text: z.string().min(1).max(10_000),
  chatId: z.string().optional(),
  mentionBot: z.boolean().optional(),
  /** People @-mentioned by the composer (open_ids), placed in the text as 「{@i}」. */
  mentions: z.array(z.string().min(1).max(100)).max(20).optional(),
  replyTo: z.string().optional(),
});
const clickBody = z.object({
  from: z.string().min(1),
  messageId: z.string().min(1),
  value: z.unknown().optional(),
  name: z.string().optional(),
  tag: z.string().optional(),
  formValue: z.record(z.string(), z.unknown()).optional(),
  option: z.string().optional(),
});
const clockBody = z.object({ action: z.enum(['play', 'pause', 'speed']), speed: z.number().positive().max(1_000_000).optional() });
const stepBody = z.object({ to: z.enum(['next-working-day', 'friday-1600']) });

function fail(res: Response, status: number, error: string) {
  res.status(status).json({ error });
}

export function consoleApi(deps: { fake: FakeFeishu; controls: ConsoleControls | null; views: Views }) {
  const { fake, controls, views } = deps;
  const streams = new Set<Response>();
  const router = express.Router();
  router.use(express.json({ limit: '256kb' }));

  const clock = () => (controls ? controls.state() : null);
  const send = (res: Response, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const broadcast = (event: string, data: unknown) => streams.forEach((res) => send(res, event, data));

  const unsubscribe = fake.subscribe((n) => {
    if (streams.size === 0 || n.kind === 'delivery') return;
    broadcast('message', { kind: n.kind, message: views.view(n.message) });
  });
  const ticker = setInterval(() => {
    if (streams.size > 0 && controls) broadcast('clock', clock());
  }, 500);
  ticker.unref();

  router.get('/state', (_req, res) => {
    res.json({ bot: { name: views.botName, openId: views.botOpenId }, clock: clock(), chats: views.chats() });
  });

  router.get('/chats/:chatId/messages', (req: Request<{ chatId: string }>, res) => {
    if (!views.chats().some((c) => c.chatId === req.params.chatId)) return fail(res, 404, '没有这个会话');
    res.json({ messages: views.messages(req.params.chatId) });
  });

  router.get('/events', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.write(': console\n\n');
    streams.add(res);
    if (controls) send(res, 'clock', clock());
    req.on('close', () => streams.delete(res));
  });

  router.post('/say', async (req, res) => {
    const b = sayBody.safeParse(req.body);
    if (!b.success) return fail(res, 400, '请求格式不对');
    try {
      const said = await fake.userSays({
        from: b.data.from,
        text: b.data.text,
        ...(b.data.chatId ? { chatId: b.data.chatId } : {}),
        ...(b.data.replyTo ? { replyTo: b.data.replyTo } : {}),
        // The bot last: not placed in the text, it goes in front as the client puts an @机器人.
        ...(b.data.mentionBot || b.data.mentions?.length ? { mentions: [...(b.data.mentions ?? []), ...(b.data.mentionBot ? [fake.botOpenId] : [])] } : {}),
      });
      const delivery = await said.delivery;
      res.json({ messageId: said.messageId, pushed: said.eventId !== null, outcome: delivery?.outcome ?? null });
    } catch (e) {
      fail(res, 400, `发送失败：${(e as Error).message}`);
    }
  });

  router.post('/click', async (req, res) => {
    const b = clickBody.safeParse(req.body);
    if (!b.success) return fail(res, 400, '请求格式不对');
    try {
      const { from, messageId, value, name, tag, formValue, option } = b.data;
      const r = await fake.clickCard({ from, messageId, value, ...(name ? { name } : {}), ...(tag ? { tag } : {}), ...(formValue ? { formValue } : {}), ...(option ? { option } : {}) });
      const toast = (r.body as { toast?: { type?: string; content?: string } } | null)?.toast ?? null;
      res.json({ outcome: r.outcome, toast, cardReplaced: r.cardReplaced, cardError: r.cardError });
    } catch (e) {
      fail(res, 400, `点击失败：${(e as Error).message}`);
    }
  });

  router.post('/clock', (req, res) => {
    const b = clockBody.safeParse(req.body);
    if (!controls) return fail(res, 409, '这个控制台没有模拟时钟');
    if (!b.success) return fail(res, 400, '请求格式不对');
    if (b.data.action === 'play') controls.play();
    else if (b.data.action === 'pause') controls.pause();
    else if (b.data.speed) controls.setSpeed(b.data.speed);
    broadcast('clock', clock());
    res.json({ clock: clock() });
  });

  router.post('/step', async (req, res) => {
    const b = stepBody.safeParse(req.body);
    if (!controls) return fail(res, 409, '这个控制台没有模拟时钟');
    if (!b.success) return fail(res, 400, '请求格式不对');
    try {
      await controls.step(b.data.to);
      broadcast('clock', clock());
      res.json({ clock: clock() });
    } catch (e) {
      fail(res, 500, `推进失败：${(e as Error).message}`);
    }
  });

  return {
    router,
    close() {
      unsubscribe();
      clearInterval(ticker);
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}
