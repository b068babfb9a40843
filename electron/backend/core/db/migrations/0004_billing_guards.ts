import type { Migration } from './types';

/**
 * Guards found missing in review of 0003:
 *
 * - An approved month keeps the invoice it was approved with
 *   (`approved_invoice`, JSON of the computation), so issuing can refuse when
 *   anything feeding it (rounding, VAT, a person's role, a rate) changed since.
 * - Cancelling an invoice may set its status and cancellation fields only;
 *   every other column stays as issued (0003 guarded the amounts only).
 * - No line can be added to a cancelled invoice.
 */
export const m0004BillingGuards: Migration = {
  version: 4,
  name: 'approved invoice snapshot, stricter invoice immutability',
  up: `
    ALTER TABLE month_close ADD COLUMN approved_invoice TEXT NOT NULL DEFAULT '';

    DROP TRIGGER invoice_immutable;
    CREATE TRIGGER invoice_immutable BEFORE UPDATE ON invoice
      WHEN OLD.status = 'cancelled' OR NEW.status <> 'cancelled'
        OR NEW.id IS NOT OLD.id OR NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year OR NEW.sequence IS NOT OLD.sequence
        OR NEW.engagement_id IS NOT OLD.engagement_id OR NEW.month IS NOT OLD.month OR NEW.client_name IS NOT OLD.client_name
        OR NEW.engagement_name IS NOT OLD.engagement_name OR NEW.currency IS NOT OLD.currency
        OR NEW.rounding_minutes IS NOT OLD.rounding_minutes OR NEW.minutes IS NOT OLD.minutes
        OR NEW.billed_minutes IS NOT OLD.billed_minutes OR NEW.net_minor IS NOT OLD.net_minor
        OR NEW.vat_basis_points IS NOT OLD.vat_basis_points OR NEW.vat_minor IS NOT OLD.vat_minor
        OR NEW.gross_minor IS NOT OLD.gross_minor OR NEW.issued_at IS NOT OLD.issued_at OR NEW.issued_by IS NOT OLD.issued_by
      BEGIN SELECT RAISE(ABORT, 'an issued invoice can only be cancelled'); END;

    CREATE TRIGGER invoice_line_not_after_cancel BEFORE INSERT ON invoice_line
      WHEN (SELECT status FROM invoice WHERE id = NEW.invoice_id) = 'cancelled'
      BEGIN SELECT RAISE(ABORT, 'a cancelled invoice takes no lines'); END;
  `,
};
