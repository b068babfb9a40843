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
