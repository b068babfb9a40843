import type { InvoiceWithLines } from '@shared/billing/contract/billing';
import { formatHours } from '@shared/billing/rules/duration';
import { RATE_SOURCE_LABELS } from '@shared/billing/rules/rates';
import { ROLE_LABELS } from '@shared/clients/rules/reference';
import { formatMoney } from '@shared/kernel/money';
import { formatPeriod, vatPercent } from './format';
import './billing.css';

/** What the table shows of a computed or an issued invoice. */
type Totals = Pick<
  InvoiceWithLines,
  | 'currency'
  | 'lines'
  | 'minutes'
  | 'billedMinutes'
  | 'nonBillableMinutes'
  | 'netMinor'
  | 'vatBasisPoints'
  | 'vatMinor'
  | 'grossMinor'
  | 'roundingMinutes'
>;

/**
 * The lines of an invoice (computed or issued), with Net, VAT and Gross as the backend computed them.
 * Hours that are not billable (a replacement's hand-over, or marked by finance) get their own column
 * when there are any: shown, never priced.
 */
export function InvoiceLinesTable({ invoice, caption }: { invoice: Totals; caption?: string }) {
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  if (invoice.lines.length === 0) return <p className="muted">No billable hours in this month.</p>;
  const apart = invoice.nonBillableMinutes > 0;
  const before = apart ? 5 : 4;
  return (
    <table className="table table--compact invoice-lines">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th>Specialist</th>
          <th>Period</th>
          <th>Rate</th>
          <th className="num">Rate/h</th>
          <th className="num">{apart ? 'Billable' : 'Hours'}</th>
          {apart && (
            <th className="num" title="Shown to the client, not invoiced">
              Not billable
            </th>
          )}
          <th
            className="num"
            title={invoice.roundingMinutes ? `Each entry rounded up to ${invoice.roundingMinutes} minutes` : 'No rounding'}
          >
            Billed
          </th>
          <th className="num">Amount</th>
        </tr>
      </thead>
      <tbody>
        {invoice.lines.map((l) => (
          <tr key={`${l.specialistId}:${l.fromDate}:${l.rateId}`}>
            <td>
              {l.specialistName}
              <div className="cell-sub">{ROLE_LABELS[l.role]}</div>
            </td>
            <td className="nowrap">{formatPeriod(l.fromDate, l.toDate)}</td>
            <td className="nowrap">{RATE_SOURCE_LABELS[l.rateSource]}</td>
            <td className="num nowrap">{money(l.hourlyRateMinor)}</td>
            <td className="num nowrap">{formatHours(l.minutes)}</td>
            {apart && (
              <td className={`num nowrap${l.nonBillableMinutes ? ' is-non-billable' : ''}`}>
                {l.nonBillableMinutes ? formatHours(l.nonBillableMinutes) : '—'}
              </td>
            )}
            <td className="num nowrap">{formatHours(l.billedMinutes)}</td>
            <td className="num nowrap">{money(l.amountMinor)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={4} scope="row">
            Net
          </th>
          <td className="num nowrap">{formatHours(invoice.minutes)}</td>
          {apart && <td className="num nowrap is-non-billable">{formatHours(invoice.nonBillableMinutes)}</td>}
          <td className="num nowrap">{formatHours(invoice.billedMinutes)}</td>
          <td className="num nowrap">{money(invoice.netMinor)}</td>
        </tr>
        <tr>
          <th colSpan={before + 2} scope="row">
            VAT ({vatPercent(invoice.vatBasisPoints)})
          </th>
          <td className="num nowrap">{money(invoice.vatMinor)}</td>
        </tr>
        <tr className="invoice-lines__gross">
          <th colSpan={before + 2} scope="row">
            Gross
          </th>
          <td className="num nowrap">{money(invoice.grossMinor)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
