import { useProcedure } from '@renderer/api/queries';
import { month } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { EmptyState } from '@renderer/ui/EmptyState';
import { formatMoney } from '@shared/kernel/money';
import { CostTrendChart } from './CostTrendChart';
import { DueList } from './DueList';
import { IncidentTable } from './IncidentRow';
import { useOperations } from './operationsStore';
import { SeverityChart } from './SeverityChart';

/** Per client: retraining due and overdue, open incidents with their responder and clock, reviews overdue, incidents by severity. */
export function OverviewView() {
  const { clientId, set } = useOperations();
  const overview = useProcedure('operations.overview', clientId ? { clientId } : {});
  if (overview.error) return <p className="form__error">{overview.error.message}</p>;
  const clients = overview.data?.clients;
  if (!clients) return <p className="list-status">Loading…</p>;
  if (clients.length === 0)
    return (
      <EmptyState title="Nothing to watch yet">
        Models in production, and models with a retraining policy or an incident, show here with what is due.
      </EmptyState>
    );
  const open = (id: string) => set({ open: id });
  const quiet = (c: (typeof clients)[number]) =>
    c.retraining.length === 0 &&
    c.openIncidents.length === 0 &&
    c.reviewsOverdue.length === 0 &&
    c.cost.trend.every((t) => t.totalMinor === 0) &&
    c.bySeverity.every((m) => m.sev1 + m.sev2 + m.sev3 + m.sev4 === 0);
  const calm = clients.filter(quiet);
  return (
    <div className="ops-overview">
      {clients
        .filter((c) => !quiet(c))
        .map((c) => (
          <section key={c.clientId} className="ops-client" aria-labelledby={`ops-client-${c.clientId}`}>
            <h2 id={`ops-client-${c.clientId}`}>{c.clientName}</h2>
            <div className="ops-client__grid">
              <div>
                <h3>Retraining due</h3>
                {c.retraining.length === 0 ? <p className="muted">Nothing due.</p> : <DueList rows={c.retraining} />}
                <h3>Open incidents</h3>
                {c.openIncidents.length === 0 ? (
                  <p className="muted">No open incident.</p>
                ) : (
                  <IncidentTable incidents={c.openIncidents} onOpen={open} label={`Open incidents of ${c.clientName}`} />
                )}
                {c.reviewsOverdue.length > 0 && (
                  <>
                    <h3>Post-incident reviews overdue</h3>
                    <IncidentTable incidents={c.reviewsOverdue} onOpen={open} label={`Reviews overdue at ${c.clientName}`} />
                  </>
                )}
              </div>
              <div className="ops-client__charts">
                <div>
                  <h3>Incidents by severity</h3>
                  <SeverityChart rows={c.bySeverity} label={`Incidents of ${c.clientName} by month and severity`} />
                </div>
                <div>
                  <h3>Run cost against budget</h3>
                  {c.cost.overBudget.length > 0 && (
                    <ul className="ops-due">
                      {c.cost.overBudget.map((o) => (
                        <li key={`${o.modelId}|${o.month}`}>
                          <Badge tone="critical">Over budget</Badge> {o.modelName}{' '}
                          <span className="muted">
                            {month(o.month)}: {formatMoney(o.totalMinor, c.cost.currency)} against{' '}
                            {formatMoney(o.budgetMinor, c.cost.currency)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {c.cost.trend.some((t) => t.totalMinor > 0 || t.budgetMinor > 0) ? (
                    <CostTrendChart
                      points={c.cost.trend}
                      currency={c.cost.currency}
                      label={`Run cost of ${c.clientName} against its models’ budgets`}
                    />
                  ) : (
                    <p className="muted">No run cost recorded.</p>
                  )}
                </div>
              </div>
            </div>
          </section>
        ))}
      {calm.length > 0 && (
        <p className="muted">Nothing due and no incident in twelve months: {calm.map((c) => c.clientName).join(', ')}.</p>
      )}
    </div>
  );
}
