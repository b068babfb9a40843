import { useCommand, useProcedure } from '@renderer/api/queries';
import { Slot } from '@renderer/app/slots';
import { useToasts } from '@renderer/app/stores';
import { ReasonForm } from '@renderer/components/ReasonForm';
import { Badge } from '@renderer/ui/Badge';
import { askConfirm, type ConfirmRequest } from '@renderer/ui/ConfirmDialog';
import { Drawer } from '@renderer/ui/Drawer';
import type { MonthReviewResult } from '@shared/billing/contract/billing';
import { formatHours } from '@shared/billing/rules/duration';
import { MONTH_STATUS_LABELS, type MonthStatus } from '@shared/billing/rules/monthClose';
import { datesOf, firstDayOf, monthLabel } from '@shared/billing/rules/months';
import { formatMoney } from '@shared/kernel/money';
import { errorsIn } from '@shared/kernel/severity';
import { useState } from 'react';
import { today } from '../hoursStore';
import { BillableEntries } from './BillableEntries';
import { formatInstant, STATUS_TONE } from './format';
import { InvoiceLinesTable } from './InvoiceLinesTable';
import { ExportProgress, useExportJob } from './useExportJob';
import './billing.css';

declare module '@renderer/app/slots' {
  interface Slots {
    /** Sections of a month's review, below its checks (the ownership area shows the matrix recorded at approval). */
    'month.sections': { engagementId: string; month: string; status: MonthStatus };
  }
}

/** One engagement's month: who approved it, what is wrong, hours per person, the invoice, and the next step. */
export function MonthReviewDrawer({ engagementId, month, onClose }: { engagementId: string; month: string; onClose(): void }) {
  const review = useProcedure('months.review', { engagementId, month });
  const title = review.data ? `${review.data.engagement.name} · ${monthLabel(month)}` : monthLabel(month);
  return (
    <Drawer title={title} onClose={onClose}>
      <div className="month-review">
        {review.error && <p className="notice notice--bad">{review.error.message}</p>}
        {review.isLoading && <p className="list-status">Loading…</p>}
        {review.data && <ReviewBody review={review.data} month={month} />}
      </div>
    </Drawer>
  );
}

function ReviewBody({ review, month }: { review: MonthReviewResult; month: string }) {
  const { state, engagement, invoice, issued } = review;
  const exporter = useExportJob();
  const errors = errorsIn(review.warnings);
  return (
    <>
      <p className="drawer__sub">
        {engagement.clientName} · {engagement.currency}
      </p>
      <div className="review-status">
        <Badge tone={STATUS_TONE[state.status]}>{MONTH_STATUS_LABELS[state.status]}</Badge>
        <span>
          {state.status === 'open' && 'Hours can still change. Approving locks them.'}
          {state.status !== 'open' &&
            state.approvedAt &&
            `Approved ${formatInstant(state.approvedAt)} by ${state.approvedBy ?? 'unknown'}.`}
          {state.status === 'invoiced' &&
            issued &&
            ` Invoiced as ${issued.number} on ${formatInstant(issued.issuedAt)} by ${issued.issuedBy}.`}
        </span>
      </div>
      <ReviewActions review={review} month={month} blockedBy={errors.map((e) => e.message)} />

      {review.warnings.length > 0 && (
        <section aria-label="Checks">
          <h3 className="review-heading">Checks</h3>
          <ul className="flags">
            {review.warnings.map((w) => (
              <li key={`${w.kind}:${w.specialistId ?? ''}:${w.message}`} className={`flag flag--${w.severity}`}>
                <strong>{w.severity === 'error' ? 'Error: ' : 'Warning: '}</strong>
                {w.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <Slot name="month.sections" props={{ engagementId: engagement.id, month, status: state.status }} />

      <h3 className="review-heading">Hours per specialist</h3>
      {review.specialists.length === 0 ? (
        <p className="muted">Nobody booked hours on this engagement in {monthLabel(month)}, and no allocation covers it.</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>Specialist</th>
              <th className="num">Hours</th>
              <th className="num">Not billable</th>
              <th className="num">Billed</th>
              <th className="num">Cap</th>
            </tr>
          </thead>
          <tbody>
            {review.specialists.map((s) => {
              const over = s.capMinutes !== null && s.billedMinutes > s.capMinutes;
              return (
                <tr key={s.specialistId}>
                  <td>{s.specialistName}</td>
                  <td className="num nowrap">{formatHours(s.minutes)}</td>
                  <td className={`num nowrap${s.nonBillableMinutes ? ' is-non-billable' : ''}`}>
                    {s.nonBillableMinutes ? formatHours(s.nonBillableMinutes) : '—'}
                  </td>
                  <td className="num nowrap">{formatHours(s.billedMinutes)}</td>
                  <td className={`num nowrap${over ? ' is-over' : ''}`}>{s.capMinutes === null ? '—' : formatHours(s.capMinutes)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h3 className="review-heading">
        {issued ? `Invoice ${issued.number}` : 'Invoice lines'}
        <span className="review-heading__note">
          {issued ? ' — as issued; the lines never change' : ' — computed from the hours; fixed when the invoice is issued'}
        </span>
      </h3>
      <InvoiceLinesTable invoice={issued ?? invoice} />
      {invoice.unrated.length > 0 && (
        <p className="notice notice--bad">
          {formatHours(invoice.unrated.reduce((n, u) => n + u.minutes, 0))} without a rate are not in these lines. Add the missing rate in
          Rates &amp; terms.
        </p>
      )}

      <BillableEntries engagementId={engagement.id} month={month} open={state.status === 'open'} />

      {review.cancelledInvoices.length > 0 && (
        <>
          <h3 className="review-heading">Cancelled invoices of this month</h3>
          <ul className="cancelled-list">
            {review.cancelledInvoices.map((c) => (
              <li key={c.id}>
                <span className="is-struck">{c.number}</span> · {formatMoney(c.grossMinor, c.currency)} · cancelled{' '}
                {c.cancelledAt ? formatInstant(c.cancelledAt) : ''} by {c.cancelledBy ?? 'unknown'}
                <div className="cell-sub">Reason: {c.cancelReason}</div>
              </li>
            ))}
          </ul>
        </>
      )}

      <div className="drawer__section">
        <button
          type="button"
          className="button button--small"
          disabled={exporter.busy}
          onClick={() => void exporter.run({ kind: 'month', month, engagementId: engagement.id })}
        >
          {exporter.busy ? 'Exporting…' : 'Export this engagement to Excel'}
        </button>
        <ExportProgress job={exporter.job} busy={exporter.busy} error={exporter.error} onDismiss={exporter.clearError} />
      </div>
    </>
  );
}

/**
 * The question to ask before approving a month whose last day is today or later
 * (local date), or null for a month that is over: approving locks the days still to come.
 */
function runningMonthQuestion(month: string, when: string, on: string): ConfirmRequest | null {
  const left = datesOf(month).filter((d) => d >= on).length;
  if (left === 0) return null;
  const state =
    on < firstDayOf(month)
      ? `${when} has not begun: all ${left} days are still to come.`
      : left === 1
        ? `${when} is not over: 1 day is left (today).`
        : `${when} is not over: ${left} days are left, today included.`;
  const those = left === 1 ? 'that day' : 'those days';
  return {
    title: `Approve ${when} now?`,
    message: `${state} The hours of ${those} will be locked until the approval is withdrawn.`,
    confirmLabel: `Approve ${monthLabel(month)}`,
  };
}

function ReviewActions({ review, month, blockedBy }: { review: MonthReviewResult; month: string; blockedBy: string[] }) {
  const approve = useCommand('months.approve');
  const reopen = useCommand('months.reopen');
  const issue = useCommand('invoices.issue');
  const toast = useToasts((s) => s.show);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const { state, engagement, issued, invoice, actions } = review;
  const key = { engagementId: engagement.id, month };
  const when = `${monthLabel(month)} of ${engagement.name}`;
  const busy = approve.isPending || reopen.isPending || issue.isPending;
  const onError = (e: Error) => setRefusal(e.message);

  return (
    <div className="review-actions">
      <div className="stage-actions">
        {actions.approve.offered && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy || actions.approve.refusal !== null}
            title={actions.approve.refusal === null ? 'Locks the month’s hours' : blockedBy.join('\n')}
            onClick={async () => {
              const question = runningMonthQuestion(month, when, today());
              if (question && !(await askConfirm(question))) return;
              setRefusal(null);
              approve.mutate(key, { onSuccess: () => toast({ tone: 'info', message: `Approved ${when}.` }), onError });
            }}
          >
            Approve month
          </button>
        )}
        {actions.issue.offered && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={async () => {
              const gross = formatMoney(invoice.grossMinor, engagement.currency);
              const yes = await askConfirm({
                title: `Issue the invoice for ${when} (${gross} gross)?`,
                message: 'Its number and lines are final; it can only be cancelled with a reason.',
                confirmLabel: 'Issue invoice',
              });
              if (!yes) return;
              setRefusal(null);
              issue.mutate(key, { onSuccess: (inv) => toast({ tone: 'info', message: `Issued invoice ${inv.number}.` }), onError });
            }}
          >
            Issue invoice
          </button>
        )}
        {actions.reopen.offered && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={async () => {
              const yes = await askConfirm({
                title: `Withdraw the approval of ${when}?`,
                message: 'Its hours can be changed again.',
                confirmLabel: 'Withdraw approval',
              });
              if (!yes) return;
              setRefusal(null);
              reopen.mutate(key, { onSuccess: () => toast({ tone: 'info', message: `Withdrew the approval of ${when}.` }), onError });
            }}
          >
            Withdraw approval
          </button>
        )}
        {actions.cancel.offered && issued && !cancelling && (
          <button type="button" className="button button--danger-outline" onClick={() => setCancelling(true)}>
            Cancel invoice {issued.number}…
          </button>
        )}
      </div>
      {state.status === 'open' && !actions.approve.offered && actions.approve.refusal && (
        <p className="review-blocked">{actions.approve.refusal}</p>
      )}
      {actions.approve.offered && blockedBy.length > 0 && (
        <p className="review-blocked">
          Approval is blocked until{' '}
          {blockedBy.length === 1 ? 'the error below is resolved' : `the ${blockedBy.length} errors below are resolved`}.
        </p>
      )}
      {refusal && (
        <p className="notice notice--bad" role="alert">
          {refusal}
        </p>
      )}
      {actions.cancel.offered && issued && cancelling && (
        <CancelInvoiceForm invoiceId={issued.id} number={issued.number} when={when} onDone={() => setCancelling(false)} />
      )}
    </div>
  );
}

function CancelInvoiceForm({ invoiceId, number, when, onDone }: { invoiceId: string; number: string; when: string; onDone(): void }) {
  const cancel = useCommand('invoices.cancel');
  const toast = useToasts((s) => s.show);
  return (
    <ReasonForm
      id="cancel-reason"
      title={`Cancel invoice ${number}`}
      hint="e.g. the client’s PO number was missing; re-issued after correction."
      missing="Say why the invoice is cancelled; the reason stays on record with it."
      confirm={{
        title: `Cancel invoice ${number}?`,
        message: `It stays on record as cancelled and ${when} reopens.`,
        confirmLabel: `Cancel invoice ${number}`,
        cancelLabel: 'Keep it',
        tone: 'danger',
      }}
      submitLabel="Cancel invoice"
      cancelLabel="Keep it"
      saving={cancel.isPending}
      onSubmit={async (reason) => {
        await cancel.mutateAsync({ id: invoiceId, reason });
        toast({ tone: 'info', message: `Cancelled invoice ${number}; ${when} is open again.` });
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
