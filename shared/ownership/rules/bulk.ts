/**
 * Giving one person a role on one duty across an engagement's rows in one go, as the assignments to
 * create and, as sentences, the rows left out.
 */
import { joinWords } from '@shared/portfolio/rules/lifecycle';
import type { NotApplicable } from '../contract/duties';
import type { Assignment, MatrixPerson } from '../contract/matrix';
import type { FactRow } from './facts';
import type { NewAssignment } from './handover';
import { type Dated, isApplicable, overlaps } from './resolve';
import { ROLE_LABELS, type Role, type RowType } from './vocabulary';

export type BulkInput = {
  engagementId: string;
  rows: readonly FactRow[];
  duty: { key: string; name: string };
  role: Role;
  person: MatrixPerson;
  fromDate: string;
  toDate: string | null;
  /** Row types to staff; empty: every model, and the assets serving no model (the others inherit). */
  types: readonly RowType[];
  /** Every assignment of the engagement on that duty. */
  existing: readonly Assignment[];
  notApplicable: readonly NotApplicable[];
};

export type BulkPlan = { create: NewAssignment[]; warnings: string[] };

/** How many rows a sentence names before counting the rest. */
const NAMED_ROWS = 5;

function rowList(rows: readonly FactRow[]): string {
  const names = rows.slice(0, NAMED_ROWS).map((r) => r.name);
  const rest = rows.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : joinWords(names);
}

const rowsWord = (n: number) => (n === 1 ? '1 row' : `${n} rows`);

/**
 * The assignments for a bulk assignment. Rows chosen: with no types, every model plus the assets that
 * serve no model (an asset with a model inherits its model's); otherwise the rows of those types.
 * Left out, each group said in one sentence: rows where the duty does not apply, rows whose in-service
 * period does not hold the dates, rows where the person already holds the role over those dates, and,
 * for Accountable, rows that already have an Accountable over those dates.
 */
export function bulkPlan(input: BulkInput): BulkPlan {
  const { duty, role, person } = input;
  const period: Dated = { fromDate: input.fromDate, toDate: input.toDate };
  const chosen = input.rows.filter((r) =>
    input.types.length === 0 ? r.kind === 'model' || r.modelIds.length === 0 : input.types.includes(r.type),
  );
  const byTarget = new Map<string, Assignment[]>();
  for (const a of input.existing) {
    if (a.dutyKey !== duty.key || !overlaps(a, period)) continue;
    byTarget.set(a.targetId, [...(byTarget.get(a.targetId) ?? []), a]);
  }
  const notApplicable: FactRow[] = [];
  const outOfService: FactRow[] = [];
  const alreadyHeld: FactRow[] = [];
  const taken: FactRow[] = [];
  const create: NewAssignment[] = [];
  for (const row of chosen) {
    const there = byTarget.get(row.id) ?? [];
    if (!isApplicable(input.notApplicable, row, duty.key)) notApplicable.push(row);
    else if (!holds(row, period)) outOfService.push(row);
    else if (there.some((a) => a.role === role && a.personKind === person.kind && a.personId === person.id)) alreadyHeld.push(row);
    else if (role === 'accountable' && there.some((a) => a.role === 'accountable')) taken.push(row);
    else {
      create.push({
        engagementId: input.engagementId,
        targetKind: row.kind,
        targetId: row.id,
        dutyKey: duty.key,
        role,
        personKind: person.kind,
        personId: person.id,
        fromDate: input.fromDate,
        toDate: input.toDate,
        note: '',
      });
    }
  }
  const warnings: string[] = [];
  const skipped = (rows: FactRow[], why: string) => {
    if (rows.length > 0) warnings.push(`${rowsWord(rows.length)} skipped (${rowList(rows)}): ${why}.`);
  };
  skipped(notApplicable, `${duty.name} does not apply to ${notApplicable.length === 1 ? 'it' : 'them'}`);
  skipped(outOfService, 'not in service on every day of the assignment');
  skipped(alreadyHeld, `${person.name} is already ${ROLE_LABELS[role]} there`);
  skipped(taken, `${taken.length === 1 ? 'it already has' : 'they already have'} an Accountable for ${duty.name} over those dates`);
  return { create, warnings };
}

/** True when the row is in service on every day of the period. */
function holds(row: FactRow, period: Dated): boolean {
  if (period.fromDate < row.inServiceFrom) return false;
  if (row.inServiceTo === null) return true;
  return period.toDate !== null && period.toDate <= row.inServiceTo && period.fromDate <= row.inServiceTo;
}
