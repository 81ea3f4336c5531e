/**
 * Values the bot learns while running (model Setting), written once: the
 * first writer wins, so processes racing to set one agree on the stored value.
 */
import type { Db } from './db.js';

export async function readSetting(db: Db, key: string): Promise<string | null> {
  return (await db.setting.findUnique({ where: { key } }))?.value ?? null;
}

/** Stores `value` unless the key already has one; returns the value that stands. */
export async function pinSetting(db: Db, key: string, value: string, now: Date): Promise<string> {
  try {
    await db.setting.create({ data: { key, value, createdAt: now } });
    return value;
  } catch (e) {
    if ((e as { code?: string }).code !== 'P2002') throw e;
    return (await readSetting(db, key)) ?? value;
  }
}
