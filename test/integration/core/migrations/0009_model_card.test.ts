import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0009', () => {
  it('keeps the models and adds the card narrative, one row per model, bounded in length', () => {
    const file = tempDatabaseFile();
    const v8 = migrateTo(file, 8).db;
    const now = '2026-01-01T00:00:00.000Z';
    v8.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
    ).run(now, now);
    v8.prepare(
      `INSERT INTO model (id, client_id, name, risk_tier, ai_act_category, kind, serving, in_service_since, stage, stage_since, created_at, updated_at)
       VALUES ('m1', 'c1', 'Churn', 'high', 'high', 'classical_ml', 'batch', '2026-01-05', 'pilot', '2026-03-02', ?, ?)`,
    ).run(now, now);
    v8.close();

    const { db, from, to, preMigrationBackup } = migrateTo(file, 9);
    expect([from, to]).toEqual([8, 9]);
    expect(preMigrationBackup).not.toBeNull();
    expect(db.prepare('SELECT name, stage FROM model').get()).toEqual({ name: 'Churn', stage: 'pilot' });
    expect(strictTables(db)).toContain('model_card');

    const card = db.prepare('INSERT INTO model_card (model_id, intended_use, updated_at) VALUES (?, ?, ?)');
    card.run('m1', 'Rank customers by churn risk for the retention team.', now);
    expect(
      db
        .prepare("SELECT out_of_scope_uses, users, limitations, ethical_considerations, caveats FROM model_card WHERE model_id = 'm1'")
        .get(),
    ).toEqual({ out_of_scope_uses: '', users: '', limitations: '', ethical_considerations: '', caveats: '' });
    // One card per model, only for a model that exists, and no narrative longer than the contract allows.
    expect(() => card.run('m1', 'Again', now)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => card.run('nope', 'Orphan', now)).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO model (id, client_id, name, risk_tier, ai_act_category, kind, serving, in_service_since, stage, stage_since, created_at, updated_at)
       VALUES ('m2', 'c1', 'Fraud', 'low', 'minimal', 'classical_ml', 'online', '2026-01-05', 'idea', '2026-01-05', ?, ?)`,
    ).run(now, now);
    expect(() => card.run('m2', 'x'.repeat(4001), now)).toThrow(/CHECK/);
    card.run('m2', 'x'.repeat(4000), now);
    db.close();
  });
});
