/** 推迟提醒 (snoozes): stored per task, person and period; the schedule reads them (nudge-store.ts). */
import { shanghaiMinute } from '../domain/calendar/shanghai-time.js';
import { audit } from './audit.js';
import type { Db } from './db.js';

export interface SnoozeInput {
  taskId: number;
  personId: number;
  period: string;
  until: Date;
  actor: string;
  ask: string;
  text: string;
  messageId: string;
  chatId: string | null;
  now: Date;
}

export const snoozeOfMessage = (db: Db, messageId: string) => db.snooze.findUnique({ where: { messageId } });

export const snoozesOf = (db: Db, k: { taskId: number; personId: number; period: string }) =>
  db.snooze.count({ where: { taskId: k.taskId, personId: k.personId, period: k.period } });

/**
 * Records the snooze, audited (`checkin.snoozed`), and cancels the period's check-in nudges of this
 * person still waiting to go out up to its moment (the sweep holds them from now on).
 */
export async function addSnooze(db: Db, z: SnoozeInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.snooze.create({ data: { taskId: z.taskId, personId: z.personId, period: z.period, until: z.until, ask: z.ask, messageId: z.messageId, createdAt: z.now } });
    await tx.nudge.updateMany({
      where: {
        taskId: z.taskId, personId: z.personId, period: z.period, state: 'pending', dueAt: { lte: z.until },
        OR: [{ kind: 'checkin' }, { kind: { startsWith: 'followup' } }, { kind: { startsWith: 'snooze' } }],
      },
      data: { state: 'cancelled', error: '责任人已推迟提醒' },
    });
    await audit(tx, {
      actor: z.actor, action: 'checkin.snoozed', now: z.now, taskId: z.taskId,
      after: { personId: z.personId, period: z.period, until: z.until.toISOString(), remindAt: shanghaiMinute(z.until), ask: z.ask, text: z.text },
      chatId: z.chatId, messageId: z.messageId,
    });
  });
}
