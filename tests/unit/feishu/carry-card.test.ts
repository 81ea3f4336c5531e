/** The carry-over preview card: bounded, escaped, with its two buttons; the decided card without them. */
import { describe, expect, it } from 'vitest';
import { carryDecidedCard, carryPreviewCard, CARRY_AMBIGUOUS, CARRY_ROWS } from '../../../bot/feishu/cards/carry-card.js';
import { fitsOneCard } from '../../../bot/feishu/cards/card-size.js';

const hostile = '<at id=all></at> **快** [x](https://evil)';
const row = (i: number, title = '培育高新技术企业') => ({ to: `${i} ${title}`, from: `${i} ${title}`, units: '高新科', people: '张敏（责任人）；何建国（责任领导）', reason: '完全一致' });

describe('carryPreviewCard', () => {
  it('lists the rows, the ambiguous ones, the counts and offers 确认承接 / 不承接', () => {
    const c = carryPreviewCard({ proposalId: 7, from: '2022年工作要点', to: '2023年工作要点', rows: [row(1)], ambiguous: ['10 申报市级科技奖励：可能承接自 9 申报科技奖励，未承接'], summary: '承接 1 项，有多个可能、未承接 1 项' });
    const raw = JSON.stringify(c);
    expect(raw).toContain('**1 培育高新技术企业** ← 1 培育高新技术企业｜高新科｜张敏（责任人）；何建国（责任领导）｜完全一致');
    expect(raw).toContain('10 申报市级科技奖励：可能承接自 9 申报科技奖励，未承接');
    expect(raw).toContain('承接 1 项，有多个可能、未承接 1 项。');
    expect(raw).toContain('{"type":"callback","value":{"action":"carry-confirm","proposalId":7}}');
    expect(raw).toContain('{"type":"callback","value":{"action":"carry-decline","proposalId":7}}');
  });

  it('stays one card however long the lists, and escapes what the plans say', () => {
    const long = hostile.repeat(20);
    const rows = Array.from({ length: 500 }, (_, i) => ({ ...row(i, long), people: long, units: long }));
    const c = carryPreviewCard({ proposalId: 1, from: long, to: long, rows, ambiguous: rows.map(() => long), summary: '承接 500 项' });
    expect(fitsOneCard(c)).toBe(true);
    const raw = JSON.stringify(c);
    expect(raw).toContain(`……另有${500 - CARRY_ROWS}项`);
    expect(raw).toContain(`……另有${500 - CARRY_AMBIGUOUS}项`);
    expect(raw).not.toContain('<at id=all>');
    expect(raw).not.toContain('](https://evil)');
  });
});

describe('carryDecidedCard', () => {
  it('says who decided what, without buttons', () => {
    const yes = JSON.stringify(carryDecidedCard({ from: '2022年工作要点', to: '2023年工作要点', carried: true, by: '管理员', at: '2023-03-01 10:00', tasks: 11, added: 23 }));
    expect(yes).toContain('**已承接**（管理员，2023-03-01 10:00）：11 项任务，新增 23 人次。');
    expect(yes).not.toContain('callback');
    const no = JSON.stringify(carryDecidedCard({ from: hostile, to: '2023年工作要点', carried: false, by: '管理员', at: '2023-03-01 10:00' }));
    expect(no).toContain('**未承接**');
    expect(no).not.toContain('<at id=all>');
  });
});
