import type { OwnershipFinding } from '@shared/ownership/contract/matrix';
import type { AllocationSpan, EngagementFacts } from '@shared/ownership/rules/facts';
import { busFactor, engagementFindings } from '@shared/ownership/rules/findings';
import { resolveCells } from '@shared/ownership/rules/resolve';
import type { FindingCode } from '@shared/ownership/rules/vocabulary';
import { describe, expect, it } from 'vitest';
import { ANA, asset, assign, BEN, CHURN, DEV, duties, ENDPOINT, FEATURES, facts, model, span, staffed, without } from './fixtures';

const run = (f: EngagementFacts) => engagementFindings(f, resolveCells(f));
const only = (f: EngagementFacts, code: FindingCode): OwnershipFinding[] => run(f).filter((x) => x.code === code);

/** The clean engagement with Ana's allocations replaced (Ben and Dev stay allocated all year). */
const anaAllocated = (spans: AllocationSpan[], over: Partial<EngagementFacts> = {}) =>
  facts({
    rows: [CHURN],
    allocations: new Map([
      [ANA, spans],
      [BEN, [span('2026-01-01', '2027-12-31')]],
      [DEV, [span('2026-01-01', '2027-12-31')]],
    ]),
    ...over,
  });

describe('roll-off', () => {
  it('warns when the Accountable’s confirmed allocation ends within the horizon and nobody follows', () => {
    const found = only(anaAllocated([span('2026-01-01', '2026-12-18')]), 'roll_off');
    expect(found).toHaveLength(8);
    const rollback = found.find((x) => x.dutyKey === 'rollback');
    expect(rollback).toMatchObject({
      key: 'roll_off|eng-1|m1|rollback|specialist:ana|2026-12-18',
      severity: 'warning',
      date: '2026-12-18',
      person: { kind: 'specialist', id: 'ana' },
      reason: 'Ana Costa, Accountable for Rollback of Churn model, rolls off on 18 Dec 2026 and no successor is named from 19 Dec 2026.',
    });
  });

  it('looks exactly as far as the horizon', () => {
    // Six weeks from 1 Dec 2026 is 12 Jan 2027.
    expect(only(anaAllocated([span('2026-01-01', '2027-01-12')]), 'roll_off')).toHaveLength(8);
    expect(only(anaAllocated([span('2026-01-01', '2027-01-13')]), 'roll_off')).toEqual([]);
    const longer = anaAllocated([span('2026-01-01', '2027-01-13')], {
      settings: { spofThreshold: 12, horizonWeeks: 7, coverAllDuties: false },
    });
    expect(only(longer, 'roll_off')).toHaveLength(8);
  });

  it('counts an allocation ending on the as-of day itself', () => {
    expect(only(anaAllocated([span('2026-01-01', '2026-12-01')]), 'roll_off')[0]?.date).toBe('2026-12-01');
  });

  it('is quiet when another allocation, even tentative, holds the next day', () => {
    expect(only(anaAllocated([span('2026-01-01', '2026-12-18'), span('2026-12-19', '2027-06-30', 'tentative')]), 'roll_off')).toEqual([]);
    // A gap of a day is a roll-off.
    expect(only(anaAllocated([span('2026-01-01', '2026-12-18'), span('2026-12-20', '2027-06-30')]), 'roll_off')).toHaveLength(8);
  });

  it('is quiet when a successor is named Accountable from the next day', () => {
    const list = [...staffed(CHURN), assign(CHURN, 'rollback', 'accountable', BEN, '2026-12-19')];
    const found = only(anaAllocated([span('2026-01-01', '2026-12-18')], { assignments: list }), 'roll_off');
    expect(found.map((x) => x.dutyKey)).not.toContain('rollback');
    expect(found).toHaveLength(7);
  });

  it('reads only a confirmed allocation holding the as-of day', () => {
    expect(only(anaAllocated([span('2026-01-01', '2026-12-18', 'tentative')]), 'roll_off')).toEqual([]);
  });

  it('is quiet when the Accountable’s assignment already ends before the roll-off', () => {
    const list = [
      ...without(staffed(CHURN), 'm1', 'cost', 'accountable'),
      assign(CHURN, 'cost', 'accountable', ANA, '2026-01-01', '2026-12-10'),
    ];
    const found = only(anaAllocated([span('2026-01-01', '2026-12-18')], { assignments: list }), 'roll_off');
    expect(found.map((x) => x.dutyKey)).not.toContain('cost');
  });

  it('follows an asset’s own Accountable, reported on the asset', () => {
    const f = anaAllocated([span('2026-01-01', '2026-12-18')], {
      rows: [CHURN, FEATURES, ENDPOINT],
      assignments: [...staffed(CHURN, DEV, BEN, ANA), assign(ENDPOINT, 'deployment', 'accountable', ANA)],
    });
    expect(only(f, 'roll_off').map((x) => [x.targetId, x.dutyKey, x.reason])).toEqual([
      [
        'a3',
        'deployment',
        'Ana Costa, Accountable for Deployment of Scoring endpoint, rolls off on 18 Dec 2026 and no successor is named from 19 Dec 2026.',
      ],
    ]);
  });
});

describe('absence gap', () => {
  const away = (ana: string[], dev: string[]) =>
    new Map([
      [ANA, new Set(ana)],
      [DEV, new Set(dev)],
    ]);
  const oneDuty = duties().filter((d) => d.key === 'rollback');

  it('warns once per cell, dated the first day both Accountable and Backup are away', () => {
    const f = facts({
      rows: [CHURN],
      duties: oneDuty,
      awayDays: away(['2026-12-28', '2026-12-24', '2026-12-29'], ['2026-12-24', '2026-12-28']),
    });
    expect(only(f, 'absence_gap')).toEqual([
      {
        key: 'absence_gap|eng-1|m1|rollback|specialist:ana|2026-12-24',
        code: 'absence_gap',
        severity: 'warning',
        reason:
          'Ana Costa (Accountable) and Dev Rao (Backup) for Rollback of Churn model are both away on 24 Dec 2026 and 28 Dec 2026; nobody covers the duty then.',
        engagementId: 'eng-1',
        modelId: 'm1',
        targetKind: 'model',
        targetId: 'm1',
        dutyKey: 'rollback',
        person: { kind: 'specialist', id: 'ana' },
        date: '2026-12-24',
      },
    ]);
  });

  it('lists five days and counts the rest', () => {
    const days = ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30'];
    const f = facts({ rows: [CHURN], duties: oneDuty, awayDays: away(days, days) });
    expect(only(f, 'absence_gap').map((x) => x.reason)).toEqual([
      'Ana Costa (Accountable) and Dev Rao (Backup) for Rollback of Churn model are both away on 7 working days: ' +
        '21 Dec 2026, 22 Dec 2026, 23 Dec 2026, 24 Dec 2026, 28 Dec 2026 and 2 more; nobody covers the duty then.',
    ]);
  });

  it('is quiet when they are never away on the same day, or only before the as-of day', () => {
    expect(only(facts({ rows: [CHURN], duties: oneDuty, awayDays: away(['2026-12-24'], ['2026-12-28']) }), 'absence_gap')).toEqual([]);
    expect(only(facts({ rows: [CHURN], duties: oneDuty, awayDays: away(['2026-11-30'], ['2026-11-30']) }), 'absence_gap')).toEqual([]);
  });

  it('counts only days both still hold the duty', () => {
    const list = [
      ...without(staffed(CHURN), 'm1', 'rollback', 'backup'),
      assign(CHURN, 'rollback', 'backup', DEV, '2026-01-01', '2026-12-24'),
      assign(CHURN, 'rollback', 'backup', BEN, '2026-12-25'),
    ];
    const f = facts({
      rows: [CHURN],
      duties: oneDuty,
      assignments: list,
      awayDays: away(['2026-12-24', '2026-12-28'], ['2026-12-24', '2026-12-28']),
    });
    expect(only(f, 'absence_gap').map((x) => x.reason)).toEqual([
      'Ana Costa (Accountable) and Dev Rao (Backup) for Rollback of Churn model are both away on 24 Dec 2026; nobody covers the duty then.',
    ]);
  });

  it('needs a Backup who is someone else', () => {
    const list = [...without(staffed(CHURN), 'm1', 'rollback', 'backup'), assign(CHURN, 'rollback', 'backup', ANA)];
    const f = facts({ rows: [CHURN], duties: oneDuty, assignments: list, awayDays: away(['2026-12-24'], []) });
    expect(only(f, 'absence_gap')).toEqual([]);
  });
});

describe('one person on a model', () => {
  const solo = (riskTier: 'medium' | 'high' | 'critical', extra = [assign(FEATURES, 'cost', 'informed', ANA)]) =>
    facts({ rows: [{ ...CHURN, riskTier }, FEATURES], assignments: [...staffed(CHURN, ANA, ANA, ANA), ...extra] });

  it('on a high- or critical-risk model is an error naming them', () => {
    const [found] = only(solo('critical'), 'only_person');
    expect(found).toMatchObject({
      key: 'only_person|eng-1|m1||specialist:ana|',
      severity: 'error',
      targetKind: 'model',
      targetId: 'm1',
      dutyKey: null,
      modelId: 'm1',
      reason:
        'Ana Costa is the only person named on any duty of Churn model, a critical-risk model: when they are away, nobody else can answer for it.',
    });
    expect(only(solo('high'), 'only_person')).toHaveLength(1);
  });

  it('is not flagged on a medium-risk model, or when an asset names someone else', () => {
    expect(only(solo('medium'), 'only_person')).toEqual([]);
    expect(only(solo('critical', [assign(FEATURES, 'cost', 'informed', BEN)]), 'only_person')).toEqual([]);
  });

  it('is not flagged when nobody is named at all (that is a missing Accountable)', () => {
    const f = facts({ rows: [{ ...CHURN, riskTier: 'critical' }], assignments: [] });
    expect(only(f, 'only_person')).toEqual([]);
    expect(only(f, 'no_accountable')).toHaveLength(8);
  });
});

describe('bus factor', () => {
  const incidentAndRollback = (a: string, r: string, b: string) =>
    ['incident_response', 'rollback'].flatMap((key) => [
      assign(CHURN, key, 'accountable', a),
      assign(CHURN, key, 'responsible', r),
      assign(CHURN, key, 'backup', b),
    ]);
  const others = staffed(CHURN).filter((x) => x.dutyKey !== 'incident_response' && x.dutyKey !== 'rollback');
  const withCells = (list = incidentAndRollback(ANA, ANA, ANA), over: Partial<EngagementFacts> = {}) => {
    const f = facts({ rows: [CHURN], assignments: [...others, ...list], ...over });
    return { f, cells: resolveCells(f) };
  };

  it('counts the distinct people Accountable, Responsible or Backup on incident response and rollback', () => {
    expect(busFactor(withCells().cells, 'm1')).toBe(1);
    expect(busFactor(withCells(incidentAndRollback(ANA, BEN, ANA)).cells, 'm1')).toBe(2);
    expect(busFactor(withCells(incidentAndRollback(ANA, BEN, DEV)).cells, 'm1')).toBe(3);
    // Consulted and Informed cannot act.
    expect(busFactor(withCells([...incidentAndRollback(ANA, ANA, ANA), assign(CHURN, 'rollback', 'consulted', BEN)]).cells, 'm1')).toBe(1);
    expect(busFactor(withCells([]).cells, 'm1')).toBe(0);
    expect(busFactor(withCells().cells, 'm2')).toBe(0);
  });

  it('of 1 is a warning on a model that is not retired', () => {
    const { f } = withCells();
    expect(only(f, 'bus_factor_one')).toMatchObject([
      {
        key: 'bus_factor_one|eng-1|m1||specialist:ana|',
        severity: 'warning',
        person: { kind: 'specialist', id: 'ana' },
        reason:
          'Only Ana Costa can act on Incident response and Rollback of Churn model (bus factor 1): if they are unavailable, nobody can respond to an incident.',
      },
    ]);
    expect(only(withCells(undefined, { rows: [{ ...CHURN, stage: 'retired' }] }).f, 'bus_factor_one')).toEqual([]);
    expect(only(withCells(incidentAndRollback(ANA, BEN, ANA)).f, 'bus_factor_one')).toEqual([]);
  });

  it('of 0 is left to the missing Accountable, and nothing is said when neither duty is in force', () => {
    expect(only(withCells([]).f, 'bus_factor_one')).toEqual([]);
    const retired = duties().map((d) => (d.key === 'incident_response' || d.key === 'rollback' ? { ...d, retiredOn: '2026-11-01' } : d));
    const { f, cells } = withCells(undefined, { duties: retired });
    expect(busFactor(cells, 'm1')).toBe(0);
    expect(only(f, 'bus_factor_one')).toEqual([]);
    const onlyRollback = duties().map((d) => (d.key === 'incident_response' ? { ...d, retiredOn: '2026-11-01' } : d));
    expect(only(withCells(undefined, { duties: onlyRollback }).f, 'bus_factor_one')[0]?.reason).toBe(
      'Only Ana Costa can act on Rollback of Churn model (bus factor 1): if they are unavailable, nobody can respond to an incident.',
    );
  });

  it('reads the model’s own cells, not an asset override', () => {
    const f = facts({
      rows: [CHURN, asset('a3', 'Scoring endpoint', 'serving_endpoint', ['m1'])],
      assignments: [...others, ...incidentAndRollback(ANA, ANA, ANA), assign(ENDPOINT, 'rollback', 'backup', BEN)],
    });
    expect(busFactor(resolveCells(f), 'm1')).toBe(1);
    expect(only(f, 'bus_factor_one')).toHaveLength(1);
  });

  it('is computed per model', () => {
    const fraud = model('m2', 'Fraud model');
    const f = facts({ rows: [CHURN, fraud], assignments: [...staffed(CHURN), ...staffed(fraud, ANA, ANA, ANA)] });
    expect(only(f, 'bus_factor_one').map((x) => x.modelId)).toEqual(['m2']);
  });
});
