import type { Hook } from '@backend/core/hooks';
import { dateLabel } from '@shared/kernel/dates';
import { ABSENCE_KIND_LABELS } from '@shared/plan/contract/allocations';

/**
 * A specialist's start date moving later: plan names the live allocations and
 * the time off that start before it, so clients can refuse the move instead of
 * leaving them before the person joined. Cancelled allocations hold no days.
 */
export const namePlanBeforeStart: Hook<'clients.specialistStartMoving'> = (ctx, { specialist, newStartDate, inTheWay }) => {
  for (const a of ctx.repos.allocations.liveForSpecialist(specialist.id)) {
    if (a.startDate >= newStartDate) continue;
    inTheWay.push({ area: 'plan', label: `the allocation to ${a.engagementName} from ${dateLabel(a.startDate)}` });
  }
  for (const a of ctx.repos.absences.startingBefore(specialist.id, newStartDate)) {
    inTheWay.push({ area: 'plan', label: `${ABSENCE_KIND_LABELS[a.kind].toLowerCase()} from ${dateLabel(a.startDate)}` });
  }
};
