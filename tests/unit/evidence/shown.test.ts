/** The digest's 📎 count and the ledger's 佐证材料 column render what the store counted; nothing shows for none. */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../bot/domain/digest/build-digest.js';
import { digestJson } from '../../../bot/domain/digest/digest-json.js';
import { digestText } from '../../../bot/domain/digest/digest-text.js';
import { digestCards } from '../../../bot/feishu/cards/digest-cards.js';
import { taskSheet } from '../../../bot/ledger/task-sheet.js';
import { taskState } from '../../../bot/domain/task-state/task-state.js';
import { ctxAt, task } from '../task-state/helpers.js';
import { expectValid, panelItems, type Card } from '../digest/card-helpers.js';
import { digestTask, inputOf, NOW } from '../digest/fixtures.js';

const model = buildDigest(inputOf([{ ...digestTask('1'), evidence: 3 }, digestTask('2')]));

describe('the digest', () => {
  it('the task line carries 📎 N when the task has evidence, and nothing when not', () => {
    const text = digestText(model);
    expect(text).toContain('任务1 培育高新技术企业｜暂无进展｜责任人1｜时限12月31日｜📎 3');
    expect(text).not.toMatch(/任务2 [^\n]*📎/);
    const cards = digestCards(model, { audience: 'group' }) as Card[];
    expectValid(cards);
    const items = panelItems(cards);
    expect(items.find((i) => i.includes('任务1'))).toContain('｜📎 3');
    expect(items.find((i) => i.includes('任务2'))).not.toContain('📎');
    expect(digestJson(model, NOW).tasks.map((t) => t.evidence)).toEqual([3, 0]);
  });
});

describe('the ledger task sheet', () => {
  it('has a 佐证材料 column: the count, 0 when none', () => {
    const base = {
      code: '1', shownCode: '1', title: '培育高新技术企业', section: null, leadUnits: [], collaboratorUnits: [], leaderNames: [],
      owners: [], collaborators: [], leaders: [], state: taskState(task({}), ctxAt('2022-04-15T16:00:00')),
    };
    const sheet = taskSheet({ tasks: [{ ...base, evidence: 2 }, { ...base, code: '2', shownCode: '2' }], sections: [], today: '2022-04-15', periodStart: '2022-01-01' });
    const col = sheet.columns.findIndex((c) => c.header === '佐证材料');
    expect(col).toBeGreaterThan(0);
    expect(sheet.rows.map((r) => r[col])).toEqual([2, 0]);
  });
});
