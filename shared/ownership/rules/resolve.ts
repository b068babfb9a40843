/**
 * Who holds what on a day: the effective-dated assignments resolved into the cells of the matrix
 * (rows × duties in force), with assets inheriting their primary model's assignments unless they
 * have their own for that duty.
 */
import type { Severity } from '@shared/kernel/severity';
import type { Duty, NotApplicable } from '../contract/duties';
import type { Assignment, CellHolder, MatrixCell, MatrixRow, OwnershipFinding } from '../contract/matrix';
import type { EngagementFacts } from './facts';
import { ASSET_TYPES, type AssetType, NOT_APPLICABLE_BY_DEFAULT, ROLES, type Role, type RowType, SEVERITY_ORDER } from './vocabulary';

/** Anything effective from a day to a day, both inclusive (`toDate` null: open-ended). */
export type Dated = { fromDate: string; toDate: string | null };

/** True when the period holds the day (both ends inclusive; an open end holds every later day). */
export function activeOn(a: Dated, day: string): boolean {
  return a.fromDate <= day && (a.toDate === null || day <= a.toDate);
}

/** True when two periods share at least one day. */
export function overlaps(a: Dated, b: Dated): boolean {
  return (a.toDate === null || b.fromDate <= a.toDate) && (b.toDate === null || a.fromDate <= b.toDate);
}

/** The duties of the matrix on a day, in their position order: a duty leaves the matrix on its retirement day. */
export function dutiesInForce(duties: readonly Duty[], day: string): Duty[] {
  return duties.filter((d) => d.retiredOn === null || d.retiredOn > day).sort((a, b) => a.position - b.position);
}

/** One stored exception of an engagement to the default applicability table. */
export type ApplicabilityOverride = { assetType: AssetType; dutyKey: string; applicable: boolean };

/**
 * The pairs that do not apply on an engagement: the default table (NOT_APPLICABLE_BY_DEFAULT) with the
 * engagement's overrides applied in order (`applicable: true` switches a pair on, `false` switches it off).
 * A custom duty applies to every asset type unless an override switches it off.
 */
export function mergeApplicability(overrides: readonly ApplicabilityOverride[]): NotApplicable[] {
  const off = new Map<string, NotApplicable>();
  for (const assetType of ASSET_TYPES) {
    for (const dutyKey of NOT_APPLICABLE_BY_DEFAULT[assetType]) off.set(`${assetType}|${dutyKey}`, { assetType, dutyKey });
  }
  for (const { assetType, dutyKey, applicable } of overrides) {
    const key = `${assetType}|${dutyKey}`;
    if (applicable) off.delete(key);
    else off.set(key, { assetType, dutyKey });
  }
  return [...off.values()];
}

/** Whether a duty applies to a row: every duty applies to a model; an asset follows the not-applicable list. */
export function isApplicable(
  notApplicable: readonly NotApplicable[],
  row: { kind: MatrixRow['kind']; type: RowType },
  dutyKey: string,
): boolean {
  if (row.kind === 'model') return true;
  return !notApplicable.some((n) => n.assetType === row.type && n.dutyKey === dutyKey);
}

/** The model a row sits under: the model itself, or an asset's primary model (the first it serves), or null. */
export function primaryModelId(row: Pick<MatrixRow, 'kind' | 'id' | 'modelIds'>): string | null {
  return row.kind === 'model' ? row.id : (row.modelIds[0] ?? null);
}

/** The key of a cell (and of the assignments on it): a target id is unique across models and assets. */
export const cellKey = (targetId: string, dutyKey: string): string => `${targetId}|${dutyKey}`;

const roleOrder = (role: Role) => ROLES.indexOf(role);

/** Holders in the order a cell shows them: by role (A, R, C, I, B), then person, then start. */
export function compareHolders(a: CellHolder, b: CellHolder): number {
  return (
    roleOrder(a.role) - roleOrder(b.role) ||
    (a.personKey < b.personKey ? -1 : a.personKey > b.personKey ? 1 : 0) ||
    (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : 0)
  );
}

/** The assignments effective on a day as holders, indexed once by target and duty (sorted). */
export function holdersOn(assignments: readonly Assignment[], day: string): Map<string, CellHolder[]> {
  const index = new Map<string, CellHolder[]>();
  for (const a of assignments) {
    if (!activeOn(a, day)) continue;
    const key = cellKey(a.targetId, a.dutyKey);
    const holder: CellHolder = {
      assignmentId: a.id,
      role: a.role,
      personKey: `${a.personKind}:${a.personId}`,
      fromDate: a.fromDate,
      toDate: a.toDate,
    };
    const list = index.get(key);
    if (list) list.push(holder);
    else index.set(key, [holder]);
  }
  for (const list of index.values()) if (list.length > 1) list.sort(compareHolders);
  return index;
}

/**
 * The cells of an engagement's matrix on a day (default: the facts' as-of day), row by row, each row's
 * cells in duty order, for the duties in force that day. A model's cell holds its own assignments
 * effective that day. An asset's cell holds its own when it has at least one for that duty; otherwise
 * its primary model's (`inherited`). An asset serving no model, or whose primary model is not a row of
 * the matrix (archived), stands on its own. A cell whose duty does not apply holds nobody. Severity is
 * left null: `withSeverity` sets it once the findings are known.
 */
export function resolveCells(facts: EngagementFacts, day: string = facts.asOf): MatrixCell[] {
  const duties = dutiesInForce(facts.duties, day);
  const off = new Set(facts.notApplicable.map((n) => `${n.assetType}|${n.dutyKey}`));
  const holders = holdersOn(facts.assignments, day);
  const models = new Set<string>();
  for (const row of facts.rows) if (row.kind === 'model') models.add(row.id);
  const cells: MatrixCell[] = [];
  for (const row of facts.rows) {
    const primary = row.kind === 'asset' ? primaryModelId(row) : null;
    const parent = primary !== null && models.has(primary) ? primary : null;
    for (const duty of duties) {
      const applicable = row.kind === 'model' || !off.has(`${row.type}|${duty.key}`);
      let own: CellHolder[] = [];
      let inherited = false;
      if (applicable) {
        const mine = holders.get(cellKey(row.id, duty.key));
        if (mine) own = mine.slice();
        else if (parent !== null) {
          own = (holders.get(cellKey(parent, duty.key)) ?? []).slice();
          inherited = true;
        }
      }
      cells.push({ targetKind: row.kind, targetId: row.id, dutyKey: duty.key, applicable, inherited, holders: own, severity: null });
    }
  }
  return cells;
}

/**
 * The cells with their worst finding's severity. A finding counts on the cell it names (target and duty);
 * an inherited cell shows its model's cell, where an inherited gap is reported. `rows` tells each asset's
 * primary model.
 */
export function withSeverity(
  cells: readonly MatrixCell[],
  findings: readonly OwnershipFinding[],
  rows: readonly Pick<MatrixRow, 'kind' | 'id' | 'modelIds'>[],
): MatrixCell[] {
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    if (f.targetId === null || f.dutyKey === null) continue;
    const key = cellKey(f.targetId, f.dutyKey);
    const seen = worst.get(key);
    if (seen === undefined || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[seen]) worst.set(key, f.severity);
  }
  const parentOf = new Map(rows.map((r) => [r.id, primaryModelId(r)]));
  return cells.map((cell) => {
    const target = cell.inherited ? (parentOf.get(cell.targetId) ?? cell.targetId) : cell.targetId;
    return { ...cell, severity: worst.get(cellKey(target, cell.dutyKey)) ?? null };
  });
}
