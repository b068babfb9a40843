import type { SpecialistRole } from '@shared/clients/rules/reference';
import { addDays } from '@shared/kernel/days';
import { amountFor, vatOn } from '@shared/kernel/money';
import { firstDayOf, lastDayOf } from './months';
import { type Rate, type RateSource, rateOn } from './rates';

/**
 * The invoice of one engagement for one month, computed from its time
 * entries. The rules, in order:
 *
 * 1. Each entry's minutes are rounded UP to the engagement's increment
 *    (none, 6, 15 or 30 minutes) for billing; the raw minutes are kept.
 * 2. Per specialist, the month is cut into rate periods: maximal runs of days
 *    on which the same rate applies (an override beats the role rate). A rate
 *    change in the middle of the month therefore splits the line at the
 *    change date.
 * 3. One line per specialist × rate period with entries: billed minutes,
 *    hours, hourly rate and amount = billed minutes × rate ÷ 60, rounded ONCE
 *    to the currency's minor unit, half away from zero.
 * 4. Net = the sum of the line amounts (never re-rounded).
 * 5. VAT = net × the client's rate in basis points ÷ 10,000, rounded once on
 *    the total. Gross = net + VAT.
 *
 * Entries on a day with no rate in effect are not billed: they are returned
 * as `unrated` so the review can refuse to close the month until a rate exists.
 *
 * Non-billable entries (a replacement's hand-over, or marked so by finance)
 * sit on the line of their rate period as `nonBillableMinutes`, never rounded
 * and never in the amount; everything above applies to billable entries only.
 */
export const ROUNDING_INCREMENTS = [0, 6, 15, 30] as const;
export type RoundingIncrement = (typeof ROUNDING_INCREMENTS)[number];

export type BillingEntry = {
  specialistId: string;
  date: string;
  minutes: number;
  /** Absent or true (1): billed. False (0): shown apart, not billed. SQL rows carry 0/1. */
  billable?: boolean | 0 | 1;
};

/** Whether an entry is billed (absent counts as billable). */
export const isBillable = (e: Pick<BillingEntry, 'billable'>): boolean => e.billable === undefined || Boolean(e.billable);
export type BillingSpecialist = { id: string; name: string; role: SpecialistRole };

export type InvoiceInput = {
  month: string;
  currency: string;
  roundingMinutes: RoundingIncrement;
  vatBasisPoints: number;
  entries: readonly BillingEntry[];
  specialists: readonly BillingSpecialist[];
  rates: readonly Rate[];
};

export type InvoiceLine = {
  specialistId: string;
  specialistName: string;
  role: SpecialistRole;
  fromDate: string;
  toDate: string;
  rateId: string;
  rateSource: RateSource;
  hourlyRateMinor: number;
  /** Entries on the line, billable or not. */
  entryCount: number;
  /** Billable minutes as entered. */
  minutes: number;
  /** Billable minutes after the rounding increment: what is billed. */
  billedMinutes: number;
  /** Non-billable minutes as entered: shown, not billed. */
  nonBillableMinutes: number;
  amountMinor: number;
};

export type Unrated = { specialistId: string; specialistName: string; dates: string[]; minutes: number };

export type InvoiceComputation = {
  month: string;
  currency: string;
  roundingMinutes: RoundingIncrement;
  lines: InvoiceLine[];
  minutes: number;
  billedMinutes: number;
  nonBillableMinutes: number;
  netMinor: number;
  vatBasisPoints: number;
  vatMinor: number;
  grossMinor: number;
  unrated: Unrated[];
};

/** Minutes billed for one entry: rounded up to the increment (0 = as entered). */
export function billedMinutes(minutes: number, increment: RoundingIncrement): number {
  return increment === 0 ? minutes : Math.ceil(minutes / increment) * increment;
}

type Period = { fromDate: string; toDate: string; rate: Rate; source: RateSource };

/**
 * The month's days cut into runs with one rate each (days without a rate are
 * skipped). The applicable rate can only change on a day some rate takes
 * effect, so only the month's first day and those days are looked at.
 */
export function ratePeriods(month: string, specialist: BillingSpecialist, rates: readonly Rate[]): Period[] {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const own = rates.filter((r) => r.specialistId === specialist.id || (r.specialistId === null && r.role === specialist.role));
  const starts = [...new Set([first, ...own.map((r) => r.effectiveFrom).filter((d) => d > first && d <= last)])].sort();
  const periods: Period[] = [];
  starts.forEach((start, i) => {
    const next = starts[i + 1];
    const end = next ? addDays(next, -1) : last;
    const applied = rateOn(own, specialist, start);
    const previous = periods[periods.length - 1];
    if (!applied) return;
    if (previous && previous.rate.id === applied.rate.id && addDays(previous.toDate, 1) === start) previous.toDate = end;
    else periods.push({ fromDate: start, toDate: end, rate: applied.rate, source: applied.source });
  });
  return periods;
}

export function computeInvoice(input: InvoiceInput): InvoiceComputation {
  const bySpecialist = new Map<string, BillingEntry[]>();
  for (const entry of input.entries) {
    const list = bySpecialist.get(entry.specialistId);
    if (list) list.push(entry);
    else bySpecialist.set(entry.specialistId, [entry]);
  }
  const lines: InvoiceLine[] = [];
  const unrated: Unrated[] = [];
  const specialists = [...input.specialists].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  for (const specialist of specialists) {
    const entries = bySpecialist.get(specialist.id);
    if (!entries?.length) continue;
    const periods = ratePeriods(input.month, specialist, input.rates);
    const missing: Unrated = { specialistId: specialist.id, specialistName: specialist.name, dates: [], minutes: 0 };
    const totals = periods.map(() => ({ count: 0, minutes: 0, billed: 0, nonBillable: 0 }));
    for (const entry of entries) {
      const i = periods.findIndex((p) => entry.date >= p.fromDate && entry.date <= p.toDate);
      const total = totals[i];
      if (!total) {
        missing.minutes += entry.minutes;
        if (!missing.dates.includes(entry.date)) missing.dates.push(entry.date);
        continue;
      }
      total.count++;
      if (!isBillable(entry)) {
        total.nonBillable += entry.minutes;
        continue;
      }
      total.minutes += entry.minutes;
      total.billed += billedMinutes(entry.minutes, input.roundingMinutes);
    }
    periods.forEach((period, i) => {
      const total = totals[i];
      if (!total?.count) return;
      lines.push({
        specialistId: specialist.id,
        specialistName: specialist.name,
        role: specialist.role,
        fromDate: period.fromDate,
        toDate: period.toDate,
        rateId: period.rate.id,
        rateSource: period.source,
        hourlyRateMinor: period.rate.hourlyRateMinor,
        entryCount: total.count,
        minutes: total.minutes,
        billedMinutes: total.billed,
        nonBillableMinutes: total.nonBillable,
        amountMinor: amountFor(total.billed, period.rate.hourlyRateMinor),
      });
    });
    if (missing.minutes) unrated.push({ ...missing, dates: missing.dates.sort() });
  }
  const netMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const vatMinor = vatOn(netMinor, input.vatBasisPoints);
  return {
    month: input.month,
    currency: input.currency,
    roundingMinutes: input.roundingMinutes,
    lines,
    minutes: lines.reduce((sum, l) => sum + l.minutes, 0),
    billedMinutes: lines.reduce((sum, l) => sum + l.billedMinutes, 0),
    nonBillableMinutes: lines.reduce((sum, l) => sum + l.nonBillableMinutes, 0),
    netMinor,
    vatBasisPoints: input.vatBasisPoints,
    vatMinor,
    grossMinor: netMinor + vatMinor,
    unrated,
  };
}
