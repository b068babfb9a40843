import { attainmentOf, dailyEvaluations, endedDaysOf, silentDays } from '@shared/monitoring/rules/attainment';
import {
  aggregate,
  DAY_MS,
  driftOf,
  evaluate,
  healthOf,
  isSilent,
  objectiveProblem,
  statusOf,
  windowAt,
} from '@shared/monitoring/rules/evaluate';
import { describe, expect, it } from 'vitest';

const T = Date.parse('2026-12-06T12:00:00Z');
const H = 3_600_000;
const slo = { direction: 'higher' as const, target: 99.5, warning: 99, windowMinutes: 60, aggregation: 'mean' as const };

describe('the window [T − w, T)', () => {
  it('holds the reading exactly at T − w and not the one exactly at T', () => {
    const e = evaluate(
      slo,
      [
        { at: T - H, value: 90 },
        { at: T, value: 100 },
      ],
      T,
    );
    expect(e.readings).toBe(1);
    expect(e.value).toBe(90);
    expect(e.status).toBe('breach');
  });
  it('is the same instant span whatever the time zone or a daylight-saving change (UTC milliseconds)', () => {
    // Europe/Zurich leaves summer time at 03:00 local on 25 October 2026: the window over it is still 60 minutes.
    const at = Date.parse('2026-10-25T02:30:00+01:00');
    expect(windowAt(at, 60)).toEqual({ from: Date.parse('2026-10-25T01:30:00+01:00'), to: at });
    expect(windowAt(at, 60).to - windowAt(at, 60).from).toBe(H);
    expect(Date.parse('2026-10-25T03:00:00+02:00')).toBe(Date.parse('2026-10-25T01:00:00Z'));
  });
  it('has no data when the readings leave a gap over the whole window', () => {
    const e = evaluate(slo, [{ at: T - 3 * H, value: 99.9 }], T);
    expect(e).toMatchObject({ status: 'no_data', value: null, readings: 0 });
  });
});

describe('aggregation', () => {
  const values = [5, 1, 4, 2, 3];
  it('takes the mean, min, max and the last in time order', () => {
    expect(aggregate(values, 'mean')).toBe(3);
    expect(aggregate(values, 'min')).toBe(1);
    expect(aggregate(values, 'max')).toBe(5);
    expect(aggregate(values, 'last')).toBe(3);
    expect(aggregate([], 'mean')).toBeNull();
  });
  it('takes the 95th percentile by nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(aggregate(hundred, 'p95')).toBe(95);
    expect(aggregate([7], 'p95')).toBe(7);
    expect(aggregate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 1000], 'p95')).toBe(20);
  });
});

describe('status against target and warning', () => {
  it('meets, warns and breaches in either direction, thresholds included', () => {
    expect(statusOf(99.5, slo)).toBe('ok');
    expect(statusOf(99.2, slo)).toBe('warning');
    expect(statusOf(99, slo)).toBe('warning');
    expect(statusOf(98.9, slo)).toBe('breach');
    const drift = { direction: 'lower' as const, target: 0.1, warning: 0.2 };
    expect(statusOf(0.1, drift)).toBe('ok');
    expect(statusOf(0.2, drift)).toBe('warning');
    expect(statusOf(0.21, drift)).toBe('breach');
  });
  it('refuses thresholds the wrong way round', () => {
    expect(objectiveProblem({ direction: 'higher', target: 99, warning: 99.5 })).toMatch(/at or below the target/);
    expect(objectiveProblem({ direction: 'lower', target: 0.2, warning: 0.1 })).toMatch(/at or above the target/);
    expect(objectiveProblem({ direction: 'lower', target: 0.1, warning: 0.1 })).toBeNull();
  });
  it('names the readings that decided a breach, worst first', () => {
    const e = evaluate(
      slo,
      [
        { at: T - 50 * 60_000, value: 99.8 },
        { at: T - 40 * 60_000, value: 97 },
        { at: T - 30 * 60_000, value: 98 },
      ],
      T,
    );
    expect(e.status).toBe('breach');
    expect(e.deciding.map((r) => r.value)).toEqual([97, 98]);
  });
});

describe('health, drift and silence', () => {
  it('is the worst SLO, unless a production model has gone silent', () => {
    expect(healthOf(['ok', 'warning', 'ok'], false)).toBe('warning');
    expect(healthOf(['ok', 'breach', 'no_data'], false)).toBe('breach');
    expect(healthOf([], false)).toBe('no_slos');
    expect(healthOf(['breach'], true)).toBe('unmonitored');
  });
  it('counts a production model silent after more than N days without a reading, from its production day when it never had one', () => {
    const m = { production: true, lastReadingAt: T - 3 * DAY_MS, productionSince: null };
    expect(isSilent(m, T, 3)).toBe(false);
    expect(isSilent({ ...m, lastReadingAt: T - 3 * DAY_MS - 1 }, T, 3)).toBe(true);
    expect(isSilent({ ...m, production: false, lastReadingAt: null }, T, 3)).toBe(false);
    expect(isSilent({ production: true, lastReadingAt: null, productionSince: T - DAY_MS }, T, 3)).toBe(false);
    expect(isSilent({ production: true, lastReadingAt: null, productionSince: T - 4 * DAY_MS }, T, 3)).toBe(true);
  });
  it('drifts on a drift breach, is watched on a warning, unknown without measurements', () => {
    expect(driftOf(['ok', 'breach'])).toBe('drifting');
    expect(driftOf(['warning', 'ok'])).toBe('watch');
    expect(driftOf(['ok'])).toBe('stable');
    expect(driftOf(['no_data'])).toBe('unknown');
    expect(driftOf([])).toBe('unknown');
  });
});

describe('attainment over a month', () => {
  it('evaluates only the days that have ended, at each day’s end (UTC)', () => {
    expect(endedDaysOf('2026-12', Date.parse('2026-12-03T10:00:00Z'))).toEqual(['2026-12-01', '2026-12-02']);
    expect(endedDaysOf('2024-02', Date.parse('2026-12-03T10:00:00Z'))).toHaveLength(29);
  });
  it('is met days over evaluated days, with the breaches and the days without data apart', () => {
    const daily = { ...slo, windowMinutes: 24 * 60 };
    const day = (d: string, h: number) => Date.parse(`2026-11-${d}T${String(h).padStart(2, '0')}:00:00Z`);
    const readings = [
      { at: day('01', 10), value: 99.9 },
      { at: day('02', 10), value: 98 },
      { at: day('04', 10), value: 99.2 },
    ];
    const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];
    const evaluations = dailyEvaluations(daily, readings, days);
    expect(evaluations.map((e) => e.evaluation.status)).toEqual(['ok', 'breach', 'no_data', 'warning']);
    expect(attainmentOf(evaluations)).toEqual({ evaluated: 3, met: 1, warnings: 1, breaches: 1, noData: 1, attainment: 1 / 3 });
    expect(
      silentDays(
        readings.map((r) => r.at),
        days,
      ),
    ).toEqual(['2026-11-03']);
  });
});
