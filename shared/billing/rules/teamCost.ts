import type { SpecialistRole } from '@shared/clients/rules/reference';
import { amountFor } from '@shared/kernel/money';
import { billedMinutes, type RoundingIncrement } from './invoice';
import { type Rate, rateOn } from './rates';

/** A time entry on a model, as the team's cost of running it reads it. */
export type ModelEntry = {
  modelId: string;
  engagementId: string;
  specialistId: string;
  role: SpecialistRole;
  date: string;
  minutes: number;
  billable: boolean;
};

export type TeamCost = { billedMinutes: number; amountMinor: number; unratedMinutes: number };

/**
 * What the team's hours on each model cost the client per month: billable minutes rounded by the engagement's
 * increment, at the rate that applied that day (the specialist's override, else the role's) — the invoice's own
 * rules, per model. Keyed `${modelId}|${YYYY-MM}`; minutes without a rate are counted apart, never priced.
 */
export function teamCostByModel(
  entries: readonly ModelEntry[],
  ratesOf: (engagementId: string) => readonly Rate[],
  roundingOf: (engagementId: string) => RoundingIncrement,
): Map<string, TeamCost> {
  const sums = new Map<string, { billed: number; unrated: number; byRate: Map<number, number> }>();
  for (const e of entries) {
    if (!e.billable) continue;
    const key = `${e.modelId}|${e.date.slice(0, 7)}`;
    let s = sums.get(key);
    if (!s) {
      s = { billed: 0, unrated: 0, byRate: new Map() };
      sums.set(key, s);
    }
    const applied = rateOn(ratesOf(e.engagementId), { id: e.specialistId, role: e.role }, e.date);
    if (!applied) {
      s.unrated += e.minutes;
      continue;
    }
    const billed = billedMinutes(e.minutes, roundingOf(e.engagementId));
    s.billed += billed;
    s.byRate.set(applied.rate.hourlyRateMinor, (s.byRate.get(applied.rate.hourlyRateMinor) ?? 0) + billed);
  }
  const out = new Map<string, TeamCost>();
  for (const [key, s] of sums) {
    let amount = 0;
    for (const [rate, minutes] of s.byRate) amount += amountFor(minutes, rate);
    out.set(key, { billedMinutes: s.billed, amountMinor: amount, unratedMinutes: s.unrated });
  }
  return out;
}
