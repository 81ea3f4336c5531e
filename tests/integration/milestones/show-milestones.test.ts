/**
 * The next milestone (时间节点) as every channel shows it: `/task` and the ledger's task sheet read the engine's
 * nextMilestone; a done step gives way to the next one; a task without milestones shows no line.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLedger } from '../../../bot/ledger/build-ledger.js';
import { STAFF, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
  const t1 = await db().task.findFirstOrThrow({ where: { code: '1' } });
  await db().milestone.createMany({
    data: [
      { taskId: t1.id, position: 0, due: '2022-04-29', text: '4月底前完成摸底<at id=all></at>' },
      { taskId: t1.id, position: 1, due: '2022-09-30', text: '三季度完成认定申报' },
    ],
  });
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
async function say(from: string, text: string) {
  const answers = await h.command(from, text);
  return answers.filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');
}
async function ledgerCell(code: string): Promise<string> {
  const plan = await db().plan.findFirstOrThrow();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildLedger(db(), { planId: plan.id, now: h.clock.now(), calendar: h.bot.deps.calendar })) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('任务台账')!;
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const col = headers.indexOf('完成时限') + 1;
  let cell = '';
  ws.eachRow((row, n) => {
    if (n > 1 && String(row.getCell(2).value) === code) cell = String(row.getCell(col).value);
  });
  return cell;
}

describe('the next milestone', () => {
  it('/task shows it with its working days, the plan’s words escaped', async () => {
    const words = await say(STAFF, '/task 1');
    expect(words).toMatch(/\*\*下一节点\*\*：4月29日 4月底前完成摸底&#60;at id&#61;all&#62;&#60;&#47;at&#62;（还剩 \d+ 个工作日）/);
    expect(words).not.toContain('<at id=all>');
    expect(words).not.toContain('9月30日');
    expect(await say(STAFF, '/task 4')).not.toContain('下一节点');
  });

  it('the ledger’s task sheet puts it under the deadline', async () => {
    expect(await ledgerCell('1')).toMatch(/^2022年12月31日\n下一节点：2022年4月29日 4月底前完成摸底<at id=all><\/at>（还剩 \d+ 个工作日）$/);
    expect(await ledgerCell('4')).toBe('2022年12月31日');
  });

  it('a done step gives way to the next', async () => {
    await db().milestone.updateMany({ where: { due: '2022-04-29' }, data: { doneAt: h.clock.now() } });
    expect(await say(STAFF, '/task 1')).toMatch(/\*\*下一节点\*\*：9月30日 三季度完成认定申报（还剩 \d+ 个工作日）/);
    expect(await ledgerCell('1')).toContain('下一节点：2022年9月30日 三季度完成认定申报');
  });
});
