import type { Context } from '@backend/core/context';
import { groupBy } from '@shared/kernel/collections';
import { monthStart } from '@shared/kernel/days';
import { unknownReference } from '@shared/kernel/errors';
import type { ClientOperations, OperationsOverview } from '@shared/operations/contract/overview';
import { severityByMonth } from '@shared/operations/rules/incidents';
import { incidentViews } from './incidentService';
import { retrainingDueOf } from './retrainingService';

/** The twelve months ending with the current one, oldest first. */
export function lastTwelveMonths(today: string): string[] {
  return Array.from({ length: 12 }, (_, i) => monthStart(today, i - 11).slice(0, 7));
}

/**
 * Per client with anything to watch: retraining due and overdue, open incidents (responder and clock), reviews
 * overdue, incidents by severity over twelve months. One pass over the watched models and one over the incidents.
 */
export function operationsOverview(ctx: Context, clientId: string | undefined): OperationsOverview {
  if (clientId !== undefined && !ctx.repos.clients.get(clientId)) throw unknownReference('Client', clientId, 'clientId');
  const today = ctx.today();
  const months = lastTwelveMonths(today);
  const models = ctx.repos.operations.watched(clientId ?? null);
  const due = groupBy(retrainingDueOf(ctx, clientId ?? null, models), (d) => d.clientId);
  const incidents = groupBy(
    incidentViews(ctx, ctx.repos.operations.incidents({ clientId, since: `${months[0]}-01T00:00:00.000Z` })),
    (i) => i.clientId,
  );
  const names = new Map(models.map((m) => [m.clientId, m.clientName]));
  for (const list of incidents.values()) for (const i of list) names.set(i.clientId, i.clientName);
  const clients: ClientOperations[] = [...names.entries()]
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([id, name]) => {
      const own = incidents.get(id) ?? [];
      return {
        clientId: id,
        clientName: name,
        retraining: due.get(id) ?? [],
        openIncidents: own.filter((i) => i.state !== 'resolved'),
        reviewsOverdue: own.filter((i) => i.review?.state === 'overdue'),
        bySeverity: severityByMonth(
          own.map((i) => ({ detectedOn: i.detectedAt.slice(0, 10), severity: i.severity })),
          months,
        ),
      };
    });
  return { at: ctx.now(), clients };
}
