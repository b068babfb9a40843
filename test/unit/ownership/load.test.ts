import type { OwnershipFinding } from '@shared/ownership/contract/matrix';
import { accountableLoad, engagementFindings, overloadFindings, sortFindings } from '@shared/ownership/rules/findings';
import { resolveCells } from '@shared/ownership/rules/resolve';
import { describe, expect, it } from 'vitest';
import { ANA, assign, BEN, CHURN, DEV, ENDPOINT, FEATURES, facts, PEOPLE, staffed, without } from './fixtures';

describe('Accountable load', () => {
  it('counts every applicable cell a person is Accountable for, each inheriting asset included', () => {
    // Churn model 8 duties; Feature store inherits 7, Churn dashboard 4, Scoring endpoint 6.
    expect(accountableLoad(resolveCells(facts()))).toEqual(new Map([[ANA, 25]]));
  });

  it('moves an asset’s overridden duty to its own Accountable', () => {
    const f = facts({
      assignments: [...staffed(CHURN), assign(FEATURES, 'cost', 'accountable', BEN), assign(ENDPOINT, 'cost', 'responsible', DEV)],
    });
    // The endpoint's own cost cell has no Accountable: it no longer counts for Ana.
    expect(accountableLoad(resolveCells(f))).toEqual(
      new Map([
        [ANA, 23],
        [BEN, 1],
      ]),
    );
  });

  it('counts a person once per cell, and skips cells that do not apply', () => {
    const f = facts({ rows: [CHURN], assignments: [...staffed(CHURN), assign(CHURN, 'cost', 'accountable', ANA, '2026-06-01')] });
    expect(accountableLoad(resolveCells(f)).get(ANA)).toBe(8);
  });
});

describe('overloaded Accountable', () => {
  const loads = [
    {
      engagementId: 'eng-1',
      engagementLoad: new Map([
        [ANA, 14],
        [BEN, 3],
      ]),
    },
    {
      engagementId: 'eng-2',
      engagementLoad: new Map([
        [ANA, 17],
        [BEN, 9],
        [DEV, 0],
      ]),
    },
  ];

  it('flags a person above the threshold across engagements once on each engagement where they are Accountable', () => {
    expect(overloadFindings(loads, PEOPLE(), 12)).toEqual([
      {
        key: 'overloaded_accountable|eng-1|||specialist:ana|',
        code: 'overloaded_accountable',
        severity: 'warning',
        reason:
          'Ana Costa is Accountable for 31 asset-duties (14 on this engagement); more than 12 makes one person a single point of failure.',
        engagementId: 'eng-1',
        modelId: null,
        targetKind: null,
        targetId: null,
        dutyKey: null,
        person: { kind: 'specialist', id: 'ana' },
        date: null,
      },
      expect.objectContaining({
        engagementId: 'eng-2',
        reason:
          'Ana Costa is Accountable for 31 asset-duties (17 on this engagement); more than 12 makes one person a single point of failure.',
      }),
    ]);
  });

  it('allows exactly the threshold', () => {
    expect(overloadFindings(loads, PEOPLE(), 31)).toEqual([]);
    expect(overloadFindings(loads, PEOPLE(), 11).map((f) => f.reason)).toEqual([
      expect.stringContaining('Ana Costa'),
      expect.stringContaining('Ben Ode is Accountable for 12 asset-duties (3 on this engagement); more than 11'),
      expect.stringContaining('Ana Costa'),
      expect.stringContaining('Ben Ode is Accountable for 12 asset-duties (9 on this engagement)'),
    ]);
  });
});

describe('the order findings are read in', () => {
  const f = (severity: OwnershipFinding['severity'], date: string | null, reason: string): OwnershipFinding => ({
    key: `${severity}|${date}|${reason}`,
    code: 'no_backup',
    severity,
    reason,
    engagementId: 'eng-1',
    modelId: null,
    targetKind: null,
    targetId: null,
    dutyKey: null,
    person: null,
    date,
  });

  it('is worst first, then undated (true today) before dated, soonest first, then by reason', () => {
    const list = [
      f('info', null, 'A notice'),
      f('warning', '2026-12-24', 'B later'),
      f('warning', '2026-12-18', 'C sooner'),
      f('warning', null, 'Z today'),
      f('warning', null, 'A today'),
      f('error', '2027-01-01', 'An error'),
    ];
    expect(sortFindings(list).map((x) => x.reason)).toEqual(['An error', 'A today', 'Z today', 'C sooner', 'B later', 'A notice']);
    expect(list[0]?.reason).toBe('A notice');
  });

  it('is the order an engagement’s findings come in', () => {
    const g = facts({
      rows: [CHURN],
      assignments: without(without(staffed(CHURN), 'm1', 'cost', 'responsible'), 'm1', 'rollback', 'accountable'),
    });
    expect(engagementFindings(g, resolveCells(g)).map((x) => x.code)).toEqual(['no_accountable', 'no_responsible']);
  });
});
