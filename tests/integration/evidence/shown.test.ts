/**
 * Evidence (佐证材料) is shown where reports are: /task lists it under each recent report (and
 * what waits for a report), the digest gives a 📎 count per task, and the ledger (台账) has a
 * 佐证材料 column and sheet — read back here with exceljs.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, wordsOf } from '../../helpers/command-harness.js';
import { nudge, png, say, startEvidenceHarness, type EvidenceHarness } from './helpers.js';

const ZHANG = 'ou_demo_zhangmin'; // owner of task 1
const WANG = 'ou_demo_wangfang'; // owner of task 5

let h: EvidenceHarness;
let storedPhoto: string;
beforeAll(async () => {
  h = await startEvidenceHarness({ EVIDENCE_MAX_BYTES: '2048' });
  const checkin = await nudge(h, ZHANG, '1');
  await say(h, { from: ZHANG, text: '已走访企业12家，按计划推进，名单见 https://pan.example.com/s/list', replyTo: checkin.messageId! });
  const photo = await say(h, { from: ZHANG, attachment: { kind: 'image', fileName: 'a.png', bytes: png(1200) }, replyTo: checkin.messageId! });
  storedPhoto = (await h.bot.deps.db.evidence.findFirstOrThrow({ where: { messageId: photo.messageId } })).storedPath!;
  await say(h, { from: ZHANG, attachment: { fileName: '录像.mp4', bytes: Buffer.alloc(4096) }, replyTo: checkin.messageId! });
  const wang = await nudge(h, WANG, '5');
  await say(h, { from: WANG, attachment: { fileName: '平台照片.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0]) }, replyTo: wang.messageId! });
});
afterAll(async () => h?.close());

describe('/task', () => {
  it('lists the evidence of a recent report, and what was too large', async () => {
    const [card] = await h.command(ZHANG, '/task 1');
    const text = wordsOf(card!);
    expect(text).toContain('📎');
    // Card markdown: outside words are entity-escaped (bot/feishu/safe-text.ts).
    expect(text).toContain('链接 https&#58;&#47;&#47;pan&#46;example&#46;com&#47;s&#47;list');
    expect(text).toContain('图片（1 KB）');
    expect(text).toContain('录像&#46;mp4（过大，未保存）');
  });

  it('shows what waits for a report', async () => {
    const [card] = await h.command(WANG, '/task 5');
    expect(wordsOf(card!)).toContain('📎 待附进展的佐证材料：平台照片&#46;jpg（4 B）');
  });
});

describe('the digest', () => {
  it('gives each task with evidence its 📎 count (kept pieces only)', async () => {
    const cards = await h.command(ADMIN, '/digest preview');
    const all = cards.map(wordsOf).join('\n');
    expect(all).toMatch(/任务1 培育高新技术企业\*\*[^"]*｜📎 2/);
    expect(all).toMatch(/任务5 [^"]*｜📎 1/);
    expect(all).not.toMatch(/任务2 培育科技型企业\*\*[^"]*📎/);
  });
});

describe('the ledger', () => {
  it('has a 佐证材料 column on the task sheet and a 佐证材料 sheet, read back with exceljs', async () => {
    const replies = await h.command(ADMIN, '/export');
    const file = replies.find((m) => m.msgType === 'file')!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(h.fake.fileBytes(String(file.content.file_key)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['任务台账', '进展记录', '批示', '佐证材料', '操作记录', '牵头单位统计', '指标逐周数值']);

    const tasks = table(book.getWorksheet('任务台账')!);
    expect(tasks.find((r) => r['编号'] === '1')!['佐证材料']).toBe(2);
    expect(tasks.find((r) => r['编号'] === '5')!['佐证材料']).toBe(1);
    expect(tasks.find((r) => r['编号'] === '2')!['佐证材料']).toBe(0);

    const rows = table(book.getWorksheet('佐证材料')!);
    expect(Object.keys(rows[0]!)).toEqual(['任务编号', '任务名称', '进展日期', '报送人', '提交时间', '类型', '名称', '大小', '存储位置或链接', '备注']);
    const photo = rows.find((r) => r['类型'] === '图片')!;
    expect(photo).toMatchObject({ 任务编号: '1', 任务名称: '培育高新技术企业', 进展日期: '2022年4月11日', 报送人: '张敏', 名称: '图片', 大小: '1 KB', 存储位置或链接: storedPhoto });
    expect(rows.find((r) => r['类型'] === '链接')).toMatchObject({ 任务编号: '1', 存储位置或链接: 'https://pan.example.com/s/list', 名称: null });
    expect(rows.find((r) => r['名称'] === '录像.mp4')).toMatchObject({ 大小: '4 KB', 存储位置或链接: null, 备注: '超过大小上限，未保存' });
    expect(rows.find((r) => r['名称'] === '平台照片.jpg')).toMatchObject({ 任务编号: '5', 进展日期: '待附进展', 报送人: '王芳' });
    const audit = table(book.getWorksheet('操作记录')!);
    expect(audit.filter((r) => r['操作'] === '提交佐证材料')).toHaveLength(4);
  });
});

type Row = Record<string, ExcelJS.CellValue>;

/** A sheet as objects keyed by header (headers without their 「（截至…）」). */
function table(ws: ExcelJS.Worksheet): Row[] {
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(headers.map((hd, i) => [hd.replace(/（.*$/, ''), row.getCell(i + 1).value])));
  });
  return rows;
}
