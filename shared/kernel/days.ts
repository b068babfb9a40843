/**
 * Calendar dates as day numbers (days since 1970-01-01) for the planning
 * loops, which walk tens of thousands of days per request: integer
 * arithmetic, no Date objects per day, and no time zone (a date has none).
 * Conversion in and out is done once, at the edges, with UTC on both sides.
 */
const MS_PER_DAY = 86_400_000;

export type Day = number;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Day number of a `YYYY-MM-DD` date, computed from its digits (the civil-from-days
 * algorithm, proleptic Gregorian): no string slicing and no Date per call, because
 * the plan converts tens of thousands of dates per request, and years 0–99 are not
 * mistaken for 1900–1999 the way Date.UTC reads them.
 */
export function toDay(iso: string): Day {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  const day = digit(iso, 8) * 10 + digit(iso, 9);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: Day): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** The Monday on or before the day (ISO weeks start on Monday). */
export function mondayOf(day: Day): Day {
  return day - ((weekday(day) + 6) % 7);
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

/** First day of the month holding `iso`, moved by `months` (may be negative). */
export function monthStart(iso: string, months = 0): string {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export function monthEnd(iso: string): string {
  return addDays(monthStart(iso, 1), -1);
}

/** Inclusive day count of a range. */
export function daysIn(from: Day, to: Day): number {
  return to < from ? 0 : to - from + 1;
}

export type DayRange = { from: Day; to: Day };

/** The shared part of two inclusive ranges, or null. */
export function intersect(a: DayRange, b: DayRange): DayRange | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : null;
}
