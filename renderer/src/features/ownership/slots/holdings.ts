import { day } from '@renderer/components/dates';
import type { Holding, PersonLoad } from '@shared/ownership/contract/matrix';
import { ROLE_LABELS, ROLES } from '@shared/ownership/rules/vocabulary';

/**
 * One duty a person holds: an assignment on a model or an asset (a row of the matrix, a duty, a role),
 * with the assets that inherit it from the model. This is what a hand-over moves.
 */
export type HeldDuty = {
  /** The holding on the assignment's own row (a model's, or an asset's override). */
  holding: Holding;
  /** The assets that hold it through their model, by name. */
  inheritedBy: string[];
};

/**
 * What a person holds on one engagement, one entry per assignment: the backend lists a model's duty once
 * on the model and again on each asset that inherits it; those are folded under the model's entry.
 * Accountable first, then by row and duty.
 */
export function dutiesOn(load: PersonLoad, engagementId: string): HeldDuty[] {
  const mine = load.holdings.filter((h) => h.engagementId === engagementId);
  const key = (h: Holding) => `${h.assignmentId}:${h.role}`;
  const own = new Map(mine.filter((h) => !h.inherited).map((h) => [key(h), { holding: h, inheritedBy: [] as string[] }]));
  const orphans: HeldDuty[] = [];
  for (const h of mine.filter((x) => x.inherited)) {
    const parent = own.get(key(h));
    if (parent) parent.inheritedBy.push(h.targetName);
    else orphans.push({ holding: h, inheritedBy: [] });
  }
  for (const d of own.values()) d.inheritedBy.sort((a, b) => a.localeCompare(b));
  return [...own.values(), ...orphans].sort(
    (a, b) =>
      ROLES.indexOf(a.holding.role) - ROLES.indexOf(b.holding.role) ||
      a.holding.targetName.localeCompare(b.holding.targetName) ||
      a.holding.dutyName.localeCompare(b.holding.dutyName),
  );
}

export type DutyCounts = { total: number; accountable: number };

export function countDuties(duties: readonly HeldDuty[]): DutyCounts {
  return { total: duties.length, accountable: duties.filter((d) => d.holding.role === 'accountable').length };
}

export const dutiesWord = (n: number): string => `${n} ${n === 1 ? 'duty' : 'duties'}`;

/** "5 duties · 2 Accountable", or "1 duty". */
export function dutiesSummary({ total, accountable }: DutyCounts): string {
  return accountable > 0 ? `${dutiesWord(total)} · ${accountable} Accountable` : dutiesWord(total);
}

/** "and its 3 assets" / "and 1 asset through it". */
export const assetsWord = (n: number): string => `${n} ${n === 1 ? 'asset' : 'assets'}`;

/** One duty in words: "Credit scoring v3 — Deployment: Accountable (and 2 assets through the model)". */
export function dutyLine({ holding: h, inheritedBy }: HeldDuty): string {
  const through =
    inheritedBy.length > 0 ? ` (and ${assetsWord(inheritedBy.length)} through the model)` : h.inherited ? ' (through its model)' : '';
  return `${h.targetName} — ${h.dutyName}: ${ROLE_LABELS[h.role]}${through}`;
}

/** A hover text listing what a person holds on an engagement on a day. */
export function dutiesTitle(name: string, asOf: string, duties: readonly HeldDuty[]): string {
  const where = duties[0]?.holding.engagementName ?? 'this engagement';
  if (duties.length === 0) return `${name} holds no duties on ${where} on ${day(asOf)}.`;
  return [`${name} holds on ${where} on ${day(asOf)}:`, ...duties.map(dutyLine)].join('\n');
}
