import { assertUnchanged } from '@backend/core/archive';
import { timeZoneOf } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { CeremonyOptions, CeremonySeries } from '@shared/ceremonies/contract/series';
import {
  endedOn,
  expand,
  hasOccurrenceFrom,
  isOccurrenceOf,
  keyOf,
  type Schedule,
  scheduleProblem,
  splitAt,
  zonedAt,
} from '@shared/ceremonies/rules/recurrence';
import type { ParticipantRole, PersonKind } from '@shared/ceremonies/rules/vocabulary';
import type { ParsedInputOf } from '@shared/contract';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import { RRuleTemporal } from 'rrule-temporal';
import { toText } from 'rrule-temporal/totext';
import type { StoredSeries } from './ceremonyRepository';
import { scheduleOf } from './occurrences';

const YEAR_MS = 366 * 86_400_000;
/** The rule the screens offer as “last working day of the month” (Monday to Friday; holidays are flagged, not skipped). */
const LAST_WORKING_DAY = 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1';

/** The rule in words, from the library ("every 2 weeks on Thursday at 10 AM"). */
export function ruleText(s: Pick<StoredSeries, 'rrule' | 'startDate' | 'startTime' | 'timeZone'>): string {
  if (s.rrule === null) return `once, on ${s.startDate} at ${s.startTime}`;
  if (s.rrule === LAST_WORKING_DAY) return `the last working day of every month at ${s.startTime}`;
  try {
    return toText(new RRuleTemporal({ rruleString: s.rrule, dtstart: zonedAt(s.startDate, s.startTime, s.timeZone) }), 'en', {
      excludeTzAbbreviation: true,
    });
  } catch {
    return s.rrule;
  }
}

/** Series as the screens show them: with people, models, changed occurrences, what is recorded and the next occurrence. */
export function seriesViews(ctx: Context, stored: readonly StoredSeries[]): CeremonySeries[] {
  const ids = stored.map((s) => s.id);
  const participants = ctx.repos.ceremonies.participantsOf(ids);
  const models = ctx.repos.ceremonies.modelsOf(ids);
  const exceptions = ctx.repos.ceremonies.exceptionsOf(ids);
  const recorded = ctx.repos.ceremonies.recordedCount(ids);
  const now = ctx.now();
  const horizon = new Date(Date.parse(now) + 2 * YEAR_MS).toISOString();
  return stored.map((s) => {
    const next =
      s.rrule === null ? expand(s.id, scheduleOf(s), exceptions.get(s.id) ?? [], now, horizon) : nextOf(s, exceptions.get(s.id) ?? [], now);
    return {
      ...s,
      ruleText: ruleText(s),
      participants: participants.get(s.id) ?? [],
      models: models.get(s.id) ?? [],
      exceptions: exceptions.get(s.id) ?? [],
      nextStartsAt: next.find((o) => !o.cancelled)?.startsAt ?? null,
      recorded: recorded.get(s.id) ?? 0,
    };
  });
}

/** The next occurrences from now, looking a month, then a year, then two ahead (most series meet within a month). */
function nextOf(s: StoredSeries, exceptions: Parameters<typeof expand>[2], now: string) {
  for (const span of [31 * 86_400_000, YEAR_MS, 2 * YEAR_MS]) {
    const found = expand(s.id, scheduleOf(s), exceptions, now, new Date(Date.parse(now) + span).toISOString()).filter((o) => !o.cancelled);
    if (found.length > 0) return found;
  }
  return [];
}

export function seriesView(ctx: Context, id: string): CeremonySeries {
  const stored = ctx.repos.ceremonies.series(id);
  if (!stored) throw notFound('Ceremony series', id);
  return seriesViews(ctx, [stored])[0] as CeremonySeries;
}

export function storedOrThrow(ctx: Context, id: string, path = 'id'): StoredSeries {
  const stored = ctx.repos.ceremonies.series(id);
  if (!stored) throw path === 'id' ? notFound('Ceremony series', id) : unknownReference('Ceremony series', id, path);
  return stored;
}

export function listSeries(ctx: Context, filter: { clientId?: string | undefined; engagementId?: string | undefined }): CeremonySeries[] {
  return seriesViews(ctx, ctx.repos.ceremonies.seriesList(filter));
}

export function engagementOrThrow(ctx: Context, engagementId: string) {
  const engagement = ctx.repos.engagements.get(engagementId);
  if (!engagement) throw unknownReference('Engagement', engagementId, 'engagementId');
  const client = ctx.repos.clients.get(engagement.clientId);
  if (!client) throw unknownReference('Client', engagement.clientId, 'engagementId');
  return { engagement, client };
}

export function ceremonyOptions(ctx: Context, engagementId: string): CeremonyOptions {
  const { client } = engagementOrThrow(ctx, engagementId);
  return {
    timeZone: timeZoneOf(client),
    people: ctx.repos.ceremonies.peopleOf(engagementId),
    models: ctx.repos.ceremonies.modelsOfClient(client.id),
  };
}

/** The people and models named must exist; contacts and models must be the client's. */
function checkPeopleAndModels(
  ctx: Context,
  clientId: string,
  participants: readonly { kind: PersonKind; id: string; role: ParticipantRole }[],
  modelIds: readonly string[],
): void {
  participants.forEach((p, i) => {
    const person = ctx.repos.ceremonies.person(p.kind, p.id);
    if (!person) throw unknownReference(p.kind === 'specialist' ? 'Specialist' : 'Client contact', p.id, `participants.${i}.id`);
    if (p.kind === 'contact' && person.clientId !== clientId)
      throw new DomainError('invalid_input', `${person.name} is a contact of another client.`, [
        { path: `participants.${i}.id`, message: 'is another client’s contact' },
      ]);
  });
  const own = new Set(ctx.repos.ceremonies.modelsOfClient(clientId).map((m) => m.id));
  modelIds.forEach((id, i) => {
    if (!own.has(id))
      throw new DomainError('invalid_input', 'That model is not one of the client’s.', [
        { path: `modelIds.${i}`, message: 'is not one of the client’s models' },
      ]);
  });
}

/** A schedule the library accepts, or a sentence about the field at fault. */
export function checkSchedule(schedule: Schedule): void {
  const problem = scheduleProblem(schedule);
  if (problem)
    throw new DomainError('invalid_input', problem, [{ path: /lasts/.test(problem) ? 'durationMinutes' : 'rrule', message: problem }]);
}

export function createSeries(ctx: Context, input: ParsedInputOf<'ceremonies.create'>, uid?: string): CeremonySeries {
  return ctx.write((audit, at) => {
    const { engagement, client } = engagementOrThrow(ctx, input.engagementId);
    const schedule: Schedule = {
      timeZone: input.timeZone || timeZoneOf(client),
      startDate: input.startDate,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
      rrule: input.rrule,
    };
    checkSchedule(schedule);
    if (schedule.rrule !== null && /COUNT|UNTIL/.test(schedule.rrule) && !hasOccurrenceFrom(schedule, at)) {
      throw new DomainError(
        'invalid_input',
        'That series would already be over: its COUNT or UNTIL ends it before today. Give a later end, or plan a one-off.',
        [{ path: 'rrule', message: 'ends in the past' }],
      );
    }
    checkPeopleAndModels(ctx, client.id, input.participants, input.modelIds);
    const id = newId();
    ctx.repos.ceremonies.insertSeries({
      id,
      engagementId: engagement.id,
      engagementName: engagement.name,
      clientId: client.id,
      clientName: client.name,
      type: input.type,
      title: input.title,
      ...schedule,
      location: input.location,
      meetingUrl: input.meetingUrl,
      agenda: input.agenda,
      uid: uid ?? `${id}@keel`,
      sequence: 0,
      splitFrom: null,
      createdAt: at,
      updatedAt: at,
    });
    ctx.repos.ceremonies.setParticipants(id, input.participants);
    ctx.repos.ceremonies.setModels(id, input.modelIds);
    const view = seriesView(ctx, id);
    audit({
      entity: 'ceremony_series',
      entityId: id,
      label: `${view.title} (${engagement.name})`,
      action: 'create',
      before: null,
      after: view,
    });
    return view;
  });
}

const scheduleChanged = (a: Schedule, b: Schedule) =>
  a.startDate !== b.startDate || a.startTime !== b.startTime || a.durationMinutes !== b.durationMinutes || a.rrule !== b.rrule;

export function updateSeries(ctx: Context, input: ParsedInputOf<'ceremonies.update'>): CeremonySeries {
  return ctx.write((audit, at) => {
    const stored = storedOrThrow(ctx, input.id);
    assertUnchanged(stored, input.expectedUpdatedAt, `“${stored.title}”`);
    const before = seriesView(ctx, stored.id);
    const schedule: Schedule = {
      ...scheduleOf(stored),
      startDate: input.startDate,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
      rrule: input.rrule,
    };
    const changed = scheduleChanged(scheduleOf(stored), schedule);
    if (changed) {
      checkSchedule(schedule);
      if (ctx.repos.ceremonies.hasHistory(stored.id) || before.exceptions.length > 0) {
        throw new DomainError(
          'conflict',
          `“${stored.title}” has occurrences already recorded or changed; change its schedule from a coming occurrence (“this and following”) so its history stays as it was.`,
          [{ path: 'rrule', message: 'cannot change in place' }],
        );
      }
      if ((stored.rrule === null) !== (schedule.rrule === null)) {
        throw new DomainError('invalid_input', 'A one-off stays a one-off and a series stays a series; plan a new one instead.', [
          { path: 'rrule', message: 'cannot change kind' },
        ]);
      }
    }
    checkPeopleAndModels(ctx, stored.clientId, input.participants, input.modelIds);
    ctx.repos.ceremonies.updateSeries({
      ...stored,
      ...schedule,
      type: input.type,
      title: input.title,
      location: input.location,
      meetingUrl: input.meetingUrl,
      agenda: input.agenda,
      sequence: stored.sequence + 1,
      updatedAt: at,
    });
    ctx.repos.ceremonies.setParticipants(stored.id, input.participants);
    ctx.repos.ceremonies.setModels(stored.id, input.modelIds);
    const after = seriesView(ctx, stored.id);
    audit({
      entity: 'ceremony_series',
      entityId: stored.id,
      label: `${after.title} (${stored.engagementName})`,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

export function splitSeries(ctx: Context, input: ParsedInputOf<'ceremonies.split'>): CeremonySeries {
  return ctx.write((audit, at) => {
    const stored = storedOrThrow(ctx, input.id);
    assertUnchanged(stored, input.expectedUpdatedAt, `“${stored.title}”`);
    const schedule = scheduleOf(stored);
    if (schedule.rrule === null)
      throw new DomainError('invalid_input', 'A one-off has no following occurrences; change it instead.', [
        { path: 'id', message: 'is a one-off' },
      ]);
    if (!isOccurrenceOf(schedule, input.occurrenceKey))
      throw new DomainError('invalid_input', `“${stored.title}” has no occurrence on ${input.occurrenceKey.replace('T', ' at ')}.`, [
        { path: 'occurrenceKey', message: 'is not an occurrence of the series' },
      ]);
    if (input.occurrenceKey === keyOf(stored.startDate, stored.startTime))
      throw new DomainError('invalid_input', 'That is the series’ first occurrence: change the series itself instead.', [
        { path: 'occurrenceKey', message: 'is the first occurrence' },
      ]);
    if (input.startDate < input.occurrenceKey.slice(0, 10))
      throw new DomainError('invalid_input', 'The new schedule starts at the occurrence it changes, or later.', [
        { path: 'startDate', message: 'is before the occurrence' },
      ]);
    const recordedAfter = [...(ctx.repos.ceremonies.statusesOf([stored.id]).get(stored.id)?.keys() ?? [])].filter(
      (k) => k >= input.occurrenceKey,
    );
    if (recordedAfter.length > 0)
      throw new DomainError(
        'conflict',
        `Occurrences from ${input.occurrenceKey.slice(0, 10)} on are already recorded; split after the last recorded one.`,
        [{ path: 'occurrenceKey', message: 'has recorded occurrences after it' }],
      );
    const { before, after } = splitAt(schedule, input.occurrenceKey, {
      startDate: input.startDate,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
      rrule: input.rrule,
    });
    checkSchedule(after);
    const beforeView = seriesView(ctx, stored.id);
    // Changed occurrences from the cut on belonged to the old schedule; they go with it.
    for (const e of beforeView.exceptions) if (e.key >= input.occurrenceKey) ctx.repos.ceremonies.deleteException(stored.id, e.key);
    ctx.repos.ceremonies.updateSeries({ ...stored, ...before, sequence: stored.sequence + 1, updatedAt: at });
    const id = newId();
    ctx.repos.ceremonies.insertSeries({
      ...stored,
      ...after,
      id,
      uid: `${id}@keel`,
      sequence: 0,
      splitFrom: stored.id,
      createdAt: at,
      updatedAt: at,
    });
    ctx.repos.ceremonies.setParticipants(id, beforeView.participants);
    ctx.repos.ceremonies.setModels(
      id,
      beforeView.models.map((m) => m.id),
    );
    const view = seriesView(ctx, id);
    audit({
      entity: 'ceremony_series',
      entityId: stored.id,
      label: `${stored.title} (${stored.engagementName})`,
      action: 'update',
      before: beforeView,
      after: seriesView(ctx, stored.id),
    });
    audit({
      entity: 'ceremony_series',
      entityId: id,
      label: `${view.title} (${stored.engagementName}), from ${input.occurrenceKey.slice(0, 10)}`,
      action: 'create',
      before: null,
      after: view,
    });
    return view;
  });
}

export function endSeries(ctx: Context, input: ParsedInputOf<'ceremonies.end'>): CeremonySeries {
  return ctx.write((audit, at) => {
    const stored = storedOrThrow(ctx, input.id);
    assertUnchanged(stored, input.expectedUpdatedAt, `“${stored.title}”`);
    if (stored.rrule === null)
      throw new DomainError('invalid_input', 'A one-off ends by itself; cancel its occurrence or remove it instead.', [
        { path: 'id', message: 'is a one-off' },
      ]);
    if (input.lastDate < stored.startDate)
      throw new DomainError('invalid_input', 'That is before the series starts; remove the series instead.', [
        { path: 'lastDate', message: 'is before the start' },
      ]);
    const recordedLater = [...(ctx.repos.ceremonies.statusesOf([stored.id]).get(stored.id)?.keys() ?? [])].filter(
      (k) => k.slice(0, 10) > input.lastDate,
    );
    if (recordedLater.length > 0)
      throw new DomainError(
        'conflict',
        `An occurrence after ${input.lastDate} is already recorded (${recordedLater[0]?.slice(0, 10)}); end it on that day or later.`,
        [{ path: 'lastDate', message: 'is before a recorded occurrence' }],
      );
    const before = seriesView(ctx, stored.id);
    const ended = endedOn(scheduleOf(stored), input.lastDate);
    ctx.repos.ceremonies.updateSeries({ ...stored, rrule: ended.rrule, sequence: stored.sequence + 1, updatedAt: at });
    const after = seriesView(ctx, stored.id);
    audit({
      entity: 'ceremony_series',
      entityId: stored.id,
      label: `${stored.title} (${stored.engagementName}), ended ${input.lastDate}`,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

export function removeSeries(ctx: Context, id: string): { id: string } {
  return ctx.write((audit) => {
    const stored = storedOrThrow(ctx, id);
    if (ctx.repos.ceremonies.hasHistory(id))
      throw new DomainError(
        'conflict',
        `“${stored.title}” has recorded occurrences or action items; end it instead, so its history stays.`,
      );
    if (ctx.repos.ceremonies.isContinued(id))
      throw new DomainError('conflict', `“${stored.title}” continues in a later series; end it instead.`);
    const before = seriesView(ctx, id);
    ctx.repos.ceremonies.deleteSeries(id);
    audit({
      entity: 'ceremony_series',
      entityId: id,
      label: `${stored.title} (${stored.engagementName})`,
      action: 'delete',
      before,
      after: null,
    });
    return { id };
  });
}
