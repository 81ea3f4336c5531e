/**
 * A 批示 is shown wherever the task is: /task (the latest, with leader and time), /history (each one
 * an entry), the weekly digest (the latest per task: card and text preview) and the ledger (a 最新批示
 * column on the task sheet and a 批示 sheet listing every one) — read back with exceljs.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import { digestText } from '../../../bot/domain/digest/digest-text.js';
import { buildLedger } from '../../../bot/ledger/build-ledger.js';
import { loadDigestInput } from '../../../bot/store/digest-input.js';
import { ADMIN, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11

let h: CommandHarness;
let planId: number;
beforeAll(async () => {
  h = await startCommandHarness();
  planId = (await h.bot.deps.db.plan.findFirstOrThrow()).id;
  await h.command(LEADER, '/批示 1 请对照序时进度查找差距');
  h.clock.advance(60 * 60_000);
  await h.command(LEADER, '/批示 1 =1+1 下周汇报');
});
afterAll(async () => h?.close());

const cardOf = async (from: string, text: string) => wordsOf((await h.command(from, text)).find((m) => m.msgType === 'interactive')!);

describe('where a 批示 shows', () => {
  it('/task: the latest, with the leader and the time', async () => {
    const words = await cardOf(ADMIN, '/task 1');
    expect(words).toContain('最新批示');
    expect(words).toContain('何建国，4月11日 11:00');
    expect(words).toContain('&#61;1&#43;1 下周汇报'); // card markdown, escaped
    expect(words).not.toContain('请对照序时进度查找差距');
  });

  it('/history: each one an entry', async () => {
    const words = await cardOf(ADMIN, '/history 1');
    expect(words).toContain('何建国 批示：内容：请对照序时进度查找差距');
    expect(words).toContain('何建国 批示：内容：&#61;1&#43;1 下周汇报');
  });

  it('the digest: the latest per task, in the card and the text preview', async () => {
    const model = buildDigest(await loadDigestInput(h.bot.deps.db, planId, h.clock.now(), h.bot.deps.calendar));
    const t1 = model.sections.flatMap((s) => s.tasks).find((t) => t.code === '1')!;
    expect(t1.instruction).toEqual({ by: '何建国', date: '2022-04-11', text: '=1+1 下周汇报' });
    expect(model.sections.flatMap((s) => s.tasks).filter((t) => t.instruction)).toHaveLength(1);
    expect(digestText(model)).toContain('最新批示（何建国，4月11日）：「=1+1 下周汇报」');
    const card = await cardOf(ADMIN, '/digest preview');
    expect(card).toContain('最新批示（何建国，4月11日）：「&#61;1&#43;1 下周汇报」');
  });

  it('the ledger: a 最新批示 column and a 批示 sheet with every one, read back', async () => {
    const bytes = await buildLedger(h.bot.deps.db, { planId, now: h.clock.now(), calendar: h.bot.deps.calendar });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['任务台账', '进展记录', '批示', '佐证材料', '操作记录', '牵头单位统计', '指标逐周数值']);
    const tasks = wb.getWorksheet('任务台账')!;
    const headers = (tasks.getRow(1).values as unknown[]).slice(1).map(String);
    const column = headers.indexOf('最新批示') + 1;
    expect(column).toBeGreaterThan(0);
    expect(tasks.getRow(2).getCell(column).value).toBe('何建国（2022年4月11日）：=1+1 下周汇报');
    expect(tasks.getRow(3).getCell(column).value).toBeNull();
    const sheet = wb.getWorksheet('批示')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['任务编号', '任务名称', '批示人', '时间', '来源', '批示内容']);
    const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['1', '培育高新技术企业', '何建国', '2022-04-11 11:00', '命令', '=1+1 下周汇报'],
      ['1', '培育高新技术企业', '何建国', '2022-04-11 10:00', '命令', '请对照序时进度查找差距'],
    ]);
    expect(sheet.getRow(2).getCell(6).formula).toBeUndefined();
    const audit = wb.getWorksheet('操作记录')!;
    const actions: unknown[] = [];
    audit.eachRow((row) => actions.push(row.getCell(3).value));
    expect(actions.filter((a) => a === '批示')).toHaveLength(2);
  });
});
