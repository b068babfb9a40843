import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateTo, strictTables, tempDatabaseFile } from '../../../support/migrate';

describe('migration 0001', () => {
  it('creates STRICT tables that refuse wrong types and enforce the rules', () => {
    // Migration 0001 starts from nothing: a new, empty file (version 0).
    const { db, from, to } = migrateTo(tempDatabaseFile(), 1);
    expect([from, to]).toEqual([0, 1]);
    expect(strictTables(db).sort()).toEqual(['audit_log', 'client', 'engagement', 'specialist']);
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
