/**
 * `workplan digest --preview [--at 2022-04-15[T16:00]] [--out card.json] [--plan N]`
 * prints the week's digest as text and writes the card JSON; with `--json` it prints the digest's
 * model as JSON instead (per task the fields of `workplan status --json`, and the digest's own);
 * `workplan digest --send` posts it now to every registered digest chat.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { loadConfig, proxyConfigured } from '../config.js';
import { chineseWorkCalendar } from '../domain/calendar/chinese-calendar.js';
import { buildDigest } from '../domain/digest/build-digest.js';
import { digestJson } from '../domain/digest/digest-json.js';
import { digestText } from '../domain/digest/digest-text.js';
import { digestCards } from '../feishu/cards/digest-cards.js';
import { createMessenger } from '../feishu/messenger.js';
import { loadDigestInput } from '../store/digest-input.js';
import type { Io } from './io.js';
import { withDb } from './open-db.js';
import { pickPlan } from './pick-plan.js';
import { commandUsage } from './commands.js';
import { UsageError } from './usage-error.js';
import { toDayNumber } from '../domain/calendar/civil-date.js';

/** The command's usage, from the one table main.ts answers --help from. */
const USAGE = commandUsage('digest');

/** `--at`: a Shanghai date (16:00) or date and time; a day that does not exist (2月30日) is refused, not rolled over. */
export function parseAt(at: string | undefined, fallback: Date): Date {
  if (!at) return fallback;
  const m = at.match(/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?$/);
  const d = m && isDay(m[1]!) ? new Date(`${m[1]}T${m[2] ?? '16:00'}:00+08:00`) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new UsageError(`无法识别时间「${at}」，请写成 2022-04-15 或 2022-04-15T16:00。`);
  return d;
}

export async function runDigest(args: string[], io: Io): Promise<number> {
  let values: { preview?: boolean; send?: boolean; json?: boolean; at?: string; out?: string; plan?: string };
  try {
    ({ values } = parseArgs({ args, options: { preview: { type: 'boolean' }, send: { type: 'boolean' }, json: { type: 'boolean' }, at: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' } } }));
  } catch {
    throw new UsageError(USAGE);
  }
  if (!values.preview && !values.send) throw new UsageError(USAGE);
  if (values.json && (!values.preview || values.send)) throw new UsageError(`--json 只用于 --preview。${USAGE}`);
  const now = parseAt(values.at, systemClock.now());
  const calendar = chineseWorkCalendar({ onFallback: (y) => io.err(`提示：${y} 年的节假日安排尚未发布，按周一至周五计算工作日。\n`) });
  return withDb(async (db) => {
    const planId = await pickPlan(db, values.plan);
    const model = buildDigest(await loadDigestInput(db, planId, now, calendar));
    if (values.json) {
      io.out(`${JSON.stringify(digestJson(model, now), null, 2)}\n`);
      return 0;
    }
    const config = loadConfig(process.env, values.send ? 'feishu' : 'store');
    const cards = digestCards(model, { audience: 'group', showMissing: config.DIGEST_SHOW_MISSING });
    if (values.preview) {
      io.out(digestText(model));
      // A file only where --out says: a preview writes nothing unasked.
      if (values.out) {
        writeFileSync(values.out, JSON.stringify(cards.length === 1 ? cards[0] : cards, null, 2));
        io.out(`\n卡片 JSON 已写入 ${values.out}（${cards.length} 张卡片）\n`);
      } else {
        io.out(`\n（共 ${cards.length} 张卡片；加 --out <文件> 可写出卡片 JSON）\n`);
      }
    }
    if (values.send) {
      const chats = await db.chat.findMany({ where: { digest: true } });
      if (!chats.length) throw new UsageError('还没有接收周报的群：在群里 @机器人 发送 /subscribe 后再试。');
      const messenger = createMessenger({ appId: config.FEISHU_APP_ID, appSecret: config.FEISHU_APP_SECRET, domain: config.FEISHU_DOMAIN, proxied: proxyConfigured(config) });
      for (const chat of chats) {
        for (const [i, card] of cards.entries()) {
          await messenger.send({ chatId: chat.chatId }, { card }, `digest-now:${planId}:${chat.chatId}:${model.snapshot.week}:${i}`);
        }
        io.out(`已发送到「${chat.name ?? chat.chatId}」\n`);
      }
    }
    return 0;
  });
}

function isDay(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}
