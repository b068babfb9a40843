import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0003', () => {
  it('keeps old clients without VAT and engagements unrounded and uncapped, and adds billing tables that protect invoices', () => {
    const file = tempDatabaseFile();
    const v2 = migrateTo(file, 2).db;
    const now = '2026-01-01T00:00:00.000Z';
    v2.prepare(`INSERT INTO client VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH', '', NULL, ?, ?)`).run(now, now);
    v2.prepare(`INSERT INTO engagement VALUES ('e1', 'c1', 'Run', 'CHF', '2026-01-01', '2026-12-31', 'active', '', NULL, ?, ?)`).run(
      now,
      now,
    );
    v2.prepare(
      `INSERT INTO specialist (id, full_name, role, seniority, home_country, sourcing_region, start_date, status, email, created_at, updated_at)
       VALUES ('s1', 'Ana Ionescu', 'mlops_engineer', 'senior', 'RO', 'romania', '2026-01-05', 'active', 'ana@example.com', ?, ?)`,
    ).run(now, now);
    v2.close();

    const { db, from, to } = migrateTo(file, 3);
    expect([from, to]).toEqual([2, 3]);
    expect(db.prepare('SELECT vat_basis_points AS vat FROM client').get()).toEqual({ vat: 0 });
    expect(db.prepare('SELECT rounding_minutes AS r, monthly_cap_minutes AS cap FROM engagement').get()).toEqual({ r: 0, cap: null });
    expect(strictTables(db)).toEqual(
      expect.arrayContaining(['time_entry', 'rate', 'specialist_cap', 'month_close', 'invoice', 'invoice_line', 'setting']),
    );
    // The month close reads one month of every engagement from this index alone.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT engagement_id, specialist_id, date, minutes FROM time_entry WHERE date BETWEEN '2026-10-01' AND '2026-10-31'`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING COVERING INDEX time_entry_month/);

    const entry = db.prepare(
      `INSERT INTO time_entry (id, specialist_id, engagement_id, date, minutes, activity, created_at, updated_at) VALUES (?, 's1', 'e1', '2026-10-05', ?, ?, ?, ?)`,
    );
    entry.run('t1', 450, 'retraining', now, now);
    expect(() => entry.run('t2', 0, 'retraining', now, now)).toThrow(/CHECK/);
    expect(() => entry.run('t2', 1441, 'retraining', now, now)).toThrow(/CHECK/);
    expect(() => entry.run('t2', 60, 'coffee', now, now)).toThrow(/CHECK/);
    expect(() => entry.run('t2', 7.5, 'retraining', now, now)).toThrow(/cannot store REAL/);

    const rate = db.prepare(
      `INSERT INTO rate (id, engagement_id, role, specialist_id, effective_from, hourly_rate_minor, created_at) VALUES (?, 'e1', ?, ?, '2026-01-01', 15000, ?)`,
    );
    rate.run('r1', 'mlops_engineer', null, now);
    expect(() => rate.run('r2', 'mlops_engineer', 's1', now)).toThrow(/CHECK/); // both kinds at once
    expect(() => rate.run('r2', null, null, now)).toThrow(/CHECK/); // neither
    expect(() => rate.run('r2', 'mlops_engineer', null, now)).toThrow(/UNIQUE/); // same role and date

    const invoice = db.prepare(
      `INSERT INTO invoice (id, number, year, sequence, engagement_id, month, client_name, engagement_name, currency, rounding_minutes, minutes,
         billed_minutes, net_minor, vat_basis_points, vat_minor, gross_minor, status, issued_at, issued_by)
       VALUES (?, ?, 2026, ?, 'e1', ?, 'Acme', 'Run', 'CHF', 0, 450, 450, 112500, 810, 9113, ?, 'issued', ?, 'me')`,
    );
    invoice.run('i1', 'KEEL-2026-0001', 1, '2026-10', 121_613, now);
    expect(() => invoice.run('i2', 'KEEL-2026-0002', 2, '2026-11', 1, now)).toThrow(/CHECK/); // gross ≠ net + VAT
    expect(() => invoice.run('i2', 'KEEL-2026-0002', 1, '2026-11', 121_613, now)).toThrow(/UNIQUE/); // sequence reused
    expect(() => invoice.run('i2', 'KEEL-2026-0002', 2, '2026-10', 121_613, now)).toThrow(/UNIQUE/); // two live invoices for a month
    expect(() => db.prepare("UPDATE invoice SET net_minor = 0, gross_minor = 9113 WHERE id = 'i1'").run()).toThrow(/can only be cancelled/);
    expect(() => db.prepare("DELETE FROM invoice WHERE id = 'i1'").run()).toThrow(/never deleted/);
    db.prepare("UPDATE invoice SET status = 'cancelled', cancelled_at = ?, cancel_reason = 'PO' WHERE id = 'i1'").run(now);
    expect(() => db.prepare("UPDATE invoice SET cancel_reason = 'changed' WHERE id = 'i1'").run()).toThrow(/can only be cancelled/);
    db.close();
  });
});
