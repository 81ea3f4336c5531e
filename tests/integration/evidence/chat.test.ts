/**
 * Evidence (佐证材料) in the private chat: a file or link sent within EVIDENCE_WINDOW_MINUTES of
 * one's report is kept with it; later, or with no report, it is answered with what to do. A
 * report's links are kept; a file over EVIDENCE_MAX_BYTES is refused with its name kept; a hostile
 * file name cannot leave the store; an admin's plan file outside a thread still goes to /import.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, drainInbound, wordsOf } from '../../helpers/command-harness.js';
import { say, startEvidenceHarness, taskOf, type EvidenceHarness } from './helpers.js';

const ZHANG = 'ou_demo_zhangmin'; // owner of tasks 1 and 4
const LI = 'ou_demo_liqiang'; // owner of tasks 2 and 3
const CHEN = 'ou_demo_chenjing'; // owner of tasks 10 and 11
const YANG = 'ou_demo_yangfan'; // owner of tasks 12, 13 and 14

let h: EvidenceHarness;
beforeAll(async () => {
  h = await startEvidenceHarness({ EVIDENCE_MAX_BYTES: '2048' });
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const words = (answers: { msgType: string }[]) => answers.map((m) => wordsOf(m as never)).join('\n');
const hourLater = () => h.clock.advance(60 * 60_000);

describe('right after a report, in the private chat', () => {
  it('a file sent a few minutes after the report is kept with it; one sent an hour later is not, and is answered', async () => {
    const reported = await say(h, { from: ZHANG, text: '任务4 国高创建申报材料已报送区科技局' });
    const report = await db().report.findFirstOrThrow({ where: { messageId: reported.messageId } });
    h.clock.advance(3 * 60_000);
    const file = await say(h, { from: ZHANG, attachment: { fileName: '申报书.pdf', bytes: Buffer.from('%PDF-1.7 申报书') } });
    const row = await db().evidence.findFirstOrThrow({ where: { messageId: file.messageId } });
    expect(row).toMatchObject({ reportId: report.id, taskId: (await taskOf(h, '4')).id, name: '申报书.pdf', kind: 'file' });
    expect((await readFile(path.join(h.dir, row.storedPath!))).toString()).toBe('%PDF-1.7 申报书');
    expect(words(file.answers)).toBe('已作为任务4本次进展的佐证材料：申报书.pdf（18 B）');
    // Not taken for a plan: nothing remembered for /import.
    expect(await db().auditEntry.count({ where: { action: 'file.received' } })).toBe(0);

    hourLater();
    const late = await say(h, { from: ZHANG, attachment: { fileName: '补充材料.pdf', bytes: Buffer.from('%PDF') } });
    expect(await db().evidence.count({ where: { messageId: late.messageId } })).toBe(0);
    expect(words(late.answers)).toBe('这份文件未作为佐证材料记录：佐证材料需附在某次进展上。请在催办消息下直接回复图片或文件，或先报送进展，再在10分钟内发给我。');
  });

  it('a photo from someone who never reported is answered, not dropped', async () => {
    const photo = await say(h, { from: YANG, attachment: { kind: 'image', fileName: 'x.png', bytes: Buffer.from('png') } });
    expect(words(photo.answers)).toContain('这张图片未作为佐证材料记录');
    expect(await db().evidence.count({ where: { messageId: photo.messageId } })).toBe(0);
  });

  it('a message of nothing but a link, right after the report, is evidence, not a new report', async () => {
    hourLater();
    const reported = await say(h, { from: LI, text: '任务3 高成长企业培育推进会已召开' });
    const report = await db().report.findFirstOrThrow({ where: { messageId: reported.messageId } });
    const link = await say(h, { from: LI, text: 'https://pan.example.com/s/abc123' });
    expect(await db().report.count({ where: { messageId: link.messageId } })).toBe(0);
    expect(await db().evidence.findFirstOrThrow({ where: { messageId: link.messageId } })).toMatchObject({ reportId: report.id, kind: 'link', key: 'https://pan.example.com/s/abc123', storedPath: null });
    expect(words(link.answers)).toBe('已作为任务3本次进展的佐证材料：链接 https：//pan.example.com/s/abc123');
  });
});

describe('links in a report', () => {
  it('are kept as its evidence, as Feishu delivers them and bare', async () => {
    hourLater();
    const said = await say(h, { from: CHEN, text: '任务10 成果转化对接会已举办，通知见[区政府网](https://www.qj.example.gov.cn/n/1)，照片 https://pan.example.com/s/p1' });
    const report = await db().report.findFirstOrThrow({ where: { messageId: said.messageId } });
    const rows = await db().evidence.findMany({ where: { messageId: said.messageId }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.kind, r.key, r.reportId])).toEqual([
      ['link', 'https://www.qj.example.gov.cn/n/1', report.id],
      ['link', 'https://pan.example.com/s/p1', report.id],
    ]);
    expect(said.answers.map((m) => m.msgType)).toEqual(['interactive', 'text']);
  });
});

describe('a report whose task is asked for', () => {
  it('keeps its pictures until the owner chooses the task, then with the report', async () => {
    hourLater();
    const said = await say(h, { from: YANG, text: '培训已举办，按计划推进 ![现场]', post: true });
    const chooser = said.answers.find((m) => m.msgType === 'interactive')!;
    expect(await db().evidence.count({ where: { messageId: said.messageId } })).toBe(0);
    const t13 = await taskOf(h, '13');
    await h.fake.clickCard({ from: YANG, messageId: chooser.messageId, value: { action: 'choose-task', messageId: said.messageId, taskId: t13.id } });
    await drainInbound(h);
    const report = await db().report.findFirstOrThrow({ where: { messageId: said.messageId } });
    expect(await db().evidence.findFirstOrThrow({ where: { messageId: said.messageId } })).toMatchObject({ taskId: t13.id, reportId: report.id, kind: 'image' });
    const answers = h.fake.messages({ sender: 'bot' }).filter((m) => m.parentId === said.messageId).map((m) => wordsOf(m));
    expect(answers.join('\n')).toContain('已作为任务13本次进展的佐证材料：图片（12 B）');
  });
});

describe('bounds', () => {
  it('a file over EVIDENCE_MAX_BYTES is refused: its name, key and size kept, nothing written, the owner told', async () => {
    hourLater();
    await say(h, { from: CHEN, text: '任务11 科技成果登记45项' });
    const big = await say(h, { from: CHEN, attachment: { kind: 'media', fileName: '现场录像.mp4', bytes: Buffer.alloc(5000, 1) } });
    const row = await db().evidence.findFirstOrThrow({ where: { messageId: big.messageId } });
    expect(row).toMatchObject({ kind: 'file', name: '现场录像.mp4', size: 5000, error: 'too_large', storedPath: null });
    expect(row.key).toBe(h.fake.message(big.messageId)!.content.file_key);
    expect(words(big.answers)).toContain('未保存：现场录像.mp4（5 KB）超过 2 KB 的上限，已记下文件名。请压缩后重新发送');
    expect(existsSync(path.join(h.dir, `task-${row.taskId}`))).toBe(false);
  });

  it('a file named ../../etc/passwd is stored inside the store, under its id', async () => {
    hourLater();
    await say(h, { from: ZHANG, text: '任务1 高企认定培训已举办' });
    const file = await say(h, { from: ZHANG, attachment: { fileName: '../../etc/passwd', bytes: Buffer.from('root:x:0:0') } });
    const row = await db().evidence.findFirstOrThrow({ where: { messageId: file.messageId } });
    expect(row.name).toBe('../../etc/passwd');
    expect(row.storedPath).toBe(`task-${row.taskId}/${row.id}-passwd`);
    const abs = path.resolve(h.dir, row.storedPath!);
    expect(abs.startsWith(`${path.resolve(h.dir)}${path.sep}`)).toBe(true);
    expect((await readFile(abs)).toString()).toBe('root:x:0:0');
    const escaped = path.resolve(h.dir, '../../etc/passwd');
    expect(existsSync(escaped) ? (await readFile(escaped)).toString() : null).not.toBe('root:x:0:0');
    // Only task folders, no temporary files left behind.
    for (const folder of await readdir(h.dir)) {
      expect(folder).toMatch(/^task-\d+$/);
      for (const f of await readdir(path.join(h.dir, folder))) expect(f).toMatch(/^\d+-[^/\\]+$/);
      expect((await readdir(path.join(h.dir, folder))).some((f) => f.endsWith('.part'))).toBe(false);
    }
  });
});

describe('an admin’s plan file', () => {
  it('outside a thread or window still goes to /import', async () => {
    hourLater();
    const file = await say(h, { from: ADMIN, attachment: { fileName: '2022年工作要点.docx', bytes: Buffer.from('PK\u0003\u0004') } });
    expect(words(file.answers)).toContain('已收到文件。如需导入为工作要点，请在一小时内发送 /import');
    const kept = await db().auditEntry.findFirstOrThrow({ where: { action: 'file.received', messageId: file.messageId } });
    expect(JSON.parse(kept.after!)).toMatchObject({ fileName: '2022年工作要点.docx' });
    expect(await db().evidence.count({ where: { messageId: file.messageId } })).toBe(0);
  });
});
