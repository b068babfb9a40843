import { assertUnchanged, refuse } from '@backend/core/archive';
import { holidaysOfCalendar } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { clockThresholds } from '@backend/core/continuitySettings';
import { newId } from '@backend/core/ids';
import { archivedRecordRefusal } from '@shared/clients/rules/lifecycle';
import { normalizeSkills } from '@shared/clients/rules/skills';
import type { ClockThresholds } from '@shared/kernel/businessClock';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type { StaffingFields, StaffingRequest, StaffingRequestItem } from '@shared/plan/contract/staffing';
import { fillClock, isOpenStage, type OpenStage, STAFFING_STAGE_LABELS, stageChangeRefusal } from '@shared/plan/rules/staffing';
import { insertAllocation } from './allocationService';
import type { StaffingWithEngagement } from './staffingRepository';

type ValidStaffingFields = Omit<Required<StaffingFields>, 'openedOn'> & { openedOn?: string | undefined };

/** A request with its fill clock; lists pass the thresholds read once. */
export function staffingItem(
  ctx: Context,
  request: StaffingWithEngagement,
  thresholds: ClockThresholds = clockThresholds(ctx),
): StaffingRequestItem {
  return {
    ...request,
    clock: fillClock(request, ctx.today(), holidaysOfCalendar(request.holidayCalendar), thresholds),
    allocation: request.allocationId ? ctx.repos.allocations.get(request.allocationId) : null,
  };
}

export function getStaffingRequest(ctx: Context, id: string): StaffingRequestItem {
  const request = ctx.repos.staffing.get(id);
  if (!request) throw notFound('Staffing request', id);
  return staffingItem(ctx, request);
}

function checkFields(ctx: Context, fields: ValidStaffingFields & { openedOn: string }): void {
  const engagement = ctx.repos.engagements.get(fields.engagementId);
  if (!engagement) {
    throw unknownReference('Engagement', fields.engagementId, 'engagementId');
  }
  refuse(archivedRecordRefusal(engagement.name, engagement.archivedAt));
  if (engagement.status === 'ended') {
    throw new DomainError('conflict', `${engagement.name} has ended; open roles only on running or proposed engagements.`, [
      { path: 'engagementId', message: 'has ended' },
    ]);
  }
  if (fields.startDate < engagement.startDate) {
    throw new DomainError(
      'invalid_input',
      `${engagement.name} starts on ${dateLabel(engagement.startDate)}; the role cannot start before that.`,
      [{ path: 'startDate', message: `must be on or after the engagement’s start (${engagement.startDate})` }],
    );
  }
  if (engagement.endDate !== null && fields.startDate > engagement.endDate) {
    throw new DomainError(
      'invalid_input',
      `${engagement.name} ends on ${dateLabel(engagement.endDate)}; the role must start before that.`,
      [{ path: 'startDate', message: `must be on or before the engagement’s end (${engagement.endDate})` }],
    );
  }
  if (fields.openedOn > ctx.today()) {
    throw new DomainError('invalid_input', 'A request cannot be opened in the future.', [
      { path: 'openedOn', message: 'cannot be after today' },
    ]);
  }
}

function stored(ctx: Context, id: string): { request: StaffingRequest; joined: StaffingWithEngagement } {
  const joined = ctx.repos.staffing.get(id);
  if (!joined) throw notFound('Staffing request', id);
  const { engagementName: _n, engagementEndDate: _e, clientId: _c, clientName: _cn, holidayCalendar: _h, ...request } = joined;
  return { request, joined };
}

function requireOpen(request: StaffingRequest): void {
  if (!isOpenStage(request.stage)) {
    refuse(`“${request.title}” is ${STAFFING_STAGE_LABELS[request.stage].toLowerCase()} and can no longer be changed.`);
  }
}

export function createStaffingRequest(ctx: Context, input: ValidStaffingFields): StaffingRequestItem {
  return ctx.write((audit, at) => {
    const fields = { ...input, openedOn: input.openedOn ?? ctx.today() };
    checkFields(ctx, fields);
    const request: StaffingRequest = {
      id: newId(),
      ...fields,
      requiredSkills: normalizeSkills(fields.requiredSkills),
      regionPreferences: [...new Set(fields.regionPreferences)],
      stage: 'defined',
      filledOn: null,
      allocationId: null,
      declinedOn: null,
      declineReason: '',
      createdAt: at,
      updatedAt: at,
    };
    ctx.repos.staffing.insert(request);
    audit({ entity: 'staffing_request', entityId: request.id, label: request.title, action: 'create', before: null, after: request });
    return getStaffingRequest(ctx, request.id);
  });
}

export function updateStaffingRequest(
  ctx: Context,
  input: ValidStaffingFields & { openedOn: string; id: string; expectedUpdatedAt?: string | undefined },
): StaffingRequestItem {
  const { id, expectedUpdatedAt, ...fields } = input;
  return ctx.write((audit, at) => {
    const { request: before } = stored(ctx, id);
    assertUnchanged(before, expectedUpdatedAt, `“${before.title}”`);
    requireOpen(before);
    checkFields(ctx, fields);
    const after: StaffingRequest = {
      ...before,
      ...fields,
      requiredSkills: normalizeSkills(fields.requiredSkills),
      regionPreferences: [...new Set(fields.regionPreferences)],
      updatedAt: at,
    };
    ctx.repos.staffing.update(after);
    audit({ entity: 'staffing_request', entityId: id, label: after.title, action: 'update', before, after });
    return getStaffingRequest(ctx, id);
  });
}

export function setStaffingStage(ctx: Context, id: string, stage: OpenStage): StaffingRequestItem {
  return ctx.write((audit, at) => {
    const { request: before } = stored(ctx, id);
    refuse(stageChangeRefusal(before.title, before.stage, stage));
    const after: StaffingRequest = { ...before, stage, updatedAt: at };
    ctx.repos.staffing.update(after);
    audit({ entity: 'staffing_request', entityId: id, label: after.title, action: 'update', before, after });
    return getStaffingRequest(ctx, id);
  });
}

/** Filling creates the allocation the request became (checked like any allocation) and links it, in one transaction. */
export function fillStaffingRequest(
  ctx: Context,
  input: {
    id: string;
    specialistId: string;
    startDate: string;
    endDate: string;
    loadPercent?: number | undefined;
    status: 'tentative' | 'confirmed';
    filledOn?: string | undefined;
  },
): StaffingRequestItem {
  return ctx.write((audit, at) => {
    const { request: before, joined } = stored(ctx, input.id);
    requireOpen(before);
    const filledOn = input.filledOn ?? ctx.today();
    if (filledOn < before.openedOn) {
      throw new DomainError(
        'invalid_input',
        `“${before.title}” was opened on ${dateLabel(before.openedOn)}; it cannot be filled before that.`,
        [{ path: 'filledOn', message: `must be on or after ${before.openedOn}` }],
      );
    }
    if (filledOn > ctx.today()) {
      throw new DomainError('invalid_input', 'A request cannot be filled in the future.', [
        { path: 'filledOn', message: 'cannot be after today' },
      ]);
    }
    const allocation = insertAllocation(
      ctx,
      {
        specialistId: input.specialistId,
        engagementId: joined.engagementId,
        startDate: input.startDate,
        endDate: input.endDate,
        loadPercent: input.loadPercent ?? before.loadPercent,
        status: input.status,
        note: `Fills staffing request “${before.title}”.`,
      },
      audit,
      at,
    );
    const after: StaffingRequest = { ...before, stage: 'filled', filledOn, allocationId: allocation.id, updatedAt: at };
    ctx.repos.staffing.update(after);
    audit({ entity: 'staffing_request', entityId: after.id, label: after.title, action: 'update', before, after });
    return getStaffingRequest(ctx, after.id);
  });
}

export function declineStaffingRequest(ctx: Context, id: string, reason: string): StaffingRequestItem {
  return ctx.write((audit, at) => {
    const { request: before } = stored(ctx, id);
    requireOpen(before);
    const after: StaffingRequest = { ...before, stage: 'declined', declinedOn: ctx.today(), declineReason: reason, updatedAt: at };
    ctx.repos.staffing.update(after);
    audit({ entity: 'staffing_request', entityId: id, label: after.title, action: 'update', before, after });
    return getStaffingRequest(ctx, id);
  });
}
