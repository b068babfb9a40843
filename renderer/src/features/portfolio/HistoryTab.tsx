import { useProcedure } from '@renderer/api/queries';
import { ACTION_LABELS, describeChanges } from '@renderer/components/auditText';
import { instant } from '@renderer/components/dates';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { useState } from 'react';

const PAGE = 100;

/**
 * The model's whole audit trail, newest first: the model, its stage changes,
 * versions, approvals, deployments and card, filed under the model by their
 * services. Older entries load a page at a time (keyset paging on the log).
 */
export function HistoryTab({ model }: { model: ModelDetail }) {
  // Each page starts strictly before the last entry of the page above it.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return (
    <section className="history model-history" aria-labelledby="model-history">
      <h3 id="model-history">Everything recorded about {model.name}</h3>
      <ol>
        {cursors.map((beforeId, i) => (
          <HistoryPage
            key={beforeId ?? 'newest'}
            entityId={model.id}
            beforeId={beforeId}
            last={i === cursors.length - 1}
            onOlder={(id) => setCursors((c) => [...c, id])}
          />
        ))}
      </ol>
    </section>
  );
}

function HistoryPage({
  entityId,
  beforeId,
  last,
  onOlder,
}: {
  entityId: string;
  beforeId: string | undefined;
  last: boolean;
  onOlder(id: string): void;
}) {
  const page = useProcedure('audit.list', { entityId, limit: PAGE, ...(beforeId ? { beforeId } : {}) });
  if (page.error) return <li className="list-status list-status--error">Could not load the history: {page.error.message}</li>;
  if (!page.data) return <li className="list-status">Loading…</li>;
  const rows = page.data.rows;
  const oldest = rows[rows.length - 1];
  return (
    <>
      {rows.map((e) => (
        <li key={e.id}>
          <span className="history__when">{instant(e.at)}</span> {e.label}: {ACTION_LABELS[e.action].toLowerCase()} by {e.actor}
          {e.action === 'update' && <span className="history__fields"> — {describeChanges(e.before, e.after)}</span>}
        </li>
      ))}
      {last && page.data.hasMore && oldest && (
        <li>
          <button type="button" className="link" onClick={() => onOlder(oldest.id)}>
            Show older changes
          </button>
        </li>
      )}
    </>
  );
}
