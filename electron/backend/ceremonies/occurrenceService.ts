import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { ActionItem, CalendarOccurrence, OccurrenceDetail } from '@shared/ceremonies/contract/occurrences';
import { expand, isOccurrenceOf, zonedAt } from '@shared/ceremonies/rules/recurrence';
import { isCarriedTo, isOverdue } from '@shared/ceremonies/rules/rhythm';
import type { PersonKind } from '@shared/ceremonies/rules/vocabulary';
import type { ParsedInputOf } from '@shared/contract';
import { DomainError, notFound } from '@shared/kernel/errors';
import type { ActionRow, StoredSeries } from './ceremonyRepository';
import { calendarOf, factsOf, scheduleOf } from './occurrences';
import { seriesView, storedOrThrow } from './seriesService';

const DAY_MS = 86_400_000;

/** The occurrences between two days (the first at 00:00 UTC − 14 h to the last at 24:00 UTC + 14 h, then kept by local date). */
export function calendar(ctx: Context, input: ParsedInputOf<'ceremonies.calendar'>): CalendarOccurrence[] {
  const series = ctx.repos.ceremonies.seriesList(input);
  const from = new Date(Date.parse(`${input.from}T00:00:00Z`) - 14 * 3_600_000).toISOString();
  const to = new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS + 14 * 3_600_000).toISOString();
  return calendarOf(ctx, factsOf(ctx, series, from, to), from, to).filter((o) => o.date >= input.from && o.date <= input.to);
}

export function toActionItem(row: ActionRow, today: string): ActionItem {
  return {
    id: row.id,
    seriesId: row.seriesId,
    seriesTitle: row.seriesTitle,
    engagementId: row.engagementId,
    engagementName: row.engagementName,
    clientName: row.clientName,
    occurrenceKey: row.occurrenceKey,
    raisedAt: row.raisedAt,
    title: row.title,
    owner: { kind: row.ownerKind, id: row.ownerId, name: row.ownerName },
    dueDate: row.dueDate,
    status: row.status,
    modelId: row.modelId,
    modelName: row.modelName,
    closedAt: row.closedAt,
    overdue: isOverdue(row, today),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Finds one occurrence of a series by key, wherever it was moved; refuses a key the series does not have. */
function occurrenceOrThrow(ctx: Context, series: StoredSeries, key: string) {
  const exceptions = ctx.repos.ceremonies.exceptionsOf([series.id]).get(series.id) ?? [];
  const exception = exceptions.find((e) => e.key === key);
  const schedule = scheduleOf(series);
  if (!exception && !isOccurrenceOf(schedule, key))
    throw new DomainError('not_found', `“${series.title}” has no occurrence on ${key.replace('T', ' at ')}.`, [
      { path: 'key', message: 'is not an occurrence of the series' },
    ]);
  const [date = '', time = ''] = key.split('T');
  const original = zonedAt(date, time, series.timeZone).epochMilliseconds;
  const at = exception?.date && exception.time ? zonedAt(exception.date, exception.time, series.timeZone).epochMilliseconds : original;
  const span = (ms: number) => new Date(ms).toISOString();
  const found = expand(
    series.id,
    schedule,
    exceptions,
    span(Math.min(at, original) - DAY_MS),
    span(Math.max(at, original) + 2 * DAY_MS),
  ).find((o) => o.key === key);
  if (!found) throw notFound('Occurrence', key);
  return { occurrence: found, exception };
}

export function occurrenceDetail(ctx: Context, seriesId: string, key: string): OccurrenceDetail {
  const series = storedOrThrow(ctx, seriesId, 'seriesId');
  const { occurrence, exception } = occurrenceOrThrow(ctx, series, key);
  const from = new Date(Date.parse(occurrence.startsAt) - 2 * DAY_MS).toISOString();
  const to = new Date(Date.parse(occurrence.startsAt) + 2 * DAY_MS).toISOString();
  const [calendarRow] = calendarOf(ctx, factsOf(ctx, [series], from, to), from, to).filter((o) => o.key === key);
  if (!calendarRow) throw notFound('Occurrence', key);
  const stored = ctx.repos.ceremonies.outcome(seriesId, key);
  const today = ctx.today();
  const actions = ctx.repos.ceremonies.actions({ seriesId, openOnly: false }).map((a) => toActionItem(a, today));
  const names = new Map(seriesView(ctx, seriesId).participants.map((p) => [`${p.kind}:${p.id}`, p.name]));
  return {
    ...calendarRow,
    series: seriesView(ctx, seriesId),
    reason: exception?.reason ?? '',
    outcome: stored
      ? {
          status: stored.status,
          notes: stored.notes,
          attendance: stored.attendance.map((a) => ({
            ...a,
            name: names.get(`${a.kind}:${a.id}`) ?? ctx.repos.ceremonies.person(a.kind, a.id)?.name ?? '',
          })),
          decisions: ctx.repos.ceremonies.decisionsOf(stored.id),
          recordedAt: stored.recordedAt,
          updatedAt: stored.updatedAt,
        }
      : null,
    carriedItems: actions.filter((a) => a.occurrenceKey !== key && isCarriedTo(a, occurrence.startsAt)),
    raisedItems: actions.filter((a) => a.occurrenceKey === key),
  };
}

const when = (key: string) => key.replace('T', ' at ');

export function cancelOccurrence(ctx: Context, input: ParsedInputOf<'ceremonies.cancelOccurrence'>): OccurrenceDetail {
  ctx.write((audit, at) => {
    const series = storedOrThrow(ctx, input.seriesId, 'seriesId');
    const { exception } = occurrenceOrThrow(ctx, series, input.key);
    if (ctx.repos.ceremonies.outcome(series.id, input.key))
      throw new DomainError('conflict', `The occurrence of ${when(input.key)} is already recorded; it cannot be cancelled afterwards.`);
    const after = { key: input.key, cancelled: true, date: null, time: null, durationMinutes: null, reason: input.reason };
    ctx.repos.ceremonies.saveException(series.id, after, at);
    ctx.repos.ceremonies.updateSeries({ ...series, sequence: series.sequence + 1, updatedAt: at });
    audit({
      entity: 'ceremony_series',
      entityId: series.id,
      label: `${series.title}: ${when(input.key)} cancelled`,
      action: 'update',
      before: exception ?? null,
      after,
    });
  });
  return occurrenceDetail(ctx, input.seriesId, input.key);
}

export function moveOccurrence(ctx: Context, input: ParsedInputOf<'ceremonies.moveOccurrence'>): OccurrenceDetail {
  ctx.write((audit, at) => {
    const series = storedOrThrow(ctx, input.seriesId, 'seriesId');
    const { exception } = occurrenceOrThrow(ctx, series, input.key);
    const duration = input.durationMinutes ?? exception?.durationMinutes ?? series.durationMinutes;
    const start = zonedAt(input.date, input.time, series.timeZone).epochMilliseconds;
    const end = start + duration * 60_000;
    // Onto another occurrence of the same series: two meetings of one rhythm at once.
    const others = ctx.repos.ceremonies.exceptionsOf([series.id]).get(series.id) ?? [];
    const clash = expand(
      series.id,
      scheduleOf(series),
      others,
      new Date(start - 2 * DAY_MS).toISOString(),
      new Date(end + DAY_MS).toISOString(),
    ).find((o) => o.key !== input.key && !o.cancelled && Date.parse(o.startsAt) < end && Date.parse(o.endsAt) > start);
    if (clash)
      throw new DomainError(
        'conflict',
        `That is when “${series.title}” already meets (${clash.date} at ${clash.time}); choose another time or cancel that one.`,
        [{ path: 'time', message: 'falls on another occurrence of the series' }],
      );
    const after = {
      key: input.key,
      cancelled: false,
      date: input.date,
      time: input.time,
      durationMinutes: input.durationMinutes ?? exception?.durationMinutes ?? null,
      reason: input.reason,
    };
    ctx.repos.ceremonies.saveException(series.id, after, at);
    ctx.repos.ceremonies.updateSeries({ ...series, sequence: series.sequence + 1, updatedAt: at });
    audit({
      entity: 'ceremony_series',
      entityId: series.id,
      label: `${series.title}: ${when(input.key)} moved to ${input.date} ${input.time}`,
      action: 'update',
      before: exception ?? null,
      after,
    });
  });
  return occurrenceDetail(ctx, input.seriesId, input.key);
}

export function restoreOccurrence(ctx: Context, input: ParsedInputOf<'ceremonies.restoreOccurrence'>): OccurrenceDetail {
  ctx.write((audit, at) => {
    const series = storedOrThrow(ctx, input.seriesId, 'seriesId');
    const { exception } = occurrenceOrThrow(ctx, series, input.key);
    if (!exception) throw new DomainError('conflict', `The occurrence of ${when(input.key)} is where the series puts it already.`);
    if (!isOccurrenceOf(scheduleOf(series), input.key))
      throw new DomainError('conflict', 'The series no longer has that occurrence where it was; it stays as it is.');
    ctx.repos.ceremonies.deleteException(series.id, input.key);
    ctx.repos.ceremonies.updateSeries({ ...series, sequence: series.sequence + 1, updatedAt: at });
    audit({
      entity: 'ceremony_series',
      entityId: series.id,
      label: `${series.title}: ${when(input.key)} back as planned`,
      action: 'update',
      before: exception,
      after: null,
    });
  });
  return occurrenceDetail(ctx, input.seriesId, input.key);
}

function checkPerson(ctx: Context, series: StoredSeries, kind: PersonKind, id: string, path: string): string {
  const person = ctx.repos.ceremonies.person(kind, id);
  if (!person)
    throw new DomainError('invalid_input', `There is no such ${kind === 'specialist' ? 'specialist' : 'client contact'}.`, [
      { path, message: 'does not exist' },
    ]);
  if (kind === 'contact' && person.clientId !== series.clientId)
    throw new DomainError('invalid_input', `${person.name} is a contact of another client.`, [
      { path, message: 'is another client’s contact' },
    ]);
  return person.name;
}

function checkModel(ctx: Context, series: StoredSeries, modelId: string | null, path: string): void {
  if (modelId === null) return;
  if (!ctx.repos.ceremonies.modelsOfClient(series.clientId).some((m) => m.id === modelId))
    throw new DomainError('invalid_input', `That model is not one of ${series.clientName}’s.`, [
      { path, message: 'is not one of the client’s models' },
    ]);
}

export function recordOutcome(ctx: Context, input: ParsedInputOf<'ceremonies.record'>): OccurrenceDetail {
  ctx.write((audit, at) => {
    const series = storedOrThrow(ctx, input.seriesId, 'seriesId');
    const { occurrence } = occurrenceOrThrow(ctx, series, input.key);
    if (occurrence.cancelled)
      throw new DomainError('conflict', `The occurrence of ${when(input.key)} was cancelled; restore it before recording it.`);
    if (Date.parse(occurrence.startsAt) > Date.parse(at) && input.status === 'held')
      throw new DomainError('invalid_input', 'That occurrence has not begun yet; record it once it has been held.', [
        { path: 'status', message: 'is in the future' },
      ]);
    for (const [i, a] of input.attendance.entries()) checkPerson(ctx, series, a.kind, a.id, `attendance.${i}.id`);
    for (const [i, d] of input.decisions.entries()) checkModel(ctx, series, d.modelId, `decisions.${i}.modelId`);
    const before = ctx.repos.ceremonies.outcome(series.id, input.key);
    if (before && input.expectedUpdatedAt && before.updatedAt !== input.expectedUpdatedAt)
      throw new DomainError(
        'conflict',
        `The record of ${when(input.key)} was changed by someone else since you opened it. Reload it, then apply your change again.`,
      );
    const id = before?.id ?? newId();
    const record = {
      id,
      seriesId: series.id,
      key: input.key,
      startsAt: occurrence.startsAt,
      status: input.status,
      notes: input.notes,
      attendance: input.attendance,
      recordedAt: before?.recordedAt ?? at,
      updatedAt: at,
    };
    ctx.repos.ceremonies.saveOutcome(record);
    ctx.repos.ceremonies.replaceDecisions(
      id,
      input.decisions.map((d) => ({ id: newId(), text: d.text, modelId: d.modelId })),
    );
    audit({
      entity: 'ceremony_occurrence',
      entityId: id,
      label: `${series.title}, ${when(input.key)}: ${input.status === 'held' ? 'held' : 'not held'}`,
      action: before ? 'update' : 'create',
      before,
      after: { ...record, decisions: input.decisions },
    });
  });
  return occurrenceDetail(ctx, input.seriesId, input.key);
}

/** Action items by owner, overdue first, then by due date. */
export function listActions(ctx: Context, input: ParsedInputOf<'actions.list'>): ActionItem[] {
  const today = ctx.today();
  return ctx.repos.ceremonies
    .actions({ ...input, openOnly: input.include === 'open' })
    .map((a) => toActionItem(a, today))
    .sort(
      (a, b) => a.owner.name.localeCompare(b.owner.name) || Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate),
    );
}

export function createAction(ctx: Context, input: ParsedInputOf<'actions.create'>): ActionItem {
  return ctx.write((audit, at) => {
    const series = storedOrThrow(ctx, input.seriesId, 'seriesId');
    const { occurrence } = occurrenceOrThrow(ctx, series, input.occurrenceKey);
    const owner = input.owner as NonNullable<typeof input.owner>;
    checkPerson(ctx, series, owner.kind, owner.id, 'owner.id');
    checkModel(ctx, series, input.modelId, 'modelId');
    const id = newId();
    ctx.repos.ceremonies.insertAction({
      id,
      seriesId: series.id,
      occurrenceKey: input.occurrenceKey,
      raisedAt: occurrence.startsAt,
      title: input.title,
      ownerKind: owner.kind,
      ownerId: owner.id,
      dueDate: input.dueDate,
      status: 'open',
      modelId: input.modelId,
      closedAt: null,
      createdAt: at,
      updatedAt: at,
    });
    const item = toActionItem(ctx.repos.ceremonies.action(id) as ActionRow, ctx.today());
    audit({
      entity: 'ceremony_action',
      entityId: id,
      label: `${input.title} (${series.title})`,
      action: 'create',
      before: null,
      after: item,
    });
    return item;
  });
}

export function updateAction(ctx: Context, input: ParsedInputOf<'actions.update'>): ActionItem {
  return ctx.write((audit, at) => {
    const row = ctx.repos.ceremonies.action(input.id);
    if (!row) throw notFound('Action item', input.id);
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== row.updatedAt)
      throw new DomainError(
        'conflict',
        `“${row.title}” was changed by someone else since you opened it. Reload it, then apply your change again.`,
      );
    const series = storedOrThrow(ctx, row.seriesId, 'seriesId');
    const owner = input.owner as NonNullable<typeof input.owner>;
    checkPerson(ctx, series, owner.kind, owner.id, 'owner.id');
    checkModel(ctx, series, input.modelId, 'modelId');
    const before = toActionItem(row, ctx.today());
    ctx.repos.ceremonies.updateAction({
      ...row,
      title: input.title,
      ownerKind: owner.kind,
      ownerId: owner.id,
      dueDate: input.dueDate,
      status: input.status,
      modelId: input.modelId,
      closedAt: input.status === 'open' ? null : row.status === input.status ? row.closedAt : at,
      updatedAt: at,
    });
    const after = toActionItem(ctx.repos.ceremonies.action(input.id) as ActionRow, ctx.today());
    audit({ entity: 'ceremony_action', entityId: input.id, label: `${after.title} (${series.title})`, action: 'update', before, after });
    return after;
  });
}
