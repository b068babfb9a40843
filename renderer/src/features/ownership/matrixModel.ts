import { day } from '@renderer/components/dates';
import type { Duty } from '@shared/ownership/contract/duties';
import type { CellHolder, MatrixCell, MatrixPerson, MatrixRow, OwnershipMatrix } from '@shared/ownership/contract/matrix';
import { ASSET_TYPE_LABELS, ROLE_LABELS, ROLE_LETTERS, ROLES, type Role, SEVERITY_LABELS } from '@shared/ownership/rules/vocabulary';

/** A row as the grid shows it: a model, or an asset indented under the model it inherits from. */
export type GridRow = MatrixRow & { indented: boolean };

export const cellId = (targetKind: string, targetId: string, dutyKey: string) => `${targetKind}:${targetId}:${dutyKey}`;

/** The duties a matrix shows on its day: the rule the backend uses. */
export { dutiesInForce } from '@shared/ownership/rules/resolve';

/**
 * The rows grouped: each model followed by the assets that inherit from it, then the assets whose
 * model is not shown (a filter left it out) or that serve none. Within a group the backend's order stays.
 */
export function groupRows(rows: readonly MatrixRow[]): GridRow[] {
  const models = rows.filter((r) => r.kind === 'model');
  const shown = new Set(models.map((m) => m.id));
  const under = new Map<string, MatrixRow[]>();
  const loose: MatrixRow[] = [];
  for (const r of rows) {
    if (r.kind !== 'asset') continue;
    if (r.modelId !== null && shown.has(r.modelId)) {
      const list = under.get(r.modelId) ?? [];
      list.push(r);
      under.set(r.modelId, list);
    } else loose.push(r);
  }
  return [
    ...models.flatMap((m) => [{ ...m, indented: false }, ...(under.get(m.id) ?? []).map((a) => ({ ...a, indented: true }))]),
    ...loose.map((a) => ({ ...a, indented: a.modelId !== null })),
  ];
}

export type MatrixIndex = {
  cells: ReadonlyMap<string, MatrixCell>;
  people: ReadonlyMap<string, MatrixPerson>;
  modelNames: ReadonlyMap<string, string>;
};

export function indexMatrix(matrix: OwnershipMatrix): MatrixIndex {
  return {
    cells: new Map(matrix.cells.map((c) => [cellId(c.targetKind, c.targetId, c.dutyKey), c])),
    people: new Map(matrix.people.map((p) => [p.key, p])),
    modelNames: new Map(matrix.rows.filter((r) => r.kind === 'model').map((r) => [r.id, r.name])),
  };
}

/** The holders by role, in RACI-then-Backup order: `[['accountable', [AC]], ['responsible', [MK, JL]]]`. */
export function holdersByRole(holders: readonly CellHolder[]): [Role, CellHolder[]][] {
  return ROLES.map((role): [Role, CellHolder[]] => [role, holders.filter((h) => h.role === role)]).filter(([, list]) => list.length > 0);
}

/** "A:AC R:MK,JL B:JL": the letters a cell shows. */
export function cellText(holders: readonly CellHolder[], people: ReadonlyMap<string, MatrixPerson>): string {
  return holdersByRole(holders)
    .map(([role, list]) => `${ROLE_LETTERS[role]}:${list.map((h) => people.get(h.personKey)?.initials ?? '?').join(',')}`)
    .join(' ');
}

export const personName = (key: string, people: ReadonlyMap<string, MatrixPerson>): string => {
  const p = people.get(key);
  if (!p) return 'someone no longer listed';
  return p.inactive ? `${p.name} (inactive)` : p.name;
};

export const rowTypeLabel = (row: MatrixRow): string => (row.type === 'model' ? 'Model' : ASSET_TYPE_LABELS[row.type]);

/** The whole cell in words: the tooltip and the accessible name. */
export function cellDescription(row: GridRow, duty: Duty, cell: MatrixCell | undefined, index: MatrixIndex): string {
  const head = `${duty.name} · ${row.name}`;
  if (!cell?.applicable) return `${head}: does not apply to ${rowTypeLabel(row).toLowerCase()}s`;
  const lines = holdersByRole(cell.holders).map(
    ([role, list]) =>
      `${ROLE_LABELS[role]}: ${list
        .map((h) => `${personName(h.personKey, index.people)} (from ${day(h.fromDate)}${h.toDate ? ` to ${day(h.toDate)}` : ''})`)
        .join(', ')}`,
  );
  if (lines.length === 0) lines.push('Nobody named');
  if (cell.inherited) lines.push(`Inherited from ${row.modelId ? (index.modelNames.get(row.modelId) ?? 'its model') : 'its model'}`);
  if (cell.severity) lines.push(`Worst finding: ${SEVERITY_LABELS[cell.severity]}`);
  return `${head}\n${lines.join('\n')}`;
}
