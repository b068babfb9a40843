import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0011', () => {
  it('keeps the clients and adds framework copies, assessments, answers, targets and readiness, a final assessment immutable', () => {
    const file = tempDatabaseFile();
    const v10 = migrateTo(file, 10).db;
    const now = '2026-01-01T00:00:00.000Z';
    v10
      .prepare(
        `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
      )
      .run(now, now);
    v10.close();

    const { db, from, to, preMigrationBackup } = migrateTo(file, 11);
    expect([from, to]).toEqual([10, 11]);
    expect(preMigrationBackup).not.toBeNull();
    expect(db.prepare('SELECT name FROM client').get()).toEqual({ name: 'Acme' });
    expect(strictTables(db)).toEqual(
      expect.arrayContaining(['maturity_framework', 'maturity_assessment', 'maturity_answer', 'maturity_target', 'maturity_readiness']),
    );

    const hash = 'a'.repeat(64);
    const framework = db.prepare('INSERT INTO maturity_framework (hash, set_id, version, name, body, stored_at) VALUES (?, ?, ?, ?, ?, ?)');
    framework.run(hash, 'keel-mlops', '2026.1', 'Keel', '{"criteria":[]}', now);
    expect(() => framework.run('short', 'keel-mlops', '2026.1', 'Keel', '{}', now)).toThrow(/CHECK/);
    expect(() => framework.run(hash, 'keel-mlops', '2026.1', 'Keel', '{}', now)).toThrow(/UNIQUE|PRIMARY/);

    const assessment = db.prepare(
      `INSERT INTO maturity_assessment (id, client_id, framework_hash, frameworks, assessed_on, assessor_kind, assessor_id, status,
         finalised_at, levels, created_at, updated_at)
       VALUES (?, 'c1', ?, '["microsoft"]', '2026-01-01', 'contact', 'p1', ?, ?, ?, ?, ?)`,
    );
    assessment.run('a1', hash, 'draft', null, null, now, now);
    expect(() => assessment.run('a2', 'b'.repeat(64), 'draft', null, null, now, now)).toThrow(/FOREIGN KEY/);
    expect(() => assessment.run('a3', hash, 'final', null, '[]', now, now)).toThrow(/CHECK/);
    expect(() => assessment.run('a4', hash, 'final', now, null, now, now)).toThrow(/CHECK/);
    expect(() => assessment.run('a5', hash, 'closed', null, null, now, now)).toThrow(/CHECK/);

    const answer = db.prepare(
      `INSERT INTO maturity_answer (assessment_id, criterion_id, answer, confidence, updated_at) VALUES ('a1', ?, ?, ?, ?)`,
    );
    answer.run('doc.runbooks', 'yes', 'high', now);
    expect(() => answer.run('doc.cards', 'maybe', 'high', now)).toThrow(/CHECK/);
    expect(() => answer.run('doc.cards', 'yes', 'certain', now)).toThrow(/CHECK/);
    expect(() => answer.run('doc.runbooks', 'no', 'low', now)).toThrow(/PRIMARY|UNIQUE/);

    // Finalised, nothing about it or its answers changes any more.
    expect(() =>
      db.prepare(`UPDATE maturity_assessment SET status = 'final', finalised_at = ?, levels = '[]' WHERE id = 'a1'`).run(now),
    ).toThrow(/CHECK/);
    db.prepare(`UPDATE maturity_assessment SET status = 'final', finalised_at = ?, levels = '[]', levels_brief = '[]' WHERE id = 'a1'`).run(
      now,
    );
    expect(() => db.prepare(`UPDATE maturity_assessment SET notes = 'x' WHERE id = 'a1'`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`DELETE FROM maturity_assessment WHERE id = 'a1'`).run()).toThrow(/immutable/);
    expect(() => answer.run('doc.cards', 'yes', 'high', now)).toThrow(/immutable/);
    expect(() => db.prepare(`UPDATE maturity_answer SET answer = 'no' WHERE assessment_id = 'a1'`).run()).toThrow(/immutable/);
    expect(() => db.prepare(`DELETE FROM maturity_answer WHERE assessment_id = 'a1'`).run()).toThrow(/immutable/);

    const target = db.prepare(
      `INSERT INTO maturity_target (id, client_id, framework, dimension, level, due_on, created_at, updated_at) VALUES (?, 'c1', ?, 'people', ?, '2027-01-01', ?, ?)`,
    );
    target.run('t1', 'microsoft', 3, now, now);
    expect(() => target.run('t2', 'microsoft', 2, now, now)).toThrow(/UNIQUE/);
    expect(() => target.run('t3', 'gartner', 2, now, now)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO maturity_readiness (client_id, answers, updated_at) VALUES ('c1', '[]', ?)`).run(now)).toThrow(
      /CHECK/,
    );
    db.close();
  });
});
