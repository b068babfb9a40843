import type { SpecialistRole } from '@shared/clients/rules/reference';

/**
 * An hourly rate of an engagement, effective from a date until the next rate
 * of the same kind takes over: per role, or for one specialist (an override).
 * Rates are never rewritten: a change is a new rate with a later date, so
 * past months keep the rate they had.
 */
export type Rate = {
  id: string;
  engagementId: string;
  /** Set for a role rate; null for a specialist override. */
  role: SpecialistRole | null;
  /** Set for a specialist override; null for a role rate. */
  specialistId: string | null;
  effectiveFrom: string;
  hourlyRateMinor: number;
};

export type RateSource = 'role' | 'specialist';
export const RATE_SOURCE_LABELS: Record<RateSource, string> = { role: 'Role rate', specialist: 'Specialist override' };

export type AppliedRate = { rate: Rate; source: RateSource };

const latestOnOrBefore = (rates: readonly Rate[], date: string): Rate | null => {
  let best: Rate | null = null;
  for (const r of rates) if (r.effectiveFrom <= date && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
};

/**
 * The rate that applies to a specialist on a date: their own override if one
 * is in effect, else the rate of their role. Null when neither exists yet.
 */
export function rateOn(rates: readonly Rate[], specialist: { id: string; role: SpecialistRole }, date: string): AppliedRate | null {
  const override = latestOnOrBefore(
    rates.filter((r) => r.specialistId === specialist.id),
    date,
  );
  if (override) return { rate: override, source: 'specialist' };
  const byRole = latestOnOrBefore(
    rates.filter((r) => r.specialistId === null && r.role === specialist.role),
    date,
  );
  return byRole ? { rate: byRole, source: 'role' } : null;
}
