import { useProcedure } from '@renderer/api/queries';
import { ACTION_LABELS, describeChanges } from '@renderer/components/auditText';
import type { AuditedEntity } from '@shared/entities';
import { instant } from './dates';

/**
 * The last changes of one record, from the audit log. Parts of a record filed
 * under its id (a replacement request's pauses and candidates) are named by
 * their own label, so "Created" is never ambiguous.
 */
export function RecordHistory({ entityId, entity }: { entityId: string; entity?: AuditedEntity }) {
  const history = useProcedure('audit.list', { entityId, limit: 8 });
  if (!history.data || history.data.rows.length === 0) return null;
  return (
    <section className="history">
      <h3>History</h3>
      <ol>
        {history.data.rows.map((e) => (
          <li key={e.id}>
            <span className="history__when">{instant(e.at)}</span>{' '}
            {entity && e.entity !== entity ? `${e.label}: ${ACTION_LABELS[e.action].toLowerCase()}` : ACTION_LABELS[e.action]} by {e.actor}
            {e.action === 'update' && <span className="history__fields"> — {describeChanges(e.before, e.after)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
