import { assertUnchanged, refuse } from '@backend/core/archive';
import { holidaysOfCalendar, timeZoneOf } from '@backend/core/calendars';
import type { Audit, Context } from '@backend/core/context';
import { clockThresholds } from '@backend/core/continuitySettings';
import { newId } from '@backend/core/ids';
import { insertAllocation } from '@backend/plan/allocationService';
import { joinedFieldMessage, joinedRefusal } from '@shared/clients/rules/joined';
import { archivedRecordRefusal } from '@shared/clients/rules/lifecycle';
import type {
  FulfilFields,
  ReplacementCandidate,
  ReplacementFields,
  ReplacementItem,
  ReplacementPause,
  ReplacementRequest,
} from '@shared/continuity/contract';
import { handoverDays } from '@shared/continuity/rules/replacement';
import { deliveryRefusal, isPastDue, pauseRefusal, runClock, sortPauses } from '@shared/kernel/businessClock';
import type { PauseRange } from '@shared/kernel/businessDays';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import { instantOf, localDateOf, localDateTimeOf, localTimeOf } from '@shared/kernel/timeZone';
import type { Allocation } from '@shared/plan/contract/allocations';
import type { ReplacementWithContext } from './replacementRepository';

/**
 * Replacement requests: record, pause, propose candidates, fulfil, cancel.
 * The clock is never stored; every read runs it from the recorded facts
 * (shared/domain/continuity/clock.ts) in the client's calendar and time zone.
 */

type ValidFulfil = Omit<Required<FulfilFields>, 'loadPercent'> & { loadPercent?: number | undefined };

type Loaded = { joined: ReplacementWithContext; request: ReplacementRequest; timeZone: string; submittedOn: string };

/** The client's zone and the submission date in it. */
function zoneOf(joined: ReplacementWithContext): { timeZone: string; submittedOn: string } {
  const timeZone = timeZoneOf({ timeZone: joined.clientTimeZone, holidayCalendar: joined.holidayCalendar });
  return { timeZone, submittedOn: localDateOf(joined.submittedAt, timeZone) };
}

/** Today in the client's time zone: the clock's "now". */
function todayIn(ctx: Context, timeZone: string): string {
  return localDateOf(ctx.now(), timeZone);
}

/**
 * Items for many requests at once: pauses, candidates and linked allocations
 * in three queries, thresholds read once, "today" worked out once per zone.
 */
export function replacementItems(ctx: Context, rows: readonly ReplacementWithContext[]): ReplacementItem[] {
  const ids = rows.map((r) => r.id);
  const pauses = ctx.repos.replacements.pausesOf(ids);
  const candidates = ctx.repos.replacements.candidatesOf(ids);
  const allocations = ctx.repos.allocations.getMany(
    rows.flatMap((r) => [r.outgoingAllocationId, r.replacementAllocationId]).filter((id): id is string => id !== null),
  );
  const thresholds = clockThresholds(ctx);
  const now = ctx.now();
  const todayByZone = new Map<string, string>();
  return rows.map((joined) => {
    const { clientTimeZone: _tz, engagementEndDate: _end, ...request } = joined;
    const timeZone = timeZoneOf({ timeZone: joined.clientTimeZone, holidayCalendar: joined.holidayCalendar });
    let today = todayByZone.get(timeZone);
    if (today === undefined) {
      today = localDateOf(now, timeZone);
      todayByZone.set(timeZone, today);
    }
    const submitted = localDateTimeOf(joined.submittedAt, timeZone);
    const requestPauses = pauses.get(joined.id) ?? [];
    const clock = runClock(
      {
        submittedOn: submitted.date,
        allowance: joined.slaBusinessDays,
        holidaysOf: holidaysOfCalendar(joined.holidayCalendar),
        pauses: sortPauses(requestPauses),
        deliveredOn: joined.status === 'fulfilled' ? joined.replacementStartDate : null,
        cancelledOn: joined.status === 'cancelled' ? joined.cancelledOn : null,
      },
      today,
      thresholds,
    );
    const outgoingAllocation = joined.outgoingAllocationId ? (allocations.get(joined.outgoingAllocationId) ?? null) : null;
    const replacementAllocation = joined.replacementAllocationId ? (allocations.get(joined.replacementAllocationId) ?? null) : null;
    return {
      ...request,
      timeZone,
      submittedOn: submitted.date,
      submittedTime: submitted.time,
      clock,
      pauses: requestPauses,
      candidates: candidates.get(joined.id) ?? [],
      outgoingAllocation,
      replacementAllocation,
      handoverDays:
        outgoingAllocation && joined.replacementStartDate && outgoingAllocation.status !== 'cancelled'
          ? handoverDays(outgoingAllocation.endDate, joined.replacementStartDate)
          : 0,
    };
  });
}

export function getReplacement(ctx: Context, id: string): ReplacementItem {
  const joined = ctx.repos.replacements.get(id);
  if (!joined) throw notFound('Replacement request', id);
  const [item] = replacementItems(ctx, [joined]);
  if (!item) throw notFound('Replacement request', id);
  return item;
}

function load(ctx: Context, id: string): Loaded {
  const joined = ctx.repos.replacements.get(id);
  if (!joined) throw notFound('Replacement request', id);
  const {
    engagementName: _n,
    engagementEndDate: _e,
    slaBusinessDays: _s,
    clientId: _c,
    clientName: _cn,
    holidayCalendar: _h,
    clientTimeZone: _tz,
    outgoingSpecialistName: _o,
    replacementSpecialistName: _r,
    ...request
  } = joined;
  return { joined, request, ...zoneOf(joined) };
}

const labelOf = (joined: { outgoingSpecialistName: string; engagementName: string }) =>
  `Replace ${joined.outgoingSpecialistName} on ${joined.engagementName}`;

function requireOpen(loaded: Loaded): void {
  if (loaded.request.status !== 'open') {
    refuse(`${labelOf(loaded.joined)} is already ${loaded.request.status}; it can no longer change.`);
  }
}

/** The engagement, client zone and outgoing allocation a request's fields point at, checked. */
function checkFields(ctx: Context, fields: Required<ReplacementFields>, id: string | null) {
  const engagement = ctx.repos.engagements.get(fields.engagementId);
  if (!engagement) throw unknownReference('Engagement', fields.engagementId, 'engagementId');
  refuse(archivedRecordRefusal(engagement.name, engagement.archivedAt));
  const client = ctx.repos.clients.get(engagement.clientId);
  if (!client) throw unknownReference('Client', engagement.clientId, 'engagementId');
  const specialist = ctx.repos.specialists.get(fields.outgoingSpecialistId);
  if (!specialist) throw unknownReference('Specialist', fields.outgoingSpecialistId, 'outgoingSpecialistId');
  const timeZone = timeZoneOf(client);
  const submittedAt = instantOf(fields.submittedDate, fields.submittedTime, timeZone);
  if (submittedAt > ctx.now()) {
    throw new DomainError(
      'invalid_input',
      `A request cannot be submitted in the future: it is ${localTimeOf(ctx.now(), timeZone)} on ${dateLabel(localDateOf(ctx.now(), timeZone))} in ${timeZone}.`,
      [{ path: 'submittedDate', message: 'cannot be in the future' }],
    );
  }
  const submittedOn = localDateOf(submittedAt, timeZone);
  if (submittedOn < engagement.startDate) {
    throw new DomainError(
      'invalid_input',
      `${engagement.name} starts on ${dateLabel(engagement.startDate)}; a request cannot be submitted before.`,
      [{ path: 'submittedDate', message: `must be on or after ${dateLabel(engagement.startDate)}` }],
    );
  }
  const allocations = ctx.repos.allocations.liveForSpecialist(specialist.id).filter((a) => a.engagementId === engagement.id);
  // "Uses allocations where they exist": on an engagement planned with allocations, the outgoing person must be one of them.
  if (allocations.length === 0 && ctx.repos.allocations.engagementUsesAllocations(engagement.id)) {
    throw new DomainError(
      'invalid_input',
      `${specialist.fullName} has no allocation on ${engagement.name}; a replacement is for someone on the engagement.`,
      [{ path: 'outgoingSpecialistId', message: `is not allocated to ${engagement.name}` }],
    );
  }
  // The allocation running at submission, else the next one, else the last one.
  const current =
    allocations.find((a) => a.startDate <= submittedOn && a.endDate >= submittedOn) ??
    allocations.find((a) => a.startDate > submittedOn) ??
    allocations.at(-1) ??
    null;
  const duplicate = ctx.repos.replacements
    .list({ state: 'open', engagementId: engagement.id, outgoingSpecialistId: specialist.id })
    .find((r) => r.id !== id);
  if (duplicate) {
    refuse(`${specialist.fullName} already has an open replacement request on ${engagement.name}; update that one instead.`);
  }
  return { engagement, specialist, submittedAt, submittedOn, outgoingAllocationId: current?.id ?? null };
}

export function createReplacement(ctx: Context, fields: Required<ReplacementFields>): ReplacementItem {
  return ctx.write((audit, at) => {
    const { engagement, specialist, submittedAt, outgoingAllocationId } = checkFields(ctx, fields, null);
    const request: ReplacementRequest = {
      id: newId(),
      engagementId: engagement.id,
      outgoingSpecialistId: specialist.id,
      outgoingAllocationId,
      reason: fields.reason,
      submittedAt,
      submittedBy: fields.submittedBy,
      notes: fields.notes,
      status: 'open',
      replacementSpecialistId: null,
      replacementAllocationId: null,
      replacementStartDate: null,
      lateReason: '',
      cancelledOn: null,
      cancelReason: '',
      createdAt: at,
      updatedAt: at,
    };
    ctx.repos.replacements.insert(request);
    const label = labelOf({ outgoingSpecialistName: specialist.fullName, engagementName: engagement.name });
    audit({ entity: 'replacement_request', entityId: request.id, label, action: 'create', before: null, after: request });
    return getReplacement(ctx, request.id);
  });
}

export function updateReplacement(
  ctx: Context,
  input: Required<ReplacementFields> & { id: string; expectedUpdatedAt?: string | undefined },
): ReplacementItem {
  const { id, expectedUpdatedAt, ...fields } = input;
  return ctx.write((audit, at) => {
    const loaded = load(ctx, id);
    assertUnchanged(loaded.request, expectedUpdatedAt, labelOf(loaded.joined));
    requireOpen(loaded);
    const checked = checkFields(ctx, fields, id);
    checkPauses(ctx, id, checked.submittedOn, null);
    const after: ReplacementRequest = {
      ...loaded.request,
      engagementId: checked.engagement.id,
      outgoingSpecialistId: checked.specialist.id,
      outgoingAllocationId: checked.outgoingAllocationId,
      reason: fields.reason,
      submittedAt: checked.submittedAt,
      submittedBy: fields.submittedBy,
      notes: fields.notes,
      updatedAt: at,
    };
    ctx.repos.replacements.update(after);
    audit({ entity: 'replacement_request', entityId: id, label: labelOf(loaded.joined), action: 'update', before: loaded.request, after });
    return getReplacement(ctx, id);
  });
}

/** Refuses a set of pauses the clock cannot run on; `changed` replaces (or adds) one pause first. */
function checkPauses(ctx: Context, requestId: string, submittedOn: string, changed: ReplacementPause | null): void {
  const current = ctx.repos.replacements.pausesOf([requestId]).get(requestId) ?? [];
  const pauses: PauseRange[] = changed ? [...current.filter((p) => p.id !== changed.id), changed] : current;
  const refusal = pauseRefusal(pauses, submittedOn);
  if (refusal) throw new DomainError('conflict', refusal, [{ path: 'startDate', message: 'does not fit the request’s other dates' }]);
}

/**
 * Pauses change only while the request is open: once the replacement started,
 * removing a pause could turn a met request into a breach with no late reason
 * on record (and adding one could hide a breach).
 */
function requirePausable(loaded: Loaded): void {
  if (loaded.request.status !== 'open') {
    refuse(`${labelOf(loaded.joined)} is already ${loaded.request.status}; its pauses are final.`);
  }
}

/** Pauses and candidates are filed under their request (entityId), so their labels name only themselves. */
const pauseLabel = (pause: ReplacementPause) => `Pause ${dateLabel(pause.startDate)} to ${dateLabel(pause.endDate)}`;

export function addPause(ctx: Context, input: { requestId: string; startDate: string; endDate: string; reason: string }): ReplacementItem {
  return ctx.write((audit, at) => {
    const loaded = load(ctx, input.requestId);
    requirePausable(loaded);
    const pause: ReplacementPause = { id: newId(), ...input, createdAt: at, updatedAt: at };
    checkPauses(ctx, input.requestId, loaded.submittedOn, pause);
    ctx.repos.replacements.insertPause(pause);
    audit({
      entity: 'replacement_pause',
      // Filed under the request, so its history shows every pause and candidate.
      entityId: pause.requestId,
      label: pauseLabel(pause),
      action: 'create',
      before: null,
      after: pause,
    });
    return getReplacement(ctx, input.requestId);
  });
}

function loadPause(ctx: Context, id: string): { pause: ReplacementPause; loaded: Loaded } {
  const pause = ctx.repos.replacements.getPause(id);
  if (!pause) throw notFound('Pause', id);
  return { pause, loaded: load(ctx, pause.requestId) };
}

export function updatePause(ctx: Context, input: { id: string; startDate: string; endDate: string; reason: string }): ReplacementItem {
  return ctx.write((audit, at) => {
    const { pause: before, loaded } = loadPause(ctx, input.id);
    requirePausable(loaded);
    const after: ReplacementPause = { ...before, ...input, updatedAt: at };
    checkPauses(ctx, before.requestId, loaded.submittedOn, after);
    ctx.repos.replacements.updatePause(after);
    audit({ entity: 'replacement_pause', entityId: after.requestId, label: pauseLabel(after), action: 'update', before, after });
    return getReplacement(ctx, before.requestId);
  });
}

export function deletePause(ctx: Context, id: string): ReplacementItem {
  return ctx.write((audit) => {
    const { pause, loaded } = loadPause(ctx, id);
    requirePausable(loaded);
    ctx.repos.replacements.deletePause(id);
    audit({
      entity: 'replacement_pause',
      entityId: pause.requestId,
      label: pauseLabel(pause),
      action: 'delete',
      before: pause,
      after: null,
    });
    return getReplacement(ctx, pause.requestId);
  });
}

export function proposeCandidate(
  ctx: Context,
  input: { requestId: string; name: string; specialistId: string | null; proposedOn: string },
): ReplacementItem {
  return ctx.write((audit, at) => {
    const loaded = load(ctx, input.requestId);
    requireOpen(loaded);
    if (input.specialistId !== null) {
      const specialist = ctx.repos.specialists.get(input.specialistId);
      if (!specialist) throw unknownReference('Specialist', input.specialistId, 'specialistId');
      if (specialist.id === loaded.request.outgoingSpecialistId) {
        refuse(`${specialist.fullName} is the specialist being replaced, not a candidate.`);
      }
    }
    const today = todayIn(ctx, loaded.timeZone);
    if (input.proposedOn < loaded.submittedOn || input.proposedOn > today) {
      throw new DomainError(
        'invalid_input',
        `A candidate is proposed between the request (${dateLabel(loaded.submittedOn)}) and today (${dateLabel(today)}).`,
        [{ path: 'proposedOn', message: `must be from ${dateLabel(loaded.submittedOn)} to ${dateLabel(today)}` }],
      );
    }
    const candidate: ReplacementCandidate = { id: newId(), ...input, status: 'proposed', decidedOn: null, createdAt: at, updatedAt: at };
    ctx.repos.replacements.insertCandidate(candidate);
    const label = `Candidate ${input.name}`;
    audit({ entity: 'replacement_candidate', entityId: candidate.requestId, label, action: 'create', before: null, after: candidate });
    return getReplacement(ctx, input.requestId);
  });
}

/** Records the client's decision; `decidedOn` defaults to today in the client's zone (the sample data passes its own). */
export function decideCandidate(ctx: Context, id: string, decision: 'accepted' | 'rejected', decidedOn?: string): ReplacementItem {
  return ctx.write((audit, at) => {
    const before = ctx.repos.replacements.getCandidate(id);
    if (!before) throw notFound('Candidate', id);
    const loaded = load(ctx, before.requestId);
    requireOpen(loaded);
    if (before.status !== 'proposed') refuse(`${before.name} was already ${before.status}.`);
    if (decision === 'accepted') {
      const accepted = (ctx.repos.replacements.candidatesOf([before.requestId]).get(before.requestId) ?? []).find(
        (c) => c.status === 'accepted',
      );
      if (accepted) refuse(`${accepted.name} is already accepted for this request; one replacement per request.`);
    }
    const after: ReplacementCandidate = {
      ...before,
      status: decision,
      decidedOn: decidedOn ?? todayIn(ctx, loaded.timeZone),
      updatedAt: at,
    };
    ctx.repos.replacements.updateCandidate(after);
    const label = `Candidate ${before.name}`;
    audit({ entity: 'replacement_candidate', entityId: before.requestId, label, action: 'update', before, after });
    return getReplacement(ctx, before.requestId);
  });
}

/**
 * Fulfilling creates the replacement's allocation (checked like any other:
 * dedication, dates) and, when asked, ends the outgoing one on its last day,
 * all in one transaction. A start after the due date needs the reason on record.
 */
export function fulfilReplacement(ctx: Context, input: ValidFulfil): ReplacementItem {
  return ctx.write((audit, at) => {
    const loaded = load(ctx, input.id);
    requireOpen(loaded);
    const { request, joined } = loaded;
    const refusal = deliveryRefusal(loaded.submittedOn, input.startDate);
    if (refusal)
      throw new DomainError('invalid_input', refusal, [
        { path: 'startDate', message: `must be on or after ${dateLabel(loaded.submittedOn)}` },
      ]);
    if (input.specialistId === request.outgoingSpecialistId) {
      throw new DomainError('invalid_input', `${joined.outgoingSpecialistName} is the specialist being replaced.`, [
        { path: 'specialistId', message: 'must be someone else' },
      ]);
    }
    const incoming = ctx.repos.specialists.get(input.specialistId);
    const joinedTooLate = incoming ? joinedRefusal(incoming, input.startDate, 'replacement') : null;
    if (incoming && joinedTooLate) {
      throw new DomainError('invalid_input', joinedTooLate, [{ path: 'startDate', message: joinedFieldMessage(incoming) }]);
    }
    const item = getReplacement(ctx, input.id);
    const pauses = sortPauses(item.pauses);
    const pauseAfterStart = pauseRefusal(pauses, loaded.submittedOn, input.startDate);
    if (pauseAfterStart) throw new DomainError('conflict', pauseAfterStart, [{ path: 'startDate', message: 'is before a recorded pause' }]);
    const late = isPastDue(item.clock.dueDate, input.startDate);
    if (late && input.lateReason === '') {
      throw new DomainError(
        'invalid_input',
        `The replacement starts on ${dateLabel(input.startDate)}, after the due date ${dateLabel(item.clock.dueDate)}; record why it is late (the SLA report lists it).`,
        [{ path: 'lateReason', message: 'is required when the start is after the due date' }],
      );
    }
    const outgoing = request.outgoingAllocationId ? ctx.repos.allocations.get(request.outgoingAllocationId) : null;
    const endDate =
      input.endDate ?? joined.engagementEndDate ?? (outgoing && outgoing.endDate >= input.startDate ? outgoing.endDate : null);
    if (endDate === null) {
      throw new DomainError('invalid_input', `${joined.engagementName} is open-ended; give the replacement’s allocation an end date.`, [
        { path: 'endDate', message: 'is required on an open-ended engagement' },
      ]);
    }
    if (input.outgoingEndDate !== null) endOutgoing(ctx, outgoing, input.outgoingEndDate, audit, at);
    const allocation = onFulfilForm(() =>
      insertAllocation(
        ctx,
        {
          specialistId: input.specialistId,
          engagementId: request.engagementId,
          startDate: input.startDate,
          endDate,
          loadPercent: input.loadPercent ?? outgoing?.loadPercent ?? 100,
          status: 'confirmed',
          note: `Replaces ${joined.outgoingSpecialistName} (request submitted ${dateLabel(loaded.submittedOn)}).`,
        },
        audit,
        at,
      ),
    );
    const after: ReplacementRequest = {
      ...request,
      status: 'fulfilled',
      replacementSpecialistId: input.specialistId,
      replacementAllocationId: allocation.id,
      replacementStartDate: input.startDate,
      lateReason: late ? input.lateReason : '',
      updatedAt: at,
    };
    ctx.repos.replacements.update(after);
    audit({ entity: 'replacement_request', entityId: after.id, label: labelOf(joined), action: 'fulfil', before: request, after });
    ctx.emit('continuity.replacementFulfilled', {
      requestId: after.id,
      engagementId: request.engagementId,
      outgoingSpecialistId: request.outgoingSpecialistId,
      replacementSpecialistId: input.specialistId,
      startDate: input.startDate,
      handOver: input.handOverDuties,
    });
    return getReplacement(ctx, after.id);
  });
}

/** The allocation checks speak of an allocation's fields; on the fulfil form the person is the field to fix. */
function onFulfilForm<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (!(error instanceof DomainError) || !error.issues) throw error;
    const fields: Record<string, string> = { status: 'specialistId', specialistId: 'specialistId' };
    throw new DomainError(
      error.code,
      error.message,
      error.issues.map((i) => ({ ...i, path: fields[i.path] ?? i.path })),
    );
  }
}

/** The outgoing specialist's last day: the allocation is cut to end then (never lengthened). */
function endOutgoing(
  ctx: Context,
  outgoing: ReturnType<Context['repos']['allocations']['get']>,
  lastDay: string,
  audit: Audit,
  at: string,
): void {
  if (!outgoing || outgoing.status === 'cancelled') {
    throw new DomainError('invalid_input', 'The outgoing specialist has no allocation on this engagement to end.', [
      { path: 'outgoingEndDate', message: 'has no allocation to end; leave it empty' },
    ]);
  }
  if (lastDay < outgoing.startDate || lastDay > outgoing.endDate) {
    throw new DomainError(
      'invalid_input',
      `${outgoing.specialistName}’s allocation runs ${dateLabel(outgoing.startDate)} to ${dateLabel(outgoing.endDate)}; the last day must fall inside it.`,
      [{ path: 'outgoingEndDate', message: `must be from ${dateLabel(outgoing.startDate)} to ${dateLabel(outgoing.endDate)}` }],
    );
  }
  if (lastDay === outgoing.endDate) return;
  const { specialistName, engagementName, clientId: _c, clientName: _n, ...before } = outgoing;
  const after: Allocation = { ...before, endDate: lastDay, updatedAt: at };
  ctx.repos.allocations.update(after);
  audit({ entity: 'allocation', entityId: after.id, label: `${specialistName} → ${engagementName}`, action: 'update', before, after });
}

/** Cancels a request the client withdrew; `cancelledOn` defaults to today in the client's zone (the sample data passes its own). */
export function cancelReplacement(ctx: Context, id: string, reason: string, cancelledOn?: string): ReplacementItem {
  return ctx.write((audit, at) => {
    const loaded = load(ctx, id);
    requireOpen(loaded);
    const on = cancelledOn ?? todayIn(ctx, loaded.timeZone);
    const after: ReplacementRequest = { ...loaded.request, status: 'cancelled', cancelledOn: on, cancelReason: reason, updatedAt: at };
    ctx.repos.replacements.update(after);
    audit({ entity: 'replacement_request', entityId: id, label: labelOf(loaded.joined), action: 'cancel', before: loaded.request, after });
    return getReplacement(ctx, id);
  });
}
