import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0002', () => {
  it('keeps old specialists at 8 h a day and adds STRICT planning tables that enforce their rules', () => {
    const file = tempDatabaseFile();
    const v1 = migrateTo(file, 1).db;
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

    const { db, from, to, preMigrationBackup } = migrateTo(file, 2);
    expect([from, to]).toEqual([1, 2]);
    expect(preMigrationBackup).not.toBeNull();
    expect(db.prepare('SELECT id, full_name, daily_minutes FROM specialist').all()).toEqual([
      { id: 's1', full_name: 'Ana Ionescu', daily_minutes: 480 },
    ]);
    expect(strictTables(db).sort()).toEqual([
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
