import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0007', () => {
  it('keeps old clients and engagements, and adds contacts, models and stage changes whose CHECKs keep them whole', () => {
    const file = tempDatabaseFile();
    const v5 = migrateTo(file, 6).db;
    const now = '2026-01-01T00:00:00.000Z';
    v5.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
    ).run(now, now);
    v5.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES ('e1', 'c1', 'Run', 'CHF', '2026-01-01', 'active', ?, ?)`,
    ).run(now, now);
    v5.close();

    const { db, from, to, preMigrationBackup } = migrateTo(file, 7);
    expect([from, to]).toEqual([6, 7]);
    expect(preMigrationBackup).not.toBeNull();
    expect(db.prepare('SELECT name FROM client').get()).toEqual({ name: 'Acme' });
    expect(strictTables(db)).toEqual(
      expect.arrayContaining([
        'client_contact',
        'model',
        'model_stage_transition',
        'promotion_policy',
        'model_version',
        'model_approval',
        'environment',
        'deployment',
      ]),
    );

    const contact = db.prepare(`INSERT INTO client_contact (id, client_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
    contact.run('p1', 'c1', 'Maria Alvarez', now, now);
    expect(db.prepare("SELECT title, email, phone, notes FROM client_contact WHERE id = 'p1'").get()).toEqual({
      title: '',
      email: '',
      phone: '',
      notes: '',
    });
    expect(() => contact.run('p2', 'nope', 'Bo', now, now)).toThrow(/FOREIGN KEY/);
    expect(() => contact.run('p2', 'c1', '', now, now)).toThrow(/CHECK/);

    const model = db.prepare(
      `INSERT INTO model (id, client_id, engagement_id, name, business_owner_id, risk_tier, ai_act_category, kind, serving, repository_link,
         tags, in_service_since, stage, stage_since, created_at, updated_at)
       VALUES (@id, 'c1', @engagement, @name, @owner, @risk, @category, 'classical_ml', 'batch', @link, @tags, '2026-01-05', @stage, @since, '${now}', '${now}')`,
    );
    const ok = {
      id: 'm1',
      engagement: 'e1',
      name: 'Churn',
      owner: 'p1',
      risk: 'high',
      category: 'limited',
      link: '',
      tags: '[]',
      stage: 'pilot',
      since: '2026-03-02',
    };
    model.run(ok);
    expect(db.prepare("SELECT regulated_domain, data_sources, notes, outcome_baseline FROM model WHERE id = 'm1'").get()).toEqual({
      regulated_domain: 'none',
      data_sources: '[]',
      notes: '',
      outcome_baseline: null,
    });
    // Unique per client, whatever the case.
    expect(() => model.run({ ...ok, id: 'm2', name: 'CHURN' })).toThrow(/UNIQUE/);
    expect(() => model.run({ ...ok, id: 'm2', name: 'B', risk: 'extreme' })).toThrow(/CHECK/);
    expect(() => model.run({ ...ok, id: 'm2', name: 'B', link: 'http://x.example' })).toThrow(/CHECK/);
    expect(() => model.run({ ...ok, id: 'm2', name: 'B', tags: '{"a":1}' })).toThrow(/CHECK/);
    expect(() => model.run({ ...ok, id: 'm2', name: 'B', since: '2025-12-31' })).toThrow(/CHECK/);
    expect(() => model.run({ ...ok, id: 'm2', name: 'B', owner: 'nobody' })).toThrow(/FOREIGN KEY/);
    // A prohibited system is never stored in pilot or production.
    expect(() => model.run({ ...ok, id: 'm2', name: 'B', category: 'prohibited' })).toThrow(/CHECK/);
    model.run({ ...ok, id: 'm2', name: 'B', category: 'prohibited', stage: 'retired', engagement: null, owner: null });

    const change = db.prepare(
      `INSERT INTO model_stage_transition (id, model_id, from_stage, to_stage, on_date, actor, created_at) VALUES (?, ?, ?, ?, ?, 'tester', ?)`,
    );
    change.run('t1', 'm1', null, 'idea', '2026-01-05', now);
    change.run('t2', 'm1', 'idea', 'prototype', '2026-02-02', now);
    expect(db.prepare("SELECT reason FROM model_stage_transition WHERE id = 't2'").get()).toEqual({ reason: '' });
    expect(() => change.run('t3', 'm1', 'pilot', 'pilot', '2026-03-02', now)).toThrow(/CHECK/);
    expect(() => change.run('t3', 'm1', 'pilot', 'lab', '2026-03-02', now)).toThrow(/CHECK/);
    expect(() => change.run('t3', 'nope', 'idea', 'pilot', '2026-03-02', now)).toThrow(/FOREIGN KEY/);

    const policy = db.prepare(
      'INSERT INTO promotion_policy (id, client_id, version, policy, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    policy.run('pp1', 'c1', 1, '{"name":"Own"}', 'tester', now);
    expect(() => policy.run('pp2', 'c1', 1, '{"name":"Again"}', 'tester', now)).toThrow(/UNIQUE/);
    expect(() => policy.run('pp2', 'c1', 0, '{"name":"Zero"}', 'tester', now)).toThrow(/CHECK/);
    expect(() => policy.run('pp2', 'c1', 2, '[1]', 'tester', now)).toThrow(/CHECK/);

    const version = db.prepare(
      `INSERT INTO model_version (id, model_id, label, built_by_kind, built_by_id, registered_on, evaluations, created_at) VALUES (?, 'm1', ?, ?, 'p1', '2026-03-02', ?, ?)`,
    );
    version.run('v1', 'v1.0', 'contact', '[]', now);
    expect(db.prepare("SELECT training_data, evidence, notes FROM model_version WHERE id = 'v1'").get()).toEqual({
      training_data: '',
      evidence: '[]',
      notes: '',
    });
    expect(() => version.run('v2', 'V1.0', 'contact', '[]', now)).toThrow(/UNIQUE/);
    expect(() => version.run('v2', 'v2', 'robot', '[]', now)).toThrow(/CHECK/);
    expect(() => version.run('v2', 'v2', 'contact', '{}', now)).toThrow(/CHECK/);

    const approval = db.prepare(
      `INSERT INTO model_approval (id, version_id, approver_kind, approver_id, decision, decided_on, evidence_link, created_at) VALUES (?, ?, 'contact', 'p1', ?, '2026-03-03', ?, ?)`,
    );
    approval.run('a1', 'v1', 'approved', 'https://x.example', now);
    expect(() => approval.run('a2', 'v1', 'maybe', '', now)).toThrow(/CHECK/);
    expect(() => approval.run('a2', 'v1', 'approved', 'http://x.example', now)).toThrow(/CHECK/);
    expect(() => approval.run('a2', 'nope', 'approved', '', now)).toThrow(/FOREIGN KEY/);

    const environment = db.prepare(
      `INSERT INTO environment (id, engagement_id, name, is_production, created_at) VALUES (?, 'e1', ?, ?, ?)`,
    );
    environment.run('env1', 'Production', 1, now);
    // One production environment per engagement.
    expect(() => environment.run('env2', 'Prod EU', 1, now)).toThrow(/UNIQUE/);
    expect(() => environment.run('env2', 'production', 0, now)).toThrow(/UNIQUE/);
    environment.run('env2', 'Staging', 0, now);

    const deployment = db.prepare(
      `INSERT INTO deployment (id, model_id, version_id, environment_id, alias, traffic_percent, from_at, to_at, created_at) VALUES (?, 'm1', 'v1', 'env1', ?, ?, ?, ?, ?)`,
    );
    deployment.run('d1', 'champion', null, '2026-03-10T08:00:00.000Z', null, now);
    expect(db.prepare("SELECT rollback_reason FROM deployment WHERE id = 'd1'").get()).toEqual({ rollback_reason: '' });
    expect(() => deployment.run('d2', 'canary', null, '2026-03-10T08:00:00.000Z', null, now)).toThrow(/CHECK/);
    expect(() => deployment.run('d2', 'shadow', 10, '2026-03-10T08:00:00.000Z', null, now)).toThrow(/CHECK/);
    expect(() => deployment.run('d2', 'canary', 101, '2026-03-10T08:00:00.000Z', null, now)).toThrow(/CHECK/);
    expect(() => deployment.run('d2', 'champion', null, '2026-03-10T08:00:00.000Z', '2026-03-10T08:00:00.000Z', now)).toThrow(/CHECK/);
    deployment.run('d2', 'canary', 10, '2026-03-10T08:00:00.000Z', '2026-03-11T08:00:00.000Z', now);
    db.close();
  });
});
