import { useProcedure } from '@renderer/api/queries';
import type { Slots } from '@renderer/app/slots';
import { instant } from '@renderer/components/dates';
import type { FindingCounts } from '@shared/ownership/contract/matrix';
import { useRef, useState } from 'react';
import { SnapshotDialog } from './SnapshotViewer';
import './slots.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 errors, 3 warnings" (notices only when there are some). */
export function countsWords(c: FindingCounts): string {
  const parts = [plural(c.error, 'error', 'errors'), plural(c.warning, 'warning', 'warnings')];
  if (c.info > 0) parts.push(plural(c.info, 'notice', 'notices'));
  return parts.join(', ');
}

/** An approved or invoiced month's review: the ownership matrix as it was recorded when the month was approved. */
export function MonthSnapshot({ engagementId, month, status }: Slots['month.sections']) {
  const recorded = status !== 'open';
  const snapshot = useProcedure('ownership.snapshot', { engagementId, month }, recorded);
  const [viewing, setViewing] = useState(false);
  const view = useRef<HTMLButtonElement>(null);
  if (!recorded) return null;
  const s = snapshot.data;
  return (
    <section className="own-slot own-snapshot" aria-label="Ownership matrix at approval">
      {snapshot.error && <p className="own-slot__error">Could not read the recorded ownership matrix: {snapshot.error.message}</p>}
      {snapshot.isLoading && <p className="muted">Reading the ownership matrix recorded at approval…</p>}
      {s === null && <p className="muted">No ownership matrix was recorded when this month was approved.</p>}
      {s && (
        <p className={`own-snapshot__line${s.matrix.counts.error > 0 ? ' own-snapshot__line--errors' : ''}`}>
          <span>
            Ownership matrix recorded at approval: <strong>{countsWords(s.matrix.counts)}</strong>
            <span className="muted">
              {' '}
              · {instant(s.takenAt)} by {s.takenBy}
            </span>
          </span>{' '}
          <button ref={view} type="button" className="button button--small" aria-haspopup="dialog" onClick={() => setViewing(true)}>
            View
          </button>
        </p>
      )}
      {s && viewing && (
        <SnapshotDialog
          snapshot={s}
          onClose={() => {
            setViewing(false);
            view.current?.focus();
          }}
        />
      )}
    </section>
  );
}
