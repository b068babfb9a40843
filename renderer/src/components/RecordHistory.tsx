import { format, parseISO } from 'date-fns';
import { useProcedure } from '../api/queries';
import { ACTION_LABELS, describeChanges } from '../features/audit/describe';

/** The last changes of one record, from the audit log. */
export function RecordHistory({ entityId }: { entityId: string }) {
  const history = useProcedure('audit.list', { entityId, limit: 8 });
  if (!history.data || history.data.rows.length === 0) return null;
  return (
    <section className="history">
      <h3>History</h3>
      <ol>
        {history.data.rows.map((e) => (
          <li key={e.id}>
            <span className="history__when">{format(parseISO(e.at), 'd MMM yyyy HH:mm')}</span> {ACTION_LABELS[e.action]} by {e.actor}
            {e.action === 'update' && <span className="history__fields"> — {describeChanges(e.before, e.after)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
