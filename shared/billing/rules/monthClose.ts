import { formatMoney } from '@shared/kernel/money';
import type { InvoiceComputation } from './invoice';
import { monthLabel } from './months';

/**
 * A month of one engagement moves open → approved → invoiced. Approved and
 * invoiced months are locked: their entries cannot change. Approval can be
 * withdrawn (back to open); an invoiced month reopens only by cancelling its
 * invoice with a reason.
 */
export const MONTH_STATUSES = ['open', 'approved', 'invoiced'] as const;
export type MonthStatus = (typeof MONTH_STATUSES)[number];
export const MONTH_STATUS_LABELS: Record<MonthStatus, string> = { open: 'Open', approved: 'Approved', invoiced: 'Invoiced' };

/** Why an entry of this engagement and month cannot be written, or null. */
export function lockedMonthRefusal(status: MonthStatus, engagementName: string, month: string): string | null {
  if (status === 'open') return null;
  const when = monthLabel(month);
  return status === 'approved'
    ? `${when} of ${engagementName} is approved, so its hours are locked. Withdraw the approval in Month close to change them.`
    : `${when} of ${engagementName} is invoiced, so its hours are locked. Cancel the invoice (with a reason) in Month close to reopen it.`;
}

export type InvoiceStatus = 'issued' | 'cancelled';

/** `KEEL`, 2026, 42 → `KEEL-2026-0042`. */
export function invoiceNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** 1–12 capitals, digits or inner dashes: `KEEL`, `ACME-CH`. */
export const INVOICE_PREFIX_RE = /^[A-Z0-9](?:[A-Z0-9-]{0,10}[A-Z0-9])?$/;

/**
 * What approving a month fixes: every figure of its computed invoice. Non-billable
 * minutes are written only where there are some, so a month approved before
 * hours could be non-billable still reads as unchanged.
 */
export function approvedFigures(invoice: InvoiceComputation): string {
  const { currency, roundingMinutes, minutes, billedMinutes, nonBillableMinutes, netMinor, vatBasisPoints, vatMinor, grossMinor } = invoice;
  const lines = invoice.lines.map(({ nonBillableMinutes: n, ...line }) => (n ? { ...line, nonBillableMinutes: n } : line));
  return JSON.stringify({
    currency,
    roundingMinutes,
    vatBasisPoints,
    minutes,
    billedMinutes,
    ...(nonBillableMinutes ? { nonBillableMinutes } : {}),
    netMinor,
    vatMinor,
    grossMinor,
    lines,
  });
}

/**
 * An invoice is issued exactly as its month was approved. If a rate, the
 * rounding, the VAT rate or a person's role changed since, the figures differ
 * and issuing is refused until the month is approved again.
 */
export function changedSinceApproval(approved: string, now: InvoiceComputation, when: string): string | null {
  if (approved === '' || approved === approvedFigures(now)) return null;
  const before = JSON.parse(approved) as Pick<InvoiceComputation, 'currency' | 'netMinor' | 'grossMinor'>;
  const figures =
    before.grossMinor === now.grossMinor && before.currency === now.currency
      ? `the lines behind the same total of ${formatMoney(now.grossMinor, now.currency)}`
      : `gross ${formatMoney(before.grossMinor, before.currency)} when approved, ${formatMoney(now.grossMinor, now.currency)} now`;
  return (
    `${when} changed since it was approved (${figures}): a rate, the rounding, the VAT rate or a role changed. ` +
    'Withdraw the approval, check the review, and approve it again before issuing the invoice.'
  );
}
