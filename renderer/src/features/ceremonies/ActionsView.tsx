import { useProcedure } from '@renderer/api/queries';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { ActionItem } from '@shared/ceremonies/contract/occurrences';
import { useState } from 'react';
import { ActionRow } from './ActionRow';
import { useCeremonies } from './ceremoniesStore';

/** Action items by owner, overdue first: the one list of what the ceremonies asked people to do. */
export function ActionsView() {
  const { clientId, engagementId } = useCeremonies();
  const [all, setAll] = useState(false);
  const list = useProcedure('actions.list', {
    ...(engagementId ? { engagementId } : clientId ? { clientId } : {}),
    include: all ? 'all' : 'open',
  });
  const owners = new Map<string, ActionItem[]>();
  for (const a of list.data ?? []) owners.set(a.owner.name, [...(owners.get(a.owner.name) ?? []), a]);
  const ordered = [...owners.entries()].sort(
    (a, b) => b[1].filter((x) => x.overdue).length - a[1].filter((x) => x.overdue).length || a[0].localeCompare(b[0]),
  );
  return (
    <div className="cer-actions-view">
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show done and dropped items too
      </label>
      {list.error && <p className="form__error">{list.error.message}</p>}
      {!list.data ? (
        <p className="list-status">Loading…</p>
      ) : ordered.length === 0 ? (
        <EmptyState title={all ? 'No action item yet' : 'No open action item'}>
          Action items are raised at an occurrence, from the calendar.
        </EmptyState>
      ) : (
        ordered.map(([owner, items]) => (
          <section key={owner} className="cer-owner" aria-label={owner}>
            <h3>
              {owner}{' '}
              <span className="muted">
                {items.filter((a) => a.overdue).length > 0 ? `${items.filter((a) => a.overdue).length} overdue · ` : ''}
                {items.filter((a) => a.status === 'open').length} open
              </span>
            </h3>
            <ul className="cer-actions">
              {items.map((a) => (
                <ActionRow key={a.id} item={a} showSeries />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
