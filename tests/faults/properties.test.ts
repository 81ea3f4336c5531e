/**
 * #9 item 15 — property-based fuzzing (fast-check) of the three readers of
 * user input: the plan parser, the reply reader and the command parser. On
 * any input: no exception other than the parser's own Chinese PlanError, and
 * results within their declared shapes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandOf, readMessage } from '../../bot/domain/message-text.js';
import { parsePlan, PlanError } from '../../bot/domain/plan/parse-plan.js';
import type { ParsedPlan } from '../../bot/domain/plan/types.js';
import { readDay, readDayRange } from '../../bot/domain/reply/read-day.js';
import { readReply, type ReplyTarget } from '../../bot/domain/reply/read-reply.js';
import { botText, cut, md, PART_MAX } from '../../bot/feishu/safe-text.js';
import { words } from '../../bot/handlers/commands/admin/shared.js';
import { SEED } from '../helpers/seed.js';

const RUNS = { numRuns: 300, seed: 20260409 } as const;
const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** Text built from pieces the readers care about, mixed with anything at all. */
const PIECES = [
  '一、', '（一）', '（二）', '1.', '2、', '１．', '（3）', '十二、', '\n', '\t', ' ', '。', '，', '；', '：',
  '重庆市綦江区科学技术局', '2022年工作要点', '年', '月', '日', '前', '底', '第三季度', '年底前', '6月底', '11月30日前',
  '达', '以上', '不少于', '突破', '以内', '不超过', '累计', '家', '项', '亿元', '万元', '%', '人次', '140', '１４０', '0.5',
  '责任领导：', '牵头科室：', '配合单位：', '完成时限：', '【', '】', '（责任单位：区科技局）', '配合区金融办',
  '序号', '重点工作任务', '主要责任单位', '协同配合单位', '完成期限',
  '已完成', '按计划', '有风险', '受阻', '预计', '下周五', '过半', '百分之六十', '八成', '<at id=all></at>', '<at user_id="all"></at>',
  '[链接](https://evil.example)', '{"text":"x"}', '@_user_1', '@_all', '/', '／', 'ping', 'report', '任务7', '#7', '\u0000', '\uD83D', '😄',
];
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

function expectPlanShape(p: ParsedPlan): void {
  expect(Object.keys(p).sort()).toEqual(['plan', 'sections', 'tasks', 'warnings']);
  expect(typeof p.plan.title).toBe('string');
  expect(Number.isInteger(p.plan.year)).toBe(true);
  expect(p.plan.periodEnd).toMatch(YMD);
  if (p.plan.issuedOn !== null) expect(p.plan.issuedOn).toMatch(YMD);
  expect(p.tasks.length).toBeGreaterThan(0);
  const codes = new Set<string>();
  for (const t of p.tasks) {
    expect(t.code).toBeTruthy();
    expect(codes.has(t.code)).toBe(false);
    codes.add(t.code);
    expect(t.number === null || Number.isInteger(t.number)).toBe(true);
    expect(typeof t.title).toBe('string');
    expect(t.deadline).toMatch(YMD);
    for (const list of [t.leadUnits, t.collaborators, t.leaders]) expect(list.every((s) => typeof s === 'string')).toBe(true);
    for (const g of t.targets) {
      expect(Number.isFinite(g.value)).toBe(true);
      expect(['at_least', 'at_most', 'exactly']).toContain(g.comparator);
      expect(['level', 'cumulative', 'money', 'percent']).toContain(g.kind);
    }
  }
  for (const s of p.sections) expect(typeof s.ordinal).toBe('string');
  expect(p.warnings.every((w) => typeof w === 'string')).toBe(true);
}

/** parsePlan either returns a plan in shape or refuses with its own Chinese PlanError. */
function parseOrRefuse(source: Parameters<typeof parsePlan>[0]): void {
  try {
    expectPlanShape(parsePlan(source));
  } catch (e) {
    if (e instanceof PlanError) {
      expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
      return;
    }
    throw e;
  }
}

describe('plan parser (fast-check)', () => {
  it('any text: a plan in shape or a PlanError', () => {
    fc.assert(fc.property(text, (t) => parseOrRefuse({ kind: 'text', name: 'x.txt', text: t })), RUNS);
  });

  it('the seed plan with any lines spliced in or cut out still parses in shape', () => {
    const lines = SEED.split('\n');
    const edit = fc.record({ at: fc.nat({ max: lines.length }), cut: fc.nat({ max: 5 }), insert: fc.array(text, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 4 }), (edits) => {
        const out = [...lines];
        for (const e of edits) out.splice(Math.min(e.at, out.length), e.cut, ...e.insert);
        parseOrRefuse({ kind: 'text', name: 'seed.txt', text: out.join('\n') });
      }),
      { ...RUNS, numRuns: 150 },
    );
  });

  it('any table: a plan in shape or a PlanError', () => {
    const header = fc.constantFrom(['序号', '重点工作任务', '主要责任单位', '协同配合单位', '完成期限'], ['序号', '工作任务', '责任单位'], []);
    const rows = fc.array(fc.array(text, { maxLength: 6 }), { maxLength: 8 });
    fc.assert(
      fc.property(header, rows, fc.array(text, { maxLength: 2 }), (h, r, preface) =>
        parseOrRefuse({ kind: 'table', name: 'x.csv', rows: h.length ? [[...h], ...r] : r, preface }),
      ),
      RUNS,
    );
  });
});

const TARGETS: ReplyTarget[][] = [
  [],
  [{ label: '有效期高企', value: 140, unit: '家', kind: 'level', text: '有效期高企达140家' }],
  [
    { label: '技术合同成交额', value: 10, unit: '亿元', kind: 'money' },
    { label: '研发投入强度', value: 2.5, unit: '%', kind: 'percent' },
  ],
];

describe('reply reader (fast-check)', () => {
  it('any text, any targets, any instant: no exception and the declared shape', () => {
    const when = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(text, fc.constantFrom(...TARGETS), when, (t, targets, now) => {
        const r = readReply({ text: t, targets, now });
        expect(Object.keys(r).sort()).toEqual(['blocker', 'doubts', 'expectedOn', 'percent', 'status', 'values']);
        expect([null, 'on_track', 'not_started', 'at_risk', 'blocked', 'done']).toContain(r.status);
        if (r.percent !== null) expect(r.percent >= 0 && r.percent <= 100).toBe(true);
        if (r.expectedOn !== null) expect(r.expectedOn).toMatch(YMD);
        if (r.blocker !== null) expect([...r.blocker].length).toBeLessThanOrEqual(80);
        for (const v of r.values) {
          expect(Number.isFinite(v.value)).toBe(true);
          expect(v.unit).toBe(targets[v.target]!.unit);
        }
        // The same input reads the same way.
        expect(readReply({ text: t, targets, now })).toEqual(r);
      }),
      RUNS,
    );
  });
});

describe('command parser (fast-check)', () => {
  const now = new Date('2022-04-11T02:00:00Z');

  it('commandOf: null, or a lower-case name and trimmed args taken from the text', () => {
    fc.assert(
      fc.property(fc.oneof(text, text.map((t) => `/${t}`), text.map((t) => `／ ${t}`)), (t) => {
        const c = commandOf(t);
        if (c === null) return;
        expect(c.name).toMatch(/^[a-z\u4e00-\u9fa5]+$/);
        expect(c.args).toBe(c.args.trim());
        expect(t.toLowerCase()).toContain(c.name);
        expect(t).toContain(c.args);
      }),
      RUNS,
    );
  });

  it('readMessage: mentions resolved, never throws, @all only from the platform’s @_all mention', () => {
    const mention = fc.record({
      key: fc.constantFrom('@_user_1', '@_user_2', '@_user_10', '@_all'),
      openId: fc.option(fc.constantFrom('ou_bot', 'ou_a', 'ou_b'), { nil: null }),
      name: fc.string({ maxLength: 10 }),
    });
    fc.assert(
      fc.property(text, fc.array(mention, { maxLength: 4 }), (t, mentions) => {
        const r = readMessage(t, mentions, 'ou_bot');
        expect(r.text).toBe(r.text.trim());
        expect(r.mentionsAll).toBe(mentions.some((m) => m.key === '@_all'));
        expect(r.people.every((p) => p.openId !== 'ou_bot' && p.key !== '@_all')).toBe(true);
      }),
      RUNS,
    );
  });

  it('argument readers: words, day phrases and day ranges never throw and stay in shape', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(words(t).every((w) => w.length > 0 && !w.startsWith('@') && !/\s/.test(w))).toBe(true);
        const day = readDay(t, now);
        if (day !== null) expect(day).toMatch(YMD);
        const range = readDayRange(t, now);
        if (range !== null) {
          expect(range.from).toMatch(YMD);
          expect(range.to).toMatch(YMD);
        }
        // What a text message or card markdown shows of it: no syntax left, bounded.
        const text = botText`「${t}」`.toString();
        expect(text.slice(1, -1)).not.toMatch(/[<>[\]*~`&\\\u0000-\u0009\u000b-\u001f]/);
        expect([...botText`${cut(t, 20)}`.toString()].length).toBeLessThanOrEqual(20);
        const shownMd = md`${t}`.toString();
        expect(shownMd.replace(/&#\d+;/g, '')).not.toMatch(/[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/);
        expect([...shownMd.replace(/&#\d+;/g, '.')].length).toBeLessThanOrEqual(PART_MAX);
      }),
      RUNS,
    );
  });
});
