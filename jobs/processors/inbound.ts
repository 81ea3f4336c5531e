/** The `inbound` worker's processor: dispatches a verified event to its handler. */
import { UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../../bot/deps.js';
import { onMessage } from '../../bot/handlers/on-message.js';
import type { Handlers } from '../../bot/handlers/types.js';
import { inboundJob, type InboundJob } from '../queues.js';
import { cardActionSchema, envelopeSchema, messageEventSchema } from '../../bot/feishu/envelope.js';

export function createInboundProcessor(deps: Deps, handlers: Handlers, botOpenId: () => Promise<string>) {
  return async (job: Job<InboundJob>): Promise<void> => {
    const parsed = inboundJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('malformed inbound job');
    const env = envelopeSchema.safeParse(parsed.data.envelope);
    if (!env.success) throw new UnrecoverableError('malformed envelope');
    const envelope = env.data;
    const type = envelope.header.event_type;
    switch (type) {
      case 'im.message.receive_v1': {
        const event = messageEventSchema.safeParse(envelope.event);
        if (!event.success) throw new UnrecoverableError('malformed message event');
        await onMessage(deps, handlers, envelope.header.event_id, event.data, await botOpenId());
        return;
      }
      case 'card.action.trigger': {
        const action = cardActionSchema.safeParse(envelope.event);
        if (!action.success) throw new UnrecoverableError('malformed card action');
        const name = (action.data.action.value as { action?: unknown } | undefined)?.action;
        const entry = typeof name === 'string' ? handlers.cardActions.get(name) : undefined;
        if (entry) await entry.work(deps, action.data, envelope);
        else deps.log.warn({ action: String(name) }, 'card action without a handler');
        return;
      }
      case 'im.chat.member.bot.added_v1': {
        const e = envelope.event as { chat_id?: string; name?: string };
        if (!e.chat_id) return;
        const now = deps.clock.now();
        await deps.db.chat.upsert({
          where: { chatId: e.chat_id },
          create: { chatId: e.chat_id, name: e.name ?? null, createdAt: now },
          update: { name: e.name ?? null },
        });
        return;
      }
      default:
        deps.log.info({ type }, 'event type not handled');
    }
  };
}
