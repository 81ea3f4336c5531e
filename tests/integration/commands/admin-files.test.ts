/** /export sends the ledger as a file; a plan file sent in p2p, then /import, updates the plan. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, STAFF, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';
import { sleep, waitFor } from '../../helpers/wait-for.js';
import { startCommandHarness } from '../../helpers/command-harness.js';

const SEED = readFileSync(new URL('../../../plans/qijiang-2022-work-plan.txt', import.meta.url), 'utf8');
let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;

async function sendFile(from: string, fileName: string, text: string) {
  const said = await h.fake.userSays({ from, attachment: { fileName, bytes: Buffer.from(text, 'utf8') } });
  await said.delivery;
  await waitFor(async () => {
    const c = await h.bot.deps.queues.inbound.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0) === 0;
  }, 60_000, 'the file to be handled');
  await sleep(50);
  return said.messageId;
}

describe('/export (导出)', () => {
  it('sends the ledger as an .xlsx file the admin can open', async () => {
    const replies = await h.command(ADMIN, '/导出');
    const file = replies.find((m) => m.msgType === 'file')!;
    expect(file).toBeDefined();
    const bytes = h.fake.fileBytes(String(file.content.file_key))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(book.worksheets[0]!.getSheetValues())).toContain('培育高新技术企业');
    expect(replies.some((m) => wordsOf(m).includes('台账已导出'))).toBe(true);
  });
});

describe('/import (导入)', () => {
  it('imports the admin’s most recent file and answers with the changes', async () => {
    expect(wordsOf((await h.command(ADMIN, '/import'))[0]!)).toContain('没有找到要导入的文件');
    const changed = SEED.replace('确保重庆市科技型企业达2000家以上', '确保重庆市科技型企业达2600家以上');
    expect(changed).not.toBe(SEED);
    await sendFile(ADMIN, '工作要点.txt', changed);
    expect(h.fake.messagesTo(ADMIN).some((m) => wordsOf(m).includes('已收到文件'))).toBe(true);
    const [answer] = await h.command(ADMIN, '/导入');
    expect(answer!.msgType).toBe('interactive');
    expect(wordsOf(answer!)).toContain('变化');
    const t = await db().task.findFirstOrThrow({ where: { code: '2' }, include: { targets: true } });
    expect(t.targets.some((x) => x.value === 2600)).toBe(true);
  });

  it('a file an hour old is not used; a bad file gets a Chinese error; non-admin files are ignored', async () => {
    h.clock.advance(61 * 60_000);
    expect(wordsOf((await h.command(ADMIN, '/import'))[0]!)).toContain('没有找到要导入的文件');
    await sendFile(ADMIN, 'old.doc', 'not really a doc');
    const [bad] = await h.command(ADMIN, '/import');
    expect(wordsOf(bad!)).toContain('文件无法导入');
    expect(wordsOf(bad!)).toContain('.docx');
    const before = await db().auditEntry.count({ where: { action: 'file.received' } });
    await sendFile(STAFF, 'x.txt', 'hello');
    expect(await db().auditEntry.count({ where: { action: 'file.received' } })).toBe(before);
  });
});
