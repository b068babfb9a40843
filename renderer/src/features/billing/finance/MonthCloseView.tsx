import { useProcedure } from '@renderer/api/queries';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { EngagementMonth, MonthListItem } from '@shared/billing/contract/billing';
import { formatHours } from '@shared/billing/rules/duration';
import { MONTH_STATUS_LABELS } from '@shared/billing/rules/monthClose';
import { firstDayOf, lastDayOf, monthLabel } from '@shared/billing/rules/months';
import { totalsByCurrency } from '@shared/billing/rules/totals';
import { formatMoney } from '@shared/kernel/money';
import { useState } from 'react';
import { useHours } from '../hoursStore';
import { STATUS_TONE } from './format';
import { ImportHoursButton, ImportHoursDrawer, useHoursImport } from './ImportHours';
import { MonthPicker } from './MonthPicker';
import { MonthReviewDrawer } from './MonthReviewDrawer';
import { ExportProgress, useExportJob } from './useExportJob';
import './billing.css';
import { DateInput } from '@renderer/ui/fields';

/** Finance's month: every engagement's status and amounts, the exports and the hours import; a row opens its review. */
export function MonthCloseView() {
  const { month, setMonth, setEngagement } = useHours();
  const list = useProcedure('months.list', { month });
  const exporter = useExportJob();
  const importer = useHoursImport();
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [detail, setDetail] = useState(false);
  const rows = list.data?.rows ?? [];

  const openReview = (id: string) => {
    importer.close();
    setReviewing(id);
    setEngagement(id); // Rates & terms and the month view follow the engagement being reviewed.
  };
  const chooseFile = (file: File) => {
    setReviewing(null);
    void importer.check(file);
  };

  return (
    <section aria-label="Month close">
      <div className="toolbar billing-toolbar">
        <MonthPicker month={month} onChange={setMonth} />
        <span className="billing-toolbar__spacer" />
        <button type="button" className="button" disabled={exporter.busy} onClick={() => void exporter.run({ kind: 'month', month })}>
          {exporter.busy ? 'Exporting…' : 'Export month to Excel'}
        </button>
        <button type="button" className="button" aria-expanded={detail} disabled={exporter.busy} onClick={() => setDetail((d) => !d)}>
          Export timesheet detail…
        </button>
        <ImportHoursButton onFile={chooseFile} />
      </div>
      {detail && (
        <DetailExportForm
          key={month}
          month={month}
          busy={exporter.busy}
          onExport={(from, to) => void exporter.run({ kind: 'detail', from, to })}
          onClose={() => setDetail(false)}
        />
      )}
      <ExportProgress job={exporter.job} busy={exporter.busy} error={exporter.error} onDismiss={exporter.clearError} />

      {list.error ? (
        <p className="list-status list-status--error">{list.error.message}</p>
      ) : list.isLoading ? (
        <p className="list-status">Loading…</p>
      ) : (
        <p className="list-status">
          {rows.length} {rows.length === 1 ? 'engagement' : 'engagements'} in {monthLabel(month)} · {summary(rows)}
        </p>
      )}
      {list.data && rows.length === 0 ? (
        <EmptyState title={`No engagement in ${monthLabel(month)}`}>
          No engagement runs in {monthLabel(month)} and none has hours in it.
        </EmptyState>
      ) : (
        <MonthTable rows={rows} selected={reviewing} onOpen={openReview} />
      )}

      {reviewing && <MonthReviewDrawer engagementId={reviewing} month={month} onClose={() => setReviewing(null)} />}
      <ImportHoursDrawer importer={importer} onChooseAgain={chooseFile} />
    </section>
  );
}

function summary(rows: readonly MonthListItem[]): string {
  const count = (status: MonthListItem['status']) => rows.filter((r) => r.status === status).length;
  const parts = [`${count('open')} open`, `${count('approved')} approved`, `${count('invoiced')} invoiced`];
  return parts.join(', ');
}

function MonthTable({ rows, selected, onOpen }: { rows: readonly MonthListItem[]; selected: string | null; onOpen(id: string): void }) {
  const totals = totalsByCurrency(rows);
  const columns: DataColumn<EngagementMonth>[] = [
    { id: 'client', header: 'Client', cell: (r) => r.clientName },
    {
      id: 'engagement',
      header: 'Engagement',
      title: (r) => r.engagementName,
      cell: (r) => (
        <button
          type="button"
          className="link"
          onClick={(e) => {
            e.stopPropagation();
            onOpen(r.engagementId);
          }}
        >
          {r.engagementName}
        </button>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      width: 105,
      title: (r) => MONTH_STATUS_LABELS[r.status],
      cell: (r) => <Badge tone={STATUS_TONE[r.status]}>{MONTH_STATUS_LABELS[r.status]}</Badge>,
    },
    { id: 'hours', header: 'Hours', width: 100, numeric: true, cell: (r) => formatHours(r.minutes) },
    { id: 'net', header: 'Net', width: 135, numeric: true, cell: (r) => formatMoney(r.netMinor, r.currency) },
    { id: 'vat', header: 'VAT', width: 115, numeric: true, cell: (r) => formatMoney(r.vatMinor, r.currency) },
    { id: 'gross', header: 'Gross', width: 135, numeric: true, cell: (r) => formatMoney(r.grossMinor, r.currency) },
    {
      id: 'invoice',
      header: 'Invoice',
      width: 110,
      title: (r) => r.invoiceNumber ?? '',
      cell: (r) => r.invoiceNumber ?? <span className="muted">—</span>,
    },
    {
      id: 'checks',
      header: 'Checks',
      width: 130,
      title: (r) => checksText(r),
      cell: (r) => (
        <>
          {r.errors > 0 && <Badge tone="critical">{r.errors === 1 ? '1 error' : `${r.errors} errors`}</Badge>}
          {r.warnings > 0 && <Badge tone="attention">{r.warnings === 1 ? '1 warning' : `${r.warnings} warnings`}</Badge>}
          {r.errors === 0 && r.warnings === 0 && <span className="muted">OK</span>}
        </>
      ),
    },
  ];
  return (
    <DataTable
      label="Month close"
      className="month-table"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.engagementId}
      onOpen={(r) => onOpen(r.engagementId)}
      selectedKey={selected}
      footer={
        totals.length > 0 &&
        totals.map((t) => (
          <tr key={t.currency} className="month-table__total">
            <th colSpan={3} scope="row">
              Total {t.currency} ({t.count} {t.count === 1 ? 'engagement' : 'engagements'})
            </th>
            <td className="num">{formatHours(t.minutes)}</td>
            <td className="num">{formatMoney(t.netMinor, t.currency)}</td>
            <td className="num">{formatMoney(t.vatMinor, t.currency)}</td>
            <td className="num">{formatMoney(t.grossMinor, t.currency)}</td>
            <td colSpan={2} />
          </tr>
        ))
      }
    />
  );
}

function checksText(r: EngagementMonth): string {
  const parts = [r.errors > 0 ? `${r.errors} error(s)` : '', r.warnings > 0 ? `${r.warnings} warning(s)` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'OK';
}

function DetailExportForm({
  month,
  busy,
  onExport,
  onClose,
}: {
  month: string;
  busy: boolean;
  onExport(from: string, to: string): void;
  onClose(): void;
}) {
  const [from, setFrom] = useState(firstDayOf(month));
  const [to, setTo] = useState(lastDayOf(month));
  const problem = !from || !to ? 'Choose both dates.' : to < from ? 'The end date must be on or after the start date.' : null;
  return (
    <form
      className="detail-export"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) onExport(from, to);
      }}
    >
      <span className="detail-export__title">Timesheet detail: every entry with its date, person, activity and note</span>
      <DateInput label="From" value={from} onChange={setFrom} />
      <DateInput label="To" value={to} onChange={setTo} />
      <button type="submit" className="button button--primary button--small" disabled={busy || Boolean(problem)}>
        Export detail
      </button>
      <button type="button" className="button button--small" onClick={onClose}>
        Close
      </button>
      {problem && <span className="detail-export__problem">{problem}</span>}
    </form>
  );
}
