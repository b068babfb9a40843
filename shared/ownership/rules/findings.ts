/**
 * What the ownership checks find on one engagement as of its facts' day, and the order findings are
 * read in. The checks themselves live in staffing.ts (one cell's people), continuity.ts (roll-offs,
 * absences, one-person models) and load.ts (Accountables across engagements).
 */
import type { MatrixCell, OwnershipFinding } from '../contract/matrix';
import { checkContext } from './checkContext';
import { absenceGapFinding, busFactorFinding, onlyPersonFinding, rollOffFindings } from './continuity';
import type { EngagementFacts } from './facts';
import { staffingFindings } from './staffing';
import { SEVERITY_ORDER } from './vocabulary';

export { busFactor } from './continuity';
export { accountableLoad, type EngagementLoad, overloadFindings } from './load';

/**
 * Every finding of one engagement, from its facts and its cells (`resolveCells(facts)`), sorted.
 * Cell checks run on applicable cells that are not inherited: an inherited gap is reported once, on
 * the model's cell, whose reason says how many assets inherit it. Model checks (only person, bus
 * factor) run per model row. Overloaded Accountables need every engagement: see `overloadFindings`.
 */
export function engagementFindings(facts: EngagementFacts, cells: readonly MatrixCell[]): OwnershipFinding[] {
  const ctx = checkContext(facts, cells);
  const out: OwnershipFinding[] = [];
  for (const cell of cells) {
    if (!cell.applicable || cell.inherited) continue;
    out.push(...staffingFindings(ctx, cell), ...rollOffFindings(ctx, cell));
    const gap = absenceGapFinding(ctx, cell);
    if (gap) out.push(gap);
  }
  for (const row of facts.rows) {
    if (row.kind !== 'model') continue;
    const only = onlyPersonFinding(ctx, row);
    if (only) out.push(only);
    const bus = busFactorFinding(ctx, row);
    if (bus) out.push(bus);
  }
  return sortFindings(out);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Findings worst first (errors, warnings, notices), then by the day they turn on (undated ones, true
 * today, first), then by reason, then by key so the order never depends on the input's.
 */
export function sortFindings<T extends OwnershipFinding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      byText(a.date ?? '', b.date ?? '') ||
      byText(a.reason, b.reason) ||
      byText(a.key, b.key),
  );
}
