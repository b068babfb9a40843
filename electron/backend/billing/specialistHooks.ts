import type { Hook } from '@backend/core/hooks';
import { dateLabel } from '@shared/kernel/dates';

/** A specialist's start date moving later: billing names the hours recorded before it (they would be billed before the person joined). */
export const nameHoursBeforeStart: Hook<'clients.specialistStartMoving'> = (ctx, { specialist, newStartDate, inTheWay }) => {
  const { count, first, last } = ctx.repos.timeEntries.beforeDate(specialist.id, newStartDate);
  if (count === 0 || first === null || last === null) return;
  const days = first === last ? `on ${dateLabel(first)}` : `from ${dateLabel(first)} to ${dateLabel(last)}`;
  inTheWay.push({ area: 'billing', label: `${count === 1 ? '1 time entry' : `${count} time entries`} ${days}` });
};
