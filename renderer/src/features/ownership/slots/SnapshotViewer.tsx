import { useProcedure } from '@renderer/api/queries';
import { day, instant, monthLong } from '@renderer/components/dates';
import type { MatrixCell, MatrixPerson, MatrixRow, OwnershipSnapshot } from '@shared/ownership/contract/matrix';
import {
  ASSET_TYPE_LABELS,
  FINDING_LABELS,
  ROLE_LABELS,
  ROLE_LETTERS,
  ROLES,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
} from '@shared/ownership/rules/vocabulary';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import './slots.css';

const cellKey = (kind: string, id: string, duty: string) => `${kind}:${id}:${duty}`;

/**
 * The ownership matrix recorded when a month was approved, read-only, in a dialog above the month's
 * review: rows × duties with each holder's role letter and initials, then the findings. A plain table
 * (a recorded matrix is read, not worked in).
 */
export function SnapshotDialog({ engagementId, month, onClose }: { engagementId: string; month: string; onClose(): void }) {
  const snapshot = useProcedure('ownership.snapshot', { engagementId, month });
  const s = snapshot.data;
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Only the dialog closes, not the drawer below it.
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'Tab') trapTab(e, dialog.current);
  };
  return createPortal(
    <div className="ui-overlay">
      <div
        ref={dialog}
        className="ui-dialog own-snapshot-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={onKeyDown}
      >
        <header className="own-snapshot-dialog__header">
          <div>
            <h2 className="ui-dialog__title" id={`${id}-title`}>
              Ownership matrix at the approval of {monthLong(month)}
            </h2>
            {s && (
              <p className="muted">
                {s.matrix.clientName} — {s.matrix.engagementName} · as of {day(s.matrix.asOf)} · recorded {instant(s.takenAt)} by{' '}
                {s.takenBy}. Read-only: it stays as it was when the month was approved.
              </p>
            )}
          </div>
          <button ref={closeButton} type="button" className="button" onClick={onClose}>
            Close
          </button>
        </header>
        {snapshot.error && <p className="own-slot__error">{snapshot.error.message}</p>}
        {snapshot.isLoading && <p className="muted">Reading the recorded matrix…</p>}
        {s && <SnapshotMatrix snapshot={s} />}
        {s && <SnapshotFindings snapshot={s} />}
      </div>
    </div>,
    document.body,
  );
}

/** Keeps Tab inside the modal dialog. */
function trapTab(e: KeyboardEvent, root: HTMLElement | null) {
  if (!root) return;
  const focusable = [...root.querySelectorAll<HTMLElement>('button, a[href], [tabindex]:not([tabindex="-1"])')].filter(
    (el) => !el.hasAttribute('disabled'),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

function SnapshotMatrix({ snapshot: s }: { snapshot: OwnershipSnapshot }) {
  const { matrix } = s;
  const cells = useMemo(() => new Map(matrix.cells.map((c) => [cellKey(c.targetKind, c.targetId, c.dutyKey), c])), [matrix.cells]);
  const people = useMemo(() => new Map(matrix.people.map((p) => [p.key, p])), [matrix.people]);
  if (matrix.rows.length === 0) return <p className="muted">The engagement had no models or assets in the matrix.</p>;
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it */}
      <section className="own-snapshot-grid" aria-label="Recorded matrix" tabIndex={0}>
        <table className="own-snapshot-table">
          <caption className="ui-visually-hidden">
            Who held which role on each duty; letters: {ROLES.map((r) => `${ROLE_LETTERS[r]} ${ROLE_LABELS[r]}`).join(', ')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Model or asset</th>
              {matrix.duties.map((d) => (
                <th key={d.key} scope="col">
                  {d.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={`${row.kind}:${row.id}`} className={row.kind === 'asset' ? 'is-asset' : undefined}>
                <th scope="row">
                  {row.name}
                  <div className="cell-sub">{rowType(row)}</div>
                </th>
                {matrix.duties.map((d) => (
                  <SnapshotCell key={d.key} cell={cells.get(cellKey(row.kind, row.id, d.key))} people={people} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="own-snapshot__legend muted">
        {ROLES.map((r) => `${ROLE_LETTERS[r]} ${ROLE_LABELS[r]}`).join(' · ')} · italic: inherited from the model · — : does not apply
      </p>
    </>
  );
}

const rowType = (row: MatrixRow) => (row.type === 'model' ? 'Model' : ASSET_TYPE_LABELS[row.type]);

function SnapshotCell({ cell, people }: { cell: MatrixCell | undefined; people: ReadonlyMap<string, MatrixPerson> }) {
  if (!cell?.applicable) {
    return (
      <td className="is-na" title="Does not apply">
        —
      </td>
    );
  }
  const holders = [...cell.holders].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  const names = holders.map((h) => `${ROLE_LABELS[h.role]}: ${people.get(h.personKey)?.name ?? 'unknown'}`);
  const classes = [cell.severity ? `sev-${cell.severity}` : '', cell.inherited ? 'is-inherited' : ''].filter(Boolean).join(' ');
  return (
    <td
      className={classes || undefined}
      title={[...names, cell.inherited ? '(inherited from the model)' : ''].filter(Boolean).join('\n') || 'Nobody'}
    >
      {holders.length === 0 ? (
        <span className="muted">nobody</span>
      ) : (
        holders.map((h, i) => (
          <span key={h.assignmentId + h.role} className="own-holder">
            {i > 0 && <span className="own-holder__sep"> · </span>}
            <abbr title={ROLE_LABELS[h.role]}>{ROLE_LETTERS[h.role]}</abbr> {people.get(h.personKey)?.initials ?? '?'}
          </span>
        ))
      )}
    </td>
  );
}

function SnapshotFindings({ snapshot: s }: { snapshot: OwnershipSnapshot }) {
  const findings = [...s.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <section aria-labelledby="own-snapshot-findings">
      <h3 id="own-snapshot-findings" className="own-slot__heading">
        Findings at approval ({findings.length})
      </h3>
      {findings.length === 0 ? (
        <p className="muted">No gaps: every duty had its Accountable and the cover it needed.</p>
      ) : (
        <ul className="flags own-findings">
          {findings.map((f) => (
            <li key={f.key} className={`flag flag--${f.severity}`}>
              <strong>
                {SEVERITY_LABELS[f.severity]} · {FINDING_LABELS[f.code]}:
              </strong>{' '}
              {[f.targetName, f.dutyName].filter(Boolean).join(' — ')}
              {f.targetName || f.dutyName ? '. ' : ''}
              {f.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
