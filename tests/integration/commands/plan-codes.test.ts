/**
 * Two plans in force at once with colliding codes (issue #20): every task shows its plan's prefix
 * (「2022-1」「区委-1」) in commands, the nudge and escalation cards, the digest and the ledger; commands
 * accept each form and call a bare shared code ambiguous, listing the prefixed codes. With the other plan
 * archived, codes show bare again.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import { digestJson } from '../../../bot/domain/digest/digest-json.js';
import { parsePlan } from '../../../bot/domain/plan/parse-plan.js';
import { digestCards } from '../../../bot/feishu/cards/digest-cards.js';
import { escalationCard } from '../../../bot/feishu/cards/escalation-card.js';
import { nudgeCard } from '../../../bot/feishu/cards/nudge-card.js';
import { exportLedger, TASK_SHEET } from '../../../bot/ledger/build-ledger.js';
import { loadDigestInput } from '../../../bot/store/digest-input.js';
import { escalationCardInput } from '../../../bot/store/escalation-card-input.js';
import { importPlan } from '../../../bot/store/import-plan.js';
import { nudgeCardInput } from '../../../bot/store/nudge-card-input.js';
import { ADMIN, STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
let plan22: number;
let plan23: number;
const NEXT_YEAR = ['重庆市綦江区科学技术局2023年工作要点', '一、培育创新主体', '1.培育高新技术企业。有效期高企达160家。', '2.培育科技型企业。新增科技型企业100家。'].join('\n');

beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
  plan22 = (await db().plan.findFirstOrThrow()).id;
  const parsed = parsePlan({ kind: 'text', name: '2023.txt', text: NEXT_YEAR });
  plan23 = (await importPlan(db(), { parsed, sourceName: '2023.txt', sourceText: NEXT_YEAR, actor: ADMIN, now: h.clock.now() })).planId;
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
/** Card markdown writes 「-」 as 「&#45;」 (so it is never a list marker): read as Feishu shows it. */
const shown = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
async function say(from: string, text: string) {
  return shown((await h.command(from, text)).filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n'));
}
const taskOf = (planId: number, code: string) => db().task.findFirstOrThrow({ where: { planId, code } });

async function ledgerCodes(planId: number): Promise<string[]> {
  const { bytes } = await exportLedger(db(), { planId, now: h.clock.now(), calendar: h.bot.deps.calendar });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(TASK_SHEET)!;
  const out: string[] = [];
  sheet.eachRow((row, i) => { if (i > 1) out.push(String(row.getCell(2).value)); });
  return out;
}

describe('two plans in force with colliding codes', () => {
  it('a bare shared code is ambiguous, listing the prefixed codes; 「2023-1」「2022年1」 find the task', async () => {
    const both = await say(ADMIN, '/task 1');
    expect(both).toContain('「1」对应多项任务：2022-1 培育高新技术企业；2023-1 培育高新技术企业');
    expect(await say(ADMIN, '/task 2023-1')).toContain('任务2023-1 培育高新技术企业');
    expect(await say(ADMIN, '/task 2023-1')).toContain('有效期高企达160家');
    expect(await say(ADMIN, '/task 2022年1')).toContain('任务2022-1 培育高新技术企业');
    // A code only one plan holds is still found bare, and shown with its plan's prefix.
    expect(await say(ADMIN, '/task 4')).toContain('任务2022-4 ');
  });

  it('a short name (简称) becomes the prefix: set by an admin, validated, audited, accepted by commands', async () => {
    expect(await say(ADMIN, '/plans 简称 2023 区委')).toContain('简称设为「区委」');
    expect(await say(ADMIN, '/plans 简称 2023 区委')).toContain('未作修改');
    expect(await say(ADMIN, '/plans 简称 2022 区委')).toContain('已被另一份计划使用');
    expect(await say(ADMIN, '/plans 简称 2022 a-b')).toContain('不能含空格');
    expect(await say(STAFF, '/plans 简称 2022 科技局')).toContain('管理员');
    expect(await db().auditEntry.count({ where: { action: 'plan.short-name' } })).toBe(1);
    expect(await say(ADMIN, '/plans')).toContain('2023年，简称 区委');
    expect(await say(ADMIN, '/task 区委-1')).toContain('任务区委-1 培育高新技术企业');
    expect(await say(ADMIN, '/task 1')).toContain('2022-1 培育高新技术企业；区委-1 培育高新技术企业');
  });

  it('/mine names the owner’s tasks with their prefix', async () => {
    const mine = await say(STAFF, '/mine');
    expect(mine).toContain('任务2022-1');
    expect(mine).not.toMatch(/任务1\*\*/);
  });

  it('an owner’s report may name its task with the prefix (「#2022-1 …」); the confirmation shows it', async () => {
    const t1 = await taskOf(plan22, '1');
    const before = await db().report.count({ where: { taskId: t1.id } });
    const answer = await say(STAFF, '#2022-1 有效期高企120家，按计划推进');
    expect(answer).toContain('任务2022-1 培育高新技术企业');
    expect(await db().report.count({ where: { taskId: t1.id } })).toBe(before + 1);
  });

  it('the nudge card, the escalation card, the digest and the ledger show the prefixed code', async () => {
    const now = h.clock.now();
    const t1 = await taskOf(plan22, '1');
    const nudge = shown(JSON.stringify(nudgeCard(await nudgeCardInput(h.bot.deps, { taskId: t1.id, period: '2022-W15', kind: 'checkin' }, now))));
    expect(nudge).toContain('任务2022-1 培育高新技术企业');
    const escalation = shown(JSON.stringify(escalationCard(await escalationCardInput(h.bot.deps, t1.id, now))));
    expect(escalation).toContain('督办：任务2022-1 培育高新技术企业');
    const model = buildDigest(await loadDigestInput(db(), plan23, now, h.bot.deps.calendar));
    expect(shown(JSON.stringify(digestCards(model, { audience: 'admin' })))).toContain('任务区委-1 培育高新技术企业');
    expect(digestJson(model, now).tasks.map((t) => [t.code, t.shownCode])).toEqual([['1', '区委-1'], ['2', '区委-2']]);
    expect((await ledgerCodes(plan22)).slice(0, 2)).toEqual(['2022-1', '2022-2']);
  });
});

describe('one plan in force (the other archived)', () => {
  it('codes show bare again; the archived plan’s tasks keep their prefix', async () => {
    expect(await say(ADMIN, '/archive 区委')).toContain('已归档「重庆市綦江区科学技术局2023年工作要点」');
    expect(await say(ADMIN, '/task 1')).toContain('任务1 培育高新技术企业');
    expect(await say(ADMIN, '/task 区委-1')).toContain('任务区委-1 培育高新技术企业');
    const t1 = await taskOf(plan22, '1');
    const nudge = shown(JSON.stringify(nudgeCard(await nudgeCardInput(h.bot.deps, { taskId: t1.id, period: '2022-W15', kind: 'checkin' }, h.clock.now()))));
    expect(nudge).toContain('任务1 培育高新技术企业');
    expect((await ledgerCodes(plan22)).slice(0, 2)).toEqual(['1', '2']);
    expect(await say(STAFF, '/mine')).toMatch(/任务1\*\*/);
  });
});
