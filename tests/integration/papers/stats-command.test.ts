/**
 * /stats (统计): per lead unit, overdue / unreported / blocked counts now and over the last 4 weeks,
 * for admins in p2p only — refused in a group with the reason, refused to others; and the ledger's
 * 「牵头单位统计」 sheet with the same numbers.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitStats, NO_UNIT } from '../../../bot/domain/papers/unit-stats.js';
import { buildLedger, UNIT_SHEET } from '../../../bot/ledger/build-ledger.js';
import { ADMIN, GROUP, STAFF, drainNudges, startCommandHarness, wordsOf, type CommandHarness } from '../../helpers/command-harness.js';

let h: CommandHarness;
beforeAll(async () => {
  h = await startCommandHarness(); // clock: Monday 2022-04-11 10:00 Shanghai
});
afterAll(async () => h?.close());

const p2p = async (from: string, text: string) => (await h.command(from, text)).filter((m) => m.chatId === h.fake.p2pChatOf(from)).map(wordsOf).join('\n');

describe('/stats', () => {
  it('gives an admin, privately, each unit’s counts from the engine and the 4-week trend', async () => {
    await h.command(STAFF, '/report 1 企业走访受阻，暂停推进');
    const words = await p2p(ADMIN, '/stats');
    expect(words).toContain('各牵头单位统计（截至4月11日，仅管理员可见）');
    expect(words).toContain('趋势：第12周末→第13周末→第14周末→今天');
    // 高新科 (张敏's department in the seed's owners table) has task 1, now blocked by the owner's report.
    expect(words).toMatch(/高新科（\d+项）：逾期0，未报送\d+，受阻1/);
    expect(words).toMatch(/高新科[^\n]*\n\s+近4周 逾期 0→0→0→0｜未报送 [\d→]+｜受阻 0→0→0→1/);
  });

  it('is refused in a group, with the reason, and nothing about units is posted there', async () => {
    const answers = await h.command(ADMIN, '{@0} /stats', { chatId: GROUP, mentions: [h.fake.botOpenId] });
    const words = answers.map(wordsOf).join('\n');
    expect(words).toContain('单位统计只在私聊中提供，不在群里发送');
    expect(words).not.toContain('高新科');
  });

  it('is refused to someone who is not an admin', async () => {
    const words = await p2p(STAFF, '/统计');
    expect(words).toContain('只有管理员可以使用');
    expect(words).not.toContain('高新科');
  });
});

describe('the ledger’s 「牵头单位统计」 sheet', () => {
  it('has a row per unit and week with the same counts', async () => {
    await drainNudges(h);
    const bytes = await buildLedger(h.bot.deps.db, { planId: (await h.bot.deps.db.plan.findFirstOrThrow()).id, now: h.clock.now(), calendar: h.bot.deps.calendar });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(UNIT_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['牵头单位', '统计时点', '任务数', '逾期', '未报送', '受阻']);
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => { if (n > 1) rows.push((r.values as unknown[]).slice(1)); });
    const now = rows.filter((r) => r[0] === '高新科');
    expect(now).toHaveLength(4);
    expect(now[3]![1]).toBe('2022年4月11日（导出时）');
    expect(now[3]![5]).toBe(1);
    expect(now[0]![1]).toBe('第12周末（2022年3月27日）');
  });
});

describe('unitStats (pure)', () => {
  const s = (o: { overdue?: boolean; blocked?: boolean; reported?: boolean | null }) => ({
    lifecycle: 'active' as const,
    reasons: [...(o.overdue ? [{ kind: 'overdue' as const, workdays: 2 }] : []), ...(o.blocked ? [{ kind: 'blocked' as const }] : []), { kind: 'on_track' as const }],
    reporting: { period: null, asked: true, reported: o.reported ?? true, why: 'reported' as const, later: [] },
  });
  it('counts by the plan’s lead units, else the owners’ departments, else 未明确牵头单位', () => {
    const rows = unitStats([{ date: '2022-04-11', label: '第15周', tasks: [
      { leadUnits: ['高新科', '办公室'], ownerDepartments: ['x'], state: s({ overdue: true }) },
      { leadUnits: [], ownerDepartments: ['办公室', '办公室'], state: s({ blocked: true, reported: false }) },
      { leadUnits: [], ownerDepartments: [], state: s({}) },
    ] }]);
    expect(rows).toEqual([
      { unit: '高新科', counts: [{ tasks: 1, overdue: 1, unreported: 0, blocked: 0 }] },
      { unit: '办公室', counts: [{ tasks: 2, overdue: 1, unreported: 1, blocked: 1 }] },
      { unit: NO_UNIT, counts: [{ tasks: 1, overdue: 0, unreported: 0, blocked: 0 }] },
    ]);
  });
});
