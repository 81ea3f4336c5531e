/** The proposal cards: a section per card, packed to the budget, bounded in number, escaped; the terminal table and owners file too. */
import { describe, expect, it } from 'vitest';
import type { ProposalTask } from '../../../bot/domain/owners/propose.js';
import { proposalCsv, proposalTable } from '../../../bot/domain/owners/proposal-table.js';
import { fitsOneCard } from '../../../bot/feishu/cards/card-size.js';
import { PROPOSAL_CARDS, proposalCards, proposalConfirmedCard, proposalSupersededCard } from '../../../bot/feishu/cards/proposal-card.js';

const hostile = '<at id=all></at> **快** [x](https://evil)';
const task = (code: string, section: string | null, over: Partial<ProposalTask> = {}): ProposalTask => ({
  code, title: '培育高新技术企业', section, changed: false,
  owners: [{ openId: 'ou_a', name: '张敏', because: '高新科负责人' }], collaborators: [], leaders: [{ openId: 'ou_b', name: '何建国', because: '责任领导' }],
  misses: [{ role: 'collaborator', name: '区财政局', reason: '「区财政局」是外单位，不在本单位的通讯录中' }],
  ...over,
});

describe('proposalCards', () => {
  it('one card per section, each task with its people and misses, and 全部确认 for the whole proposal', () => {
    const cards = proposalCards({ id: 9, planTitle: '2022年工作要点', tasks: [task('1', '一、培育'), task('2', '一、培育'), task('3', '二、平台', { owners: [], changed: true })] });
    expect(cards).toHaveLength(2);
    const one = JSON.stringify(cards[0]);
    expect(one).toContain('**1** 培育高新技术企业\\n责任人：张敏（高新科负责人）｜协办：—｜责任领导：何建国（责任领导）\\n⚠️ 配合单位「区财政局」：「区财政局」是外单位，不在本单位的通讯录中');
    expect(one).toContain('**2** 培育高新技术企业');
    expect(one).toContain('{"type":"callback","value":{"action":"proposal-confirm","proposalId":9}}');
    const two = JSON.stringify(cards[1]);
    expect(two).toContain('**3** 培育高新技术企业（已修改）\\n责任人：—');
    expect(two).not.toContain('**1**');
  });

  it('packs a long section into cards within the budget, sends at most PROPOSAL_CARDS and counts the rest; escapes outside text', () => {
    const long = hostile.repeat(20);
    const people = Array.from({ length: 9 }, (_, i) => ({ openId: `ou_${i}`, name: long, because: long }));
    const tasks = Array.from({ length: 600 }, (_, i) => task(String(i + 1), long, {
      title: long, owners: people, collaborators: people, leaders: people,
      misses: Array.from({ length: 9 }, () => ({ role: 'lead' as const, name: long, reason: long })),
    }));
    const cards = proposalCards({ id: 1, planTitle: long, tasks });
    expect(cards).toHaveLength(PROPOSAL_CARDS);
    for (const c of cards) expect(fitsOneCard(c)).toBe(true);
    const raw = JSON.stringify(cards);
    expect(raw).toMatch(/……另有 \d+ 项任务未在卡片中列出/);
    expect(raw).not.toContain('<at id=all>');
    expect(raw).not.toContain('](https://evil)');
  });

  it('the confirmed card says who and what, without the button', () => {
    const c = JSON.stringify(proposalConfirmedCard({ planTitle: hostile, by: '管理员', at: '2022-04-11 10:00', rows: 5, added: 3 }));
    expect(c).toContain('**已确认**（管理员，2022-04-11 10:00）：5 项分工，新增 3 项。');
    expect(c).not.toContain('callback');
    expect(c).not.toContain('<at id=all>');
    const gone = JSON.stringify(proposalSupersededCard(hostile));
    expect(gone).toContain('已被新的建议取代');
    expect(gone).not.toContain('callback');
    expect(gone).not.toContain('<at id=all>');
  });
});

describe('proposalTable and proposalCsv', () => {
  it('drop terminal control characters and defuse spreadsheet formulas', () => {
    const t = task('1', '一、培育', { title: 'A\u001b[31mB', owners: [{ openId: 'ou_x', name: '=HYPERLINK("http://x","点")', because: '高新科负责人' }] });
    expect(proposalTable('计划', [t])).not.toContain('\u001b');
    expect(proposalTable('计划', [t])).toContain('  1  A [31mB');
    expect(proposalCsv([t])).toBe('任务编号,姓名,角色,open_id\n1,"\'=HYPERLINK(""http://x"",""点"")",责任人,ou_x\n1,何建国,责任领导,ou_b\n');
  });
});
