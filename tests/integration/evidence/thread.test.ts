/**
 * Evidence (佐证材料) in a thread: a photo, file or rich-text message replied to a nudge (催办) or to
 * a report's confirmation is kept with that report and stored on disk; one sent before the report
 * waits for it; a leader's is refused; a redelivered or retried message is recorded once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainInbound, wordsOf } from '../../helpers/command-harness.js';
import { waitFor } from '../../helpers/wait-for.js';
import { nudge, png, say, startEvidenceHarness, taskOf, type EvidenceHarness } from './helpers.js';

const ZHANG = 'ou_demo_zhangmin'; // owner of tasks 1 and 4
const LI = 'ou_demo_liqiang'; // owner of tasks 2 and 3
const WANG = 'ou_demo_wangfang'; // owner of tasks 5 and 6
const LIU = 'ou_demo_liuyang'; // owner of tasks 7, 8 and 9
const LEADER = 'ou_demo_hejianguo'; // 责任领导 of tasks 1–11

let h: EvidenceHarness;
beforeAll(async () => {
  h = await startEvidenceHarness();
});
afterAll(async () => h?.close());

const db = () => h.bot.deps.db;
const words = (answers: { msgType: string }[]) => answers.map((m) => wordsOf(m as never)).join('\n');

describe('in a nudge’s thread', () => {
  it('a photo replied after the report is kept with it, stored on disk, and the owner is told', async () => {
    const checkin = await nudge(h, ZHANG, '1');
    const reported = await say(h, { from: ZHANG, text: '已走访企业12家，按计划推进', replyTo: checkin.messageId! });
    const report = await db().report.findFirstOrThrow({ where: { messageId: reported.messageId } });

    const bytes = png(100);
    const photo = await say(h, { from: ZHANG, attachment: { kind: 'image', fileName: 'IMG_0001.png', bytes }, replyTo: checkin.messageId! });
    const [row] = await db().evidence.findMany({ where: { messageId: photo.messageId } });
    expect(row).toMatchObject({ taskId: report.taskId, reportId: report.id, kind: 'image', name: '图片', size: bytes.length, error: null });
    expect(row!.storedPath).toBe(`task-${report.taskId}/${row!.id}-图片.png`);
    expect((await readFile(path.join(h.dir, row!.storedPath!))).equals(bytes)).toBe(true);
    expect(words(photo.answers)).toBe('已作为任务1本次进展的佐证材料：图片（108 B）');
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: 'evidence.added', messageId: photo.messageId } });
    expect(audit.actor).toBe(ZHANG);
  });

  it('a file replied to the report’s confirmation, half an hour later, is kept with that report', async () => {
    const reported = await say(h, { from: LI, text: '任务2 已入库企业1500家' });
    const report = await db().report.findFirstOrThrow({ where: { messageId: reported.messageId } });
    const confirmation = reported.answers.find((m) => m.msgType === 'interactive')!;
    h.clock.advance(30 * 60_000);
    const file = await say(h, { from: LI, attachment: { fileName: '入库名单.xlsx', bytes: Buffer.from('名单') }, replyTo: confirmation.messageId });
    expect(await db().evidence.findFirstOrThrow({ where: { messageId: file.messageId } })).toMatchObject({ reportId: report.id, kind: 'file', name: '入库名单.xlsx', size: 6 });
    expect(words(file.answers)).toContain('已作为任务2本次进展的佐证材料：入库名单.xlsx（6 B）');
  });

  it('a photo before any report waits on the task, and the report that follows takes it', async () => {
    const checkin = await nudge(h, WANG, '5');
    const photo = await say(h, { from: WANG, attachment: { kind: 'image', fileName: 'x.png', bytes: png() }, replyTo: checkin.messageId! });
    const waiting = await db().evidence.findFirstOrThrow({ where: { messageId: photo.messageId } });
    expect(waiting).toMatchObject({ taskId: (await taskOf(h, '5')).id, reportId: null });
    expect(words(photo.answers)).toContain('已作为任务5的佐证材料保存：图片（72 B）。您本期尚未报送进展，请在此回复一句进展');

    h.clock.advance(2 * 60_000);
    const reported = await say(h, { from: WANG, text: '研发平台新增2家，按计划推进', replyTo: checkin.messageId! });
    const report = await db().report.findFirstOrThrow({ where: { messageId: reported.messageId } });
    expect((await db().evidence.findUniqueOrThrow({ where: { id: waiting.id } })).reportId).toBe(report.id);
  });

  it('a rich-text reply with words, pictures and a link is the report, and its pictures and link its evidence', async () => {
    const checkin = await nudge(h, LIU, '7');
    const said = await say(h, {
      from: LIU, replyTo: checkin.messageId!, post: true, postImages: [png(10), png(20)],
      text: '统计年报已完成报送，按计划推进\n![现场] ![台账]\n详见[统计台账](https://tj.example.gov.cn/2022/q1)',
    });
    const report = await db().report.findFirstOrThrow({ where: { messageId: said.messageId } });
    expect(report.rawText).toContain('统计年报已完成报送');
    const rows = await db().evidence.findMany({ where: { messageId: said.messageId }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.kind, r.reportId, r.size])).toEqual([['image', report.id, 18], ['image', report.id, 28], ['link', report.id, null]]);
    expect(rows[2]!.key).toBe('https://tj.example.gov.cn/2022/q1');
    expect(said.answers.map((m) => m.msgType)).toEqual(['interactive', 'text']);
    expect(words(said.answers)).toContain('已作为任务7本次进展的佐证材料：图片（18 B）、图片（28 B）、链接 https：//tj.example.gov.cn/2022/q1');
  });

  it('a leader’s photo on an escalation is refused and not recorded', async () => {
    const escalation = await nudge(h, LEADER, '3', 'leader-overdue-5');
    const photo = await say(h, { from: LEADER, attachment: { kind: 'image', fileName: 'x.png', bytes: png() }, replyTo: escalation.messageId! });
    expect(words(photo.answers)).toContain('您是任务3的责任领导');
    expect(words(photo.answers)).toContain('这份材料未作记录');
    expect(await db().evidence.count({ where: { messageId: photo.messageId } })).toBe(0);
  });
});

describe('once per message', () => {
  it('a redelivered event, and the same message under a new event id, record and answer once', async () => {
    const checkin = await nudge(h, ZHANG, '4');
    await say(h, { from: ZHANG, text: '国高创建材料已提交', replyTo: checkin.messageId! });
    const photo = await say(h, { from: ZHANG, attachment: { kind: 'image', fileName: 'x.png', bytes: png() }, replyTo: checkin.messageId! });
    await h.fake.redeliver(photo.eventId!);
    const m = h.fake.message(photo.messageId)!;
    await h.fake.deliverEvent('im.message.receive_v1', {
      sender: { sender_id: { open_id: ZHANG }, sender_type: 'user' },
      message: { message_id: m.messageId, root_id: m.rootId, parent_id: m.parentId, create_time: `${m.createTime}`, chat_id: m.chatId, chat_type: 'p2p', message_type: 'image', content: m.rawContent },
    });
    await drainInbound(h);
    expect(await db().evidence.count({ where: { messageId: photo.messageId } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: 'evidence.added', messageId: photo.messageId } })).toBe(1);
    expect(h.fake.messages({ sender: 'bot' }).filter((x) => x.parentId === photo.messageId)).toHaveLength(1);
  });

  it('a download that fails for a moment is retried: the piece is stored once and the owner told once', async () => {
    const checkin = await nudge(h, LIU, '8');
    await say(h, { from: LIU, text: '项目申报已组织3批', replyTo: checkin.messageId! });
    h.fake.faults.serverError({ times: 1 });
    const said = await h.fake.userSays({ from: LIU, attachment: { fileName: '申报汇总.pdf', bytes: Buffer.from('%PDF-1.4') }, replyTo: checkin.messageId! });
    await said.delivery;
    const row = await waitFor(async () => {
      const r = await db().evidence.findFirst({ where: { messageId: said.messageId } });
      return r?.storedPath ? r : null;
    }, 60_000, 'the retried download');
    await drainInbound(h);
    const downloads = h.fake.calls.filter((c) => c.path.includes(`/messages/${said.messageId}/resources/`)).map((c) => c.status);
    expect(downloads).toEqual([500, 200]);
    expect(row).toMatchObject({ size: 8, error: null });
    expect(await db().evidence.count({ where: { messageId: said.messageId } })).toBe(1);
    expect(h.fake.messages({ sender: 'bot' }).filter((x) => x.parentId === said.messageId)).toHaveLength(1);
  });
});
