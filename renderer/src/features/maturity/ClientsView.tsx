import { useProcedure } from '@renderer/api/queries';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import type { ClientMaturity } from '@shared/maturity/contract/overview';
import type { FrameworkKey } from '@shared/maturity/rules/vocabulary';

const overall = (levels: ClientMaturity['current'], framework: FrameworkKey) =>
  levels?.levels.find((l) => l.framework === framework)?.overall;

/** Every client's maturity side by side: the latest final levels, the change since the one before, open drafts. */
export function ClientsView({ onOpen }: { onOpen(clientId: string): void }) {
  const clients = useProcedure('maturity.clients', {});
  if (clients.isPending) return <p className="muted">Loading…</p>;
  if (clients.error) return <p role="alert">{clients.error.message}</p>;
  const change = (c: ClientMaturity, framework: FrameworkKey) => {
    const by = c.change.find((x) => x.framework === framework)?.by ?? null;
    if (by === null) return null;
    if (by === 0) return <span className="muted"> (=)</span>;
    return <Badge tone={by > 0 ? 'ok' : 'critical'}>{by > 0 ? `+${by}` : by}</Badge>;
  };
  return (
    <table className="table mat-table" aria-label="Maturity of every client">
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">Latest final</th>
          <th scope="col">Microsoft overall</th>
          <th scope="col">Google overall</th>
          <th scope="col">Final assessments</th>
          <th scope="col">Open draft</th>
        </tr>
      </thead>
      <tbody>
        {clients.data.map((c) => (
          <tr key={c.clientId}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onOpen(c.clientId)}>
                {c.clientName}
              </button>
            </th>
            <td>{c.current ? day(c.current.assessedOn) : <span className="muted">never assessed</span>}</td>
            <td>
              {overall(c.current, 'microsoft') ?? '—'}
              {change(c, 'microsoft')}
            </td>
            <td>
              {overall(c.current, 'google') ?? '—'}
              {change(c, 'google')}
            </td>
            <td>{c.finals}</td>
            <td>{c.draft ? day(c.draft.assessedOn) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
