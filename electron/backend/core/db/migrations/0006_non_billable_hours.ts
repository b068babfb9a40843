import type { Migration } from './types';

/**
 * Non-billable hours: the replacement promise is "at no extra cost", so the
 * incoming specialist's hand-over days must not be invoiced; finance may also
 * mark any other entry non-billable, always with a reason.
 *
 * - `time_entry.billable` (1 for every existing row: they were all billed)
 *   and `non_billable_reason`, required exactly when the entry is not
 *   billable (a billable entry carries none).
 * - The month index that the close reads alone now covers `billable` too, so
 *   the month list still never touches the table.
 * - Invoices and their lines keep the non-billable minutes beside the billed
 *   ones (0 for invoices issued before), and a cancel may not change them.
 */
export const m0006NonBillableHours: Migration = {
  version: 6,
  name: 'non-billable hours',
  up: `
    ALTER TABLE time_entry ADD COLUMN billable INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1));
    ALTER TABLE time_entry ADD COLUMN non_billable_reason TEXT NOT NULL DEFAULT ''
      CHECK ((billable = 1 AND non_billable_reason = '') OR (billable = 0 AND length(trim(non_billable_reason)) > 0));

    DROP INDEX time_entry_month;
    CREATE INDEX time_entry_month ON time_entry (date, engagement_id, specialist_id, minutes, billable);

    ALTER TABLE invoice_line ADD COLUMN non_billable_minutes INTEGER NOT NULL DEFAULT 0 CHECK (non_billable_minutes >= 0);
    ALTER TABLE invoice ADD COLUMN non_billable_minutes INTEGER NOT NULL DEFAULT 0 CHECK (non_billable_minutes >= 0);

    DROP TRIGGER invoice_immutable;
    CREATE TRIGGER invoice_immutable BEFORE UPDATE ON invoice
      WHEN OLD.status = 'cancelled' OR NEW.status <> 'cancelled'
        OR NEW.id IS NOT OLD.id OR NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year OR NEW.sequence IS NOT OLD.sequence
        OR NEW.engagement_id IS NOT OLD.engagement_id OR NEW.month IS NOT OLD.month OR NEW.client_name IS NOT OLD.client_name
        OR NEW.engagement_name IS NOT OLD.engagement_name OR NEW.currency IS NOT OLD.currency
        OR NEW.rounding_minutes IS NOT OLD.rounding_minutes OR NEW.minutes IS NOT OLD.minutes
        OR NEW.billed_minutes IS NOT OLD.billed_minutes OR NEW.non_billable_minutes IS NOT OLD.non_billable_minutes
        OR NEW.net_minor IS NOT OLD.net_minor
        OR NEW.vat_basis_points IS NOT OLD.vat_basis_points OR NEW.vat_minor IS NOT OLD.vat_minor
        OR NEW.gross_minor IS NOT OLD.gross_minor OR NEW.issued_at IS NOT OLD.issued_at OR NEW.issued_by IS NOT OLD.issued_by
      BEGIN SELECT RAISE(ABORT, 'an issued invoice can only be cancelled'); END;
  `,
};
