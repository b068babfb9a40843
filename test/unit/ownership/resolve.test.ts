import type { MatrixCell, OwnershipFinding } from '@shared/ownership/contract/matrix';
import {
  activeOn,
  dutiesInForce,
  isApplicable,
  mergeApplicability,
  overlaps,
  resolveCells,
  withSeverity,
} from '@shared/ownership/rules/resolve';
import { describe, expect, it } from 'vitest';
import {
  ANA,
  AS_OF,
  asset,
  assign,
  BEN,
  CHURN,
  customDuty,
  DASHBOARD,
  DEV,
  duties,
  ENDPOINT,
  FEATURES,
  facts,
  model,
  staffed,
} from './fixtures';

const cellOf = (cells: readonly MatrixCell[], targetId: string, dutyKey: string): MatrixCell => {
  const cell = cells.find((c) => c.targetId === targetId && c.dutyKey === dutyKey);
  if (!cell) throw new Error(`no cell ${targetId} ${dutyKey}`);
  return cell;
};
const who = (cell: MatrixCell) => cell.holders.map((h) => `${h.role[0]}:${h.personKey}`);

describe('effective dating', () => {
  it('holds both ends of a period and every day after an open end', () => {
    const closed = { fromDate: '2026-03-01', toDate: '2026-03-31' };
    expect(activeOn(closed, '2026-02-28')).toBe(false);
    expect(activeOn(closed, '2026-03-01')).toBe(true);
    expect(activeOn(closed, '2026-03-31')).toBe(true);
    expect(activeOn(closed, '2026-04-01')).toBe(false);
    const open = { fromDate: '2026-03-01', toDate: null };
    expect(activeOn(open, '2026-02-28')).toBe(false);
    expect(activeOn(open, '2099-12-31')).toBe(true);
  });

  it('sees two periods overlap when they share a single day', () => {
    const march = { fromDate: '2026-03-01', toDate: '2026-03-31' };
    expect(overlaps(march, { fromDate: '2026-03-31', toDate: '2026-04-30' })).toBe(true);
    expect(overlaps(march, { fromDate: '2026-04-01', toDate: null })).toBe(false);
    expect(overlaps(march, { fromDate: '2026-01-01', toDate: '2026-02-28' })).toBe(false);
    expect(overlaps({ fromDate: '2026-01-01', toDate: null }, { fromDate: '2030-01-01', toDate: null })).toBe(true);
  });

  it('keeps a duty in the matrix up to the day before its retirement, in position order', () => {
    const list = [customDuty({ position: 0 }), ...duties().map((d) => (d.key === 'cost' ? { ...d, retiredOn: '2026-12-01' } : d))];
    expect(dutiesInForce(list, '2026-11-30').map((d) => d.key)).toContain('cost');
    expect(dutiesInForce(list, '2026-12-01').map((d) => d.key)).not.toContain('cost');
    expect(dutiesInForce(list, '2026-12-01')[0]?.key).toBe('custom-1');
    expect(dutiesInForce(list, '2026-12-01')).toHaveLength(8);
  });
});

describe('applicability', () => {
  it('starts from the default table and applies the engagement’s overrides either way', () => {
    const base = mergeApplicability([]);
    expect(isApplicable(base, { kind: 'asset', type: 'dashboard' }, 'training')).toBe(false);
    expect(isApplicable(base, { kind: 'asset', type: 'dashboard' }, 'governance')).toBe(true);
    const merged = mergeApplicability([
      { assetType: 'dashboard', dutyKey: 'training', applicable: true },
      { assetType: 'dashboard', dutyKey: 'custom-1', applicable: false },
    ]);
    expect(isApplicable(merged, { kind: 'asset', type: 'dashboard' }, 'training')).toBe(true);
    expect(isApplicable(merged, { kind: 'asset', type: 'dashboard' }, 'custom-1')).toBe(false);
    // A custom duty no override names applies to every type.
    expect(isApplicable(merged, { kind: 'asset', type: 'monitoring' }, 'custom-1')).toBe(true);
    expect(merged).toHaveLength(base.length);
  });

  it('applies every duty to a model', () => {
    expect(isApplicable(mergeApplicability([]), { kind: 'model', type: 'model' }, 'training')).toBe(true);
  });
});

describe('resolving the cells', () => {
  it('gives every row a cell per duty in force, in row then duty order', () => {
    const cells = resolveCells(facts());
    expect(cells).toHaveLength(4 * 8);
    expect(cells.slice(0, 2).map((c) => `${c.targetId}|${c.dutyKey}`)).toEqual(['m1|data_ingestion', 'm1|training']);
    expect(cells.every((c) => c.severity === null)).toBe(true);
  });

  it('sorts a cell’s holders by role (A, R, C, I, B), then person', () => {
    const list = [
      assign(CHURN, 'cost', 'backup', DEV),
      assign(CHURN, 'cost', 'informed', BEN),
      assign(CHURN, 'cost', 'responsible', BEN),
      assign(CHURN, 'cost', 'responsible', ANA),
      assign(CHURN, 'cost', 'accountable', DEV),
    ];
    expect(who(cellOf(resolveCells(facts({ assignments: list })), 'm1', 'cost'))).toEqual([
      `a:${DEV}`,
      `r:${ANA}`,
      `r:${BEN}`,
      `i:${BEN}`,
      `b:${DEV}`,
    ]);
  });

  it('lets an asset inherit its model’s assignments for every duty it has none of its own', () => {
    const cells = resolveCells(facts());
    const rollback = cellOf(cells, 'a1', 'rollback');
    expect(rollback.inherited).toBe(true);
    expect(who(rollback)).toEqual([`a:${ANA}`, `r:${BEN}`, `b:${DEV}`]);
    expect(cellOf(cells, 'm1', 'rollback').inherited).toBe(false);
  });

  it('shows only an asset’s own assignments on a duty it overrides, and inherits the others', () => {
    const override = assign(FEATURES, 'monitoring', 'accountable', BEN);
    const cells = resolveCells(facts({ assignments: [...staffed(CHURN), override] }));
    const monitoring = cellOf(cells, 'a1', 'monitoring');
    expect(monitoring.inherited).toBe(false);
    expect(who(monitoring)).toEqual([`a:${BEN}`]);
    expect(cellOf(cells, 'a1', 'deployment').inherited).toBe(true);
  });

  it('falls back to the model the day after the asset’s own assignment ends', () => {
    const override = assign(FEATURES, 'monitoring', 'accountable', BEN, '2026-06-01', '2026-11-30');
    const f = facts({ assignments: [...staffed(CHURN), override] });
    expect(who(cellOf(resolveCells(f, '2026-11-30'), 'a1', 'monitoring'))).toEqual([`a:${BEN}`]);
    const after = cellOf(resolveCells(f, '2026-12-01'), 'a1', 'monitoring');
    expect(after.inherited).toBe(true);
    expect(who(after)).toEqual([`a:${ANA}`, `r:${BEN}`, `b:${DEV}`]);
  });

  it('reads the day it is given: a handover shows the old holder on the last day and the new one the day after', () => {
    const list = [
      assign(CHURN, 'cost', 'accountable', ANA, '2026-01-01', '2026-06-30'),
      assign(CHURN, 'cost', 'accountable', BEN, '2026-07-01'),
    ];
    const f = facts({ assignments: list });
    expect(who(cellOf(resolveCells(f, '2026-06-30'), 'm1', 'cost'))).toEqual([`a:${ANA}`]);
    expect(who(cellOf(resolveCells(f, '2026-07-01'), 'm1', 'cost'))).toEqual([`a:${BEN}`]);
    expect(who(cellOf(resolveCells(f, '2025-12-31'), 'm1', 'cost'))).toEqual([]);
  });

  it('inherits from the primary model only, and not at all for an asset serving no model or an archived one', () => {
    const other = model('m2', 'Fraud model');
    const shared = asset('a4', 'Shared features', 'feature_pipeline', ['m2', 'm1']);
    const orphan = asset('a5', 'Raw ingest', 'data_ingestion', []);
    const stray = asset('a6', 'Old endpoint', 'serving_endpoint', ['m9']);
    const list = [
      ...staffed(CHURN),
      assign(other, 'cost', 'accountable', DEV),
      assign(model('m9', 'Archived'), 'cost', 'accountable', BEN),
    ];
    const cells = resolveCells(facts({ rows: [CHURN, other, shared, orphan, stray], assignments: list }));
    expect(who(cellOf(cells, 'a4', 'cost'))).toEqual([`a:${DEV}`]);
    expect(who(cellOf(cells, 'a4', 'rollback'))).toEqual([]);
    expect(cellOf(cells, 'a4', 'rollback').inherited).toBe(true);
    expect(cellOf(cells, 'a5', 'cost')).toMatchObject({ inherited: false, holders: [] });
    expect(cellOf(cells, 'a6', 'cost')).toMatchObject({ inherited: false, holders: [] });
  });

  it('leaves a cell whose duty does not apply empty, even with an assignment on it', () => {
    const stale = assign(DASHBOARD, 'training', 'accountable', BEN);
    const cells = resolveCells(facts({ assignments: [...staffed(CHURN), stale] }));
    expect(cellOf(cells, 'a2', 'training')).toMatchObject({ applicable: false, inherited: false, holders: [] });
    expect(cellOf(cells, 'a2', 'governance').applicable).toBe(true);
    expect(cellOf(cells, 'm1', 'training').applicable).toBe(true);
  });

  it('drops a retired duty’s cells from its retirement day', () => {
    const list = duties().map((d) => (d.key === 'cost' ? { ...d, retiredOn: AS_OF } : d));
    const cells = resolveCells(facts({ duties: list }));
    expect(cells.some((c) => c.dutyKey === 'cost')).toBe(false);
    expect(resolveCells(facts({ duties: list }), '2026-11-30').some((c) => c.dutyKey === 'cost')).toBe(true);
  });
});

describe('cell severity', () => {
  const finding = (targetId: string, dutyKey: string | null, severity: OwnershipFinding['severity']): OwnershipFinding => ({
    key: `${targetId}|${dutyKey}|${severity}`,
    code: 'no_backup',
    severity,
    reason: '',
    engagementId: 'eng-1',
    modelId: 'm1',
    targetKind: 'model',
    targetId,
    dutyKey,
    person: null,
    date: null,
  });

  it('is the worst finding on the cell, the model’s on an inherited cell, and null elsewhere', () => {
    const f = facts({ assignments: [...staffed(CHURN), assign(ENDPOINT, 'deployment', 'accountable', BEN)] });
    const cells = withSeverity(
      resolveCells(f),
      [
        finding('m1', 'rollback', 'warning'),
        finding('m1', 'rollback', 'error'),
        finding('m1', 'rollback', 'info'),
        finding('m1', 'deployment', 'warning'),
        finding('m1', null, 'error'),
      ],
      f.rows,
    );
    expect(cellOf(cells, 'm1', 'rollback').severity).toBe('error');
    expect(cellOf(cells, 'a1', 'rollback').severity).toBe('error');
    expect(cellOf(cells, 'a1', 'deployment').severity).toBe('warning');
    // The endpoint has its own deployment cell: the model's finding is not its.
    expect(cellOf(cells, 'a3', 'deployment').severity).toBeNull();
    expect(cellOf(cells, 'm1', 'cost').severity).toBeNull();
  });
});
