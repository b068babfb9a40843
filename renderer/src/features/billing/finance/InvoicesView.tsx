import { useProcedure } from '@renderer/api/queries';
import { useNow } from '@renderer/app/clock';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { Invoice } from '@shared/billing/contract/billing';
import { monthLabel } from '@shared/billing/rules/months';
import { totalsByCurrency } from '@shared/billing/rules/totals';
import { formatMoney } from '@shared/kernel/money';
import { useState } from 'react';
import { useHours } from '../hoursStore';
import { formatInstant, formatInstantDate, vatPercent } from './format';
import { InvoiceLinesTable } from './InvoiceLinesTable';
import './billing.css';

/** Years offered: a few back from this year and the month being closed, and the next one (December invoices issued in January). */
function yearOptions(month: string, thisYear: number): number[] {
  const years = new Set<number>([thisYear + 1, thisYear, Number(month.slice(0, 4))]);
  for (let y = thisYear - 1; y >= thisYear - 5; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** Every invoice of a year, issued and cancelled; a row shows its lines as issued. */
export function InvoicesView() {
  const month = useHours((s) => s.month);
  const thisYear = useNow().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useProcedure('invoices.list', { year });
  const rows = list.data?.rows ?? [];
  const issued = rows.filter((r) => r.status === 'issued');
  const totals = totalsByCurrency(issued);

  return (
    <section aria-label="Invoices">
      <div className="toolbar">
        <label className="toolbar__label" htmlFor="invoice-year">
          Year
        </label>
        <select id="invoice-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {yearOptions(month, thisYear).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {list.error ? (
        <p className="list-status list-status--error">{list.error.message}</p>
      ) : (
        <p className="list-status">
          {list.isLoading ? 'Loading…' : `${issued.length} issued, ${rows.length - issued.length} cancelled in ${year}, newest first`}
        </p>
      )}
      <DataTable
        label="Invoices"
        className="invoice-table"
        columns={invoiceColumns(setOpenId)}
        rows={rows}
        rowKey={(r) => r.id}
        onOpen={(r) => setOpenId(r.id)}
        selectedKey={openId}
        rowClassName={(r) => (r.status === 'cancelled' ? 'is-cancelled' : undefined)}
        rowHeight={58}
        empty={
          list.data && (
            <EmptyState title={`No invoice issued in ${year}`}>Invoices are issued from Month close once a month is approved.</EmptyState>
          )
        }
        footer={
          totals.length > 0 &&
          totals.map((t) => (
            <tr key={t.currency} className="month-table__total">
              <th colSpan={4} scope="row">
                Issued in {year}, {t.currency} ({t.count})
              </th>
              <td className="num">{formatMoney(t.netMinor, t.currency)}</td>
              <td className="num">{formatMoney(t.vatMinor, t.currency)}</td>
              <td className="num">{formatMoney(t.grossMinor, t.currency)}</td>
              <td colSpan={2} />
            </tr>
          ))
        }
      />
      {openId && <InvoiceDrawer id={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}

const cancelledLine = (r: Invoice) =>
  `Cancelled ${r.cancelledAt ? formatInstantDate(r.cancelledAt) : ''} by ${r.cancelledBy ?? 'unknown'}: ${r.cancelReason ?? ''}`;

const invoiceColumns = (open: (id: string) => void): DataColumn<Invoice>[] => [
  {
    id: 'number',
    header: 'Number',
    width: 140,
    title: (r) => r.number,
    cell: (r) => (
      <button
        type="button"
        className="link invoice-number"
        onClick={(e) => {
          e.stopPropagation();
          open(r.id);
        }}
      >
        {r.number}
      </button>
    ),
  },
  { id: 'month', header: 'Month', width: 120, cell: (r) => monthLabel(r.month) },
  {
    id: 'client',
    header: 'Client · engagement',
    title: (r) => `${r.clientName}\n${r.engagementName}`,
    cell: (r) => (
      <>
        {r.clientName}
        <div className="cell-sub">{r.engagementName}</div>
      </>
    ),
  },
  { id: 'currency', header: 'Currency', width: 90, cell: (r) => r.currency },
  { id: 'net', header: 'Net', width: 120, numeric: true, className: 'amount', cell: (r) => formatMoney(r.netMinor, r.currency) },
  { id: 'vat', header: 'VAT', width: 110, numeric: true, className: 'amount', cell: (r) => formatMoney(r.vatMinor, r.currency) },
  { id: 'gross', header: 'Gross', width: 120, numeric: true, className: 'amount', cell: (r) => formatMoney(r.grossMinor, r.currency) },
  {
    id: 'status',
    header: 'Status',
    width: 150,
    title: (r) => (r.status === 'cancelled' ? cancelledLine(r) : 'Issued'),
    cell: (r) =>
      r.status === 'cancelled' ? (
        <>
          <Badge tone="neutral">Cancelled</Badge>
          <div className="cell-sub invoice-table__reason">{cancelledLine(r)}</div>
        </>
      ) : (
        <Badge tone="ok">Issued</Badge>
      ),
  },
  {
    id: 'issued',
    header: 'Issued',
    width: 130,
    title: (r) => `${formatInstantDate(r.issuedAt)} by ${r.issuedBy}`,
    cell: (r) => (
      <>
        {formatInstantDate(r.issuedAt)}
        <div className="cell-sub">by {r.issuedBy}</div>
      </>
    ),
  },
];

function InvoiceDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const invoice = useProcedure('invoices.get', { id });
  const inv = invoice.data;
  return (
    <Drawer title={inv ? `Invoice ${inv.number}` : 'Invoice'} onClose={onClose}>
      <div className="month-review">
        {invoice.error && <p className="notice notice--bad">{invoice.error.message}</p>}
        {inv && (
          <>
            <p className="drawer__sub">
              {inv.clientName} · {inv.engagementName} · {monthLabel(inv.month)}
            </p>
            {inv.status === 'cancelled' && (
              <p className="notice notice--bad">
                Cancelled {inv.cancelledAt ? formatInstant(inv.cancelledAt) : ''} by {inv.cancelledBy ?? 'unknown'}. Reason:{' '}
                {inv.cancelReason}
              </p>
            )}
            <dl className="facts">
              <dt>Issued</dt>
              <dd>
                {formatInstant(inv.issuedAt)} by {inv.issuedBy}
              </dd>
              <dt>Rounding</dt>
              <dd>{inv.roundingMinutes ? `each entry rounded up to ${inv.roundingMinutes} minutes` : 'none (minutes as entered)'}</dd>
              <dt>VAT</dt>
              <dd>{vatPercent(inv.vatBasisPoints)}</dd>
            </dl>
            <h3 className="review-heading">
              Lines <span className="review-heading__note">— the snapshot taken when it was issued</span>
            </h3>
            <InvoiceLinesTable invoice={inv} />
          </>
        )}
      </div>
    </Drawer>
  );
}
