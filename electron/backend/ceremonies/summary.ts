import type { Context } from '@backend/core/context';
import { type AreaSummary, summaryOf } from '@shared/kernel/summary';
import { rhythmOf } from './rhythmService';

/** Missed occurrences and freeze conflicts need attention, as do overdue action items. */
export function ceremoniesSummary(ctx: Context): AreaSummary {
  const rhythm = rhythmOf(ctx, undefined);
  const count = (pick: (r: (typeof rhythm)[number]) => number) => rhythm.reduce((n, r) => n + pick(r), 0);
  return summaryOf('ceremonies', [
    { label: 'missed ceremonies', one: 'missed ceremony', count: count((r) => r.missed.length), tone: 'attention' },
    { label: 'freeze conflicts', one: 'freeze conflict', count: count((r) => r.conflicts.length), tone: 'critical' },
    { label: 'overdue action items', one: 'overdue action item', count: count((r) => r.overdueActions), tone: 'attention' },
  ]);
}
