import { describe, expect, it } from 'vitest';
import { migrateTo, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0006', () => {
  it('keeps every existing entry billable, requires a reason exactly when an entry is not, and guards the invoice’s non-billable minutes', () => {
    const file = tempDatabaseFile();
    const v5 = migrateTo(file, 5).db;
    const now = '2026-01-01T00:00:00.000Z';
    v5.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH', ?, ?)`,
    ).run(now, now);
    v5.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES ('e1', 'c1', 'Run', 'CHF', '2026-01-01', 'active', ?, ?)`,
    ).run(now, now);
    v5.prepare(
      `INSERT INTO specialist (id, full_name, email, role, seniority, home_country, sourcing_region, start_date, status, created_at, updated_at)
       VALUES ('s1', 'Ana', 'ana@example.com', 'mlops_engineer', 'senior', 'RO', 'romania', '2025-01-01', 'active', ?, ?)`,
    ).run(now, now);
    v5.prepare(
      `INSERT INTO time_entry (id, specialist_id, engagement_id, date, minutes, activity, note, created_at, updated_at)
       VALUES ('t1', 's1', 'e1', '2026-08-03', 450, 'retraining', 'kept', ?, ?)`,
    ).run(now, now);
    v5.prepare(
      `INSERT INTO invoice (id, number, year, sequence, engagement_id, month, client_name, engagement_name, currency, rounding_minutes, minutes,
         billed_minutes, net_minor, vat_basis_points, vat_minor, gross_minor, status, issued_at, issued_by)
       VALUES ('i1', 'KEEL-2026-0001', 2026, 1, 'e1', '2026-08', 'Acme', 'Run', 'CHF', 0, 450, 450, 112500, 0, 0, 112500, 'issued', ?, 'me')`,
    ).run(now);
    v5.prepare(
      `INSERT INTO invoice_line VALUES ('i1', 1, 's1', 'Ana', 'mlops_engineer', '2026-08-01', '2026-08-31', 'r1', 'role', 15000, 1, 450, 450, 112500)`,
    ).run();
    v5.close();

    const { db, from, to } = migrateTo(file, 6);
    expect([from, to]).toEqual([5, 6]);
    expect(db.prepare('SELECT minutes, note, billable, non_billable_reason FROM time_entry').get()).toEqual({
      minutes: 450,
      note: 'kept',
      billable: 1,
      non_billable_reason: '',
    });
    expect(db.prepare('SELECT non_billable_minutes FROM invoice').get()).toEqual({ non_billable_minutes: 0 });
    expect(db.prepare('SELECT minutes, billed_minutes, non_billable_minutes FROM invoice_line').get()).toEqual({
      minutes: 450,
      billed_minutes: 450,
      non_billable_minutes: 0,
    });

    // Not billable needs a reason; billable carries none.
    expect(() => db.prepare("UPDATE time_entry SET billable = 0 WHERE id = 't1'").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE time_entry SET billable = 0, non_billable_reason = '  ' WHERE id = 't1'").run()).toThrow(
      /CHECK constraint/,
    );
    expect(() => db.prepare("UPDATE time_entry SET non_billable_reason = 'why' WHERE id = 't1'").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE time_entry SET billable = 2, non_billable_reason = 'why' WHERE id = 't1'").run()).toThrow(
      /CHECK constraint/,
    );
    db.prepare("UPDATE time_entry SET billable = 0, non_billable_reason = 'Hand-over' WHERE id = 't1'").run();
    expect(db.prepare('SELECT billable, non_billable_reason FROM time_entry').get()).toEqual({
      billable: 0,
      non_billable_reason: 'Hand-over',
    });

    // The month index covers the billable flag (the month list reads it alone).
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT engagement_id, specialist_id, date, minutes, billable FROM time_entry INDEXED BY time_entry_month WHERE date BETWEEN ? AND ?',
      )
      .all('2026-08-01', '2026-08-31') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX time_entry_month/);

    // A cancel may not rewrite the non-billable minutes of an issued invoice.
    expect(() =>
      db.prepare("UPDATE invoice SET status = 'cancelled', cancelled_at = ?, non_billable_minutes = 60 WHERE id = 'i1'").run(now),
    ).toThrow(/can only be cancelled/);
    db.prepare("UPDATE invoice SET status = 'cancelled', cancelled_at = ?, cancelled_by = 'me', cancel_reason = 'PO' WHERE id = 'i1'").run(
      now,
    );
    expect(db.prepare('SELECT status FROM invoice').get()).toEqual({ status: 'cancelled' });
    db.close();
  });
});
