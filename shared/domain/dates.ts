import { isValid, parseISO } from 'date-fns';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = parseISO(value);
  // parseISO rolls nothing over, but be explicit: the formatted date must round-trip.
  return isValid(d) && d.toISOString().slice(0, 10) === value;
}

/** Compares two `YYYY-MM-DD` dates; lexical order is calendar order. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
