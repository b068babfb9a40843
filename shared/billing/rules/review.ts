import { type Day, type DayRange, intersect, toDay } from '@shared/kernel/days';
import { noErrorsIn } from '@shared/kernel/severity';
import { DAY_AVAILABLE, dayStates } from '@shared/plan/rules/capacity';
import { formatHours } from './duration';
import {
  type BillingEntry,
  type BillingSpecialist,
  computeInvoice,
  type InvoiceComputation,
  type InvoiceInput,
  isBillable,
} from './invoice';
import { datesOf, firstDayOf, lastDayOf } from './months';

/**
 * What a manager checks before approving a month: hours per specialist, the
 * computed invoice, and the warnings. Warnings never change a number: an
 * exceeded cap is flagged, never cut.
 *
 * - Caps: an optional monthly cap for the engagement and per specialist on
 *   it, compared with billed minutes.
 * - Outside allocation: when the engagement uses allocations at all, a day
 *   with hours that no live allocation of that specialist to it covers.
 * - Missing days: working days (Monday–Friday, not a public holiday of the
 *   specialist's home calendar, not an absence) covered by their allocation
 *   to this engagement, with no entry — up to `asOf` (yesterday, for a month
 *   still running).
 * - Long days: more than the daily threshold on this engagement.
 * - No rate: hours on days without a rate in effect — an error: the month
 *   cannot be approved until a rate exists.
 */
export type ReviewAllocation = { specialistId: string; startDate: string; endDate: string };

export type ReviewSpecialist = BillingSpecialist & {
  holidays: ReadonlySet<Day>;
  absences: readonly DayRange[];
  employedFrom: string;
  /** Optional cap for this specialist on this engagement, in minutes per month. */
  capMinutes: number | null;
};

export type ReviewInput = Omit<InvoiceInput, 'specialists'> & {
  specialists: readonly ReviewSpecialist[];
  /** Live allocations to this engagement touching the month. */
  allocations: readonly ReviewAllocation[];
  /** Whether the engagement has any live allocation at all (if not, allocation checks are off). */
  usesAllocations: boolean;
  engagementCapMinutes: number | null;
  dailyThresholdMinutes: number;
  /** Working days after this date are not missing yet (the month is still running); all days count when omitted. */
  asOf?: string;
};

export type ReviewWarningKind = 'no_rate' | 'engagement_cap' | 'specialist_cap' | 'outside_allocation' | 'missing_days' | 'long_days';

export type ReviewWarning = {
  kind: ReviewWarningKind;
  severity: 'error' | 'warning';
  specialistId: string | null;
  message: string;
  dates: string[];
};

export type SpecialistMonth = {
  specialistId: string;
  specialistName: string;
  /** Every minute recorded, billable or not. */
  minutes: number;
  billedMinutes: number;
  /** Minutes recorded as not billable (a hand-over, or marked by finance): shown apart, never billed. */
  nonBillableMinutes: number;
  entryCount: number;
  capMinutes: number | null;
  /** Minutes per date, for the month grid. */
  byDate: Record<string, number>;
  missingDates: string[];
  outsideAllocationDates: string[];
  longDates: string[];
};

export type MonthReview = {
  invoice: InvoiceComputation;
  specialists: SpecialistMonth[];
  /** Minutes recorded per date of the month (every date present), and in all — hours without a rate included. */
  dayTotals: Record<string, number>;
  minutes: number;
  /** Of `minutes`, those not billable. */
  nonBillableMinutes: number;
  warnings: ReviewWarning[];
  /** True when nothing blocks approval (no error-level warning). */
  canApprove: boolean;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listDates(dates: readonly string[]): string {
  const shown = dates.slice(0, 5).join(', ');
  return dates.length > 5 ? `${shown} and ${dates.length - 5} more` : shown;
}

export function monthReview(input: ReviewInput): MonthReview {
  const invoice = computeInvoice(input);
  const month: DayRange = { from: toDay(firstDayOf(input.month)), to: toDay(lastDayOf(input.month)) };
  const monthDates = datesOf(input.month);
  const lastCounted = input.asOf === undefined ? month.to : toDay(input.asOf);
  const warnings: ReviewWarning[] = [];
  const rows: SpecialistMonth[] = [];
  const entriesBySpecialist = new Map<string, BillingEntry[]>();
  for (const e of input.entries) {
    const list = entriesBySpecialist.get(e.specialistId);
    if (list) list.push(e);
    else entriesBySpecialist.set(e.specialistId, [e]);
  }

  for (const s of [...input.specialists].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))) {
    const entries = entriesBySpecialist.get(s.id) ?? [];
    const covered = input.allocations
      .filter((a) => a.specialistId === s.id)
      .map((a) => intersect({ from: toDay(a.startDate), to: toDay(a.endDate) }, month))
      .filter((r): r is DayRange => r !== null);
    if (!entries.length && !covered.length) continue;
    const byDate: Record<string, number> = {};
    let minutes = 0;
    let billed = 0;
    let nonBillable = 0;
    for (const e of entries) {
      byDate[e.date] = (byDate[e.date] ?? 0) + e.minutes;
      minutes += e.minutes;
      if (!isBillable(e)) nonBillable += e.minutes;
    }
    for (const line of invoice.lines) if (line.specialistId === s.id) billed += line.billedMinutes;
    const isCovered = (day: Day) => covered.some((r) => day >= r.from && day <= r.to);
    const dates = Object.keys(byDate).sort();
    const outside = input.usesAllocations ? dates.filter((d) => !isCovered(toDay(d))) : [];
    const long = dates.filter((d) => (byDate[d] ?? 0) > input.dailyThresholdMinutes);
    const states = dayStates({ range: month, holidays: s.holidays, absences: s.absences, employedFrom: toDay(s.employedFrom) });
    const missing: string[] = [];
    for (let day = month.from; day <= Math.min(month.to, lastCounted); day++) {
      if (states[day - month.from] !== DAY_AVAILABLE || !isCovered(day)) continue;
      const date = monthDates[day - month.from] as string;
      if (byDate[date] === undefined) missing.push(date);
    }
    rows.push({
      specialistId: s.id,
      specialistName: s.name,
      minutes,
      billedMinutes: billed,
      nonBillableMinutes: nonBillable,
      entryCount: entries.length,
      capMinutes: s.capMinutes,
      byDate,
      missingDates: missing,
      outsideAllocationDates: outside,
      longDates: long,
    });
    if (s.capMinutes !== null && billed > s.capMinutes) {
      warnings.push({
        kind: 'specialist_cap',
        severity: 'warning',
        specialistId: s.id,
        message: `${s.name} has ${formatHours(billed)} billable, above their cap of ${formatHours(s.capMinutes)} by ${formatHours(billed - s.capMinutes)}. Nothing is cut: agree the excess with the client or correct the entries.`,
        dates: [],
      });
    }
    if (outside.length) {
      warnings.push({
        kind: 'outside_allocation',
        severity: 'warning',
        specialistId: s.id,
        message: `${s.name} has hours on ${plural(outside.length, 'day')} no allocation to this engagement covers: ${listDates(outside)}.`,
        dates: outside,
      });
    }
    if (missing.length) {
      warnings.push({
        kind: 'missing_days',
        severity: 'warning',
        specialistId: s.id,
        message: `${s.name} has no hours on ${plural(missing.length, 'working day')} of their allocation: ${listDates(missing)}.`,
        dates: missing,
      });
    }
    if (long.length) {
      warnings.push({
        kind: 'long_days',
        severity: 'warning',
        specialistId: s.id,
        message: `${s.name} logged more than ${formatHours(input.dailyThresholdMinutes)} on ${plural(long.length, 'day')}: ${listDates(long)}.`,
        dates: long,
      });
    }
  }
  for (const u of invoice.unrated) {
    warnings.unshift({
      kind: 'no_rate',
      severity: 'error',
      specialistId: u.specialistId,
      message: `${u.specialistName} has ${formatHours(u.minutes)} on days without a rate (${listDates(u.dates)}). Add a rate for their role or for them, effective on or before ${u.dates[0]}.`,
      dates: u.dates,
    });
  }
  if (input.engagementCapMinutes !== null && invoice.billedMinutes > input.engagementCapMinutes) {
    const over = invoice.billedMinutes - input.engagementCapMinutes;
    warnings.unshift({
      kind: 'engagement_cap',
      severity: 'warning',
      specialistId: null,
      message: `The engagement has ${formatHours(invoice.billedMinutes)} billable, above its monthly cap of ${formatHours(input.engagementCapMinutes)} by ${formatHours(over)}. Nothing is cut.`,
      dates: [],
    });
  }
  const dayTotals: Record<string, number> = Object.fromEntries(monthDates.map((d) => [d, 0]));
  for (const e of input.entries) dayTotals[e.date] = (dayTotals[e.date] ?? 0) + e.minutes;
  const minutes = input.entries.reduce((n, e) => n + e.minutes, 0);
  const nonBillableMinutes = input.entries.reduce((n, e) => n + (isBillable(e) ? 0 : e.minutes), 0);
  return { invoice, specialists: rows, dayTotals, minutes, nonBillableMinutes, warnings, canApprove: noErrorsIn(warnings) };
}
