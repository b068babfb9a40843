import { format, isValid, parse } from 'date-fns';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE = new Date(2000, 0, 1);

/**
 * True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30).
 * Parsed and formatted in local time on purpose: a date has no time zone, and
 * mixing local parsing with UTC formatting shifts it by a day east of UTC.
 */
export function isIsoDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = parse(value, 'yyyy-MM-dd', REFERENCE);
  return isValid(d) && format(d, 'yyyy-MM-dd') === value;
}

/** Compares two `YYYY-MM-DD` dates; lexical order is calendar order. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The window of dates with a business meaning in Keel: nothing was staffed, billed or
 * absent before 1990, and nothing is planned after 2100. Every date a user types is
 * bounded by it (the schemas' `isoDate`), on top of the record's own bounds (inside the
 * engagement, after the person joined), so "0001-01-01" or "9999-12-31" never reach a
 * screen as "513,947 business days late".
 */
export const PLAUSIBLE_DATES = { from: '1990-01-01', to: '2100-12-31' } as const;

/** True when a real `YYYY-MM-DD` date lies in Keel's plausible window. */
export function isPlausibleDate(value: string): boolean {
  return value >= PLAUSIBLE_DATES.from && value <= PLAUSIBLE_DATES.to;
}

/** True when a `YYYY-MM` month lies in Keel's plausible window. */
export function isPlausibleMonth(value: string): boolean {
  return value >= PLAUSIBLE_DATES.from.slice(0, 7) && value <= PLAUSIBLE_DATES.to.slice(0, 7);
}

export const PLAUSIBLE_DATES_MESSAGE = 'must be between 1990 and 2100';

const labels = new Map<string, string>();

/**
 * `2026-11-30` → `30 Nov 2026`: a date in a message reads the way the screens show it. Remembered per
 * date (a check over every engagement writes the same few hundred dates into thousands of sentences).
 */
export function dateLabel(value: string): string {
  const known = labels.get(value);
  if (known !== undefined) return known;
  const label = isIsoDate(value) ? format(parse(value, 'yyyy-MM-dd', REFERENCE), 'd MMM yyyy') : value;
  if (labels.size >= 10_000) labels.clear();
  labels.set(value, label);
  return label;
}
