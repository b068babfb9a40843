import { assertUnchanged, refuse } from '@backend/core/archive';
import type { Audit, Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { EngagementListItem } from '@shared/clients/contract/engagements';
import type { Specialist } from '@shared/clients/contract/specialists';
import { joinedRefusal } from '@shared/clients/rules/joined';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type { Allocation, AllocationDetail, AllocationFields } from '@shared/plan/contract/allocations';
import { allocationRangeIssues, dedicationRefusal, planFlags } from '@shared/plan/rules/allocations';
import type { PlanAllocation } from '@shared/plan/rules/plan';

export type ValidAllocationFields = Required<AllocationFields>;

/** The specialist and engagement an allocation may use: both exist, are live, and its dates fit both. */
export function checkAllocation(
  ctx: Context,
  fields: ValidAllocationFields,
  id: string | null,
): { specialist: Specialist; engagement: EngagementListItem } {
  const specialist = ctx.repos.specialists.get(fields.specialistId);
  if (!specialist) {
    throw unknownReference('Specialist', fields.specialistId, 'specialistId');
  }
  if (specialist.archivedAt) refuse(`${specialist.fullName} is archived. Restore the specialist before allocating them.`);
  if (specialist.status === 'left') {
    throw new DomainError('conflict', `${specialist.fullName} has left the company and cannot be allocated.`, [
      { path: 'specialistId', message: 'has left' },
    ]);
  }
  const engagement = ctx.repos.engagements.get(fields.engagementId);
  if (!engagement) {
    throw unknownReference('Engagement', fields.engagementId, 'engagementId');
  }
  if (engagement.archivedAt) refuse(`${engagement.name} is archived. Restore the engagement before allocating people to it.`);
  const client = ctx.repos.clients.get(engagement.clientId);
  if (client?.archivedAt) refuse(`${client.name} is archived. Restore the client before you allocate people to it.`);
  const issues = allocationRangeIssues(fields, engagement, specialist);
  const joined = joinedRefusal(specialist, fields.startDate, 'allocation');
  // Only the join date in the way: the clients area's sentence says it best.
  if (joined && issues.length === 1) throw new DomainError('invalid_input', joined, issues);
  if (issues.length) {
    const runs = engagement.endDate
      ? `runs ${dateLabel(engagement.startDate)} to ${dateLabel(engagement.endDate)}`
      : `runs from ${dateLabel(engagement.startDate)}, open-ended`;
    const joins = fields.startDate < specialist.startDate ? ` and ${specialist.fullName} joins on ${dateLabel(specialist.startDate)}` : '';
    throw new DomainError('invalid_input', `The allocation does not fit: ${engagement.name} ${runs}${joins}.`, issues);
  }
  const candidate: PlanAllocation = {
    ...fields,
    id: id ?? 'new',
    clientId: engagement.clientId,
    clientName: engagement.clientName,
    engagementName: engagement.name,
  };
  const refusal = dedicationRefusal(candidate, ctx.repos.allocations.liveForSpecialist(specialist.id), specialist.fullName);
  if (refusal)
    throw new DomainError('conflict', refusal, [
      { path: 'status', message: 'cannot be confirmed: the dates overlap a confirmed allocation at another client' },
    ]);
  return { specialist, engagement };
}

/** An allocation with its specialist's flags (overloads, hand-overs) that touch its dates. */
export function allocationDetail(ctx: Context, id: string): AllocationDetail {
  const allocation = ctx.repos.allocations.get(id);
  if (!allocation) throw notFound('Allocation', id);
  if (allocation.status === 'cancelled') return { ...allocation, flags: [] };
  const flags = planFlags(ctx.repos.allocations.liveForSpecialist(allocation.specialistId)).filter(
    (f) => f.allocationIds.includes(id) && f.endDate >= allocation.startDate && f.startDate <= allocation.endDate,
  );
  return { ...allocation, flags };
}

const labelOf = (specialist: { fullName: string }, engagement: { name: string }) => `${specialist.fullName} → ${engagement.name}`;

/** Inserts a checked allocation and audits it; used by `allocations.create` and by filling a staffing request. */
export function insertAllocation(ctx: Context, fields: ValidAllocationFields, audit: Audit, at: string) {
  const { specialist, engagement } = checkAllocation(ctx, fields, null);
  const allocation: Allocation = { id: newId(), ...fields, cancelReason: '', createdAt: at, updatedAt: at };
  ctx.repos.allocations.insert(allocation);
  audit({
    entity: 'allocation',
    entityId: allocation.id,
    label: labelOf(specialist, engagement),
    action: 'create',
    before: null,
    after: allocation,
  });
  return allocation;
}

export function createAllocation(ctx: Context, fields: ValidAllocationFields): AllocationDetail {
  return ctx.write((audit, at) => allocationDetail(ctx, insertAllocation(ctx, fields, audit, at).id));
}

function stored(ctx: Context, id: string): Allocation {
  const current = ctx.repos.allocations.get(id);
  if (!current) throw notFound('Allocation', id);
  const { specialistName: _s, engagementName: _e, clientId: _ci, clientName: _cn, ...allocation } = current;
  return allocation;
}

export function updateAllocation(
  ctx: Context,
  input: ValidAllocationFields & { id: string; expectedUpdatedAt?: string | undefined },
): AllocationDetail {
  const { id, expectedUpdatedAt, ...fields } = input;
  return ctx.write((audit, at) => {
    const before = stored(ctx, id);
    assertUnchanged(before, expectedUpdatedAt, 'This allocation');
    if (before.status === 'cancelled') refuse('This allocation is cancelled and cannot be changed. Create a new one instead.');
    const { specialist, engagement } = checkAllocation(ctx, fields, id);
    const after: Allocation = { ...before, ...fields, updatedAt: at };
    ctx.repos.allocations.update(after);
    audit({ entity: 'allocation', entityId: id, label: labelOf(specialist, engagement), action: 'update', before, after });
    return allocationDetail(ctx, id);
  });
}

export function cancelAllocation(ctx: Context, id: string, reason: string): AllocationDetail {
  return ctx.write((audit, at) => {
    const current = ctx.repos.allocations.get(id);
    if (!current) throw notFound('Allocation', id);
    const before = stored(ctx, id);
    if (before.status === 'cancelled') refuse('This allocation is already cancelled.');
    const after: Allocation = { ...before, status: 'cancelled', cancelReason: reason, updatedAt: at };
    ctx.repos.allocations.update(after);
    const label = `${current.specialistName} → ${current.engagementName}`;
    audit({ entity: 'allocation', entityId: id, label, action: 'cancel', before, after });
    return allocationDetail(ctx, id);
  });
}
