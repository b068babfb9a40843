import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0013', () => {
  it('keeps the engagements and adds series, participants, models, exceptions, outcomes, decisions, action items and freezes', () => {
    const file = tempDatabaseFile();
    const v12 = migrateTo(file, 12).db;
    const now = '2026-01-01T00:00:00.000Z';
    v12
      .prepare(
        `INSERT INTO client (id, name, country, currency, holiday_calendar, created_at, updated_at) VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH-ZH', ?, ?)`,
      )
      .run(now, now);
    v12
      .prepare(
        `INSERT INTO engagement (id, client_id, name, currency, start_date, status, created_at, updated_at) VALUES ('e1', 'c1', 'Ops', 'CHF', '2026-01-01', 'active', ?, ?)`,
      )
      .run(now, now);
    v12.close();

    const { db, from, to, preMigrationBackup } = migrateTo(file, 13);
    expect([from, to]).toEqual([12, 13]);
    expect(preMigrationBackup).not.toBeNull();
    expect(db.prepare('SELECT name FROM engagement').get()).toEqual({ name: 'Ops' });
    expect(strictTables(db)).toEqual(
      expect.arrayContaining([
        'ceremony_series',
        'ceremony_participant',
        'ceremony_model',
        'ceremony_exception',
        'ceremony_occurrence',
        'ceremony_decision',
        'ceremony_action',
        'ceremony_freeze',
      ]),
    );

    const series = db.prepare(
      `INSERT INTO ceremony_series (id, engagement_id, type, title, time_zone, start_date, start_time, duration_minutes, rrule, uid, created_at, updated_at)
       VALUES (?, 'e1', ?, 'Review', 'Europe/Zurich', '2026-01-08', ?, ?, ?, ?, ?, ?)`,
    );
    series.run('s1', 'model_review', '10:00', 60, 'FREQ=WEEKLY;BYDAY=TH', 'u1', now, now);
    series.run('s2', 'incident_review', '10:00', 60, null, 'u2', now, now);
    // Durations of zero or above a day, unknown types, a rule without FREQ, a time that is not HH:MM, a second UID.
    expect(() => series.run('s3', 'model_review', '10:00', 0, null, 'u3', now, now)).toThrow(/CHECK/);
    expect(() => series.run('s4', 'model_review', '10:00', 1441, null, 'u4', now, now)).toThrow(/CHECK/);
    expect(() => series.run('s5', 'party', '10:00', 60, null, 'u5', now, now)).toThrow(/CHECK/);
    expect(() => series.run('s6', 'model_review', '10:00', 60, 'BYDAY=TH', 'u6', now, now)).toThrow(/CHECK/);
    expect(() => series.run('s7', 'model_review', '10h', 60, null, 'u7', now, now)).toThrow(/CHECK/);
    expect(() => series.run('s8', 'model_review', '10:00', 60, null, 'u1', now, now)).toThrow(/UNIQUE/);

    const exception = db.prepare(
      `INSERT INTO ceremony_exception (series_id, occurrence_key, cancelled, moved_date, moved_time, updated_at) VALUES ('s1', ?, ?, ?, ?, ?)`,
    );
    exception.run('2026-01-15T10:00', 1, null, null, now);
    exception.run('2026-01-22T10:00', 0, '2026-01-23', '14:00', now);
    // A move needs where to; one exception per occurrence.
    expect(() => exception.run('2026-01-29T10:00', 0, null, null, now)).toThrow(/CHECK/);
    expect(() => exception.run('2026-01-15T10:00', 1, null, null, now)).toThrow(/PRIMARY|UNIQUE/);

    const outcome = db.prepare(
      `INSERT INTO ceremony_occurrence (id, series_id, occurrence_key, starts_at, status, recorded_at, updated_at) VALUES (?, 's1', ?, ?, ?, ?, ?)`,
    );
    outcome.run('o1', '2026-01-08T10:00', '2026-01-08T09:00:00.000Z', 'held', now, now);
    expect(() => outcome.run('o2', '2026-01-08T10:00', '2026-01-08T09:00:00.000Z', 'held', now, now)).toThrow(/UNIQUE/);
    expect(() => outcome.run('o3', '2026-01-29T10:00', '2026-01-29T09:00:00.000Z', 'postponed', now, now)).toThrow(/CHECK/);

    const action = db.prepare(
      `INSERT INTO ceremony_action (id, series_id, occurrence_key, raised_at, title, owner_kind, owner_id, due_date, status, closed_at, created_at, updated_at)
       VALUES (?, 's1', '2026-01-08T10:00', ?, 'Do it', 'specialist', 'p1', '2026-01-20', ?, ?, ?, ?)`,
    );
    action.run('a1', now, 'open', null, now, now);
    // An open item has no closing time; a closed one has one.
    expect(() => action.run('a2', now, 'open', now, now, now)).toThrow(/CHECK/);
    expect(() => action.run('a3', now, 'done', null, now, now)).toThrow(/CHECK/);

    const freeze = db.prepare(
      `INSERT INTO ceremony_freeze (id, engagement_id, starts_on, ends_on, reason, created_at, updated_at) VALUES (?, 'e1', ?, ?, ?, ?, ?)`,
    );
    freeze.run('f1', '2026-12-14', '2027-01-08', 'Year end', now, now);
    expect(() => freeze.run('f2', '2026-12-14', '2026-12-01', 'Backwards', now, now)).toThrow(/CHECK/);
    expect(() => freeze.run('f3', '2026-12-14', '2026-12-20', '', now, now)).toThrow(/CHECK/);

    // Deleting a series takes its people, models and exceptions with it.
    db.prepare(`DELETE FROM ceremony_series WHERE id = 's2'`).run();
    db.close();
  });
});
