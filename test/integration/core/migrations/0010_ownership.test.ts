import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0010', () => {
  it('keeps the contacts (none archived) and adds assets, duties and effective-dated assignments with their checks', () => {
    const file = tempDatabaseFile();
    const v9 = migrateTo(file, 9).db;
    const now = '2026-01-01T00:00:00.000Z';
    v9.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
    ).run(now, now);
    v9.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at)
       VALUES ('e1', 'c1', 'Ops', 'CHF', '2026-01-05', 'active', ?, ?)`,
    ).run(now, now);
    v9.prepare(`INSERT INTO client_contact (id, client_id, name, created_at, updated_at) VALUES ('p1', 'c1', 'Maria', ?, ?)`).run(now, now);
    v9.prepare(
      `INSERT INTO model (id, client_id, engagement_id, name, risk_tier, ai_act_category, kind, serving, in_service_since, stage, stage_since, created_at, updated_at)
       VALUES ('m1', 'c1', 'e1', 'Churn', 'high', 'high', 'classical_ml', 'batch', '2026-01-05', 'pilot', '2026-03-02', ?, ?)`,
    ).run(now, now);
    v9.close();

    const { db, from, to, preMigrationBackup } = migrateTo(file, 10);
    expect([from, to]).toEqual([9, 10]);
    expect(preMigrationBackup).not.toBeNull();
    expect(db.prepare('SELECT name, archived_at FROM client_contact').get()).toEqual({ name: 'Maria', archived_at: null });
    expect(strictTables(db)).toEqual(
      expect.arrayContaining(['asset', 'asset_model', 'duty', 'duty_applicability', 'assignment', 'ownership_snapshot']),
    );

    const asset = db.prepare(
      `INSERT INTO asset (id, engagement_id, name, type, in_service_from, in_service_to, created_at, updated_at) VALUES (?, 'e1', ?, ?, ?, ?, ?, ?)`,
    );
    asset.run('a1', 'Feature pipeline', 'feature_pipeline', '2026-03-02', null, now, now);
    expect(() => asset.run('a2', 'Notebook', 'notebook', '2026-03-02', null, now, now)).toThrow(/CHECK/);
    expect(() => asset.run('a3', 'feature PIPELINE', 'dashboard', '2026-03-02', null, now, now)).toThrow(/UNIQUE/);
    expect(() => asset.run('a4', 'Backwards', 'dashboard', '2026-03-02', '2026-03-01', now, now)).toThrow(/CHECK/);
    db.prepare(`INSERT INTO asset_model (asset_id, model_id, position) VALUES ('a1', 'm1', 0)`).run();
    expect(() => db.prepare(`INSERT INTO asset_model (asset_id, model_id, position) VALUES ('a1', 'nope', 1)`).run()).toThrow(
      /FOREIGN KEY/,
    );

    const assign = db.prepare(
      `INSERT INTO assignment (id, engagement_id, target_kind, target_id, duty_key, role, person_kind, person_id, from_date, to_date, created_at)
       VALUES (?, 'e1', 'model', 'm1', 'rollback', ?, 'contact', 'p1', ?, ?, ?)`,
    );
    assign.run('x1', 'accountable', '2026-03-02', null, now);
    expect(() => assign.run('x2', 'owner', '2026-03-02', null, now)).toThrow(/CHECK/);
    expect(() => assign.run('x3', 'backup', '2026-03-02', '2026-03-01', now)).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(`INSERT INTO ownership_snapshot (id, engagement_id, month, taken_at, taken_by, errors, warnings, notices, data)
      VALUES ('s1', 'e1', '2026-03', ?, 'me', 0, 0, 0, 'not json')`)
        .run(now),
    ).toThrow(/CHECK/);
    db.close();
  });
});
