import { describe, expect, it } from 'vitest';
import { migrateTo, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0004', () => {
  it('keeps approved months (with no snapshot yet) and lets a cancel change nothing but the status and its reason', () => {
    const file = tempDatabaseFile();
    const v3 = migrateTo(file, 3).db;
    const now = '2026-01-01T00:00:00.000Z';
    v3.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH', ?, ?)`,
    ).run(now, now);
    v3.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES ('e1', 'c1', 'Run', 'CHF', '2026-01-01', 'active', ?, ?)`,
    ).run(now, now);
    v3.prepare(`INSERT INTO month_close VALUES ('e1', '2026-09', 'approved', ?, 'me', ?)`).run(now, now);
    v3.prepare(
      `INSERT INTO invoice (id, number, year, sequence, engagement_id, month, client_name, engagement_name, currency, rounding_minutes, minutes,
         billed_minutes, net_minor, vat_basis_points, vat_minor, gross_minor, status, issued_at, issued_by)
       VALUES ('i1', 'KEEL-2026-0001', 2026, 1, 'e1', '2026-08', 'Acme', 'Run', 'CHF', 0, 60, 60, 15000, 0, 0, 15000, 'issued', ?, 'me')`,
    ).run(now);
    v3.close();

    const { db, from, to } = migrateTo(file, 4);
    expect([from, to]).toEqual([3, 4]);
    expect(db.prepare('SELECT status, approved_invoice FROM month_close').get()).toEqual({ status: 'approved', approved_invoice: '' });
    // 0003 let a cancel also rewrite the currency or the client's name; 0004 does not.
    expect(() =>
      db.prepare("UPDATE invoice SET status = 'cancelled', cancelled_at = ?, currency = 'EUR' WHERE id = 'i1'").run(now),
    ).toThrow(/can only be cancelled/);
    expect(() =>
      db.prepare("UPDATE invoice SET status = 'cancelled', cancelled_at = ?, client_name = 'Other' WHERE id = 'i1'").run(now),
    ).toThrow(/can only be cancelled/);
    db.prepare("UPDATE invoice SET status = 'cancelled', cancelled_at = ?, cancelled_by = 'me', cancel_reason = 'PO' WHERE id = 'i1'").run(
      now,
    );
    expect(() =>
      db
        .prepare(
          `INSERT INTO invoice_line VALUES ('i1', 1, 's1', 'Ana', 'mlops_engineer', '2026-08-01', '2026-08-31', 'r1', 'role', 15000, 1, 60, 60, 15000)`,
        )
        .run(),
    ).toThrow(/takes no lines/);
    db.close();
  });
});
