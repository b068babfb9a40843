import { availabilityFlags, freezeOn, isCarriedTo, isOverdue, missedSince, rhythmHealth, stateOf } from '@shared/ceremonies/rules/rhythm';
import { describe, expect, it } from 'vitest';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const occ = (startsAt: string, cancelled = false) => ({
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
  cancelled,
});

describe('the state of an occurrence', () => {
  it('planned before it starts, to record during the grace days, missed after them', () => {
    expect(stateOf(occ('2026-12-07T09:00:00Z'), null, NOW, 2)).toBe('planned');
    expect(stateOf(occ('2026-12-05T09:00:00Z'), null, NOW, 2)).toBe('due');
    // Ended 2026-12-04T11:00Z; two days later is 2026-12-06T11:00Z, before now.
    expect(stateOf(occ('2026-12-04T10:00:00Z'), null, NOW, 2)).toBe('missed');
    expect(stateOf(occ('2026-12-04T10:00:00Z'), null, NOW, 3)).toBe('due');
    expect(missedSince(occ('2026-12-04T10:00:00Z'), 2)).toBe('2026-12-06T11:00:00.000Z');
  });

  it('what was recorded wins; not held is missed; cancelled is neither', () => {
    expect(stateOf(occ('2026-11-01T09:00:00Z'), 'held', NOW, 2)).toBe('held');
    expect(stateOf(occ('2026-12-05T09:00:00Z'), 'not_held', NOW, 2)).toBe('missed');
    expect(stateOf(occ('2026-11-01T09:00:00Z', true), null, NOW, 2)).toBe('cancelled');
  });
});

describe('rhythm health', () => {
  const at = (daysAgo: number) => new Date(NOW - daysAgo * 86_400_000).toISOString();
  it('held ÷ planned over 90 days, per type, beside the 90 days before, ignoring cancelled and not yet judged', () => {
    const rows = [
      { type: 'model_review' as const, startsAt: at(10), state: 'held' as const },
      { type: 'model_review' as const, startsAt: at(24), state: 'missed' as const },
      { type: 'model_review' as const, startsAt: at(38), state: 'held' as const },
      { type: 'steering' as const, startsAt: at(50), state: 'held' as const },
      { type: 'steering' as const, startsAt: at(1), state: 'due' as const },
      { type: 'steering' as const, startsAt: at(60), state: 'cancelled' as const },
      { type: 'steering' as const, startsAt: at(95), state: 'missed' as const },
      { type: 'steering' as const, startsAt: at(120), state: 'held' as const },
    ];
    const health = rhythmHealth(rows, NOW);
    expect({ held: health.held, planned: health.planned, ratio: health.ratio }).toEqual({ held: 3, planned: 4, ratio: 0.75 });
    expect(health.previous).toEqual({ held: 1, planned: 2, ratio: 0.5 });
    expect(health.byType).toEqual([
      { type: 'model_review', held: 2, planned: 3, ratio: 2 / 3 },
      { type: 'steering', held: 1, planned: 1, ratio: 1 },
    ]);
    expect(health.trend).toHaveLength(6);
    expect(health.trend.at(-1)).toMatchObject({ held: 1, planned: 2, ratio: 0.5 });
    expect(health.trend.reduce((n, p) => n + p.planned, 0)).toBe(6);
  });

  it('nothing judged has no ratio (not 0 %, not 100 %)', () => {
    expect(rhythmHealth([], NOW).ratio).toBeNull();
  });
});

describe('freezes, carried action items, overdue and availability', () => {
  const freezes = [{ id: 'f', startsOn: '2026-12-15', endsOn: '2027-01-05', reason: 'Year-end change freeze' }];
  it('a date inside a freeze (both ends included)', () => {
    expect(freezeOn('2026-12-15', freezes)?.id).toBe('f');
    expect(freezeOn('2027-01-05', freezes)?.id).toBe('f');
    expect(freezeOn('2026-12-14', freezes)).toBeNull();
    expect(freezeOn('2027-01-06', freezes)).toBeNull();
  });

  it('an open item is carried to every later occurrence until done; a done one stays on those before it was done', () => {
    const open = { raisedAt: '2026-11-01T09:00:00Z', status: 'open' as const, closedAt: null, dueDate: '2026-11-20' };
    expect(isCarriedTo(open, '2026-11-01T09:00:00Z')).toBe(false);
    expect(isCarriedTo(open, '2026-11-15T09:00:00Z')).toBe(true);
    expect(isCarriedTo(open, '2027-02-01T09:00:00Z')).toBe(true);
    const done = { ...open, status: 'done' as const, closedAt: '2026-11-20T10:00:00Z' };
    expect(isCarriedTo(done, '2026-11-15T09:00:00Z')).toBe(true);
    expect(isCarriedTo(done, '2026-11-29T09:00:00Z')).toBe(false);
  });

  it('overdue is open past its due date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-12-05' }, '2026-12-06')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-12-06' }, '2026-12-06')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-12-01' }, '2026-12-06')).toBe(false);
  });

  it('flags a public holiday, and a day when every Accountable participant is away', () => {
    expect(availabilityFlags('Christmas Day', [])).toEqual([{ kind: 'holiday', name: 'Christmas Day' }]);
    expect(
      availabilityFlags(null, [
        { name: 'Ana', away: true },
        { name: 'Ben', away: false },
      ]),
    ).toEqual([]);
    expect(
      availabilityFlags(null, [
        { name: 'Ana', away: true },
        { name: 'Ben', away: true },
      ]),
    ).toEqual([{ kind: 'accountable_away', names: ['Ana', 'Ben'] }]);
  });
});
