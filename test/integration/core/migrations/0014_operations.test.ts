import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0014', () => {
  it('keeps the models and adds retraining policies and runs, incidents and their timelines, with their checks', () => {
    const file = tempDatabaseFile();
    const v13 = migrateTo(file, 13).db;
    const now = '2026-01-01T00:00:00.000Z';
    v13
      .prepare(
        `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
      )
      .run(now, now);
    v13
      .prepare(
        `INSERT INTO model (id, client_id, name, risk_tier, ai_act_category, kind, serving, in_service_since, stage, stage_since, created_at, updated_at)
         VALUES ('m1', 'c1', 'Scorecard', 'high', 'high', 'classical_ml', 'batch', '2025-01-01', 'production', '2025-06-01', ?, ?)`,
      )
      .run(now, now);
    v13.close();

    const { db, from, to, preMigrationBackup } = migrateTo(file, 14);
    expect([from, to]).toEqual([13, 14]);
    expect(preMigrationBackup).not.toBeNull();
    expect(db.prepare('SELECT name FROM model').get()).toEqual({ name: 'Scorecard' });
    expect(strictTables(db)).toEqual(
      expect.arrayContaining([
        'retraining_policy',
        'retraining_run',
        'incident',
        'incident_entry',
        'cost_import',
        'cost_line',
        'cost_mapping',
        'cost_budget',
      ]),
    );

    const policy = db.prepare(
      `INSERT INTO retraining_policy (model_id, cadence_every, cadence_unit, on_schedule, created_at, updated_at) VALUES ('m1', ?, ?, ?, ?, ?)`,
    );
    // A schedule without a cadence, half a cadence, a cadence of zero.
    expect(() => policy.run(null, null, 1, now, now)).toThrow(/CHECK/);
    expect(() => policy.run(3, null, 0, now, now)).toThrow(/CHECK/);
    expect(() => policy.run(0, 'week', 1, now, now)).toThrow(/CHECK/);
    policy.run(3, 'month', 1, now, now);

    const run = db.prepare(
      `INSERT INTO retraining_run (id, model_id, run_on, trigger, outcome, version_id, created_at) VALUES (?, 'm1', '2026-01-01', ?, ?, NULL, ?)`,
    );
    run.run('r1', 'drift', 'no_change', now);
    // A new version needs its version; unknown triggers and outcomes.
    expect(() => run.run('r2', 'drift', 'new_version', now)).toThrow(/CHECK/);
    expect(() => run.run('r3', 'whim', 'no_change', now)).toThrow(/CHECK/);
    expect(() => run.run('r4', 'drift', 'maybe', now)).toThrow(/CHECK/);

    const incident = db.prepare(
      `INSERT INTO incident (id, model_id, severity, title, detected_at, detected_by, resolved_at, review_due_on, created_at, updated_at)
       VALUES (?, 'm1', ?, 'Down', '2026-01-05T10:00:00Z', 'alert', ?, ?, ?, ?)`,
    );
    incident.run('i1', 'sev2', '2026-01-05T12:00:00Z', '2026-01-12', now, now);
    // Resolved before detected, an unknown severity, resolved without a review day.
    expect(() => incident.run('i2', 'sev2', '2026-01-05T09:00:00Z', '2026-01-12', now, now)).toThrow(/CHECK/);
    expect(() => incident.run('i3', 'sev5', null, null, now, now)).toThrow(/CHECK/);
    expect(() => incident.run('i4', 'sev1', '2026-01-05T12:00:00Z', null, now, now)).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO incident_entry (id, incident_id, at, kind, text, actor, created_at) VALUES ('e1', 'i1', '2026-01-05T10:00:00Z', 'opened', 'Opened', 'me', ?)`,
    ).run(now);
    expect(() =>
      db
        .prepare(
          `INSERT INTO incident_entry (id, incident_id, at, kind, text, actor, created_at) VALUES ('e2', 'i1', ?, 'gossip', 'x', 'me', ?)`,
        )
        .run(now, now),
    ).toThrow(/CHECK/);
    const line = db.prepare(
      `INSERT INTO cost_line (model_id, month, category, source, amount_minor, import_id, updated_at) VALUES ('m1', ?, ?, ?, ?, NULL, ?)`,
    );
    line.run('2026-11', 'compute', 'typed', 12_000, now);
    // Negative amounts, unknown categories, an imported line without its import, a month that is not one.
    expect(() => line.run('2026-11', 'storage', 'typed', -1, now)).toThrow(/CHECK/);
    expect(() => line.run('2026-11', 'coffee', 'typed', 1, now)).toThrow(/CHECK/);
    expect(() => line.run('2026-11', 'storage', 'aws', 1, now)).toThrow(/CHECK/);
    expect(() => line.run('Nov 2026', 'storage', 'typed', 1, now)).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO cost_budget (model_id, monthly_minor, created_at, updated_at) VALUES ('m1', -5, ?, ?)`).run(now, now),
    ).toThrow(/CHECK/);
    db.close();
  });
});
