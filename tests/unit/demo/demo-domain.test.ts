/** The demo's pure parts: the simulated clock, the colleagues' answers, the cast and office hours. */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../bot/clock.js';
import { answerFor, valueOn, type TaskView } from '../../../bot/demo/answers.js';
import { castFrom } from '../../../bot/demo/cast.js';
import { officeTime } from '../../../bot/demo/colleagues.js';
import { createSimClock } from '../../../bot/demo/sim-clock.js';
import { chineseWorkCalendar } from '../../../bot/domain/calendar/chinese-calendar.js';
import { parseOwners } from '../../../bot/domain/owners/parse-owners.js';
import { readReply } from '../../../bot/domain/reply/read-reply.js';
import type { ReplyTarget } from '../../../bot/domain/reply/types.js';
import { OWNERS } from '../../helpers/seed.js';

const at = (local: string) => new Date(`${local}+08:00`);

describe('simulated clock', () => {
  it('runs at its speed, never passes its limit, and pauses without jumping', () => {
    const real = manualClock(new Date('2030-01-01T00:00:00Z'));
    const sim = createSimClock(at('2022-03-21T09:00:00'), real, 60);
    sim.setLimit(at('2022-03-21T10:00:00'));
    real.advance(30_000); // 30 real seconds = 30 simulated minutes
    expect(sim.now()).toEqual(at('2022-03-21T09:30:00'));
    real.advance(60 * 60_000);
    expect(sim.now()).toEqual(at('2022-03-21T10:00:00')); // held at the limit
    sim.setLimit(at('2022-03-21T12:00:00'));
    expect(sim.now()).toEqual(at('2022-03-21T10:00:00')); // raising the limit does not jump
    sim.pause();
    real.advance(60_000);
    expect(sim.now()).toEqual(at('2022-03-21T10:00:00'));
    sim.play();
    sim.setSpeed(120);
    real.advance(15_000);
    expect(sim.now()).toEqual(at('2022-03-21T10:30:00'));
  });

  it("at 'max' stands at its limit, and refuses a speed that is not positive", () => {
    const real = manualClock(new Date('2030-01-01T00:00:00Z'));
    const sim = createSimClock(at('2022-03-21T09:00:00'), real, 'max');
    sim.setLimit(at('2022-03-25T16:00:00'));
    expect(sim.now()).toEqual(at('2022-03-25T16:00:00'));
    sim.setLimit(at('2022-03-24T00:00:00')); // never backwards
    expect(sim.now()).toEqual(at('2022-03-25T16:00:00'));
    expect(() => sim.setSpeed(0)).toThrow(RangeError);
    expect(() => sim.setSpeed(Number.NaN)).toThrow(RangeError);
  });
});

const task11: TaskView = {
  code: '11', title: '做好成果登记',
  targets: [
    { position: 0, label: '科技成果登记', value: 70, unit: '项', kind: 'cumulative' },
    { position: 1, label: '技术合同登记', value: 11, unit: '亿元', kind: 'money' },
  ],
};
const bare: TaskView = { code: '17', title: '设立创业投资基金', targets: [] };

describe("colleagues' answers are read back as meant", () => {
  const read = (text: string, t: TaskView) => readReply({ text, targets: t.targets as ReplyTarget[], now: at('2022-04-11T10:00:00') });

  it.each([
    ['numbers', task11, 'on_track'],
    ['leave', bare, 'on_track'],
    ['risk', task11, 'at_risk'],
    ['risk', bare, 'at_risk'],
    ['blocker', bare, 'blocked'],
    ['slow', bare, 'on_track'],
    ['date', bare, null],
  ] as const)('%s on task %s → %s', (style, task, status) => {
    for (const day of ['2022-03-21', '2022-04-11', '2022-06-30', '2022-11-15']) {
      const a = answerFor(style, task, day, 'ou_x');
      expect(a?.kind).toBe('reply');
      const r = read((a as { text: string }).text, task);
      if (status) expect(r.status).toBe(status);
      if (style === 'numbers' || (style === 'risk' && task.targets.length)) expect(r.values.map((v) => v.target)).toEqual([0, 1]);
      if (style === 'slow') expect(r.percent).toBeGreaterThan(0);
      if (style === 'date') expect(r.expectedOn).toMatch(/^2022-|^2023-/);
    }
  });

  it('numbers grow over the year and stocks start near their target', () => {
    const [count] = task11.targets;
    expect(valueOn(count!, '2022-03-21', 's')).toBeLessThan(valueOn(count!, '2022-10-21', 's'));
    const stock = { position: 0, label: '有效期高企', value: 140, unit: '家', kind: 'level' };
    expect(valueOn(stock, '2022-03-21', 's')).toBeGreaterThanOrEqual(112);
    expect(answerFor('silent', task11, '2022-03-21', 's')).toBeNull();
    expect(answerFor('button', task11, '2022-03-21', 's')).toEqual({ kind: 'click', status: 'on_track' });
    expect(answerFor('form', task11, '2022-03-21', 's')).toMatchObject({ kind: 'form', values: { t0: expect.any(String), t1: expect.any(String) } });
  });
});

describe('cast and office hours', () => {
  it('gives every member of staff a style, in order, and adds one admin', () => {
    const cast = castFrom(parseOwners(OWNERS.trim().split('\n').map((l) => l.split(','))));
    expect(cast.filter((c) => c.kind === 'leader').map((c) => c.name)).toEqual(['何建国', '罗晓梅']);
    expect(cast.filter((c) => c.kind === 'admin')).toHaveLength(1);
    const staff = cast.filter((c) => c.kind === 'staff');
    expect(staff.map((c) => c.style)).toEqual(['numbers', 'silent', 'button', 'form', 'risk', 'leave', 'blocker', 'slow', 'date']);
    expect(new Set(cast.map((c) => c.openId)).size).toBe(cast.length);
  });

  it('moves an answer that would fall outside office hours to the next working morning', () => {
    const cal = chineseWorkCalendar();
    expect(new Date(officeTime(at('2022-03-21T09:30:00'), 25, cal))).toEqual(at('2022-03-21T09:55:00'));
    expect(new Date(officeTime(at('2022-04-01T17:50:00'), 30, cal))).toEqual(at('2022-04-02T09:30:00')); // make-up Saturday
    expect(new Date(officeTime(at('2022-04-02T17:50:00'), 30, cal))).toEqual(at('2022-04-06T09:30:00')); // Qingming
    expect(new Date(officeTime(at('2022-03-21T07:00:00'), 10, cal))).toEqual(at('2022-03-21T09:10:00'));
  });
});
