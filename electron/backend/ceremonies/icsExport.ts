import type { Context } from '@backend/core/context';
import type { CeremonySeries } from '@shared/ceremonies/contract/series';
import { icsUtc } from '@shared/ceremonies/rules/recurrence';
import { CEREMONY_TYPE_LABELS } from '@shared/ceremonies/rules/vocabulary';
import type { ExportedFile } from '@shared/kernel/printDocument';
import { slug } from '@shared/kernel/text';
import { Temporal } from 'temporal-polyfill';

/**
 * Keel's iCalendar writer (RFC 5545): one VEVENT per series with DTSTART in its zone, DURATION, RRULE and EXDATE
 * for cancelled occurrences; one VEVENT per moved occurrence with the series' UID and a RECURRENCE-ID; one
 * VTIMEZONE per zone, its observances read from the zone's own transitions. Lines are folded at 75 octets and
 * end in CRLF. Tests read every file back with ical.js, an independent parser.
 */
export function icsOf(series: readonly CeremonySeries[], now: string, name: string): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Keel//Ceremonies//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(name)}`,
  ];
  const zones = new Map<string, number>();
  for (const s of series) zones.set(s.timeZone, Math.min(zones.get(s.timeZone) ?? 9999, Number(s.startDate.slice(0, 4))));
  const lastYear = Number(now.slice(0, 4)) + 10;
  for (const [zone, firstYear] of zones) lines.push(...vtimezone(zone, firstYear - 1, lastYear));
  const stamp = icsUtc(new Date(Date.parse(now)).toISOString());
  for (const s of series) {
    const common = [`UID:${s.uid}`, `DTSTAMP:${stamp}`, `SUMMARY:${text(s.title)}`, `CATEGORIES:${text(CEREMONY_TYPE_LABELS[s.type])}`];
    if (s.location) common.push(`LOCATION:${text(s.location)}`);
    if (s.meetingUrl) common.push(`URL:${s.meetingUrl}`);
    if (s.agenda) common.push(`DESCRIPTION:${text(s.agenda)}`);
    const oneOffMove = s.rrule === null ? s.exceptions.find((e) => !e.cancelled && e.date && e.time) : undefined;
    const start = oneOffMove
      ? { date: oneOffMove.date as string, time: oneOffMove.time as string }
      : { date: s.startDate, time: s.startTime };
    lines.push('BEGIN:VEVENT', ...common, `SEQUENCE:${s.sequence}`, `DTSTART;TZID=${s.timeZone}:${local(start.date, start.time)}`);
    lines.push(`DURATION:PT${oneOffMove?.durationMinutes ?? s.durationMinutes}M`);
    if (s.rrule !== null) {
      lines.push(`RRULE:${s.rrule}`);
      const cancelled = s.exceptions.filter((e) => e.cancelled);
      if (cancelled.length) lines.push(`EXDATE;TZID=${s.timeZone}:${cancelled.map((e) => local(...split(e.key))).join(',')}`);
    } else if (s.exceptions.some((e) => e.cancelled)) {
      lines.push('STATUS:CANCELLED');
    }
    lines.push('END:VEVENT');
    if (s.rrule === null) continue;
    for (const e of s.exceptions) {
      if (e.cancelled || !e.date || !e.time) continue;
      lines.push(
        'BEGIN:VEVENT',
        ...common,
        `SEQUENCE:${s.sequence}`,
        `RECURRENCE-ID;TZID=${s.timeZone}:${local(...split(e.key))}`,
        `DTSTART;TZID=${s.timeZone}:${local(e.date, e.time)}`,
        `DURATION:PT${e.durationMinutes ?? s.durationMinutes}M`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

const split = (key: string) => key.split('T') as [string, string];
const local = (date: string, time: string) => `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;

/** TEXT escaping (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const n = Buffer.byteLength(char, 'utf8');
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const offsetText = (nanoseconds: number) => {
  const minutes = Math.round(nanoseconds / 60e9);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/** A VTIMEZONE whose observances are the zone's transitions between two years (one observance per transition). */
function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  let at = Temporal.ZonedDateTime.from({ timeZone: zone, year: fromYear, month: 1, day: 1 });
  const initial = at.offsetNanoseconds;
  const observance = (kind: string, localStart: Temporal.PlainDateTime, from: number, to: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${localStart.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '')}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${kind}`,
  ];
  lines.push(...observance('STANDARD', at.toPlainDateTime(), initial, initial));
  const end = Temporal.ZonedDateTime.from({ timeZone: zone, year: toYear + 1, month: 1, day: 1 }).epochNanoseconds;
  for (;;) {
    const next = at.getTimeZoneTransition('next');
    if (!next || next.epochNanoseconds >= end) break;
    const before = next.subtract({ nanoseconds: 1 }).offsetNanoseconds;
    const after = next.offsetNanoseconds;
    // The observance starts at the local time on the clock before the change (RFC 5545: DTSTART is in TZOFFSETFROM).
    const localStart = next.toInstant().toZonedDateTimeISO('UTC').toPlainDateTime().add({ nanoseconds: before });
    lines.push(...observance(after > before ? 'DAYLIGHT' : 'STANDARD', localStart, before, after));
    at = next;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

export function icsFile(ctx: Context, series: readonly CeremonySeries[], name: string): ExportedFile {
  const content = icsOf(series, ctx.now(), name);
  const bytes = Buffer.from(content, 'utf8');
  return { fileName: `${slug(name, 'ceremonies')}.ics`, base64: bytes.toString('base64'), bytes: bytes.length };
}
