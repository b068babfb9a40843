import { NO_HOLIDAYS } from '@shared/kernel/businessDays';
import { durationWords, incidentState, incidentTimes, reviewDueOn, reviewState, stepRefusal } from '@shared/operations/rules/incidents';
import {
  addCadence,
  DEFAULT_POLICY,
  lastCompletedOn,
  policyRefusal,
  type RunFact,
  retrainingState,
  triggerOfKind,
} from '@shared/operations/rules/retraining';
import { describe, expect, it } from 'vitest';

const on = { ...DEFAULT_POLICY.triggers };
const breach = (kind: 'drift_psi' | 'f1' | 'latency_p95', since: string) => ({
  sloId: 's1',
  kind,
  metric: 'm',
  value: 0.3,
  unit: '',
  since,
});

describe('cadence', () => {
  it('counts days, weeks and calendar months (the end of a month stays in the shorter month)', () => {
    expect(addCadence('2026-01-31', { every: 1, unit: 'month' })).toBe('2026-02-28');
    expect(addCadence('2028-01-31', { every: 1, unit: 'month' })).toBe('2028-02-29');
    expect(addCadence('2026-11-30', { every: 3, unit: 'month' })).toBe('2027-02-28');
    expect(addCadence('2026-12-28', { every: 2, unit: 'week' })).toBe('2027-01-11');
    expect(addCadence('2026-03-28', { every: 3, unit: 'day' })).toBe('2026-03-31');
  });
});

describe('retraining due', () => {
  /** The rules judge from the last completed run; the log gives it. */
  const judge = ({ runs = [], ...rest }: Omit<Parameters<typeof retrainingState>[0], 'lastCompletedOn'> & { runs?: readonly RunFact[] }) =>
    retrainingState({ ...rest, lastCompletedOn: lastCompletedOn(runs) });
  const base = { startOn: '2026-06-01', breaches: [], newDataAt: null, today: '2026-12-06' };
  it('is due on its cadence from the last completed run; a failed run does not reset it; overdue the day after', () => {
    const policy = { cadence: { every: 4, unit: 'week' as const }, triggers: { ...on, schedule: true } };
    const runs = [
      { runOn: '2026-10-26', trigger: 'schedule' as const, outcome: 'no_change' as const },
      { runOn: '2026-11-20', trigger: 'schedule' as const, outcome: 'failed' as const },
    ];
    const onDay = judge({ ...base, policy, runs, today: '2026-11-23' });
    expect(onDay).toMatchObject({ nextDueOn: '2026-11-23', overdue: false, lastRunOn: '2026-10-26' });
    expect(onDay.due.map((d) => d.trigger)).toEqual(['schedule']);
    expect(judge({ ...base, policy, runs, today: '2026-11-24' }).overdue).toBe(true);
    expect(judge({ ...base, policy, runs, today: '2026-11-22' }).due).toEqual([]);
    // Without a run, the cadence counts from the start day.
    expect(judge({ ...base, policy }).nextDueOn).toBe('2026-06-29');
  });

  it('a drift or degradation breach raises its trigger only when enabled, until a completed run on or after the breach', () => {
    const drift = breach('drift_psi', '2026-12-04T10:00:00.000Z');
    expect(judge({ ...base, policy: DEFAULT_POLICY, breaches: [drift] }).due).toEqual([]);
    const policy = { cadence: null, triggers: { ...on, drift: true } };
    const due = judge({ ...base, policy, breaches: [drift, breach('f1', '2026-12-01T00:00:00.000Z')] }).due;
    expect(due).toEqual([expect.objectContaining({ trigger: 'drift', since: '2026-12-04', sloId: 's1' })]);
    const before = [{ runOn: '2026-12-03', trigger: 'drift' as const, outcome: 'new_version' as const }];
    expect(judge({ ...base, policy, runs: before, breaches: [drift] }).due).toHaveLength(1);
    const after = [{ runOn: '2026-12-04', trigger: 'drift' as const, outcome: 'new_version' as const }];
    expect(judge({ ...base, policy, runs: after, breaches: [drift] }).due).toEqual([]);
    const failed = [{ runOn: '2026-12-05', trigger: 'drift' as const, outcome: 'failed' as const }];
    expect(judge({ ...base, policy, runs: failed, breaches: [drift] }).due).toHaveLength(1);
  });

  it('new data after the last completed run raises the new-data trigger', () => {
    const policy = { cadence: null, triggers: { ...on, new_data: true } };
    expect(judge({ ...base, policy, newDataAt: '2026-12-05T08:00:00.000Z' }).due.map((d) => d.trigger)).toEqual(['new_data']);
    const runs = [{ runOn: '2026-12-05', trigger: 'new_data' as const, outcome: 'no_change' as const }];
    expect(judge({ ...base, policy, runs, newDataAt: '2026-12-05T08:00:00.000Z' }).due).toEqual([]);
  });

  it('maps SLO kinds to triggers and refuses a schedule without a cadence or no trigger at all', () => {
    expect([triggerOfKind('drift_ks'), triggerOfKind('auc'), triggerOfKind('availability')]).toEqual(['drift', 'degradation', null]);
    expect(policyRefusal({ cadence: null, triggers: { ...on, schedule: true } })?.message).toMatch(/cadence/);
    expect(policyRefusal({ cadence: null, triggers: { ...on, on_demand: false } })?.message).toMatch(/at least one/);
    expect(policyRefusal(DEFAULT_POLICY)).toBeNull();
  });
});

describe('incidents', () => {
  const t = { detectedAt: '2026-12-04T10:00:00Z', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null };
  it('state and times from the instants', () => {
    expect(incidentState(t)).toBe('open');
    const done = { ...t, acknowledgedAt: '2026-12-04T10:15:00Z', mitigatedAt: '2026-12-04T11:00:00Z', resolvedAt: '2026-12-05T12:30:00Z' };
    expect(incidentState(done)).toBe('resolved');
    expect(incidentTimes(done, '2026-12-06T00:00:00Z')).toEqual({ toAcknowledge: 15, toMitigate: 60, toResolve: 1590, open: 1590 });
    expect(incidentTimes(t, '2026-12-04T12:00:00Z').open).toBe(120);
    expect([durationWords(45), durationWords(60), durationWords(1590), durationWords(null)]).toEqual(['45 min', '1 h', '1 d 2 h', '—']);
  });

  it('refuses steps before detection, in the future, twice, and a resolution before the mitigation', () => {
    const now = '2026-12-06T00:00:00Z';
    expect(stepRefusal(t, 'resolvedAt', '2026-12-04T09:00:00Z', now)).toMatch(/before it was detected/);
    expect(stepRefusal(t, 'acknowledgedAt', '2026-12-07T09:00:00Z', now)).toMatch(/future/);
    expect(stepRefusal({ ...t, acknowledgedAt: '2026-12-04T10:05:00Z' }, 'acknowledgedAt', '2026-12-04T10:10:00Z', now)).toMatch(/already/);
    expect(stepRefusal({ ...t, mitigatedAt: '2026-12-04T12:00:00Z' }, 'resolvedAt', '2026-12-04T11:00:00Z', now)).toMatch(/mitigated at/);
    expect(stepRefusal(t, 'resolvedAt', '2026-12-04T11:00:00Z', now)).toBeNull();
  });

  it('the review is due N business days after resolution on the client calendar, overdue after that unless held', () => {
    // Resolved on Friday 18 December 2026: five business days skipping the weekend and Christmas (25th) in this calendar.
    const christmas = (year: number) => new Set(year === 2026 ? [Date.UTC(2026, 11, 25) / 86_400_000] : []);
    expect(reviewDueOn('2026-12-18', 5, NO_HOLIDAYS)).toBe('2026-12-25');
    expect(reviewDueOn('2026-12-18', 5, christmas)).toBe('2026-12-28');
    expect(reviewState({ dueOn: null, held: false }, '2026-12-30')).toBe('not_due');
    expect(reviewState({ dueOn: '2026-12-28', held: false }, '2026-12-28')).toBe('planned');
    expect(reviewState({ dueOn: '2026-12-28', held: false }, '2026-12-29')).toBe('overdue');
    expect(reviewState({ dueOn: '2026-12-28', held: true }, '2027-01-29')).toBe('held');
  });
});
