import type { Context } from '@backend/core/context';
import { type AreaSummary, summaryOf } from '@shared/kernel/summary';
import { operationsOverview } from './overviewService';

/** Open incidents are critical; retraining overdue or due and reviews overdue need attention. */
export function operationsSummary(ctx: Context): AreaSummary {
  const { clients } = operationsOverview(ctx, undefined);
  const count = (pick: (c: (typeof clients)[number]) => number) => clients.reduce((n, c) => n + pick(c), 0);
  return summaryOf('operations', [
    { label: 'open incidents', one: 'open incident', count: count((c) => c.openIncidents.length), tone: 'critical' },
    { label: 'models due for retraining', one: 'model due for retraining', count: count((c) => c.retraining.length), tone: 'attention' },
    { label: 'incident reviews overdue', one: 'incident review overdue', count: count((c) => c.reviewsOverdue.length), tone: 'attention' },
    { label: 'models over budget', one: 'model over budget', count: count((c) => c.cost.overBudget.length), tone: 'attention' },
  ]);
}
