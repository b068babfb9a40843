/**
 * What the ownership checks share: the engagement's facts indexed once (rows, duties, cells, each
 * assignment's history by target and duty), the names sentences use, and the finding builder.
 */
import { addDays } from '@shared/kernel/days';
import type { Duty } from '../contract/duties';
import type { Assignment, MatrixCell, OwnershipFinding } from '../contract/matrix';
import type { EngagementFacts, FactRow } from './facts';
import { cellKey, primaryModelId } from './resolve';
import { FINDING_SEVERITY, type FindingCode, type PersonRef, type Role, type TargetKind } from './vocabulary';

export type CheckContext = {
  facts: EngagementFacts;
  rowsById: ReadonlyMap<string, FactRow>;
  dutiesByKey: ReadonlyMap<string, Duty>;
  cellsByKey: ReadonlyMap<string, MatrixCell>;
  /** Per model cell: the asset rows showing it (inheriting it), in row order. */
  inheritors: ReadonlyMap<string, FactRow[]>;
  /** Per model id: the asset rows under it (its primary model), in row order. */
  assetsOf: ReadonlyMap<string, FactRow[]>;
  /** Per row id: its cells, in duty order. */
  cellsOf: ReadonlyMap<string, MatrixCell[]>;
  /** Every assignment of a target-duty, any date (indexed on first use: only a roll-off needs it). */
  history: (targetId: string, dutyKey: string) => readonly Assignment[];
  /** The specialists with an allocation (tentative or confirmed) on the engagement holding the as-of day. */
  allocatedToday: ReadonlySet<string>;
  /** The last day the roll-off and absence checks look at: as-of + the horizon's weeks. */
  horizonEnd: string;
};

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

export function checkContext(facts: EngagementFacts, cells: readonly MatrixCell[]): CheckContext {
  const rowsById = new Map(facts.rows.map((r) => [r.id, r]));
  const dutiesByKey = new Map(facts.duties.map((d) => [d.key, d]));
  const cellsByKey = new Map(cells.map((c) => [cellKey(c.targetId, c.dutyKey), c]));
  const inheritors = new Map<string, FactRow[]>();
  const assetsOf = new Map<string, FactRow[]>();
  for (const row of facts.rows) {
    const parent = row.kind === 'asset' ? primaryModelId(row) : null;
    if (parent !== null && rowsById.get(parent)?.kind === 'model') push(assetsOf, parent, row);
  }
  for (const cell of cells) {
    const row = rowsById.get(cell.targetId);
    const parent = row ? primaryModelId(row) : null;
    if (cell.inherited && row && parent !== null) push(inheritors, cellKey(parent, cell.dutyKey), row);
  }
  const cellsOf = new Map<string, MatrixCell[]>();
  for (const cell of cells) push(cellsOf, cell.targetId, cell);
  let index: Map<string, Assignment[]> | null = null;
  const history = (targetId: string, dutyKey: string): readonly Assignment[] => {
    if (index === null) {
      const built = new Map<string, Assignment[]>();
      for (const a of facts.assignments) push(built, cellKey(a.targetId, a.dutyKey), a);
      index = built;
    }
    return index.get(cellKey(targetId, dutyKey)) ?? [];
  };
  const allocatedToday = new Set<string>();
  for (const [key, spans] of facts.allocations) {
    if (spans.some((s) => s.startDate <= facts.asOf && facts.asOf <= s.endDate)) allocatedToday.add(key);
  }
  const horizonEnd = addDays(facts.asOf, facts.settings.horizonWeeks * 7);
  return { facts, rowsById, dutiesByKey, cellsByKey, inheritors, assetsOf, cellsOf, history, allocatedToday, horizonEnd };
}

/** A person key back into its parts (`specialist:<id>` → { kind: 'specialist', id }). */
export function personRefOf(key: string): PersonRef {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  return { kind: kind === 'contact' ? 'contact' : 'specialist', id: key.slice(at + 1) };
}

export const isSpecialist = (key: string): boolean => key.startsWith('specialist:');

export function personName(ctx: CheckContext, key: string): string {
  return ctx.facts.people.get(key)?.name ?? 'Someone no longer on file';
}

/** "Rollback of Churn model". */
export function cellLabel(ctx: CheckContext, cell: Pick<MatrixCell, 'targetId' | 'dutyKey'>): string {
  const duty = ctx.dutiesByKey.get(cell.dutyKey)?.name ?? cell.dutyKey;
  const row = ctx.rowsById.get(cell.targetId)?.name ?? 'a row no longer on file';
  return `${duty} of ${row}`;
}

/** "; its 3 assets inherit this" on a model's cell that assets show, else nothing. */
export function inheritNote(ctx: CheckContext, cell: Pick<MatrixCell, 'targetId' | 'dutyKey'>): string {
  const heirs = ctx.inheritors.get(cellKey(cell.targetId, cell.dutyKey)) ?? [];
  if (heirs.length === 0) return '';
  if (heirs.length === 1) return `; its asset ${heirs[0]?.name} inherits this`;
  return `; its ${heirs.length} assets inherit this`;
}

/** The distinct people holding a role in a cell, in the cell's order. */
export function holdersIn(cell: Pick<MatrixCell, 'holders'>, role: Role): string[] {
  const keys: string[] = [];
  for (const h of cell.holders) if (h.role === role && !keys.includes(h.personKey)) keys.push(h.personKey);
  return keys;
}

/** True when the specialist has an allocation (tentative or confirmed) on the engagement holding the as-of day. */
export function allocatedToday(ctx: CheckContext, key: string): boolean {
  return ctx.allocatedToday.has(key);
}

type Place = { targetKind: TargetKind; targetId: string; dutyKey: string | null };

/**
 * A finding with its severity from the table and a key stable across reads:
 * code|engagement|target|duty|person|date (empty parts for what it does not name).
 */
export function makeFinding(
  engagementId: string,
  code: FindingCode,
  place: Place | null,
  modelId: string | null,
  person: string | null,
  date: string | null,
  reason: string,
): OwnershipFinding {
  const key = [code, engagementId, place?.targetId ?? '', place?.dutyKey ?? '', person ?? '', date ?? ''].join('|');
  return {
    key,
    code,
    severity: FINDING_SEVERITY[code],
    reason,
    engagementId,
    modelId,
    targetKind: place?.targetKind ?? null,
    targetId: place?.targetId ?? null,
    dutyKey: place?.dutyKey ?? null,
    person: person === null ? null : personRefOf(person),
    date,
  };
}

/** A finding on a cell: the model it is about is the row's model (an asset's primary model). */
export function cellFinding(
  ctx: CheckContext,
  code: FindingCode,
  cell: MatrixCell,
  person: string | null,
  date: string | null,
  reason: string,
): OwnershipFinding {
  const row = ctx.rowsById.get(cell.targetId);
  const modelId = row ? primaryModelId(row) : null;
  return makeFinding(ctx.facts.engagementId, code, cell, modelId, person, date, reason);
}
