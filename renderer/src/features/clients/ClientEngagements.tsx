import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { ENGAGEMENT_STATUS_LABELS } from '@shared/clients/rules/reference';
import { ENGAGEMENT_STATUS_TONE } from './engagements/status';

/** A client's engagements, newest first, each opening its engagement. */
export function ClientEngagements({ clientId }: { clientId: string }) {
  const list = useProcedure('engagements.list', { clientId, archived: 'all', sort: 'startDate', direction: 'desc' });
  const go = useNav((s) => s.go);
  if (!list.data) return null;
  return (
    <section className="history">
      <h3>Engagements</h3>
      {list.data.rows.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="related">
          {list.data.rows.map((e) => (
            <li key={e.id}>
              <button type="button" className="link" onClick={() => go({ area: 'engagements', recordId: e.id })}>
                {e.name}
              </button>
              <Badge tone={e.archivedAt ? 'neutral' : ENGAGEMENT_STATUS_TONE[e.status]}>
                {e.archivedAt ? 'Archived' : ENGAGEMENT_STATUS_LABELS[e.status]}
              </Badge>
              <span className="muted">
                {' '}
                from {day(e.startDate)} · {e.currency}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
