import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { ReasonForm } from '@renderer/components/ReasonForm';
import { Badge } from '@renderer/ui/Badge';
import type { TimeEntryListItem } from '@shared/billing/contract/hours';
import { ACTIVITY_LABELS } from '@shared/billing/rules/activities';
import { formatHours } from '@shared/billing/rules/duration';
import { firstDayOf, lastDayOf, monthLabel } from '@shared/billing/rules/months';
import { useState } from 'react';
import { formatDay } from './format';
import './billing.css';

/**
 * The month's entries of one engagement, billable or not, where finance marks
 * an entry not billable (with a reason) or billable again while the month is
 * open. Non-billable entries are listed first and always shown; the billable
 * ones fold away. A replacement's hand-over days arrive non-billable.
 */
export function BillableEntries({ engagementId, month, open }: { engagementId: string; month: string; open: boolean }) {
  const entries = useProcedure('time.list', { engagementId, from: firstDayOf(month), to: lastDayOf(month) });
  if (entries.error) return <p className="notice notice--bad">{entries.error.message}</p>;
  if (!entries.data) return <p className="list-status">Loading…</p>;
  const rows = entries.data.rows;
  const off = rows.filter((e) => !e.billable);
  const on = rows.filter((e) => e.billable);
  const offMinutes = off.reduce((n, e) => n + e.minutes, 0);
  return (
    <section aria-label="Billable and non-billable hours" className="billable-entries">
      <h3 className="review-heading">
        Not billable: {formatHours(offMinutes)}
        <span className="review-heading__note">
          {' '}
          — shown to the client, never invoiced
          {open ? '; mark any entry below billable or not until the month is approved' : `; ${monthLabel(month)} is locked`}
        </span>
      </h3>
      {off.length === 0 ? (
        <p className="muted">Every hour of {monthLabel(month)} is billable.</p>
      ) : (
        <EntryTable entries={off} open={open} />
      )}
      {on.length > 0 && (
        <details className="billable-entries__all">
          <summary>
            Billable entries ({on.length}, {formatHours(on.reduce((n, e) => n + e.minutes, 0))})
          </summary>
          <EntryTable entries={on} open={open} />
        </details>
      )}
    </section>
  );
}

function EntryTable({ entries, open }: { entries: readonly TimeEntryListItem[]; open: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <table className="table table--compact billable-table">
      <thead>
        <tr>
          <th>Date</th>
          <th>Specialist</th>
          <th>Activity</th>
          <th className="num">Hours</th>
          <th>Billing</th>
          <th>
            <span className="ui-visually-hidden">Change</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <EntryRow key={e.id} entry={e} open={open} editing={editing === e.id} onEdit={(on) => setEditing(on ? e.id : null)} />
        ))}
      </tbody>
    </table>
  );
}

function EntryRow({
  entry,
  open,
  editing,
  onEdit,
}: {
  entry: TimeEntryListItem;
  open: boolean;
  editing: boolean;
  onEdit(on: boolean): void;
}) {
  const setBillable = useCommand('time.setBillable');
  const toast = useToasts((s) => s.show);
  const [error, setError] = useState<string | null>(null);
  const what = `${formatHours(entry.minutes)} of ${entry.specialistName} on ${formatDay(entry.date)}`;
  const locked = open ? undefined : 'The month is approved or invoiced: its hours are locked.';
  return (
    <>
      <tr className={entry.billable ? undefined : 'is-non-billable'}>
        <td className="nowrap">{formatDay(entry.date)}</td>
        <td>{entry.specialistName}</td>
        <td>{ACTIVITY_LABELS[entry.activity]}</td>
        <td className="num nowrap">{formatHours(entry.minutes)}</td>
        <td>
          {entry.billable ? (
            <Badge tone="neutral">Billable</Badge>
          ) : (
            <>
              <Badge tone="attention">Not billable</Badge>
              <div className="cell-sub">{entry.nonBillableReason}</div>
            </>
          )}
        </td>
        <td className="nowrap">
          {entry.billable ? (
            <button
              type="button"
              className="button button--small"
              disabled={!open || editing}
              title={locked}
              aria-label={`Mark ${what} not billable`}
              onClick={() => onEdit(true)}
            >
              Don’t bill…
            </button>
          ) : (
            <button
              type="button"
              className="button button--small"
              disabled={!open || setBillable.isPending}
              title={locked}
              aria-label={`Bill ${what}`}
              onClick={() => {
                setError(null);
                setBillable.mutate(
                  { entryId: entry.id, billable: true, reason: '' },
                  {
                    onSuccess: () => toast({ tone: 'info', message: `${what} will be billed.` }),
                    onError: (e) => setError(e.message),
                  },
                );
              }}
            >
              Bill
            </button>
          )}
        </td>
      </tr>
      {error && (
        <tr>
          <td colSpan={6}>
            <p className="notice notice--bad" role="alert">
              {error}
            </p>
          </td>
        </tr>
      )}
      {editing && (
        <tr>
          <td colSpan={6}>
            <ReasonForm
              id={`non-billable-${entry.id}`}
              title={`Don’t bill ${what}`}
              hint="e.g. a training day agreed with the client; the review and the workbook show it."
              missing="Say why these hours are not billed; the reason stays with the entry."
              submitLabel="Don’t bill"
              cancelLabel="Keep billing"
              saving={setBillable.isPending}
              onSubmit={async (reason) => {
                await setBillable.mutateAsync({ entryId: entry.id, billable: false, reason });
                toast({ tone: 'info', message: `${what} will not be billed.` });
                onEdit(false);
              }}
              onCancel={() => onEdit(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
