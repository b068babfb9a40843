import type { Hook } from '@backend/core/hooks';
import { dateLabel } from '@shared/kernel/dates';

/** A specialist's start date moving later: continuity names the replacements they took over before it. */
export const nameReplacementsBeforeStart: Hook<'clients.specialistStartMoving'> = (ctx, { specialist, newStartDate, inTheWay }) => {
  for (const r of ctx.repos.replacements.fulfilledByBefore(specialist.id, newStartDate)) {
    inTheWay.push({
      area: 'continuity',
      label: `the replacement of ${r.outgoingSpecialistName} on ${r.engagementName} from ${dateLabel(r.replacementStartDate ?? '')}`,
    });
  }
};
