import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { MAX_DURATION_MINUTES } from './vocabulary';

/**
 * A ceremony's schedule: a first start in the client's zone (date and local time), a duration, and either an
 * RFC 5545 RRULE (the value after "RRULE:", e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=TH) or null for a one-off.
 * Expansion is the maintained rrule-temporal library's (wall-clock times kept across daylight-saving changes);
 * Keel only converts between its stored local date-times and instants.
 */
export type Schedule = {
  timeZone: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  rrule: string | null;
};

/**
 * One occurrence changed the way calendars change one (RFC 5545 EXDATE / RECURRENCE-ID): cancelled, or moved to
 * its own date, time and duration. `key` is the occurrence's original local start (YYYY-MM-DDTHH:MM).
 */
export type ScheduleException = {
  key: string;
  cancelled: boolean;
  date: string | null;
  time: string | null;
  durationMinutes: number | null;
};

/** One occurrence of a series in a span: its key (original local start), where it happens now, and how. */
export type Occurrence = {
  seriesId: string;
  key: string;
  /** Local date and time in the series' zone (the moved ones where they were moved to). */
  date: string;
  time: string;
  startsAt: string;
  endsAt: string;
  /** The same instants in Unix milliseconds, for the rules that compare them. */
  at: number;
  endAt: number;
  durationMinutes: number;
  moved: boolean;
  cancelled: boolean;
};

const SUB_DAILY = new Set(['HOURLY', 'MINUTELY', 'SECONDLY']);

/** The RRULE's parts, upper-cased, in their order (a plain RFC 5545 value: NAME=VALUE;…). */
export function ruleParts(rrule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, '').split(';')) {
    if (part.trim() === '') continue;
    const [name = '', ...value] = part.split('=');
    parts.set(name.trim().toUpperCase(), value.join('=').trim().toUpperCase());
  }
  return parts;
}

export function formatRule(parts: ReadonlyMap<string, string>): string {
  return [...parts].map(([name, value]) => `${name}=${value}`).join(';');
}

/** A key (YYYY-MM-DDTHH:MM) for a local date and time. */
export const keyOf = (date: string, time: string) => `${date}T${time}`;

export function zonedAt(date: string, time: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
}

const isoOf = (z: Temporal.ZonedDateTime) => new Date(z.epochMilliseconds).toISOString();
const localKey = (z: Temporal.ZonedDateTime) => z.toPlainDateTime().toString({ smallestUnit: 'minute' });

// Building a rule costs more than expanding a month of it; schedules change rarely, so the built rules are kept.
const built = new Map<string, RRuleTemporal>();
/**
 * The library's rule for a schedule. Checking a new rule keeps the library's own cap on the periods it walks (an
 * impossible rule — 30 February — fails fast); expanding a rule already accepted walks as far as it must (a daily
 * rule from 1990 has more than ten thousand days).
 */
function ruleOf(schedule: Schedule, maxIterations = 10_000): RRuleTemporal {
  const cacheKey = `${maxIterations}|${schedule.timeZone}|${schedule.startDate}|${schedule.startTime}|${schedule.rrule}`;
  let rule = built.get(cacheKey);
  if (!rule) {
    rule = new RRuleTemporal({
      rruleString: schedule.rrule ?? '',
      dtstart: zonedAt(schedule.startDate, schedule.startTime, schedule.timeZone),
      maxIterations,
    });
    if (built.size > 5_000) built.clear();
    built.set(cacheKey, rule);
  }
  return rule;
}

/**
 * What is wrong with a schedule, in a sentence, or null. The library decides what an RRULE may say; Keel adds that
 * ceremonies repeat at most daily, that the rule must yield an occurrence and that a duration is 1 minute … 24 h.
 */
export function scheduleProblem(schedule: Schedule): string | null {
  if (!Number.isInteger(schedule.durationMinutes) || schedule.durationMinutes <= 0 || schedule.durationMinutes > MAX_DURATION_MINUTES)
    return 'A ceremony lasts more than zero minutes and at most 24 hours.';
  if (schedule.rrule === null) return null;
  if (/DTSTART|[\r\n]/i.test(schedule.rrule))
    return 'Give the recurrence rule alone (FREQ=…); the start is set by the start date and time.';
  const parts = ruleParts(schedule.rrule);
  if (!parts.has('FREQ')) return 'The recurrence rule needs a FREQ (for example FREQ=WEEKLY;BYDAY=TU).';
  if (SUB_DAILY.has(parts.get('FREQ') ?? '')) return 'Ceremonies repeat at most once a day: use DAILY, WEEKLY, MONTHLY or YEARLY.';
  try {
    const rule = ruleOf(schedule);
    const first = rule.all((_, i) => i < 1);
    if (first.length === 0) return 'That recurrence rule yields no occurrence from the start date; check its days and its end.';
  } catch (error) {
    const message = (error as Error).message;
    if (/maximum iterations/i.test(message))
      return 'That recurrence rule yields no occurrence from the start date; check its days and its end.';
    return `That recurrence rule cannot be read: ${message}.`;
  }
  return null;
}

/** One original start of a schedule: its key (local YYYY-MM-DDTHH:MM in the schedule's zone) and its instant. */
export type OriginalStart = { key: string; at: number };

const YEAR_MS = 366 * 86_400_000;
const CACHE_LIMIT = 5_000;
/** Periods an accepted rule may walk while expanding: a daily rule over 270 years. */
const EXPANSION_ITERATIONS = 100_000;

/**
 * A schedule's original starts, expanded once in one pass of the library up to a horizon and kept (a schedule is
 * a value: the same fields always expand the same way). Asking beyond the horizon expands again, two years further.
 */
const expanded = new Map<string, { starts: OriginalStart[]; horizon: number; complete: boolean }>();
function startsUpTo(schedule: Schedule, to: number): OriginalStart[] {
  const cacheKey = `${schedule.timeZone}|${schedule.startDate}|${schedule.startTime}|${schedule.rrule}`;
  const known = expanded.get(cacheKey);
  if (known && (known.complete || known.horizon >= to)) return known.starts;
  const horizon = to + 2 * YEAR_MS;
  const starts: OriginalStart[] = [];
  let complete = true;
  ruleOf(schedule, EXPANSION_ITERATIONS).all((z) => {
    if (z.epochMilliseconds >= horizon) {
      complete = false;
      return false;
    }
    starts.push({ key: localKey(Temporal.ZonedDateTime.from(z.toString())), at: z.epochMilliseconds });
    return true;
  });
  if (expanded.size >= CACHE_LIMIT) expanded.clear();
  expanded.set(cacheKey, { starts, horizon, complete });
  return starts;
}

/** The index of the first start at or after an instant (binary search). */
function firstAtOrAfter(starts: readonly OriginalStart[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as OriginalStart).at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The original starts of a schedule in [from, to) (ISO instants), in order. */
export function originalStarts(schedule: Schedule, fromIso: string, toIso: string): OriginalStart[] {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (schedule.rrule === null) {
    const at = zonedAt(schedule.startDate, schedule.startTime, schedule.timeZone).epochMilliseconds;
    return at >= from && at < to ? [{ key: keyOf(schedule.startDate, schedule.startTime), at }] : [];
  }
  const starts = startsUpTo(schedule, to);
  const out: OriginalStart[] = [];
  for (let i = firstAtOrAfter(starts, from); i < starts.length; i++) {
    const s = starts[i] as OriginalStart;
    if (s.at >= to) break;
    out.push(s);
  }
  return out;
}

/** Whether a key names one of the schedule's own occurrences (before any exception). */
export function isOccurrenceOf(schedule: Schedule, key: string): boolean {
  const [date = '', time = ''] = key.split('T');
  let at: Temporal.ZonedDateTime;
  try {
    at = zonedAt(date, time, schedule.timeZone);
  } catch {
    return false;
  }
  // The original start may differ from the wall time read in the zone (a time skipped at a DST change): look a day around it.
  const around = 86_400_000;
  return originalStarts(
    schedule,
    new Date(at.epochMilliseconds - around).toISOString(),
    new Date(at.epochMilliseconds + around).toISOString(),
  ).some((o) => o.key === key);
}

/**
 * A series' occurrences that touch [from, to): originals there unless moved away, and moved ones that landed
 * there, each with its instant in UTC. Cancelled ones are kept, marked, so a calendar can show the gap.
 */
export function expand(
  seriesId: string,
  schedule: Schedule,
  exceptions: readonly ScheduleException[],
  fromIso: string,
  toIso: string,
): Occurrence[] {
  const byKey = new Map(exceptions.map((e) => [e.key, e]));
  const out: Occurrence[] = [];
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  const longest = MAX_DURATION_MINUTES * 60_000;
  for (const { key, at } of originalStarts(schedule, new Date(from - longest).toISOString(), toIso)) {
    const exception = byKey.get(key);
    if (exception && !exception.cancelled && exception.date !== null) continue;
    const end = at + schedule.durationMinutes * 60_000;
    if (end <= from && at < from) continue;
    out.push({
      seriesId,
      key,
      date: key.slice(0, 10),
      time: key.slice(11),
      startsAt: new Date(at).toISOString(),
      endsAt: new Date(end).toISOString(),
      at,
      endAt: end,
      durationMinutes: schedule.durationMinutes,
      moved: false,
      cancelled: Boolean(exception?.cancelled),
    });
  }
  // A moved occurrence's local date is within a day of its instant (zones are at most 14 h from UTC).
  const firstDate = new Date(from - 86_400_000).toISOString().slice(0, 10);
  const lastDate = new Date(to + 86_400_000).toISOString().slice(0, 10);
  for (const exception of exceptions) {
    if (exception.cancelled || exception.date === null || exception.time === null) continue;
    if (exception.date < firstDate || exception.date > lastDate) continue;
    const start = zonedAt(exception.date, exception.time, schedule.timeZone);
    const occurrence = occurrenceOf(
      seriesId,
      schedule,
      exception.key,
      start,
      exception.durationMinutes ?? schedule.durationMinutes,
      true,
      false,
    );
    if (occurrence.at < to && (occurrence.endAt > from || occurrence.at >= from)) out.push(occurrence);
  }
  return out
    .filter((o) => Date.parse(o.startsAt) < to)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.seriesId.localeCompare(b.seriesId));
}

function occurrenceOf(
  seriesId: string,
  schedule: Schedule,
  key: string,
  start: Temporal.ZonedDateTime,
  durationMinutes: number,
  moved: boolean,
  cancelled: boolean,
): Occurrence {
  const local = start.withTimeZone(schedule.timeZone).toPlainDateTime();
  return {
    seriesId,
    key,
    date: local.toPlainDate().toString(),
    time: local.toPlainTime().toString({ smallestUnit: 'minute' }),
    startsAt: isoOf(start),
    endsAt: new Date(start.epochMilliseconds + durationMinutes * 60_000).toISOString(),
    at: start.epochMilliseconds,
    endAt: start.epochMilliseconds + durationMinutes * 60_000,
    durationMinutes,
    moved,
    cancelled,
  };
}

/** The instant the schedule starts. */
export function firstStart(schedule: Schedule): string {
  return isoOf(zonedAt(schedule.startDate, schedule.startTime, schedule.timeZone));
}

/** The UTC form RFC 5545 wants for UNTIL (YYYYMMDDTHHMMSSZ). */
export function icsUtc(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The schedule ended so that its last occurrence starts before `beforeIso`: COUNT gives way to UNTIL (one second earlier). */
export function endedBefore(schedule: Schedule, beforeIso: string): Schedule {
  if (schedule.rrule === null) return schedule;
  const parts = ruleParts(schedule.rrule);
  parts.delete('COUNT');
  parts.set('UNTIL', icsUtc(new Date(Date.parse(beforeIso) - 1000).toISOString()));
  return { ...schedule, rrule: formatRule(parts) };
}

/** The schedule ended after its last occurrence on `lastDate` (a local date in its zone). */
export function endedOn(schedule: Schedule, lastDate: string): Schedule {
  const next = zonedAt(lastDate, '00:00', schedule.timeZone).add({ days: 1 });
  return endedBefore(schedule, isoOf(next));
}

/** How many occurrences a schedule has before an instant (for a COUNT carried across a split). */
export function countBefore(schedule: Schedule, beforeIso: string): number {
  return originalStarts(schedule, firstStart(schedule), beforeIso).length;
}

/**
 * "This and following": the series is cut at the occurrence `key`. The part before keeps its history (its rule now
 * ends just before that occurrence); the part after starts there with the changed schedule, and a COUNT the
 * original had carries what remains of it.
 */
export function splitAt(
  schedule: Schedule,
  key: string,
  after: Omit<Schedule, 'timeZone'> & { timeZone?: string },
): { before: Schedule; after: Schedule } {
  const [date = '', time = ''] = key.split('T');
  const cut = isoOf(zonedAt(date, time, schedule.timeZone));
  const before = endedBefore(schedule, cut);
  let rrule = after.rrule;
  if (schedule.rrule !== null && rrule !== null) {
    const original = ruleParts(schedule.rrule);
    const next = ruleParts(rrule);
    const count = Number(original.get('COUNT'));
    if (Number.isFinite(count) && next.get('COUNT') === original.get('COUNT') && !next.has('UNTIL')) {
      next.set('COUNT', String(Math.max(1, count - countBefore(schedule, cut))));
      rrule = formatRule(next);
    }
  }
  return { before, after: { ...after, timeZone: after.timeZone ?? schedule.timeZone, rrule } };
}

/** Whether the schedule has any occurrence at or after an instant (a new series must not end in the past). */
export function hasOccurrenceFrom(schedule: Schedule, fromIso: string): boolean {
  if (schedule.rrule === null) return Date.parse(firstStart(schedule)) >= Date.parse(fromIso);
  return ruleOf(schedule).next(new Date(fromIso), true) !== null;
}
