import { format, parseISO } from 'date-fns';

/** `2026-11-02` → `Mon`. */
export const weekdayOf = (date: string) => format(parseISO(date), 'EEE');
/** `2026-11-02` → `2 Nov`. */
export const dayMonthOf = (date: string) => format(parseISO(date), 'd MMM');
/** `2026-11-02` → `Mon 2 Nov`. */
export const shortDate = (date: string) => format(parseISO(date), 'EEE d MMM');

/** `2026-11-02`, `2026-11-08` → `2–8 Nov 2026` (or across months and years). */
export function rangeLabel(from: string, to: string): string {
  const a = parseISO(from);
  const b = parseISO(to);
  if (from.slice(0, 7) === to.slice(0, 7)) return `${format(a, 'd')}–${format(b, 'd MMM yyyy')}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${format(a, 'd MMM')} – ${format(b, 'd MMM yyyy')}`;
  return `${format(a, 'd MMM yyyy')} – ${format(b, 'd MMM yyyy')}`;
}

/** ISO week number of a date. */
export const isoWeekOf = (date: string) => Number(format(parseISO(date), 'I'));
