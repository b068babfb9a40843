import { MIGRATIONS } from '@backend/core/db/migrations';
import { m0008HoursOnModel } from '@backend/core/db/migrations/0008_hours_on_model';
import { describe, expect, it } from 'vitest';
import { migrateTo, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0008', () => {
  it('keeps every existing entry on no model, lets an entry name a model that exists, and indexes the hours of a model', () => {
    // The version before this migration, taken from the list (whatever else lands before it).
    const place = MIGRATIONS.indexOf(m0008HoursOnModel);
    expect(place).toBeGreaterThan(0);
    const before = m0008HoursOnModel.version - 1;
    expect(MIGRATIONS[place - 1]?.version).toBe(before);

    const file = tempDatabaseFile();
    const old = migrateTo(file, before).db;
    const now = '2026-01-01T00:00:00.000Z';
    old
      .prepare(
        `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH', ?, ?)`,
      )
      .run(now, now);
    old
      .prepare(
        `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES ('e1', 'c1', 'Run', 'CHF', '2026-01-01', 'active', ?, ?)`,
      )
      .run(now, now);
    old
      .prepare(
        `INSERT INTO specialist (id, full_name, email, role, seniority, home_country, sourcing_region, start_date, status, created_at, updated_at)
       VALUES ('s1', 'Ana', 'ana@example.com', 'mlops_engineer', 'senior', 'RO', 'romania', '2025-01-01', 'active', ?, ?)`,
      )
      .run(now, now);
    old
      .prepare(
        `INSERT INTO model (id, client_id, engagement_id, name, risk_tier, ai_act_category, kind, serving, in_service_since, stage, stage_since, created_at, updated_at)
       VALUES ('m1', 'c1', 'e1', 'Churn', 'low', 'minimal', 'classical_ml', 'batch', '2026-01-05', 'prototype', '2026-01-05', ?, ?)`,
      )
      .run(now, now);
    old
      .prepare(
        `INSERT INTO time_entry (id, specialist_id, engagement_id, date, minutes, activity, note, created_at, updated_at)
       VALUES ('t1', 's1', 'e1', '2026-08-03', 450, 'retraining', 'kept', ?, ?)`,
      )
      .run(now, now);
    old.close();

    const { db, from, to } = migrateTo(file, m0008HoursOnModel.version);
    expect([from, to]).toEqual([before, m0008HoursOnModel.version]);
    expect(db.prepare('SELECT minutes, note, billable, model_id FROM time_entry').get()).toEqual({
      minutes: 450,
      note: 'kept',
      billable: 1,
      model_id: null,
    });

    const entry = db.prepare(
      `INSERT INTO time_entry (id, specialist_id, engagement_id, date, minutes, activity, model_id, created_at, updated_at)
       VALUES (?, 's1', 'e1', '2026-08-04', 60, 'deployment', ?, ?, ?)`,
    );
    entry.run('t2', 'm1', now, now);
    expect(() => entry.run('t3', 'no-such-model', now, now)).toThrow(/FOREIGN KEY/);
    // A model with hours cannot vanish from under them.
    expect(() => db.prepare("DELETE FROM model WHERE id = 'm1'").run()).toThrow(/FOREIGN KEY/);

    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT date, minutes FROM time_entry WHERE model_id = 'm1' AND date BETWEEN ? AND ?")
      .all('2026-08-01', '2026-08-31') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX time_entry_model/);
    db.close();
  });
});
