import { useProcedure } from '@renderer/api/queries';
import { useNow } from '@renderer/app/clock';
import { Badge } from '@renderer/ui/Badge';
import { Drawer } from '@renderer/ui/Drawer';
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
      {list.data && rows.length === 0 ? (
        <p className="list-empty">No invoice issued in {year}. Invoices are issued from Month close once a month is approved.</p>
      ) : (
        <table className="table invoice-table">
          <thead>
            <tr>
              <th>Number</th>
              <th>Month</th>
              <th>Client · engagement</th>
              <th>Currency</th>
              <th className="num">Net</th>
              <th className="num">VAT</th>
              <th className="num">Gross</th>
              <th>Status</th>
              <th>Issued</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <InvoiceRow key={r.id} invoice={r} selected={openId === r.id} onOpen={() => setOpenId(r.id)} />
            ))}
          </tbody>
          {totals.length > 0 && (
            <tfoot>
              {totals.map((t) => (
                <tr key={t.currency} className="month-table__total">
                  <th colSpan={4} scope="row">
                    Issued in {year}, {t.currency} ({t.count})
                  </th>
                  <td className="num nowrap">{formatMoney(t.netMinor, t.currency)}</td>
                  <td className="num nowrap">{formatMoney(t.vatMinor, t.currency)}</td>
                  <td className="num nowrap">{formatMoney(t.grossMinor, t.currency)}</td>
                  <td colSpan={2} />
                </tr>
              ))}
            </tfoot>
          )}
        </table>
      )}
      {openId && <InvoiceDrawer id={openId} onClose={() => setOpenId(null)} />}
    </section>
  );
}

function InvoiceRow({ invoice: r, selected, onOpen }: { invoice: Invoice; selected: boolean; onOpen(): void }) {
  const cancelled = r.status === 'cancelled';
  const rowClass = `is-clickable${cancelled ? ' is-cancelled' : ''}${selected ? ' is-selected' : ''}`;
  return (
    <>
      <tr className={rowClass} onClick={onOpen}>
        <td className="nowrap">
          <button
            type="button"
            className="link invoice-number"
            onClick={(e) => {
              e.stopPropagation();
              onOpen();
            }}
          >
            {r.number}
          </button>
        </td>
        <td>{monthLabel(r.month)}</td>
        <td>
          {r.clientName}
          <div className="cell-sub">{r.engagementName}</div>
        </td>
        <td>{r.currency}</td>
        <td className="num nowrap amount">{formatMoney(r.netMinor, r.currency)}</td>
        <td className="num nowrap amount">{formatMoney(r.vatMinor, r.currency)}</td>
        <td className="num nowrap amount">{formatMoney(r.grossMinor, r.currency)}</td>
        <td>{cancelled ? <Badge tone="neutral">Cancelled</Badge> : <Badge tone="ok">Issued</Badge>}</td>
        <td className="nowrap">
          {formatInstantDate(r.issuedAt)}
          <div className="cell-sub">by {r.issuedBy}</div>
        </td>
      </tr>
      {cancelled && (
        <tr className={`${rowClass} invoice-table__reason`} onClick={onOpen}>
          <td colSpan={9}>
            Cancelled {r.cancelledAt ? formatInstantDate(r.cancelledAt) : ''} by {r.cancelledBy ?? 'unknown'}: {r.cancelReason}
          </td>
        </tr>
      )}
    </>
  );
}

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
