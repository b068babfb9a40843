import { timeZoneOf } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import type { IcsImportResult } from '@shared/ceremonies/contract/rhythm';
import { isOccurrenceOf, keyOf, type Schedule, zonedAt } from '@shared/ceremonies/rules/recurrence';
import { CEREMONY_TYPE_LABELS, CEREMONY_TYPES, type CeremonyType, MAX_DURATION_MINUTES } from '@shared/ceremonies/rules/vocabulary';
import type { ParsedInputOf } from '@shared/contract';
import { DomainError } from '@shared/kernel/errors';
import { httpsLink } from '@shared/kernel/fields';
import { isTimeZone } from '@shared/kernel/timeZone';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import type { StoredException } from './ceremonyRepository';
import { scheduleOf } from './occurrences';
import { checkSchedule, createSeries, engagementOrThrow, seriesView } from './seriesService';

type LocalTime = { date: string; time: string };

/** An event of the file as Keel reads it: the series and its changed occurrences. */
type ImportedEvent = {
  uid: string;
  title: string;
  type: CeremonyType;
  schedule: Schedule;
  location: string;
  meetingUrl: string;
  agenda: string;
  exceptions: StoredException[];
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads an iCalendar file with ical.js (the parser Thunderbird's calendar uses) into Keel series: each VEVENT
 * with its own UID is a series (RRULE) or a one-off; EXDATEs cancel occurrences; VEVENTs with a RECURRENCE-ID
 * move (or cancel) one. Times keep their IANA zone; UTC and floating times are read in the client's zone.
 */
export function readIcs(text: string, clientZone: string): ImportedEvent[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new DomainError(
      'invalid_input',
      'That file is not a calendar (.ics) file Keel can read: it should begin with BEGIN:VCALENDAR and hold events (VEVENT).',
      [{ path: 'base64', message: 'is not a calendar file' }],
    );
  }
  const events = root.getAllSubcomponents('vevent');
  if (events.length === 0)
    throw new DomainError('invalid_input', 'That file holds no event (VEVENT) to import.', [{ path: 'base64', message: 'has no event' }]);
  const problems: string[] = [];
  const masters = new Map<string, ImportedEvent>();
  const overrides: {
    uid: string;
    title: string;
    recurrenceId: ICAL.Property;
    start: ICAL.Property;
    durationMinutes: number | null;
    cancelled: boolean;
  }[] = [];
  for (const event of events) {
    const uid = String(event.getFirstPropertyValue('uid') ?? '').trim();
    const title = String(event.getFirstPropertyValue('summary') ?? '').trim() || '(untitled)';
    const start = event.getFirstProperty('dtstart');
    if (!uid || !start) {
      problems.push(`“${title}” has no ${uid ? 'DTSTART' : 'UID'}.`);
      continue;
    }
    const recurrenceId = event.getFirstProperty('recurrence-id');
    const durationMinutes = durationOf(event, start, clientZone);
    const cancelled = String(event.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
    if (recurrenceId) {
      overrides.push({ uid, title, recurrenceId, start, durationMinutes, cancelled });
      continue;
    }
    try {
      const zone = zoneOf(start, clientZone);
      const at = localOf(start, zone);
      const rrule = event.getFirstPropertyValue('rrule') as ICAL.Recur | null;
      const categories = event.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
      const url = String(event.getFirstPropertyValue('url') ?? '').trim();
      const exdates = event
        .getAllProperties('exdate')
        .flatMap((p) => p.getValues().map((v) => localOfValue(v as ICAL.Time, zoneOf(p, zone), zone)));
      masters.set(uid, {
        uid,
        title: title.slice(0, 200),
        type: typeOf(categories),
        schedule: {
          timeZone: zone,
          startDate: at.date,
          startTime: at.time,
          durationMinutes: durationMinutes ?? 60,
          rrule: rrule ? rrule.toString() : null,
        },
        location: String(event.getFirstPropertyValue('location') ?? '').slice(0, 300),
        meetingUrl: httpsLink.safeParse(url).success ? url : '',
        agenda: String(event.getFirstPropertyValue('description') ?? '').slice(0, 4000),
        exceptions: exdates.map((d) => ({
          key: keyOf(d.date, d.time),
          cancelled: true,
          date: null,
          time: null,
          durationMinutes: null,
          reason: 'Cancelled in the imported calendar',
        })),
      });
      if (cancelled && !rrule)
        masters.get(uid)?.exceptions.push({
          key: keyOf(at.date, at.time),
          cancelled: true,
          date: null,
          time: null,
          durationMinutes: null,
          reason: 'Cancelled in the imported calendar',
        });
    } catch (error) {
      problems.push(`“${title}”: ${(error as Error).message}`);
    }
  }
  for (const o of overrides) {
    const master = masters.get(o.uid);
    if (!master) {
      problems.push(`“${o.title}” changes one occurrence of a series the file does not hold (UID ${o.uid}).`);
      continue;
    }
    try {
      const zone = master.schedule.timeZone;
      const original = localOf(o.recurrenceId, zone);
      const moved = localOf(o.start, zone);
      const key = keyOf(original.date, original.time);
      master.exceptions = master.exceptions.filter((e) => e.key !== key);
      master.exceptions.push(
        o.cancelled
          ? { key, cancelled: true, date: null, time: null, durationMinutes: null, reason: 'Cancelled in the imported calendar' }
          : {
              key,
              cancelled: false,
              date: moved.date,
              time: moved.time,
              durationMinutes: o.durationMinutes,
              reason: 'Moved in the imported calendar',
            },
      );
    } catch (error) {
      problems.push(`“${o.title}”: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0)
    throw new DomainError('invalid_input', `Nothing was imported: ${problems.slice(0, 10).join(' ')}`, [
      { path: 'base64', message: problems[0] ?? '' },
    ]);
  return [...masters.values()];
}

function typeOf(categories: readonly string[]): CeremonyType {
  for (const c of categories) {
    const found = CEREMONY_TYPES.find((t) => CEREMONY_TYPE_LABELS[t].toLowerCase() === c.trim().toLowerCase());
    if (found) return found;
  }
  return 'custom';
}

/** The zone a date-time property is in: its TZID (an IANA zone), else the client's (UTC and floating times). */
function zoneOf(prop: ICAL.Property, fallback: string): string {
  const tzid = prop.getParameter('tzid');
  const name = Array.isArray(tzid) ? tzid[0] : tzid;
  if (!name) return fallback;
  const clean = String(name).replace(/^\//, '');
  if (!isTimeZone(clean)) throw new Error(`its time zone “${clean}” is not one Keel knows (use IANA names such as Europe/Zurich).`);
  return clean;
}

function localOf(prop: ICAL.Property, zone: string): LocalTime {
  return localOfValue(prop.getFirstValue() as ICAL.Time, zoneOf(prop, zone), zone);
}

/** A property value's local date and time in `zone`: converted from UTC, kept as written when in `from` already. */
function localOfValue(value: ICAL.Time, from: string, zone: string): LocalTime {
  if (value.isDate) throw new Error('it is an all-day event; ceremonies have a time.');
  const wall = Temporal.PlainDateTime.from({
    year: value.year,
    month: value.month,
    day: value.day,
    hour: value.hour,
    minute: value.minute,
  });
  const utc = value.zone?.tzid === 'UTC' || value.zone === ICAL.Timezone.utcTimezone;
  const zoned = utc ? wall.toZonedDateTime('UTC').withTimeZone(zone) : wall.toZonedDateTime(from).withTimeZone(zone);
  const p = zoned.toPlainDateTime();
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

function durationOf(event: ICAL.Component, start: ICAL.Property, clientZone: string): number | null {
  const duration = event.getFirstPropertyValue('duration') as ICAL.Duration | null;
  if (duration) return Math.round(duration.toSeconds() / 60);
  const end = event.getFirstProperty('dtend');
  if (!end) return null;
  try {
    const zone = zoneOf(start, clientZone);
    const a = localOf(start, zone);
    const b = localOf(end, zone);
    return Math.round((zonedAt(b.date, b.time, zone).epochMilliseconds - zonedAt(a.date, a.time, zone).epochMilliseconds) / 60_000);
  } catch {
    return null;
  }
}

/** Imports an .ics file into an engagement, all or nothing: new UIDs become series, known ones are updated. */
export function importIcs(ctx: Context, input: ParsedInputOf<'ceremonies.importIcs'>): IcsImportResult {
  const { client } = engagementOrThrow(ctx, input.engagementId);
  const events = readIcs(Buffer.from(input.base64, 'base64').toString('utf8'), timeZoneOf(client));
  return ctx.write((audit, at) => {
    const result: IcsImportResult = { created: 0, updated: 0, series: [] };
    for (const e of events) {
      const problem = (() => {
        try {
          checkSchedule(e.schedule);
          return null;
        } catch (error) {
          return (error as Error).message;
        }
      })();
      if (problem)
        throw new DomainError('invalid_input', `Nothing was imported: “${e.title}”: ${problem}`, [{ path: 'base64', message: problem }]);
      if (e.schedule.durationMinutes > MAX_DURATION_MINUTES || e.schedule.durationMinutes <= 0)
        throw new DomainError('invalid_input', `Nothing was imported: “${e.title}” lasts more than 24 hours.`);
      for (const x of e.exceptions) {
        if (!isOccurrenceOf(e.schedule, x.key))
          throw new DomainError(
            'invalid_input',
            `Nothing was imported: “${e.title}” changes an occurrence (${x.key.replace('T', ' ')}) its rule does not have.`,
            [{ path: 'base64', message: 'changes an occurrence the rule does not have' }],
          );
      }
      const existing = ctx.repos.ceremonies.byUid(e.uid);
      if (existing) {
        if (existing.engagementId !== input.engagementId)
          throw new DomainError(
            'conflict',
            `Nothing was imported: “${e.title}” was imported into ${existing.engagementName} already (same UID).`,
            [{ path: 'engagementId', message: 'holds the event already' }],
          );
        const before = seriesView(ctx, existing.id);
        const same = JSON.stringify(scheduleOf(existing)) === JSON.stringify(e.schedule);
        if (!same && ctx.repos.ceremonies.hasHistory(existing.id))
          throw new DomainError(
            'conflict',
            `Nothing was imported: “${e.title}” changed its schedule, but occurrences of it are recorded in Keel; change it there “this and following”.`,
          );
        ctx.repos.ceremonies.updateSeries({
          ...existing,
          ...e.schedule,
          title: e.title,
          location: e.location,
          meetingUrl: e.meetingUrl,
          agenda: e.agenda,
          sequence: existing.sequence + 1,
          updatedAt: at,
        });
        for (const x of before.exceptions)
          if (!ctx.repos.ceremonies.outcome(existing.id, x.key)) ctx.repos.ceremonies.deleteException(existing.id, x.key);
        for (const x of e.exceptions) ctx.repos.ceremonies.saveException(existing.id, x, at);
        audit({
          entity: 'ceremony_series',
          entityId: existing.id,
          label: `${e.title} (${existing.engagementName}), from a calendar file`,
          action: 'update',
          before,
          after: seriesView(ctx, existing.id),
        });
        result.updated += 1;
        result.series.push({ id: existing.id, title: e.title, uid: e.uid, action: 'updated' });
      } else {
        const created = createSeries(
          ctx,
          {
            engagementId: input.engagementId,
            timeZone: e.schedule.timeZone,
            type: e.type,
            title: e.title,
            participants: [],
            modelIds: [],
            location: e.location,
            meetingUrl: e.meetingUrl,
            agenda: e.agenda,
            startDate: e.schedule.startDate,
            startTime: e.schedule.startTime,
            durationMinutes: e.schedule.durationMinutes,
            rrule: e.schedule.rrule,
          },
          e.uid,
        );
        for (const x of e.exceptions) ctx.repos.ceremonies.saveException(created.id, x, at);
        result.created += 1;
        result.series.push({ id: created.id, title: e.title, uid: e.uid, action: 'created' });
      }
    }
    return result;
  });
}
