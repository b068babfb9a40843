import type { Context } from '@backend/core/context';
import { groupBy } from '@shared/kernel/collections';
import { monthStart } from '@shared/kernel/days';
import { unknownReference } from '@shared/kernel/errors';
import type { ClientOperations, OperationsOverview } from '@shared/operations/contract/overview';
import { overBudget } from '@shared/operations/rules/costs';
import { incidentViews } from './incidentService';
import { retrainingDueOf } from './retrainingService';

/** The twelve months ending with the current one, oldest first. */
export function lastTwelveMonths(today: string): string[] {
  return Array.from({ length: 12 }, (_, i) => monthStart(today, i - 11).slice(0, 7));
}

/**
 * Per client with anything to watch: retraining due and overdue, open incidents (responder and clock), reviews
 * overdue (of the incidents of the last twelve months), incidents by severity over twelve months. One pass over the watched models and one over the incidents.
 */
export function operationsOverview(ctx: Context, clientId: string | undefined): OperationsOverview {
  if (clientId !== undefined && !ctx.repos.clients.get(clientId)) throw unknownReference('Client', clientId, 'clientId');
  const today = ctx.today();
  const months = lastTwelveMonths(today);
  const since = `${months[0]}-01T00:00:00.000Z`;
  const models = ctx.repos.operations.watched(clientId ?? null);
  const due = groupBy(retrainingDueOf(ctx, clientId ?? null, models), (d) => d.clientId);
  const attention = groupBy(incidentViews(ctx, ctx.repos.operations.needingAttention(clientId ?? null, since, today)), (i) => i.clientId);
  const counts = groupBy(ctx.repos.operations.severityCounts(clientId ?? null, since), (c) => c.clientId);
  const cost = ctx.repos.operations.costOverview(clientId ?? null, months[0] as string, months[months.length - 1] as string);
  const costTotals = groupBy(cost.totals, (t) => t.clientId);
  const overruns = groupBy(
    cost.budgeted.filter((b) => overBudget(b.totalMinor, b.budgetMinor)),
    (o) => o.clientId,
  );
  const names = new Map(models.map((m) => [m.clientId, m.clientName]));
  for (const list of attention.values()) for (const i of list) names.set(i.clientId, i.clientName);
  for (const list of counts.values()) for (const c of list) names.set(c.clientId, c.clientName);
  const currencies = ctx.repos.operations.clientCurrencies([...names.keys()]);
  const clients: ClientOperations[] = [...names.entries()]
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([id, name]) => {
      const own = attention.get(id) ?? [];
      const bySeverity = new Map(months.map((m) => [m, { month: m, sev1: 0, sev2: 0, sev3: 0, sev4: 0 }]));
      for (const c of counts.get(id) ?? []) {
        const row = bySeverity.get(c.month);
        if (row) row[c.severity] += c.n;
      }
      return {
        clientId: id,
        clientName: name,
        retraining: due.get(id) ?? [],
        openIncidents: own.filter((i) => i.state !== 'resolved'),
        reviewsOverdue: own.filter((i) => i.review?.state === 'overdue'),
        bySeverity: [...bySeverity.values()],
        cost: {
          currency: currencies.get(id) ?? '',
          trend: months.map((month) => ({
            month,
            totalMinor: costTotals.get(id)?.find((t) => t.month === month)?.totalMinor ?? 0,
            budgetMinor: cost.budgets.get(id) ?? 0,
          })),
          overBudget: (overruns.get(id) ?? []).map(({ clientId: _c, ...o }) => o),
        },
      };
    });
  return { at: ctx.now(), clients };
}
