/** The ledger (台账) export: built from a real store, read back with exceljs; and `workplan export`. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseWorkCalendar } from '../../bot/domain/calendar/chinese-calendar.js';
import { atShanghai } from '../../bot/domain/calendar/shanghai-time.js';
import { parseOwners } from '../../bot/domain/owners/parse-owners.js';
import { parsePlan } from '../../bot/domain/plan/parse-plan.js';
import { buildLedger, VALUES_SHEET } from '../../bot/ledger/build-ledger.js';
import { readPlanFile } from '../../bot/plan-files/read-plan-file.js';
import { importOwners } from '../../bot/store/import-owners.js';
import { importPlan } from '../../bot/store/import-plan.js';
import { unassign } from '../../bot/store/people.js';
import { createReport, revokeReport } from '../../bot/store/reports.js';
import { tempStore } from '../helpers/temp-store.js';
import { CLI_ENTRY as BIN } from '../helpers/cli-entry.js';

const run = promisify(execFile);
const SEED_PATH = new URL('../../plans/qijiang-2022-work-plan.txt', import.meta.url).pathname;
const OWNERS_PATH = new URL('../../plans/qijiang-2022-owners.csv', import.meta.url).pathname;
const SEED = readFileSync(SEED_PATH, 'utf8');
const T0 = new Date('2022-03-21T01:00:00Z');
const AT = atShanghai('2022-04-15', '12:00');

let store: Awaited<ReturnType<typeof tempStore>>;
let planId: number;

type Row = Record<string, ExcelJS.CellValue>;

/** A sheet as objects keyed by header (a header is matched by its start: 序时进度（截至 …）). */
function table(ws: ExcelJS.Worksheet): { headers: string[]; rows: Row[] } {
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h.replace(/（.*$/, ''), row.getCell(i + 1).value])));
  });
  return { headers, rows };
}

async function readBack(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer); // exceljs types want the old Buffer
  return wb;
}

beforeAll(async () => {
  store = await tempStore();
  const db = store.db;
  const parsed = parsePlan({ kind: 'text', name: 'plan.txt', text: SEED });
  planId = (await importPlan(db, { parsed, sourceName: 'plan.txt', sourceText: SEED, actor: 'cli', now: T0 })).planId;
  const owners = await readPlanFile(OWNERS_PATH);
  if (owners.kind !== 'table') throw new Error('owners file should read as a table');
  await importOwners(db, { planId, rows: parseOwners(owners.rows), by: 'cli:owners.csv', now: T0 });

  const task = async (code: string) => db.task.findFirstOrThrow({ where: { code }, include: { targets: { orderBy: { position: 'asc' } } } });
  const person = async (openId: string) => (await db.person.findUniqueOrThrow({ where: { openId } })).id;
  const [t1, t2, t11] = [await task('1'), await task('2'), await task('11')];
  const zhang = 'ou_demo_zhangmin';
  const base = { period: '2022-W14', percent: null, expectedOn: null, source: 'text' as const, messageId: null };
  const report = async (taskId: number, openId: string, at: string, rawText: string, status: string | null, values: { targetId: number; value: number; unit: string }[]) =>
    createReport(db, { ...base, taskId, personId: await person(openId), rawText, status, values, actor: openId, now: new Date(at) });

  await report(t1.id, zhang, '2022-04-01T02:00:00Z', '有效期高企已有110家，按计划推进', 'on_track', [{ targetId: t1.targets[0]!.id, value: 110, unit: '家' }]);
  await report(t1.id, zhang, '2022-04-08T02:30:00Z', '有效期高企已有118家，按计划推进', 'on_track', [{ targetId: t1.targets[0]!.id, value: 118, unit: '家' }]);
  const wrong = await report(t1.id, zhang, '2022-04-12T08:00:00Z', '有效期高企125家，有风险', 'at_risk', [{ targetId: t1.targets[0]!.id, value: 125, unit: '家' }]);
  await revokeReport(db, wrong.id, await person(zhang), zhang, new Date('2022-04-12T08:05:00Z'));
  await report(t11.id, 'ou_demo_chenjing', '2022-04-10T06:00:00Z', '科技成果登记45项，技术合同登记8500万元', 'on_track', [
    { targetId: t11.targets[0]!.id, value: 45, unit: '项' },
    { targetId: t11.targets[1]!.id, value: 0.85, unit: '亿元' },
  ]);
  await report(t2.id, 'ou_demo_liqiang', '2022-04-13T16:30:00Z', '=1+1，已入库1500家', null, []);

  // Task 3: paused, a lead unit and a leader from the plan text, its leader assignment ended.
  const t3 = await task('3');
  await db.task.update({ where: { id: t3.id }, data: { status: 'paused' } });
  await db.taskParty.createMany({ data: [{ taskId: t3.id, role: 'lead', name: '高新科', position: 0 }, { taskId: t3.id, role: 'leader', name: '分管副局长', position: 1 }] });
  const he = await person('ou_demo_hejianguo');
  await db.$transaction((tx) => unassign(tx, { taskId: t3.id, personId: he, role: 'leader', by: 'cli', now: T0 }));
  // Task 4: asked this week (15 April is in 2022-W15) and not answered.
  const t4 = await task('4');
  await db.nudge.create({ data: {
    key: 'checkin:t4:W15', taskId: t4.id, personId: await person(zhang), period: '2022-W15', kind: 'checkin', state: 'sent',
    dueAt: new Date('2022-04-11T01:00:00Z'), sentAt: new Date('2022-04-11T01:00:00Z'), createdAt: new Date('2022-04-11T01:00:00Z'),
  } });
  // Task 5: extended into 2023.
  await db.task.update({ where: { planId_code: { planId, code: '5' } }, data: { deadline: '2023-03-31', plannedDeadline: '2022-12-31' } });
  // Task 22 left the plan: not a ledger row.
  await db.task.update({ where: { planId_code: { planId, code: '22' } }, data: { removedAt: T0 } });
});
afterAll(async () => store.cleanup());

describe('buildLedger', () => {
  it('writes the task ledger from the engine’s states: plan order, owners, latest value, 序时进度, status, light', async () => {
    const wb = await readBack(await buildLedger(store.db, { planId, now: AT, calendar: chineseWorkCalendar() }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['任务台账', '进展记录', '批示', '佐证材料', '操作记录', '牵头单位统计', '指标逐周数值']);
    const ws = wb.getWorksheet('任务台账')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const { headers, rows } = table(ws);
    expect(headers).toContain('序时进度（截至2022年4月15日）');
    expect(rows).toHaveLength(22);
    expect(rows.map((r) => r['编号'])).not.toContain('22');
    expect(rows.at(-1)!['编号']).toBe('七');

    const t1 = rows[0]!;
    expect(t1).toMatchObject({
      序号: 1, 编号: '1', 所属部分: '一、着力培育创新主体', 任务名称: '培育高新技术企业', 责任人: '张敏', 责任领导: '何建国',
      完成时限: '2022年12月31日', 指标: '有效期高企 ≥140家', 最新值: '118家',
      // A level measured from its first report (110 on 1 April; the revoked 125 does not count).
      序时应达: '112家', 序时进度: '完成目标的84%，较基数110完成27%，时间5%', 状态: '按计划', 亮灯: '绿灯（按计划推进）',
      本期报送: '本期未催报', 最近填报日期: '2022年4月8日', 最近填报内容: '有效期高企已有118家，按计划推进',
    });

    const t11 = rows.find((r) => r['编号'] === '11')!;
    expect(t11['指标']).toBe('①科技成果登记 ≥70项\n②技术合同登记 ≥11亿元');
    expect(t11['最新值']).toBe('①45项\n②0.85亿元');
    // 2022 has 249 working days, 70 of them by 15 April (调休 included) → 28%; 70 × 70/249 = 19.68 → 20项.
    expect(t11['序时应达']).toBe('①20项\n②3.09亿元');
    expect(t11['序时进度']).toBe('①完成64%，时间28%\n②完成8%，时间28%，严重落后序时');
    expect(t11['亮灯']).toBe('红灯（指标「技术合同登记」严重落后序时）');
    expect(t11['协办人']).toBe('刘洋');

    expect(rows.find((r) => r['编号'] === '2')).toMatchObject({ 最近填报日期: '2022年4月14日', 最近填报内容: '=1+1，已入库1500家' });
    expect(rows.find((r) => r['编号'] === '3')).toMatchObject({ 状态: '已暂停', 亮灯: '无灯（已暂停）', 牵头单位: '高新科', 责任领导: '分管副局长' });
    expect(rows.find((r) => r['编号'] === '4')).toMatchObject({ 状态: '未报送', 本期报送: '未报送', 亮灯: '黄灯（本期未报送）', 最新值: null, 最近填报内容: null });
    // Never asked, never reported: not 「未报送」; an extended deadline keeps the plan's beside it, both with their years.
    expect(rows.find((r) => r['编号'] === '5')).toMatchObject({ 状态: '暂无进展', 本期报送: '本期未催报', 完成时限: '2023年3月31日（原定2022年12月31日，已延期）' });
    expect(rows.find((r) => r['编号'] === '7')!['配合单位']).toBe('区经信、区税务、区财政');
  });

  it('at an earlier moment shows the states of that moment, and heads the pace column with its date', async () => {
    const wb = await readBack(await buildLedger(store.db, { planId, now: atShanghai('2022-04-08', '09:00'), calendar: chineseWorkCalendar() }));
    const { headers, rows } = table(wb.getWorksheet('任务台账')!);
    expect(headers).toContain('序时进度（截至2022年4月8日）');
    expect(rows[0]).toMatchObject({ 编号: '1', 最新值: '110家', 序时进度: '完成目标的79%（较基数110，仅首次填报，暂不评序时）', 最近填报日期: '2022年4月1日' });
    expect(rows.find((r) => r['编号'] === '4')).toMatchObject({ 本期报送: '本期未催报' }); // asked only on 11 April
  });

  it('has a sheet of each target’s value week by week: the value at each week’s end, blank before the first report', async () => {
    const wb = await readBack(await buildLedger(store.db, { planId, now: AT, calendar: chineseWorkCalendar() }));
    const ws = wb.getWorksheet(VALUES_SHEET)!;
    const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    // The period starts on Saturday 1 January 2022, in ISO week 2021-W52; the ledger's moment is in W15.
    expect(headers.slice(0, 7)).toEqual(['编号', '任务名称', '指标', '单位', '目标值', '2021年第52周（12/27–1/2）', '第1周（1/3–1/9）']);
    expect(headers.slice(-3)).toEqual(['第13周（3/28–4/3）', '第14周（4/4–4/10）', '第15周（4/11–4/17）']);
    expect(headers).toHaveLength(5 + 16);
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push(headers.map((_, i) => row.getCell(i + 1).value));
    });
    const live = await store.db.target.count({ where: { removedAt: null, task: { planId, removedAt: null } } });
    expect(rows).toHaveLength(live);
    const blanks = (n: number) => Array<null>(n).fill(null);
    // Task 1: 110 by the end of W13, 118 in W14; the 125 of W15 was revoked.
    expect(rows[0]).toEqual(['1', '培育高新技术企业', '有效期高企 ≥140家', '家', 140, ...blanks(13), 110, 118, 118]);
    const t11 = rows.filter((r) => r[0] === '11');
    expect(t11).toEqual([
      ['11', '做好成果登记', '科技成果登记 ≥70项', '项', 70, ...blanks(14), 45, 45],
      ['11', '做好成果登记', '技术合同登记 ≥11亿元', '亿元', 11, ...blanks(14), 0.85, 0.85],
    ]);
    // A task nobody reported on: every week blank.
    expect(rows.find((r) => r[0] === '2')!.slice(5)).toEqual(blanks(16));
  });

  it('lists every report newest first, revoked ones marked, user text kept as text', async () => {
    const wb = await readBack(await buildLedger(store.db, { planId, now: AT, calendar: chineseWorkCalendar() }));
    const ws = wb.getWorksheet('进展记录')!;
    const { headers, rows } = table(ws);
    expect(headers).toEqual(['任务编号', '任务名称', '填报人', '时间', '来源', '状态', '进度%', '数值', '原话', '是否撤销']);
    expect(rows.map((r) => r['时间'])).toEqual(['2022-04-14 00:30', '2022-04-12 16:00', '2022-04-10 14:00', '2022-04-08 10:30', '2022-04-01 10:00']);
    expect(rows[1]).toMatchObject({ 任务编号: '1', 填报人: '张敏', 状态: '有风险', 原话: '有效期高企125家，有风险', 是否撤销: '是' });
    expect(rows[2]).toMatchObject({ 任务编号: '11', 填报人: '陈静', 来源: '消息', 数值: '科技成果登记 45项\n技术合同登记 0.85亿元', 是否撤销: '否' });

    const formula = ws.getRow(2).getCell(headers.indexOf('原话') + 1);
    expect(formula.value).toBe('=1+1，已入库1500家');
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.formula).toBeUndefined();
  });

  it('carries the audit trail: plan import, owners, reports, the revocation', async () => {
    const wb = await readBack(await buildLedger(store.db, { planId, now: AT, calendar: chineseWorkCalendar() }));
    const { headers, rows } = table(wb.getWorksheet('操作记录')!);
    expect(headers).toEqual(['时间', '操作人', '操作', '任务', '变更前', '变更后']);
    expect(rows).toHaveLength(await store.db.auditEntry.count());
    const actions = rows.map((r) => r['操作']);
    expect(actions.filter((a) => a === '填报进展')).toHaveLength(5);
    expect(actions).toContain('导入计划');
    expect(actions).toContain('导入责任分工');
    expect(rows[0]).toMatchObject({ 时间: '2022-04-14 00:30', 操作: '填报进展', 任务: '2 培育科技型企业', 操作人: '李强' });
    expect(rows.find((r) => r['操作'] === '取消指派')).toMatchObject({ 任务: '3 培育高成长企业', 操作人: '命令行' });
    const revoked = rows.find((r) => r['操作'] === '撤销进展')!;
    expect(revoked).toMatchObject({ 时间: '2022-04-12 16:05', 操作人: '张敏', 任务: '1 培育高新技术企业' });
    expect(String(revoked['变更前'])).toContain('状态：有风险');
    // Every row in a clerk's words: Chinese names, people by name, changes as 「字段：值」, never raw keys or JSON.
    for (const r of rows) {
      expect(String(r['操作'])).not.toMatch(/[a-z]+\.[a-z]/);
      expect(String(r['操作人'])).not.toMatch(/^ou_/);
      expect(`${String(r['变更前'] ?? '')}${String(r['变更后'] ?? '')}`).not.toMatch(/[{}"]|ou_/);
    }
    const imported = rows.find((r) => r['操作'] === '导入计划')!;
    expect(imported).toMatchObject({ 时间: '2022-03-21 09:00', 操作人: '命令行', 任务: null });
  });
});

describe('workplan export', () => {
  async function workplan(...args: string[]) {
    const env = { ...process.env, DATABASE_URL: store.url, TZ: 'America/Los_Angeles' };
    try {
      return { code: 0, ...(await run(process.execPath, [BIN, ...args], { env, cwd: store.dir })) };
    } catch (e) {
      return e as { code: number; stdout: string; stderr: string };
    }
  }

  it('writes the ledger file and says what is in it', async () => {
    const out = join(store.dir, '台账.xlsx');
    const r = await workplan('export', '--out', out, '--at', '2022-04-15');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`已导出台账：${out}（22 项任务，5 条进展记录）\n`);
    const wb = await readBack(readFileSync(out));
    const tasks = table(wb.getWorksheet('任务台账')!);
    expect(tasks.headers).toContain('序时进度（截至2022年4月15日）'); // a 2022 plan read in 2022, not on the wall clock's day
    expect(tasks.rows[0]).toMatchObject({ 编号: '1', 最新值: '118家', 状态: '按计划', 责任人: '张敏' });
    expect(table(wb.getWorksheet('进展记录')!).rows[0]!['时间']).toBe('2022-04-14 00:30');
  });

  it('refuses to run without --out, or with a bad date', async () => {
    const r = await workplan('export');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
    const bad = await workplan('export', '--out', join(store.dir, 'x.xlsx'), '--at', '2022-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('无法识别日期');
  });

  it('--at takes a time too: the states of that minute', async () => {
    const out = join(store.dir, '台账-早.xlsx');
    const r = await workplan('export', '--out', out, '--at', '2022-04-08T09:00');
    expect(r.stderr).toBe('');
    const tasks = table((await readBack(readFileSync(out))).getWorksheet('任务台账')!);
    expect(tasks.headers).toContain('序时进度（截至2022年4月8日）');
    expect(tasks.rows[0]).toMatchObject({ 编号: '1', 最新值: '110家' }); // 118 came at 10:30
  });
});
