import { entryRefusals, entryRowKey, modelRefusals, refusalSentence, weekGrid } from '@shared/billing/rules/entries';
import { cellWords } from '@shared/billing/rules/importRows';
import { activitiesWithHours, type ModelHoursRow, modelHours } from '@shared/billing/rules/modelHours';
import { describe, expect, it } from 'vitest';

const engagement = { id: 'e1', name: 'Claims model operations', startDate: '2026-02-01', endDate: '2026-12-31' };
const churn = { name: 'Churn propensity', engagementId: 'e1', inServiceSince: '2026-06-01' };

describe('hours on a model (the entry rules)', () => {
  it('takes a model the engagement runs, from its in-service day on', () => {
    expect(modelRefusals(churn, engagement, '2026-06-01')).toEqual([]);
    expect(modelRefusals(churn, engagement, '2026-11-30')).toEqual([]);
  });

  it('refuses a model run by another engagement, one in the inventory only, and days before it was in service', () => {
    expect(modelRefusals({ ...churn, engagementId: 'e2' }, engagement, '2026-10-05')).toEqual([
      { path: 'modelId', message: 'Churn propensity is run by another engagement, not Claims model operations' },
    ]);
    expect(modelRefusals({ ...churn, engagementId: null }, engagement, '2026-10-05')).toEqual([
      { path: 'modelId', message: 'Churn propensity is in the client’s inventory but not run by Claims model operations' },
    ]);
    expect(modelRefusals(churn, engagement, '2026-05-31')).toEqual([
      { path: 'date', message: 'is before Churn propensity was in service (1 Jun 2026)' },
    ]);
  });

  it('is one of the entry’s refusals, said in one sentence with the others', () => {
    const target = {
      date: '2026-05-29',
      minutes: 60,
      engagement,
      specialist: { fullName: 'Ana Ionescu', startDate: '2025-01-01' },
      model: { ...churn, engagementId: null },
      otherMinutesThatDay: 0,
    };
    const issues = entryRefusals(target);
    expect(issues.map((i) => i.path)).toEqual(['modelId', 'date']);
    expect(refusalSentence(target, issues)).toBe(
      'Keel cannot record hours for Ana Ionescu on Claims model operations on 29 May 2026: the model Churn propensity is in the client’s inventory but not run by Claims model operations; the date is before Churn propensity was in service (1 Jun 2026).',
    );
    // No model, no model rule: the entry behaves as before.
    expect(entryRefusals({ ...target, model: null })).toEqual([]);
  });
});

describe('a timesheet row is (engagement, activity, model or none)', () => {
  it('keys rows by engagement, activity and model', () => {
    expect(entryRowKey({ engagementId: 'e1', activity: 'retraining' })).toBe('e1|retraining|');
    expect(entryRowKey({ engagementId: 'e1', activity: 'retraining', modelId: null })).toBe('e1|retraining|');
    expect(entryRowKey({ engagementId: 'e1', activity: 'retraining', modelId: 'm1' })).toBe('e1|retraining|m1');
  });

  it('adds up entries of the same row only, the row on no model first, then the models in the order given', () => {
    const dates = ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-17', '2026-10-18'];
    const e = (id: string, modelId: string | null, date: string, minutes: number) => ({
      id,
      engagementId: 'e1',
      activity: 'retraining' as const,
      modelId,
      date,
      minutes,
      note: '',
    });
    const grid = weekGrid(
      dates,
      [e('1', 'm2', '2026-10-12', 60), e('2', null, '2026-10-12', 120), e('3', 'm1', '2026-10-12', 30), e('4', 'm2', '2026-10-13', 45)],
      ['e1'],
      ['m1', 'm2'],
    );
    expect(grid.rows.map((r) => [r.modelId, r.totalMinutes, Object.keys(r.cells)])).toEqual([
      [null, 120, ['2026-10-12']],
      ['m1', 30, ['2026-10-12']],
      ['m2', 105, ['2026-10-12', '2026-10-13']],
    ]);
    expect(grid.dayTotals['2026-10-12']).toBe(210);
    expect(grid.totalMinutes).toBe(255);
  });
});

describe('an import conflict names the model of its cell', () => {
  it('says which model, and nothing more for hours on no model', () => {
    const cell = {
      specialistName: 'Ana Ionescu',
      engagementName: 'Claims model operations',
      clientName: 'Helvetic Insurance AG',
      activityLabel: 'Retraining',
      date: '2026-10-05',
    };
    expect(cellWords({ ...cell, modelName: 'Churn propensity' })).toBe(
      'Ana Ionescu on Claims model operations (Helvetic Insurance AG), Churn propensity, Retraining, Mon 5 Oct 2026',
    );
    expect(cellWords({ ...cell, modelName: null })).toBe(
      'Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 5 Oct 2026',
    );
  });
});

describe('hours per model', () => {
  const row = (over: Partial<ModelHoursRow>): ModelHoursRow => ({
    modelId: 'm1',
    modelName: 'Churn propensity',
    clientName: 'Helvetic',
    engagementName: 'Claims',
    month: '2026-10',
    activity: 'retraining',
    minutes: 60,
    ...over,
  });

  it('groups by model, then month, then activity in the activity list’s order, with totals', () => {
    const models = modelHours([
      row({ month: '2026-10', activity: 'retraining', minutes: 120 }),
      row({ month: '2026-09', activity: 'deployment', minutes: 30 }),
      row({ month: '2026-10', activity: 'incident_response', minutes: 45 }),
      row({ modelId: 'm0', modelName: 'Anomaly detector', activity: 'deployment', minutes: 15 }),
      row({ month: '2026-09', activity: 'retraining', minutes: 0 }),
    ]);
    expect(models.map((m) => m.modelName)).toEqual(['Anomaly detector', 'Churn propensity']);
    expect(models[1]).toEqual({
      modelId: 'm1',
      modelName: 'Churn propensity',
      clientName: 'Helvetic',
      engagementName: 'Claims',
      activities: [
        { activity: 'incident_response', minutes: 45 },
        { activity: 'retraining', minutes: 120 },
        { activity: 'deployment', minutes: 30 },
      ],
      months: [
        { month: '2026-09', activities: [{ activity: 'deployment', minutes: 30 }], totalMinutes: 30 },
        {
          month: '2026-10',
          activities: [
            { activity: 'incident_response', minutes: 45 },
            { activity: 'retraining', minutes: 120 },
          ],
          totalMinutes: 165,
        },
      ],
      totalMinutes: 195,
    });
    expect(activitiesWithHours(models)).toEqual(['incident_response', 'retraining', 'deployment']);
  });

  it('has nothing to show without hours', () => {
    expect(modelHours([])).toEqual([]);
    expect(activitiesWithHours([])).toEqual([]);
  });
});
