import type { Db } from '@backend/core/db/connection';
import { Conditions, StatementCache } from '@backend/core/sql';
import type { Invoice, InvoiceWithLines, MonthCloseState } from '@shared/billing/contract/billing';
import type { InvoiceLine } from '@shared/billing/rules/invoice';
import type { MonthStatus } from '@shared/billing/rules/monthClose';

type InvoiceRow = {
  id: string;
  number: string;
  year: number;
  sequence: number;
  engagement_id: string;
  month: string;
  client_name: string;
  engagement_name: string;
  currency: string;
  rounding_minutes: number;
  minutes: number;
  billed_minutes: number;
  non_billable_minutes: number;
  net_minor: number;
  vat_basis_points: number;
  vat_minor: number;
  gross_minor: number;
  status: 'issued' | 'cancelled';
  issued_at: string;
  issued_by: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string;
};

type LineRow = {
  specialist_id: string;
  specialist_name: string;
  role: InvoiceLine['role'];
  from_date: string;
  to_date: string;
  rate_id: string;
  rate_source: InvoiceLine['rateSource'];
  hourly_rate_minor: number;
  entry_count: number;
  minutes: number;
  billed_minutes: number;
  non_billable_minutes: number;
  amount_minor: number;
};

type CloseRow = { engagement_id: string; month: string; status: 'approved' | 'invoiced'; approved_at: string; approved_by: string };

export type InvoiceFilter = { year?: number | undefined; month?: string | undefined; engagementId?: string | undefined };

/** Month closes and invoices with their immutable lines. */
export class InvoiceRepository {
  private readonly statements: StatementCache;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  monthState(engagementId: string, month: string): MonthCloseState {
    const row = this.statements.get('SELECT * FROM month_close WHERE engagement_id = ? AND month = ?').get(engagementId, month) as
      | CloseRow
      | undefined;
    return row ? toState(row) : { engagementId, month, status: 'open', approvedAt: null, approvedBy: null };
  }

  /** The non-open months of all engagements in a month, keyed by engagement id. */
  monthStates(month: string): Map<string, MonthCloseState> {
    const rows = this.statements.get('SELECT * FROM month_close WHERE month = ?').all(month) as CloseRow[];
    return new Map(rows.map((r) => [r.engagement_id, toState(r)]));
  }

  /** Status of each month in a set for one engagement (open when absent). */
  statusOf(engagementId: string, months: readonly string[]): Record<string, MonthStatus> {
    const stmt = this.statements.get('SELECT status FROM month_close WHERE engagement_id = ? AND month = ?');
    return Object.fromEntries(
      months.map((m) => [m, ((stmt.get(engagementId, m) as { status: MonthStatus } | undefined)?.status ?? 'open') as MonthStatus]),
    );
  }

  /** Approved or invoiced months of an engagement from a month on, oldest first. */
  closedFrom(engagementId: string, month: string): MonthCloseState[] {
    const rows = this.statements
      .get('SELECT * FROM month_close WHERE engagement_id = ? AND month >= ? ORDER BY month')
      .all(engagementId, month) as CloseRow[];
    return rows.map(toState);
  }

  /** Sets a month's state; `approvedInvoice` (JSON of the computation approved) is kept unless given. */
  setMonth(state: MonthCloseState, at: string, approvedInvoice?: string): void {
    if (state.status === 'open') {
      this.statements.get('DELETE FROM month_close WHERE engagement_id = ? AND month = ?').run(state.engagementId, state.month);
      return;
    }
    this.statements
      .get(
        `INSERT INTO month_close (engagement_id, month, status, approved_at, approved_by, updated_at, approved_invoice) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (engagement_id, month) DO UPDATE SET status = excluded.status, approved_at = excluded.approved_at,
           approved_by = excluded.approved_by, updated_at = excluded.updated_at,
           approved_invoice = CASE WHEN ? IS NULL THEN approved_invoice ELSE excluded.approved_invoice END`,
      )
      .run(
        state.engagementId,
        state.month,
        state.status,
        state.approvedAt,
        state.approvedBy,
        at,
        approvedInvoice ?? '',
        approvedInvoice ?? null,
      );
  }

  /** The computation a month was approved with (JSON), or null when it is open. */
  approvedInvoice(engagementId: string, month: string): string | null {
    const row = this.statements
      .get('SELECT approved_invoice FROM month_close WHERE engagement_id = ? AND month = ?')
      .get(engagementId, month) as { approved_invoice: string } | undefined;
    return row ? row.approved_invoice : null;
  }

  /** The next number of the year's gapless sequence: one more than the highest ever issued, cancelled ones included. */
  nextSequence(year: number): number {
    const row = this.statements.get('SELECT coalesce(max(sequence), 0) AS n FROM invoice WHERE year = ?').get(year) as { n: number };
    return row.n + 1;
  }

  insert(invoice: Invoice & { year: number; sequence: number }, lines: readonly InvoiceLine[]): void {
    this.statements
      .get(
        `INSERT INTO invoice (id, number, year, sequence, engagement_id, month, client_name, engagement_name, currency, rounding_minutes,
           minutes, billed_minutes, non_billable_minutes, net_minor, vat_basis_points, vat_minor, gross_minor, status, issued_at, issued_by,
           cancelled_at, cancelled_by, cancel_reason)
         VALUES (@id, @number, @year, @sequence, @engagementId, @month, @clientName, @engagementName, @currency, @roundingMinutes,
           @minutes, @billedMinutes, @nonBillableMinutes, @netMinor, @vatBasisPoints, @vatMinor, @grossMinor, @status, @issuedAt, @issuedBy, @cancelledAt, @cancelledBy, @cancelReason)`,
      )
      .run(invoice);
    const line = this.statements.get(
      `INSERT INTO invoice_line (invoice_id, position, specialist_id, specialist_name, role, from_date, to_date, rate_id, rate_source,
         hourly_rate_minor, entry_count, minutes, billed_minutes, non_billable_minutes, amount_minor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    lines.forEach((l, i) => {
      line.run(
        invoice.id,
        i + 1,
        l.specialistId,
        l.specialistName,
        l.role,
        l.fromDate,
        l.toDate,
        l.rateId,
        l.rateSource,
        l.hourlyRateMinor,
        l.entryCount,
        l.minutes,
        l.billedMinutes,
        l.nonBillableMinutes,
        l.amountMinor,
      );
    });
  }

  cancel(id: string, at: string, by: string, reason: string): void {
    this.statements
      .get(`UPDATE invoice SET status = 'cancelled', cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ?`)
      .run(at, by, reason, id);
  }

  get(id: string): InvoiceWithLines | null {
    const row = this.statements.get('SELECT * FROM invoice WHERE id = ?').get(id) as InvoiceRow | undefined;
    return row ? { ...toInvoice(row), lines: this.lines(id) } : null;
  }

  /** The issued invoice of an engagement's month, if any. */
  live(engagementId: string, month: string): InvoiceWithLines | null {
    const row = this.statements
      .get(`SELECT id FROM invoice WHERE engagement_id = ? AND month = ? AND status = 'issued'`)
      .get(engagementId, month) as { id: string } | undefined;
    return row ? this.get(row.id) : null;
  }

  lines(invoiceId: string): InvoiceLine[] {
    const rows = this.statements.get('SELECT * FROM invoice_line WHERE invoice_id = ? ORDER BY position').all(invoiceId) as LineRow[];
    return rows.map(toLine);
  }

  list(filter: InvoiceFilter): Invoice[] {
    const where = new Conditions()
      .when(filter.year, 'year = ?')
      .when(filter.month, 'month = ?')
      .when(filter.engagementId, 'engagement_id = ?');
    const rows = this.statements
      .get(`SELECT * FROM invoice ${where.sql} ORDER BY year DESC, sequence DESC`)
      .all(...where.params) as InvoiceRow[];
    return rows.map(toInvoice);
  }
}

function toState(r: CloseRow): MonthCloseState {
  return { engagementId: r.engagement_id, month: r.month, status: r.status, approvedAt: r.approved_at, approvedBy: r.approved_by };
}

function toInvoice(r: InvoiceRow): Invoice {
  return {
    id: r.id,
    number: r.number,
    engagementId: r.engagement_id,
    month: r.month,
    clientName: r.client_name,
    engagementName: r.engagement_name,
    currency: r.currency,
    roundingMinutes: r.rounding_minutes,
    minutes: r.minutes,
    billedMinutes: r.billed_minutes,
    nonBillableMinutes: r.non_billable_minutes,
    netMinor: r.net_minor,
    vatBasisPoints: r.vat_basis_points,
    vatMinor: r.vat_minor,
    grossMinor: r.gross_minor,
    status: r.status,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    cancelledAt: r.cancelled_at,
    cancelledBy: r.cancelled_by,
    cancelReason: r.cancel_reason,
  };
}

function toLine(r: LineRow): InvoiceLine {
  return {
    specialistId: r.specialist_id,
    specialistName: r.specialist_name,
    role: r.role,
    fromDate: r.from_date,
    toDate: r.to_date,
    rateId: r.rate_id,
    rateSource: r.rate_source,
    hourlyRateMinor: r.hourly_rate_minor,
    entryCount: r.entry_count,
    minutes: r.minutes,
    billedMinutes: r.billed_minutes,
    nonBillableMinutes: r.non_billable_minutes,
    amountMinor: r.amount_minor,
  };
}
