import type { Assignment } from '@shared/ownership/contract/matrix';
import { type BulkInput, bulkPlan } from '@shared/ownership/rules/bulk';
import { handoverPlan, type MatrixNames } from '@shared/ownership/rules/handover';
import { mergeApplicability } from '@shared/ownership/rules/resolve';
import { describe, expect, it } from 'vitest';
import { ANA, asset, assign, BEN, CHURN, DASHBOARD, DEV, ENDPOINT, FEATURES, model, PEOPLE, person } from './fixtures';

const names: MatrixNames = {
  target: (_kind, id) => ({ m1: 'Churn model', a1: 'Feature store' })[id] ?? id,
  duty: (_engagement, key) => ({ rollback: 'Rollback', cost: 'Cost', monitoring: 'Monitoring & drift' })[key] ?? key,
  person: (key) => PEOPLE().get(key)?.name ?? key,
};
const BEN_REF = { kind: 'specialist' as const, id: 'ben' };
const note = (a: Assignment, text: string) => ({ ...a, note: text });

describe('handover', () => {
  it('ends what started before the day on the day before, and gives the rest to the new person', () => {
    const a = note(assign(CHURN, 'rollback', 'accountable', ANA, '2026-03-02', '2027-06-30'), 'On call weeks 1–2.');
    const plan = handoverPlan([a], BEN_REF, '2026-12-14', [], names);
    expect(plan.end).toEqual([{ id: a.id, toDate: '2026-12-13' }]);
    expect(plan.remove).toEqual([]);
    expect(plan.skipped).toEqual([]);
    expect(plan.create).toEqual([
      {
        engagementId: 'eng-1',
        targetKind: 'model',
        targetId: 'm1',
        dutyKey: 'rollback',
        role: 'accountable',
        personKind: 'specialist',
        personId: 'ben',
        fromDate: '2026-12-14',
        toDate: '2027-06-30',
        note: 'On call weeks 1–2. Handed over from Ana Costa on 14 Dec 2026.',
      },
    ]);
  });

  it('keeps an open end open', () => {
    const a = assign(CHURN, 'cost', 'responsible', ANA, '2026-03-02');
    expect(handoverPlan([a], BEN_REF, '2026-12-14', [], names).create[0]).toMatchObject({ fromDate: '2026-12-14', toDate: null });
  });

  it('moves whole an assignment starting on or after the day, and leaves one that ended before it', () => {
    const future = assign(FEATURES, 'monitoring', 'backup', ANA, '2027-01-04', '2027-02-28');
    const onTheDay = assign(CHURN, 'cost', 'responsible', ANA, '2026-12-14');
    const past = assign(CHURN, 'rollback', 'responsible', ANA, '2026-01-01', '2026-12-13');
    const plan = handoverPlan([future, onTheDay, past], BEN_REF, '2026-12-14', [], names);
    expect(plan.end).toEqual([]);
    expect(plan.remove).toEqual([future.id, onTheDay.id]);
    expect(plan.create.map((c) => [c.targetId, c.dutyKey, c.role, c.fromDate, c.toDate, c.note])).toEqual([
      ['a1', 'monitoring', 'backup', '2027-01-04', '2027-02-28', 'Handed over from Ana Costa on 4 Jan 2027.'],
      ['m1', 'cost', 'responsible', '2026-12-14', null, 'Handed over from Ana Costa on 14 Dec 2026.'],
    ]);
  });

  it('ends an assignment ending on the handover day itself on the day before', () => {
    const a = assign(CHURN, 'cost', 'responsible', ANA, '2026-03-02', '2026-12-14');
    const plan = handoverPlan([a], BEN_REF, '2026-12-14', [], names);
    expect(plan.end).toEqual([{ id: a.id, toDate: '2026-12-13' }]);
    expect(plan.create[0]).toMatchObject({ fromDate: '2026-12-14', toDate: '2026-12-14' });
  });

  it('leaves alone, with a sentence, what the new person already holds in that role over those days', () => {
    const a = assign(CHURN, 'rollback', 'responsible', ANA, '2026-03-02');
    const b = assign(CHURN, 'cost', 'responsible', ANA, '2026-03-02');
    const bens = [
      assign(CHURN, 'rollback', 'responsible', BEN, '2027-01-01', '2027-03-31'),
      // Another role, or an earlier period, does not clash.
      assign(CHURN, 'cost', 'consulted', BEN, '2026-01-01'),
      assign(CHURN, 'cost', 'responsible', BEN, '2026-01-01', '2026-12-13'),
    ];
    const plan = handoverPlan([a, b], BEN_REF, '2026-12-14', bens, names);
    expect(plan.skipped).toEqual([
      'Ben Ode is already Responsible for Rollback of Churn model from 1 Jan 2027 to 31 Mar 2027; ' +
        'Ana Costa’s assignment from 2 Mar 2026 with no end date was left as it is.',
    ]);
    expect(plan.end).toEqual([{ id: b.id, toDate: '2026-12-13' }]);
    expect(plan.create.map((c) => c.dutyKey)).toEqual(['cost']);
  });

  it('hands nothing to the same person', () => {
    const a = assign(CHURN, 'rollback', 'responsible', BEN, '2026-03-02');
    const plan = handoverPlan([a], BEN_REF, '2026-12-14', [], names);
    expect(plan).toEqual({
      end: [],
      remove: [],
      create: [],
      skipped: ['Ben Ode already holds Responsible for Rollback of Churn model; a handover needs someone else.'],
    });
  });
});

describe('bulk assignment', () => {
  const orphan = asset('a5', 'Raw ingest', 'data_ingestion', []);
  const fraud = model('m2', 'Fraud model');
  const rows = [CHURN, fraud, FEATURES, DASHBOARD, ENDPOINT, orphan];
  const bulk = (over: Partial<BulkInput> = {}) =>
    bulkPlan({
      engagementId: 'eng-1',
      rows,
      duty: { key: 'monitoring', name: 'Monitoring & drift' },
      role: 'responsible',
      person: person(DEV, 'Dev Rao'),
      fromDate: '2026-12-14',
      toDate: null,
      types: [],
      existing: [],
      notApplicable: mergeApplicability([]),
      ...over,
    });

  it('staffs every model and the assets serving no model when no type is chosen (the others inherit)', () => {
    const plan = bulk();
    expect(plan.warnings).toEqual([]);
    expect(plan.create.map((c) => c.targetId)).toEqual(['m1', 'm2', 'a5']);
    expect(plan.create[2]).toEqual({
      engagementId: 'eng-1',
      targetKind: 'asset',
      targetId: 'a5',
      dutyKey: 'monitoring',
      role: 'responsible',
      personKind: 'specialist',
      personId: 'dev',
      fromDate: '2026-12-14',
      toDate: null,
      note: '',
    });
  });

  it('staffs the rows of the chosen types, skipping those the duty does not apply to', () => {
    const plan = bulk({ duty: { key: 'training', name: 'Training & retraining' }, types: ['dashboard', 'serving_endpoint', 'model'] });
    expect(plan.create.map((c) => c.targetId)).toEqual(['m1', 'm2']);
    expect(plan.warnings).toEqual(['2 rows skipped (Churn dashboard and Scoring endpoint): Training & retraining does not apply to them.']);
    expect(bulk({ types: ['feature_pipeline'] }).create.map((c) => c.targetId)).toEqual(['a1']);
  });

  it('for Accountable, skips cells that already have one over those dates', () => {
    const existing = [
      assign(CHURN, 'monitoring', 'accountable', ANA, '2026-01-01'),
      assign(fraud, 'monitoring', 'accountable', ANA, '2026-01-01', '2026-12-13'),
      assign(orphan, 'monitoring', 'accountable', BEN, '2027-01-01'),
      assign(fraud, 'cost', 'accountable', BEN, '2026-01-01'),
    ];
    const plan = bulk({ role: 'accountable', existing });
    expect(plan.create.map((c) => c.targetId)).toEqual(['m2']);
    expect(plan.warnings).toEqual([
      '2 rows skipped (Churn model and Raw ingest): they already have an Accountable for Monitoring & drift over those dates.',
    ]);
    const bounded = bulk({ role: 'accountable', existing, toDate: '2026-12-31' });
    expect(bounded.create.map((c) => c.targetId)).toEqual(['m2', 'a5']);
    expect(bounded.warnings).toEqual([
      '1 row skipped (Churn model): it already has an Accountable for Monitoring & drift over those dates.',
    ]);
    // Other roles go beside an Accountable.
    expect(bulk({ existing }).create).toHaveLength(3);
  });

  it('skips rows where the person already holds the role, and rows not in service on every day', () => {
    const existing = [assign(CHURN, 'monitoring', 'responsible', DEV, '2026-01-01')];
    const late = { ...orphan, inServiceFrom: '2027-01-01' };
    const plan = bulk({ rows: [CHURN, fraud, late], existing });
    expect(plan.create.map((c) => c.targetId)).toEqual(['m2']);
    expect(plan.warnings).toEqual([
      '1 row skipped (Raw ingest): not in service on every day of the assignment.',
      '1 row skipped (Churn model): Dev Rao is already Responsible there.',
    ]);
    const ending = { ...fraud, inServiceTo: '2027-06-30' };
    expect(bulk({ rows: [ending] }).create).toEqual([]);
    expect(bulk({ rows: [ending], toDate: '2027-06-30' }).create).toHaveLength(1);
  });

  it('names five skipped rows and counts the rest', () => {
    const many = Array.from({ length: 7 }, (_, i) => asset(`d${i}`, `Board ${i + 1}`, 'dashboard', ['m1']));
    const plan = bulk({ rows: many, types: ['dashboard'], duty: { key: 'training', name: 'Training & retraining' } });
    expect(plan.warnings).toEqual([
      '7 rows skipped (Board 1, Board 2, Board 3, Board 4, Board 5 and 2 more): Training & retraining does not apply to them.',
    ]);
  });
});
