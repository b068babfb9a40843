import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@backend/core/db/connection';
import { MIGRATIONS, type Migration } from '@backend/core/db/migrations';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/backend';

const dirs: string[] = [];
const newFile = () => {
  const dir = tempDir('keel-mig-');
  dirs.push(dir);
  return join(dir, 'keel.db');
};
afterEach(() => {
  dirs.length = 0;
});

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('opening a database', () => {
  it('creates and migrates an empty file to the latest version, with WAL, FULL sync and foreign keys', () => {
    const file = newFile();
    const { db, from, to, preMigrationBackup } = openDatabase(file);
    expect([from, to]).toEqual([0, MIGRATIONS.length]);
    expect(preMigrationBackup).toBeNull(); // nothing to protect in a brand-new file
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(tables(db)).toEqual(expect.arrayContaining(['audit_log', 'client', 'engagement', 'specialist']));
    db.close();
  });

  it('reopens without migrating again or taking a backup', () => {
    const file = newFile();
    openDatabase(file).db.close();
    const again = openDatabase(file);
    expect([again.from, again.to, again.preMigrationBackup]).toEqual([MIGRATIONS.length, MIGRATIONS.length, null]);
    again.db.close();
  });

  it('refuses a database written by a newer Keel, and leaves it untouched', () => {
    const file = newFile();
    openDatabase(file).db.close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/written by a newer version of Keel \(schema 999; this Keel knows up to \d+\)/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('copies the database before applying the first pending migration, and the copy holds the old data', () => {
    const file = newFile();
    const v1 = MIGRATIONS.slice(0, 1);
    const first = openDatabase(file, v1);
    first.db
      .prepare(
        "INSERT INTO client VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH', '', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    first.db.close();

    const next: Migration = {
      version: v1.length + 1,
      name: 'test: add a column',
      up: 'ALTER TABLE client ADD COLUMN vat_bp INTEGER NOT NULL DEFAULT 0;',
    };
    const second = openDatabase(file, [...v1, next]);
    expect(second.from).toBe(1);
    expect(second.to).toBe(2);
    expect(second.preMigrationBackup).not.toBeNull();
    const backupFile = second.preMigrationBackup as string;
    expect(existsSync(backupFile)).toBe(true);
    expect(readdirSync(join(file, '..', 'backups'))).toHaveLength(1);
    const copy = new Database(backupFile, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM client').all()).toEqual([{ name: 'Acme' }]);
    expect(() => copy.prepare('SELECT vat_bp FROM client').all()).toThrow(/no such column/);
    copy.close();
    expect(second.db.prepare('SELECT name, vat_bp FROM client').all()).toEqual([{ name: 'Acme', vat_bp: 0 }]);
    second.db.close();
  });

  it('applies pending migrations all-or-nothing: a failing migration leaves the old version', () => {
    const file = newFile();
    openDatabase(file, MIGRATIONS.slice(0, 1)).db.close();
    const good: Migration = { version: 2, name: 'good', up: 'CREATE TABLE t_good (id TEXT PRIMARY KEY) STRICT;' };
    const bad: Migration = { version: 3, name: 'bad', up: 'CREATE TABLE t_bad (;' };
    expect(() => openDatabase(file, [MIGRATIONS[0] as Migration, good, bad])).toThrow();
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(check)).not.toContain('t_good');
    check.close();
  });

  it('refuses a broken migration list', () => {
    const gap: Migration = { version: 3, name: 'gap', up: '' };
    expect(() => openDatabase(newFile(), [MIGRATIONS[0] as Migration, gap])).toThrow(/entry 1 has version 3, expected 2/);
  });
});

describe('migration 0001', () => {
  it('creates STRICT tables that refuse wrong types and enforce the rules', () => {
    const { db } = openDatabase(newFile(), MIGRATIONS.slice(0, 1));
    const strict = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%STRICT'").all() as { name: string }[];
    expect(strict.map((r) => r.name).sort()).toEqual(['audit_log', 'client', 'engagement', 'specialist']);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO client VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH', '', NULL, ?, ?)`).run(now, now);
    expect(() => db.prepare(`INSERT INTO client VALUES ('c2', 'ACME', 'CH', 'CHF', 'CH', '', NULL, ?, ?)`).run(now, now)).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare(`INSERT INTO engagement VALUES ('e1', 'nope', 'E', 'CHF', '2026-01-01', NULL, 'active', '', NULL, ?, ?)`).run(now, now),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(`INSERT INTO engagement VALUES ('e1', 'c1', 'E', 'CHF', '2026-02-01', '2026-01-01', 'active', '', NULL, ?, ?)`)
        .run(now, now),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO engagement VALUES ('e1', 'c1', 'E', 'CHF', '2026-01-01', NULL, 'sleeping', '', NULL, ?, ?)`).run(now, now),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO client VALUES ('c3', x'00', 'CH', 'CHF', 'CH', '', NULL, ?, ?)`).run(now, now)).toThrow(
      /cannot store BLOB/,
    );
    db.close();
    expect(statSync(db.name).size).toBeGreaterThan(0);
  });
});

describe('migration 0002', () => {
  it('keeps old specialists at 8 h a day and adds STRICT planning tables that enforce their rules', () => {
    const file = newFile();
    const v1 = openDatabase(file, MIGRATIONS.slice(0, 1)).db;
    const now = '2026-01-01T00:00:00.000Z';
    v1.prepare(`INSERT INTO client VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH', '', NULL, ?, ?)`).run(now, now);
    v1.prepare(`INSERT INTO engagement VALUES ('e1', 'c1', 'Run', 'CHF', '2026-01-01', '2026-12-31', 'active', '', NULL, ?, ?)`).run(
      now,
      now,
    );
    v1.prepare(
      `INSERT INTO specialist VALUES ('s1', 'Ana Ionescu', 'mlops_engineer', 'senior', 'RO', '', 'romania', '["MLflow"]',
         '2026-01-05', 'active', 'ana@example.com', NULL, ?, ?)`,
    ).run(now, now);
    v1.close();

    const { db, from, to, preMigrationBackup } = openDatabase(file, MIGRATIONS.slice(0, 2));
    expect([from, to]).toEqual([1, 2]);
    expect(preMigrationBackup).not.toBeNull();
    expect(db.prepare('SELECT id, full_name, daily_minutes FROM specialist').all()).toEqual([
      { id: 's1', full_name: 'Ana Ionescu', daily_minutes: 480 },
    ]);
    const strict = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%STRICT'").all() as { name: string }[];
    expect(strict.map((r) => r.name).sort()).toEqual([
      'absence',
      'allocation',
      'audit_log',
      'client',
      'engagement',
      'specialist',
      'staffing_request',
    ]);
    expect(() => db.prepare("UPDATE specialist SET daily_minutes = 30 WHERE id = 's1'").run()).toThrow(/CHECK/);

    const allocation = db.prepare(
      `INSERT INTO allocation (id, specialist_id, engagement_id, start_date, end_date, load_percent, status, created_at, updated_at)
       VALUES (?, ?, 'e1', ?, ?, ?, ?, ?, ?)`,
    );
    allocation.run('a1', 's1', '2026-02-01', '2026-03-31', 100, 'confirmed', now, now);
    expect(() => allocation.run('a2', 's1', '2026-02-01', '2026-03-31', 0, 'confirmed', now, now)).toThrow(/CHECK/);
    expect(() => allocation.run('a2', 's1', '2026-02-01', '2026-03-31', 101, 'confirmed', now, now)).toThrow(/CHECK/);
    expect(() => allocation.run('a2', 's1', '2026-03-01', '2026-02-28', 50, 'confirmed', now, now)).toThrow(/CHECK/);
    expect(() => allocation.run('a2', 's1', '2026-02-01', '2026-03-31', 50, 'planned', now, now)).toThrow(/CHECK/);
    expect(() => allocation.run('a2', 'nobody', '2026-02-01', '2026-03-31', 50, 'confirmed', now, now)).toThrow(/FOREIGN KEY/);
    expect(() => allocation.run('a2', 's1', '2026-02-01', '2026-03-31', 'half', 'confirmed', now, now)).toThrow(/cannot store TEXT/);

    expect(() =>
      db
        .prepare(
          `INSERT INTO absence (id, specialist_id, kind, start_date, end_date, created_at, updated_at) VALUES (?, 's1', ?, ?, ?, ?, ?)`,
        )
        .run('b1', 'holiday', '2026-08-03', '2026-08-07', now, now),
    ).toThrow(/CHECK/);

    const request = db.prepare(
      `INSERT INTO staffing_request (id, engagement_id, title, role, seniority, start_date, load_percent, stage, opened_on, target_weeks,
         filled_on, allocation_id, declined_on, created_at, updated_at)
       VALUES (?, 'e1', 'Role', 'mlops_engineer', 'senior', '2026-04-01', 100, ?, '2026-03-01', 4, ?, ?, ?, ?, ?)`,
    );
    request.run('r1', 'filled', '2026-03-20', 'a1', null, now, now);
    // Filled needs its allocation and date; declined needs its date; one allocation fills one request.
    expect(() => request.run('r2', 'filled', '2026-03-20', null, null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'sourcing', null, null, '2026-03-20', now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'filled', '2026-03-20', 'a1', null, now, now)).toThrow(/UNIQUE/);
    request.run('r2', 'declined', null, null, '2026-03-20', now, now);
    db.close();
  });
});

describe('migration 0003', () => {
  it('keeps old clients without VAT and engagements unrounded and uncapped, and adds billing tables that protect invoices', () => {
    const file = newFile();
    const v2 = openDatabase(file, MIGRATIONS.slice(0, 2)).db;
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

    const { db, from, to } = openDatabase(file, MIGRATIONS.slice(0, 3));
    expect([from, to]).toEqual([2, 3]);
    expect(db.prepare('SELECT vat_basis_points AS vat FROM client').get()).toEqual({ vat: 0 });
    expect(db.prepare('SELECT rounding_minutes AS r, monthly_cap_minutes AS cap FROM engagement').get()).toEqual({ r: 0, cap: null });
    const strict = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%STRICT'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(strict).toEqual(
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

describe('migration 0004', () => {
  it('keeps approved months (with no snapshot yet) and lets a cancel change nothing but the status and its reason', () => {
    const file = newFile();
    const v3 = openDatabase(file, MIGRATIONS.slice(0, 3)).db;
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

    const { db, from, to } = openDatabase(file, MIGRATIONS.slice(0, 4));
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

describe('migration 0005', () => {
  it('reads old clients in their calendar’s zone, gives old engagements the 7-day SLA, and adds replacement tables that keep their states whole', () => {
    const file = newFile();
    const v4 = openDatabase(file, MIGRATIONS.slice(0, 4)).db;
    const now = '2026-01-01T00:00:00.000Z';
    v4.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
    ).run(now, now);
    v4.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES ('e1', 'c1', 'Run', 'CHF', '2026-01-01', 'active', ?, ?)`,
    ).run(now, now);
    const specialist = v4.prepare(
      `INSERT INTO specialist (id, full_name, role, seniority, home_country, sourcing_region, start_date, status, email, created_at, updated_at)
       VALUES (?, ?, 'mlops_engineer', 'senior', 'RO', 'romania', '2026-01-05', 'active', ?, ?, ?)`,
    );
    specialist.run('s1', 'Ana Ionescu', 'ana@example.com', now, now);
    specialist.run('s2', 'Bo Berg', 'bo@example.com', now, now);
    v4.prepare(
      `INSERT INTO allocation (id, specialist_id, engagement_id, start_date, end_date, load_percent, status, created_at, updated_at)
       VALUES ('a1', 's2', 'e1', '2026-12-01', '2026-12-31', 100, 'confirmed', ?, ?)`,
    ).run(now, now);
    v4.close();

    const { db, from, to, preMigrationBackup } = openDatabase(file, MIGRATIONS.slice(0, 5));
    expect([from, to]).toEqual([4, 5]);
    expect(preMigrationBackup).not.toBeNull();
    // '' = the holiday calendar's own zone; 7 business days is the usual promise.
    expect(db.prepare('SELECT time_zone FROM client').get()).toEqual({ time_zone: '' });
    expect(db.prepare('SELECT sla_business_days AS sla FROM engagement').get()).toEqual({ sla: 7 });
    expect(() => db.prepare("UPDATE engagement SET sla_business_days = 0 WHERE id = 'e1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE engagement SET sla_business_days = 61 WHERE id = 'e1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE engagement SET sla_business_days = 'seven' WHERE id = 'e1'").run()).toThrow(/cannot store TEXT/);
    const strict = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%STRICT'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(strict).toEqual(expect.arrayContaining(['replacement_request', 'replacement_pause', 'replacement_candidate']));

    const request = db.prepare(
      `INSERT INTO replacement_request (id, engagement_id, outgoing_specialist_id, reason, submitted_at, submitted_by, status,
         replacement_specialist_id, replacement_allocation_id, replacement_start_date, cancelled_on, created_at, updated_at)
       VALUES (?, ?, 's1', ?, '2026-11-20T15:40:00.000Z', 'Client', ?, ?, ?, ?, ?, ?, ?)`,
    );
    request.run('r1', 'e1', 'resignation', 'open', null, null, null, null, now, now);
    expect(
      db.prepare("SELECT notes, late_reason, cancel_reason, outgoing_allocation_id FROM replacement_request WHERE id = 'r1'").get(),
    ).toEqual({
      notes: '',
      late_reason: '',
      cancel_reason: '',
      outgoing_allocation_id: null,
    });
    expect(() => request.run('r2', 'e1', 'boredom', 'open', null, null, null, null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'e1', 'health', 'closed', null, null, null, null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'nope', 'health', 'open', null, null, null, null, now, now)).toThrow(/FOREIGN KEY/);
    // Fulfilled names the replacement, its allocation and its start — all three, and only when fulfilled.
    expect(() => request.run('r2', 'e1', 'health', 'fulfilled', 's2', null, '2026-12-01', null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'e1', 'health', 'fulfilled', null, 'a1', '2026-12-01', null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'e1', 'health', 'open', 's2', 'a1', '2026-12-01', null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r2', 'e1', 'health', 'fulfilled', 's2', 'nope', '2026-12-01', null, now, now)).toThrow(/FOREIGN KEY/);
    request.run('r2', 'e1', 'health', 'fulfilled', 's2', 'a1', '2026-12-01', null, now, now);
    // Cancelled carries its date, and only cancelled does.
    expect(() => request.run('r3', 'e1', 'other', 'cancelled', null, null, null, null, now, now)).toThrow(/CHECK/);
    expect(() => request.run('r3', 'e1', 'other', 'open', null, null, null, '2026-11-23', now, now)).toThrow(/CHECK/);
    request.run('r3', 'e1', 'other', 'cancelled', null, null, null, '2026-11-23', now, now);

    const pause = db.prepare(
      `INSERT INTO replacement_pause (id, request_id, start_date, end_date, reason, created_at, updated_at) VALUES (?, ?, ?, ?, 'Wait', ?, ?)`,
    );
    pause.run('p1', 'r1', '2026-11-25', '2026-11-26', now, now);
    expect(() => pause.run('p2', 'r1', '2026-11-27', '2026-11-26', now, now)).toThrow(/CHECK/);
    expect(() => pause.run('p2', 'nope', '2026-11-27', '2026-11-27', now, now)).toThrow(/FOREIGN KEY/);

    const candidate = db.prepare(
      `INSERT INTO replacement_candidate (id, request_id, name, specialist_id, proposed_on, status, decided_on, created_at, updated_at)
       VALUES (?, 'r1', 'Bo Berg', ?, '2026-11-23', ?, ?, ?, ?)`,
    );
    candidate.run('k1', 's2', 'proposed', null, now, now);
    // A decision has its date; a proposal has none.
    expect(() => candidate.run('k2', null, 'proposed', '2026-11-24', now, now)).toThrow(/CHECK/);
    expect(() => candidate.run('k2', null, 'accepted', null, now, now)).toThrow(/CHECK/);
    expect(() => candidate.run('k2', null, 'hired', '2026-11-24', now, now)).toThrow(/CHECK/);
    expect(() => candidate.run('k2', 'nobody', 'proposed', null, now, now)).toThrow(/FOREIGN KEY/);
    candidate.run('k2', null, 'rejected', '2026-11-24', now, now);
    db.close();
  });
});
