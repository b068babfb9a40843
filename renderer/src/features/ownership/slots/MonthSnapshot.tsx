import { useProcedure } from '@renderer/api/queries';
import type { Slots } from '@renderer/app/slots';
import { instant } from '@renderer/components/dates';
import type { FindingCounts, SnapshotListItem } from '@shared/ownership/contract/matrix';
import { useRef, useState } from 'react';
import { plural } from '../labels';
import { SnapshotDialog } from './SnapshotViewer';
import './slots.css';

/** "2 errors, 3 warnings" (notices only when there are some). */
export function countsWords(c: FindingCounts): string {
  const parts = [plural(c.error, 'error', 'errors'), plural(c.warning, 'warning', 'warnings')];
  if (c.info > 0) parts.push(plural(c.info, 'notice', 'notices'));
  return parts.join(', ');
}

/** The month's recording at its latest approval (a month reopened and approved again was recorded again). */
export function latestOf(items: readonly SnapshotListItem[], month: string): SnapshotListItem | null {
  return items.filter((i) => i.month === month).reduce<SnapshotListItem | null>((a, b) => (a && a.takenAt >= b.takenAt ? a : b), null);
}

/**
 * An approved or invoiced month's review: the ownership matrix as it was recorded when the month was
 * approved. The line comes from the engagement's list of recordings (their counts); the matrix itself
 * is read when someone opens it.
 */
export function MonthSnapshot({ engagementId, month, status }: Slots['month.sections']) {
  const recorded = status !== 'open';
  const list = useProcedure('ownership.snapshots', { engagementId }, recorded);
  const [viewing, setViewing] = useState(false);
  const view = useRef<HTMLButtonElement>(null);
  if (!recorded) return null;
  const item = list.data ? latestOf(list.data, month) : undefined;
  return (
    <section className="own-slot own-snapshot" aria-label="Ownership matrix at approval">
      {list.error && <p className="own-slot__error">Could not read the recorded ownership matrices: {list.error.message}</p>}
      {list.isLoading && <p className="muted">Reading the ownership matrix recorded at approval…</p>}
      {item === null && <p className="muted">No ownership matrix was recorded when this month was approved.</p>}
      {item && (
        <p className={`own-snapshot__line${item.counts.error > 0 ? ' own-snapshot__line--errors' : ''}`}>
          <span>
            Ownership matrix recorded at approval: <strong>{countsWords(item.counts)}</strong>
            <span className="muted">
              {' '}
              · {instant(item.takenAt)} by {item.takenBy}
            </span>
          </span>{' '}
          <button ref={view} type="button" className="button button--small" aria-haspopup="dialog" onClick={() => setViewing(true)}>
            View
          </button>
        </p>
      )}
      {item && viewing && (
        <SnapshotDialog
          engagementId={engagementId}
          month={month}
          onClose={() => {
            setViewing(false);
            view.current?.focus();
          }}
        />
      )}
    </section>
  );
}
