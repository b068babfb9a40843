import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0012', () => {
  it('keeps the models and adds SLOs, reading series, readings, imports and Prometheus mappings', () => {
    const file = tempDatabaseFile();
    const v11 = migrateTo(file, 11).db;
    const now = '2026-01-01T00:00:00.000Z';
    v11
      .prepare(
        `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
      )
      .run(now, now);
    v11
      .prepare(
        `INSERT INTO model (id, client_id, name, risk_tier, ai_act_category, kind, serving, in_service_since, stage, stage_since, created_at, updated_at)
         VALUES ('m1', 'c1', 'Churn', 'low', 'minimal', 'classical_ml', 'batch', '2026-01-01', 'production', '2026-01-01', ?, ?)`,
      )
      .run(now, now);
    v11.close();

    const { db, from, to, preMigrationBackup } = migrateTo(file, 12);
    expect([from, to]).toEqual([11, 12]);
    expect(preMigrationBackup).not.toBeNull();
    expect(db.prepare('SELECT name FROM model').get()).toEqual({ name: 'Churn' });
    expect(strictTables(db)).toEqual(
      expect.arrayContaining(['monitoring_slo', 'reading_series', 'reading', 'reading_import', 'monitoring_mapping']),
    );

    const slo = db.prepare(
      `INSERT INTO monitoring_slo (id, model_id, segment, kind, metric, direction, target, warning, window_minutes, aggregation, playbook, duty_key, created_at, updated_at)
       VALUES (?, 'm1', ?, ?, ?, ?, ?, ?, ?, 'mean', ?, 'monitoring', ?, ?)`,
    );
    slo.run('s1', '', 'availability', 'availability', 'higher', 99.5, 99, 1440, '["Check"]', now, now);
    // The thresholds sit the right way round for the direction.
    expect(() => slo.run('s2', '', 'availability', 'a2', 'higher', 99, 99.5, 1440, '["Check"]', now, now)).toThrow(/CHECK/);
    expect(() => slo.run('s3', '', 'drift_psi', 'psi', 'lower', 0.2, 0.1, 1440, '["Check"]', now, now)).toThrow(/CHECK/);
    // A playbook has at least one step; a window is 5 minutes to 90 days.
    expect(() => slo.run('s4', '', 'availability', 'a4', 'higher', 99.5, 99, 1440, '[]', now, now)).toThrow(/CHECK/);
    expect(() => slo.run('s5', '', 'availability', 'a5', 'higher', 99.5, 99, 1, '["Check"]', now, now)).toThrow(/CHECK/);
    // One SLO per model, metric, segment (and version).
    expect(() => slo.run('s6', '', 'availability', 'availability', 'higher', 99.5, 99, 1440, '["Check"]', now, now)).toThrow(/UNIQUE/);
    slo.run('s7', 'mobile', 'availability', 'availability', 'higher', 99.5, 99, 1440, '["Check"]', now, now);

    const series = Number(
      db.prepare(`INSERT INTO reading_series (model_id, metric, segment) VALUES ('m1', 'availability', '')`).run().lastInsertRowid,
    );
    const reading = db.prepare('INSERT INTO reading (series_id, at, value, import_id) VALUES (?, ?, ?, ?)');
    reading.run(series, 1_767_225_600_000, 99.7, 'i1');
    // The idempotency key: one value per series and instant.
    expect(() => reading.run(series, 1_767_225_600_000, 99.1, 'i2')).toThrow(/PRIMARY|UNIQUE/);
    expect(() => reading.run(999, 1_767_225_600_000, 99.1, 'i2')).toThrow(/FOREIGN KEY/);
    expect(() => reading.run(series, 1_767_225_660_000, 'high', 'i2')).toThrow(/cannot store|datatype/i);

    const importRow = db.prepare(
      `INSERT INTO reading_import (id, source, file_name, sha256, via_inbox, status, readings, added, changed, models, at, actor)
       VALUES (?, ?, 'f.csv', 'x', 1, ?, 1, 1, 0, 1, ?, 'me')`,
    );
    importRow.run('i1', 'csv', 'imported', now);
    expect(() => importRow.run('i2', 'ftp', 'imported', now)).toThrow(/CHECK/);
    expect(() => importRow.run('i3', 'csv', 'maybe', now)).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO monitoring_mapping (client_id, model_label, metric_label, updated_at) VALUES ('c1', '', 'x', ?)`).run(now),
    ).toThrow(/CHECK/);
    db.close();
  });
});
