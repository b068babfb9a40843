import { addDays, monthEnd } from '@shared/kernel/days';

/** A billing month is written `YYYY-MM`. */
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export const monthOf = (date: string): string => date.slice(0, 7);
export const firstDayOf = (month: string): string => `${month}-01`;
export const lastDayOf = (month: string): string => monthEnd(`${month}-01`);

/** `2026-10` → `2026-11`, `2026-12` → `2027-01`. */
export function nextMonth(month: string, by = 1): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthDates = new Map<string, readonly string[]>();

/** Every date of the month, in order (kept: the month close asks for the same month once per engagement). */
export function datesOf(month: string): readonly string[] {
  let dates = monthDates.get(month);
  if (!dates) {
    const out: string[] = [];
    const last = lastDayOf(month);
    for (let d = firstDayOf(month); d <= last; d = addDays(d, 1)) out.push(d);
    dates = Object.freeze(out);
    if (monthDates.size > 240) monthDates.clear();
    monthDates.set(month, dates);
  }
  return dates;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `2026-10` → `October 2026`; the year as written, so `0099-01` never reads as 1999 or 1900. */
export function monthLabel(month: string): string {
  const year = month.slice(0, 4).replace(/^0+(?=\d)/, '');
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${year}`;
}
