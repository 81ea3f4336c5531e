/** The digest built from a seed-plan store at a fixed now (the engine's states), and the digest command. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseWorkCalendar } from '../../bot/domain/calendar/chinese-calendar.js';
import { buildDigest } from '../../bot/domain/digest/build-digest.js';
import { startFakeFeishu } from '../../bot/sandbox/index.js';
import { loadDigestInput } from '../../bot/store/digest-input.js';
import { createReport } from '../../bot/store/reports.js';
import { APP } from '../helpers/bot-harness.js';
import { seedPlan } from '../helpers/seed.js';
import { tempStore } from '../helpers/temp-store.js';
import { CLI_ENTRY as BIN } from '../helpers/cli-entry.js';

const run = promisify(execFile);
const at = (local: string) => new Date(`${local}+08:00`);
const NOW = at('2022-04-15T16:00:00');

let store: Awaited<ReturnType<typeof tempStore>>;
let planId: number;

async function report(code: string, who: string, status: string, text: string, values: number[], when: string, period = '2022-W15') {
  const task = await store.db.task.findFirstOrThrow({ where: { code }, include: { targets: { orderBy: { position: 'asc' } } } });
  const person = await store.db.person.findUniqueOrThrow({ where: { openId: who } });
  await createReport(store.db, {
    taskId: task.id, personId: person.id, period, status, percent: null, expectedOn: null, rawText: text, source: 'text',
    messageId: `om_${code}_${when}`, actor: who, now: at(when),
    values: values.map((v, i) => ({ targetId: task.targets[i]!.id, value: v, unit: task.targets[i]!.unit })),
  });
}

beforeAll(async () => {
  store = await tempStore();
  ({ planId } = await seedPlan(store.db, { now: at('2022-03-21T09:00:00') }));
  // An approved extension of task 19 into the next year.
  const t19 = await store.db.task.findFirstOrThrow({ where: { code: '19' } });
  await store.db.task.update({ where: { id: t19.id }, data: { deadline: '2023-03-31', plannedDeadline: '2022-12-31' } });
  await report('1', 'ou_demo_zhangmin', 'on_track', '有效期高企118家', [118], '2022-04-12T10:00:00');
  await report('2', 'ou_demo_liqiang', 'at_risk', '科技型企业1650家，进度偏慢', [1650, 40], '2022-04-13T10:00:00');
  await report('11', 'ou_demo_chenjing', 'blocked', '等财政局拨款后才能采购服务机构', [10, 1], '2022-04-14T10:00:00');
  await report('6', 'ou_demo_wangfang', 'done', '众创空间申报全部完成', [5, 2], '2022-04-14T11:00:00');
});
afterAll(async () => store?.cleanup());

describe('digest from the store', () => {
  it('counts, lights and the blocked task with its blocker', async () => {
    const cal = chineseWorkCalendar();
    const model = buildDigest(await loadDigestInput(store.db, planId, NOW, cal));
    expect(model.header.weekLabel).toBe('第15周 4月11日–4月15日');
    expect(model.counts).toMatchObject({ on_track: 1, at_risk: 1, blocked: 1 });
    const task = (code: string) => model.sections.flatMap((s) => s.tasks).find((t) => t.code === code)!;
    expect(task('11').state.light).toBe('red');
    expect(task('6').state.light).toBe('green');
    expect(task('6').status).not.toBe('closed'); // an owner's 「已完成」 is not 办结
    expect(model.sections.map((s) => s.ordinal)).toEqual(['一', '二', '三', '四', '五', '六', '七']);
    expect(JSON.stringify(model.needsLeaders)).toContain('等财政局拨款');
  });

  it('workplan digest --preview prints the text and writes the card; --send posts to registered chats', async () => {
    const fake = await startFakeFeishu({ ...APP });
    try {
      fake.addChat({ chatId: 'oc_leaders0000000000000000000001', name: '局领导群', members: [] });
      await store.db.chat.create({ data: { chatId: 'oc_leaders0000000000000000000001', name: '局领导群', digest: true, createdAt: NOW } });
      const env = { ...process.env, DATABASE_URL: store.url, FEISHU_APP_ID: APP.appId, FEISHU_APP_SECRET: APP.appSecret, FEISHU_DOMAIN: fake.url, SANDBOX: 'true' };
      const out = join(store.dir, 'card.json');
      const preview = await run(process.execPath, [BIN, 'digest', '--preview', '--at', '2022-04-15', '--out', out], { env });
      expect(preview.stdout).toContain('第15周 4月11日–4月15日');
      expect(preview.stdout).toContain('受阻 1');
      const card = JSON.parse(readFileSync(out, 'utf8'));
      expect(card.schema ?? card[0]?.schema).toBe('2.0');
      const sent = await run(process.execPath, [BIN, 'digest', '--send', '--at', '2022-04-15'], { env });
      expect(sent.stdout).toContain('已发送到「局领导群」');
      expect(fake.messagesIn('oc_leaders0000000000000000000001').filter((m) => m.sender === 'bot').length).toBeGreaterThanOrEqual(1);
    } finally {
      await fake.close();
    }
  });
});

describe('workplan digest --preview renders the engine', () => {
  const env = () => ({ ...process.env, DATABASE_URL: store.url });
  const preview = async (...args: string[]) => (await run(process.execPath, [BIN, 'digest', '--preview', ...args], { env: env(), cwd: store.dir })).stdout;

  it('on a store where nobody was asked yet: 「暂无进展 23」 with 「本期尚未催报」, never 「本期已全部报送」', async () => {
    const text = await preview('--at', '2022-03-25', '--out', join(store.dir, 'fresh.json'));
    expect(text.split('\n')[1]).toContain('暂无进展 23');
    expect(text).toContain('【未报送】\n  本期尚未催报');
    expect(text).not.toContain('本期已全部报送');
  });

  it('writes no file unless --out says where', async () => {
    const { readdirSync } = await import('node:fs');
    const before = readdirSync(store.dir).sort();
    const text = await preview('--at', '2022-04-15');
    expect(text).toContain('加 --out <文件> 可写出卡片 JSON');
    expect(readdirSync(store.dir).sort()).toEqual(before);
  });

  it('writes an extended deadline with its year in a digest of the year before', async () => {
    const text = await preview('--at', '2022-04-15', '--out', join(store.dir, 'year.json'));
    expect(text).toContain('｜时限2023年3月31日（原定12月31日）');
    expect(text).not.toMatch(/任务19 [^\n]*时限3月31日/);
  });

  it('--json: per task the fields of `workplan status --json`, and the digest’s own', async () => {
    const digest = JSON.parse(await preview('--at', '2022-04-15', '--json'));
    const status = JSON.parse((await run(process.execPath, [BIN, 'status', '--at', '2022-04-15', '--json'], { env: env() })).stdout);
    expect(digest.at).toBe(status.at);
    expect(digest.plan).toEqual(status.plan);
    expect(digest.tasks).toHaveLength(status.tasks.length);
    status.tasks.forEach((s: Record<string, unknown>, i: number) => expect(digest.tasks[i]).toMatchObject(s));
    const t19 = digest.tasks.find((t: { code: string }) => t.code === '19');
    expect(t19).toMatchObject({ deadline: '2023-03-31', plannedDeadline: '2022-12-31', status: 'unknown', light: 'none' });
    expect(digest.tasks.find((t: { code: string }) => t.code === '11')).toMatchObject({ status: 'blocked', light: 'red', reported: true });
    expect(digest).toMatchObject({ week: { id: '2022-W15' }, total: 23, reporting: { asked: 0 } });
  });

  it('workplan status without --json says the same state in the words of the ledger and the cards', async () => {
    const text = (await run(process.execPath, [BIN, 'status', '--at', '2022-04-15'], { env: env() })).stdout;
    expect(text).toMatch(/🔴 \[11\] [^\n]*｜受阻｜已报送｜时限12月31日\n/);
    expect(text).toMatch(/⚪ \[19\] [^\n]*｜暂无进展｜本期未催报｜时限2023年3月31日（原定12月31日，已延期）\n/);
    expect(text).toMatch(/有效期高企：118家 \/ 目标 140家｜完成目标的84%（较基数118，仅首次填报，暂不评序时）/);
  });
});
