import type { OwnershipFinding } from '@shared/ownership/contract/matrix';
import type { EngagementFacts } from '@shared/ownership/rules/facts';
import { engagementFindings } from '@shared/ownership/rules/findings';
import { resolveCells } from '@shared/ownership/rules/resolve';
import type { FindingCode } from '@shared/ownership/rules/vocabulary';
import { describe, expect, it } from 'vitest';
import {
  ANA,
  asset,
  assign,
  BEN,
  CHURN,
  CLEO,
  customDuty,
  DASHBOARD,
  DEV,
  duties,
  ENDPOINT,
  FEATURES,
  facts,
  PEOPLE,
  person,
  span,
  staffed,
  without,
} from './fixtures';

const run = (f: EngagementFacts) => engagementFindings(f, resolveCells(f));
const only = (f: EngagementFacts, code: FindingCode): OwnershipFinding[] => run(f).filter((x) => x.code === code);
const reasons = (f: EngagementFacts, code: FindingCode) => only(f, code).map((x) => x.reason);

describe('a fully staffed engagement', () => {
  it('has no findings', () => {
    expect(run(facts())).toEqual([]);
  });
});

describe('Accountable', () => {
  it('missing is an error reported once on the model, saying how many assets inherit it', () => {
    const found = only(facts({ assignments: without(staffed(CHURN), 'm1', 'rollback', 'accountable') }), 'no_accountable');
    // Feature store and Scoring endpoint inherit rollback; a dashboard has no rollback.
    expect(found).toEqual([
      {
        key: 'no_accountable|eng-1|m1|rollback||',
        code: 'no_accountable',
        severity: 'error',
        reason: 'Nobody is Accountable for Rollback of Churn model; its 2 assets inherit this.',
        engagementId: 'eng-1',
        modelId: 'm1',
        targetKind: 'model',
        targetId: 'm1',
        dutyKey: 'rollback',
        person: null,
        date: null,
      },
    ]);
  });

  it('names the one asset inheriting a gap, and says nothing when none does', () => {
    expect(reasons(facts({ assignments: without(staffed(CHURN), 'm1', 'monitoring', 'accountable') }), 'no_accountable')).toEqual([
      'Nobody is Accountable for Monitoring & drift of Churn model; its 3 assets inherit this.',
    ]);
    expect(reasons(facts({ assignments: without(staffed(CHURN), 'm1', 'training', 'accountable') }), 'no_accountable')).toEqual([
      'Nobody is Accountable for Training & retraining of Churn model.',
    ]);
    expect(
      reasons(facts({ rows: [CHURN, FEATURES], assignments: without(staffed(CHURN), 'm1', 'rollback', 'accountable') }), 'no_accountable'),
    ).toEqual(['Nobody is Accountable for Rollback of Churn model; its asset Feature store inherits this.']);
  });

  it('missing on an asset’s own override is reported on the asset, under its model', () => {
    const f = facts({ assignments: [...staffed(CHURN), assign(FEATURES, 'monitoring', 'responsible', BEN)] });
    const [found] = only(f, 'no_accountable');
    expect(found).toMatchObject({ targetKind: 'asset', targetId: 'a1', modelId: 'm1', dutyKey: 'monitoring' });
    expect(found?.reason).toBe('Nobody is Accountable for Monitoring & drift of Feature store.');
  });

  it('missing on an asset serving no model is reported with no model', () => {
    const orphan = asset('a5', 'Raw ingest', 'data_ingestion', []);
    const found = only(facts({ rows: [CHURN, orphan] }), 'no_accountable');
    expect(found.map((x) => x.dutyKey).sort()).toEqual(['cost', 'data_ingestion', 'governance', 'incident_response', 'monitoring']);
    expect(found.every((x) => x.modelId === null && x.targetId === 'a5')).toBe(true);
  });

  it('is never checked on a cell whose duty does not apply', () => {
    const f = facts({ assignments: [...staffed(CHURN), assign(DASHBOARD, 'governance', 'accountable', BEN)] });
    expect(run(f).filter((x) => x.targetId === 'a2')).toEqual([expect.objectContaining({ code: 'no_responsible', dutyKey: 'governance' })]);
  });

  it('more than one is an error naming them', () => {
    const f = facts({ assignments: [...staffed(CHURN), assign(CHURN, 'training', 'accountable', BEN)] });
    expect(reasons(f, 'several_accountable')).toEqual([
      'Ana Costa and Ben Ode are both Accountable for Training & retraining of Churn model, which needs exactly one.',
    ]);
    const three = facts({
      assignments: [...staffed(CHURN), assign(CHURN, 'cost', 'accountable', BEN), assign(CHURN, 'cost', 'accountable', DEV)],
    });
    expect(reasons(three, 'several_accountable')).toEqual([
      'Ana Costa, Ben Ode and Dev Rao are all Accountable for Cost of Churn model, which needs exactly one; its 3 assets inherit this.',
    ]);
  });

  it('two Accountables one after the other are not several', () => {
    const list = [
      ...without(staffed(CHURN), 'm1', 'cost', 'accountable'),
      assign(CHURN, 'cost', 'accountable', ANA, '2026-01-01', '2026-11-30'),
      assign(CHURN, 'cost', 'accountable', BEN, '2026-12-01'),
    ];
    expect(run(facts({ assignments: list }))).toEqual([]);
  });
});

describe('Responsible', () => {
  it('missing is a warning', () => {
    const [found] = only(facts({ assignments: without(staffed(CHURN), 'm1', 'training', 'responsible') }), 'no_responsible');
    expect(found).toMatchObject({ severity: 'warning', reason: 'Nobody is Responsible for Training & retraining of Churn model.' });
  });

  it('a specialist not allocated on the day is a notice; a contact needs no allocation', () => {
    const f = facts({
      allocations: new Map([
        [ANA, [span('2026-01-01', '2027-12-31')]],
        [BEN, [span('2026-01-01', '2026-11-30')]],
        [DEV, [span('2026-01-01', '2027-12-31')]],
      ]),
    });
    const found = only(f, 'not_allocated');
    expect(found).toHaveLength(8);
    expect(found[0]).toMatchObject({ severity: 'info', person: { kind: 'specialist', id: 'ben' } });
    expect(found.map((x) => x.reason)).toContain(
      'Ben Ode is Responsible for Cost of Churn model but is not allocated on this engagement on 1 Dec 2026; its 3 assets inherit this.',
    );
    const contact = facts({
      assignments: [...without(staffed(CHURN), 'm1', 'cost', 'responsible'), assign(CHURN, 'cost', 'responsible', CLEO)],
    });
    expect(run(contact)).toEqual([]);
  });
});

describe('Backup', () => {
  const noBackup = (dutyKey: string) => without(staffed(CHURN), 'm1', dutyKey, 'backup');

  it('missing on incident response or rollback is a warning whatever the risk tier', () => {
    const found = only(facts({ rows: [CHURN], assignments: noBackup('rollback') }), 'no_backup');
    expect(found).toMatchObject([
      { severity: 'warning', reason: 'Nobody is Backup for Rollback of Churn model (Rollback always needs one).' },
    ]);
  });

  it('is not required on other duties of a low or medium model', () => {
    expect(only(facts({ assignments: noBackup('training') }), 'no_backup')).toEqual([]);
    expect(only(facts({ rows: [{ ...CHURN, riskTier: 'low' }], assignments: noBackup('training') }), 'no_backup')).toEqual([]);
    expect(only(facts({ rows: [{ ...CHURN, riskTier: null }], assignments: noBackup('training') }), 'no_backup')).toEqual([]);
  });

  it('is required on every duty of a high or critical model', () => {
    for (const riskTier of ['high', 'critical'] as const) {
      expect(reasons(facts({ rows: [{ ...CHURN, riskTier }], assignments: noBackup('training') }), 'no_backup')).toEqual([
        `Nobody is Backup for Training & retraining of Churn model (Churn model is a ${riskTier}-risk model).`,
      ]);
    }
  });

  it('is required on an asset serving a high-risk model, and on the model cell its assets inherit', () => {
    const risky = { ...FEATURES, riskTier: 'high' as const };
    const own = [...staffed(CHURN), assign(FEATURES, 'governance', 'accountable', ANA), assign(FEATURES, 'governance', 'responsible', BEN)];
    expect(reasons(facts({ rows: [CHURN, risky], assignments: own }), 'no_backup')).toEqual([
      'Nobody is Backup for Governance & audit of Feature store (Feature store serves a high-risk model).',
    ]);
    const critical = { ...ENDPOINT, riskTier: 'critical' as const };
    expect(reasons(facts({ rows: [CHURN, risky, critical], assignments: noBackup('governance') }), 'no_backup')).toEqual([
      'Nobody is Backup for Governance & audit of Churn model (its asset Scoring endpoint serves a critical-risk model); its 2 assets inherit this.',
    ]);
  });

  it('is required on a custom duty that asks for cover, and on every duty when the settings say so', () => {
    const custom = customDuty({ coverRequired: true });
    const list = [...staffed(CHURN), assign(CHURN, 'custom-1', 'accountable', ANA), assign(CHURN, 'custom-1', 'responsible', BEN)];
    expect(reasons(facts({ rows: [CHURN], duties: [...duties(), custom], assignments: list }), 'no_backup')).toEqual([
      'Nobody is Backup for Model card upkeep of Churn model (Model card upkeep always needs one).',
    ]);
    const everyDuty = facts({
      rows: [CHURN],
      assignments: noBackup('cost'),
      settings: { spofThreshold: 12, horizonWeeks: 6, coverAllDuties: true },
    });
    expect(reasons(everyDuty, 'no_backup')).toEqual([
      'Nobody is Backup for Cost of Churn model (the settings ask for a Backup on every duty).',
    ]);
  });

  it('being the Accountable is a warning', () => {
    const list = [...noBackup('deployment'), assign(CHURN, 'deployment', 'backup', ANA)];
    const found = only(facts({ rows: [CHURN], assignments: list }), 'backup_is_accountable');
    expect(found).toMatchObject([
      {
        severity: 'warning',
        person: { kind: 'specialist', id: 'ana' },
        reason: 'Ana Costa is both Accountable and Backup for Deployment of Churn model, so nobody covers for them.',
      },
    ]);
  });
});

describe('people off the engagement', () => {
  it('an Accountable specialist with no allocation on the day is an error on each cell', () => {
    const f = facts({
      rows: [CHURN],
      allocations: new Map([
        [BEN, [span('2026-01-01', '2027-12-31')]],
        [DEV, [span('2026-01-01', '2027-12-31')]],
      ]),
    });
    const found = only(f, 'accountable_off_engagement');
    expect(found).toHaveLength(8);
    expect(found.map((x) => x.reason)).toContain(
      'Ana Costa, Accountable for Rollback of Churn model, is not allocated on this engagement on 1 Dec 2026.',
    );
  });

  it('counts a tentative allocation, and one that starts or ends on the day', () => {
    for (const spans of [
      [span('2026-11-01', '2026-12-31', 'tentative')],
      [span('2026-12-01', '2026-12-31')],
      [span('2026-01-01', '2026-12-01')],
    ]) {
      const f = facts({
        rows: [CHURN],
        allocations: new Map([
          [ANA, spans],
          [BEN, spans],
          [DEV, spans],
        ]),
      });
      expect(run(f).filter((x) => x.code !== 'roll_off')).toEqual([]);
    }
  });

  it('an Accountable or Backup who left is flagged even while allocated', () => {
    const people = PEOPLE();
    people.set(ANA, person(ANA, 'Ana Costa', { inactive: true }));
    people.set(DEV, person(DEV, 'Dev Rao', { inactive: true }));
    const f = facts({ rows: [CHURN], people });
    expect(reasons(f, 'accountable_off_engagement')).toContain('Ana Costa, Accountable for Cost of Churn model, has left or is archived.');
    expect(only(f, 'backup_off_engagement')).toHaveLength(8);
    expect(reasons(f, 'backup_off_engagement')).toContain('Dev Rao, Backup for Incident response of Churn model, has left or is archived.');
    expect(only(f, 'backup_off_engagement')[0]?.severity).toBe('warning');
  });

  it('a Backup not allocated is a warning', () => {
    const f = facts({
      rows: [CHURN],
      allocations: new Map([
        [ANA, [span('2026-01-01', '2027-12-31')]],
        [BEN, [span('2026-01-01', '2027-12-31')]],
      ]),
    });
    expect(reasons(f, 'backup_off_engagement')).toContain(
      'Dev Rao, Backup for Rollback of Churn model, is not allocated on this engagement on 1 Dec 2026.',
    );
  });

  it('an archived client contact named Accountable or Backup is a warning; an active one is fine', () => {
    const list = [
      ...without(without(staffed(CHURN), 'm1', 'governance', 'accountable'), 'm1', 'cost', 'backup'),
      assign(CHURN, 'governance', 'accountable', CLEO),
      assign(CHURN, 'cost', 'backup', CLEO),
    ];
    expect(run(facts({ rows: [CHURN], assignments: list }))).toEqual([]);
    const people = PEOPLE();
    people.set(CLEO, person(CLEO, 'Cleo Diaz', { inactive: true }));
    expect(reasons(facts({ rows: [CHURN], assignments: list, people }), 'contact_archived')).toEqual([
      'Cleo Diaz, Accountable for Governance & audit of Churn model, is an archived client contact.',
      'Cleo Diaz, Backup for Cost of Churn model, is an archived client contact.',
    ]);
  });
});
