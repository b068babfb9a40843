import { day } from '@renderer/components/dates';
import type { Holding, PersonLoad } from '@shared/ownership/contract/matrix';
import { ROLE_LABELS, ROLES } from '@shared/ownership/rules/vocabulary';

/** What a person holds on one engagement: the backend's holdings of their load, Accountable first, then by row and duty. */
export function holdingsOn(load: PersonLoad, engagementId: string): Holding[] {
  return load.holdings
    .filter((h) => h.engagementId === engagementId)
    .sort(
      (a, b) =>
        ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.targetName.localeCompare(b.targetName) || a.dutyName.localeCompare(b.dutyName),
    );
}

export type DutyCounts = { total: number; accountable: number; inherited: number };

/** Each holding is one asset-duty in one role (a model's duty counts again on each asset that inherits it, as the matrix counts). */
export function countDuties(holdings: readonly Holding[]): DutyCounts {
  return {
    total: holdings.length,
    accountable: holdings.filter((h) => h.role === 'accountable').length,
    inherited: holdings.filter((h) => h.inherited).length,
  };
}

export const dutiesWord = (n: number): string => `${n} ${n === 1 ? 'duty' : 'duties'}`;

/** "5 duties · 2 Accountable", or "1 duty". */
export function dutiesSummary({ total, accountable }: DutyCounts): string {
  return accountable > 0 ? `${dutiesWord(total)} · ${accountable} Accountable` : dutiesWord(total);
}

/** One holding in words: "Churn model — Deployment: Accountable (through its model)". */
export function holdingLine(h: Holding): string {
  return `${h.targetName} — ${h.dutyName}: ${ROLE_LABELS[h.role]}${h.inherited ? ' (through its model)' : ''}`;
}

/** A hover text listing what a person holds on an engagement on a day. */
export function holdingsTitle(name: string, asOf: string, holdings: readonly Holding[]): string {
  const where = holdings[0]?.engagementName ?? 'this engagement';
  if (holdings.length === 0) return `${name} holds no duties on ${where} on ${day(asOf)}.`;
  return [`${name} holds on ${where} on ${day(asOf)}:`, ...holdings.map(holdingLine)].join('\n');
}
