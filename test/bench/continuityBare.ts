import { publicHolidays } from '@backend/core/calendars';
import type { ClockState } from '@shared/kernel/businessClock';
import type { PauseRange } from '@shared/kernel/businessDays';
import { type Day, fromDay, isWeekend as isWeekendDay, toDay } from '@shared/kernel/days';
import { addDays, isWeekend, lightFormat, parseISO } from 'date-fns';

/**
 * The continuity clock written by hand, twice, as the floor Keel's clock
 * (shared/domain/continuity/clock.ts) is measured against: the same rule
 * (due date = Nth counting business day after the submission date; elapsed =
 * counting days in (submitted, today or the close]; met / breached /
 * cancelled / at risk at 50% / on track), the same requests, the same holiday
 * sets, then the board's order (least time left, then the earlier due date).
 *
 * - `dateFnsClocks`: a plain loop of date-fns arithmetic, as one would write
 *   it without Keel: parseISO the dates, step with addDays, skip isWeekend,
 *   look holidays up in a Set, compare pauses as timestamps.
 * - `dayNumberClocks`: the same loop on integer day numbers, no Date objects
 *   and no library: what the domain's walk costs with every abstraction
 *   (per-year holiday lookups, the walk object, the Clock record) taken out.
 *
 * Both start from the requests' date strings, as runClock does. The holiday
 * sets come from the same date-holidays calendars as Keel's and are built
 * once, before timing, over every year the walks reach (Keel's calendars are
 * cached after first use in the same way).
 */

export type ClockRequest = {
  calendar: string;
  allowance: number;
  submittedOn: string;
  pauses: readonly PauseRange[];
  deliveredOn: string | null;
  cancelledOn: string | null;
};

/** What both sides must agree on for each request, in board order. */
export type BoardEntry = { index: number; dueDate: string; elapsed: number; state: ClockState };

const AT_RISK_PERCENT = 50;

/** Public holidays per calendar over [fromYear, toYear], as day numbers and as local-midnight timestamps. */
export function bareHolidays(calendars: Iterable<string>, fromYear: number, toYear: number) {
  const days = new Map<string, ReadonlySet<Day>>();
  const times = new Map<string, ReadonlySet<number>>();
  for (const code of calendars) {
    const [country = '', subdivision = ''] = code.split('-');
    const set = new Set<Day>();
    for (let year = fromYear; year <= toYear; year++) for (const d of publicHolidays(country, subdivision, year)) set.add(d);
    days.set(code, set);
    times.set(code, new Set([...set].map((d) => parseISO(fromDay(d)).getTime())));
  }
  return { days, times };
}

type DateFnsRow = { index: number; due: Date; elapsed: number; allowance: number; state: ClockState };

/** The board with date-fns: every request's clock, then sorted. */
export function dateFnsClocks(
  requests: readonly ClockRequest[],
  holidays: ReadonlyMap<string, ReadonlySet<number>>,
  todayIso: string,
): DateFnsRow[] {
  const today = parseISO(todayIso);
  const rows: DateFnsRow[] = [];
  for (let index = 0; index < requests.length; index++) {
    const r = requests[index] as ClockRequest;
    const off = holidays.get(r.calendar) as ReadonlySet<number>;
    const pauses = r.pauses.map((p) => ({ from: parseISO(p.startDate).getTime(), to: parseISO(p.endDate).getTime() }));
    const delivered = r.deliveredOn === null ? null : parseISO(r.deliveredOn);
    const cancelled = r.cancelledOn === null ? null : parseISO(r.cancelledOn);
    const stop = (delivered ?? cancelled ?? today).getTime();
    let day = parseISO(r.submittedOn);
    let counted = 0;
    let elapsed = 0;
    let due: Date | null = null;
    while (due === null || day.getTime() < stop) {
      day = addDays(day, 1);
      const t = day.getTime();
      if (isWeekend(day) || off.has(t) || pauses.some((p) => p.from <= t && t <= p.to)) continue;
      counted++;
      if (t <= stop) elapsed++;
      if (counted === r.allowance) due = day;
    }
    let state: ClockState;
    if (delivered) state = delivered.getTime() <= due.getTime() ? 'met' : 'breached';
    else if (cancelled) state = cancelled.getTime() > due.getTime() ? 'breached' : 'cancelled';
    else if (today.getTime() > due.getTime()) state = 'breached';
    else state = Math.floor((elapsed * 100) / r.allowance) >= AT_RISK_PERCENT ? 'at_risk' : 'on_track';
    rows.push({ index, due, elapsed, allowance: r.allowance, state });
  }
  // Time left = remaining − late (a breach is at least one day late); ties to the earlier due date.
  return rows.sort((a, b) => timeLeft(a) - timeLeft(b) || a.due.getTime() - b.due.getTime());
}

function timeLeft(r: { elapsed: number; allowance: number; state: ClockState }): number {
  return r.state === 'breached' ? -Math.max(1, r.elapsed - r.allowance) : r.allowance - r.elapsed;
}

export const dateFnsEntries = (rows: readonly DateFnsRow[]): BoardEntry[] =>
  rows.map((r) => ({ index: r.index, dueDate: lightFormat(r.due, 'yyyy-MM-dd'), elapsed: r.elapsed, state: r.state }));

type DayRow = { index: number; due: Day; elapsed: number; allowance: number; state: ClockState };

/** The board on day numbers: the same loop without Date objects. */
export function dayNumberClocks(
  requests: readonly ClockRequest[],
  holidays: ReadonlyMap<string, ReadonlySet<Day>>,
  todayIso: string,
): DayRow[] {
  const today = toDay(todayIso);
  const rows: DayRow[] = [];
  for (let index = 0; index < requests.length; index++) {
    const r = requests[index] as ClockRequest;
    const off = holidays.get(r.calendar) as ReadonlySet<Day>;
    const pauses = r.pauses.map((p) => ({ from: toDay(p.startDate), to: toDay(p.endDate) }));
    const delivered = r.deliveredOn === null ? null : toDay(r.deliveredOn);
    const cancelled = r.cancelledOn === null ? null : toDay(r.cancelledOn);
    const stop = delivered ?? cancelled ?? today;
    let day = toDay(r.submittedOn);
    let counted = 0;
    let elapsed = 0;
    let due = -1;
    while (due < 0 || day < stop) {
      day++;
      if (isWeekendDay(day) || off.has(day)) continue;
      let paused = false;
      for (const p of pauses) if (p.from <= day && day <= p.to) paused = true;
      if (paused) continue;
      counted++;
      if (day <= stop) elapsed++;
      if (counted === r.allowance) due = day;
    }
    let state: ClockState;
    if (delivered !== null) state = delivered <= due ? 'met' : 'breached';
    else if (cancelled !== null) state = cancelled > due ? 'breached' : 'cancelled';
    else if (today > due) state = 'breached';
    else state = Math.floor((elapsed * 100) / r.allowance) >= AT_RISK_PERCENT ? 'at_risk' : 'on_track';
    rows.push({ index, due, elapsed, allowance: r.allowance, state });
  }
  return rows.sort((a, b) => timeLeft(a) - timeLeft(b) || a.due - b.due);
}

export const dayNumberEntries = (rows: readonly DayRow[]): BoardEntry[] =>
  rows.map((r) => ({ index: r.index, dueDate: fromDay(r.due), elapsed: r.elapsed, state: r.state }));
