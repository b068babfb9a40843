import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';

/**
 * Submissions are recorded as instants (ISO-8601 UTC) and read in the
 * client's time zone: a request sent at 23:30 on a Friday in New York is a
 * Friday request even though it is already Saturday in UTC. Conversions use
 * @date-fns/tz, which follows the IANA rules including daylight saving.
 */

/** True for an IANA time zone name this runtime knows (Europe/Zurich, America/New_York, UTC). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of an instant in a time zone (YYYY-MM-DD). */
export function localDateOf(instant: string, timeZone: string): string {
  return format(new Date(instant), 'yyyy-MM-dd', { in: tz(timeZone) });
}

/** The calendar date and wall-clock time (HH:mm) of an instant in a time zone, in one conversion. */
export function localDateTimeOf(instant: string, timeZone: string): { date: string; time: string } {
  const text = format(new Date(instant), 'yyyy-MM-dd HH:mm', { in: tz(timeZone) });
  return { date: text.slice(0, 10), time: text.slice(11) };
}

/** The wall-clock time of an instant in a time zone (HH:mm). */
export function localTimeOf(instant: string, timeZone: string): string {
  return format(new Date(instant), 'HH:mm', { in: tz(timeZone) });
}

/**
 * The instant of a wall-clock date and time in a time zone, ISO-8601 UTC. A
 * time skipped by a daylight-saving change (02:30 on the spring-forward night
 * in Zurich) moves forward by the gap, as clocks do.
 */
export function instantOf(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, timeZone).getTime()).toISOString();
}
