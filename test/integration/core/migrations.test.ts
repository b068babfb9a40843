import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@backend/core/db/connection';
import { MIGRATIONS, type Migration } from '@backend/core/db/migrations';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tables, tempDatabaseFile } from '../../support/migrate';

/**
 * The migration runner: ordering, user_version, the backup before the first
 * pending migration, all-or-nothing. Each migration's own test lives beside
 * this file, in migrations/<its file name>.test.ts.
 */

describe('opening a database', () => {
  it('creates and migrates an empty file to the latest version, with WAL, FULL sync and foreign keys', () => {
    const file = tempDatabaseFile();
    const { db, from, to, preMigrationBackup } = openDatabase(file);
    expect([from, to]).toEqual([0, MIGRATIONS.length]);
    expect(preMigrationBackup).toBeNull(); // nothing to protect in a brand-new file
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(tables(db)).toEqual(expect.arrayContaining(['audit_log', 'client', 'engagement', 'specialist']));
    db.close();
  });

  it('reopens without migrating again or taking a backup', () => {
    const file = tempDatabaseFile();
    openDatabase(file).db.close();
    const again = openDatabase(file);
    expect([again.from, again.to, again.preMigrationBackup]).toEqual([MIGRATIONS.length, MIGRATIONS.length, null]);
    again.db.close();
  });

  it('refuses a database written by a newer Keel, and leaves it untouched', () => {
    const file = tempDatabaseFile();
    openDatabase(file).db.close();
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/written by a newer version of Keel \(schema 999; this Keel knows up to \d+\)/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('copies the database before applying the first pending migration, and the copy holds the old data', () => {
    const file = tempDatabaseFile();
    const v1 = MIGRATIONS.slice(0, 1);
    const first = openDatabase(file, v1);
    first.db
      .prepare(
        "INSERT INTO client VALUES ('c1', 'Acme', 'CH', 'CHF', 'CH', '', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    first.db.close();

    const next: Migration = {
      version: v1.length + 1,
      name: 'test: add a column',
      up: 'ALTER TABLE client ADD COLUMN vat_bp INTEGER NOT NULL DEFAULT 0;',
    };
    const second = openDatabase(file, [...v1, next]);
    expect(second.from).toBe(1);
    expect(second.to).toBe(2);
    expect(second.preMigrationBackup).not.toBeNull();
    const backupFile = second.preMigrationBackup as string;
    expect(existsSync(backupFile)).toBe(true);
    expect(readdirSync(join(file, '..', 'backups'))).toHaveLength(1);
    const copy = new Database(backupFile, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM client').all()).toEqual([{ name: 'Acme' }]);
    expect(() => copy.prepare('SELECT vat_bp FROM client').all()).toThrow(/no such column/);
    copy.close();
    expect(second.db.prepare('SELECT name, vat_bp FROM client').all()).toEqual([{ name: 'Acme', vat_bp: 0 }]);
    second.db.close();
  });

  it('applies pending migrations all-or-nothing: a failing migration leaves the old version', () => {
    const file = tempDatabaseFile();
    openDatabase(file, MIGRATIONS.slice(0, 1)).db.close();
    const good: Migration = { version: 2, name: 'good', up: 'CREATE TABLE t_good (id TEXT PRIMARY KEY) STRICT;' };
    const bad: Migration = { version: 3, name: 'bad', up: 'CREATE TABLE t_bad (;' };
    expect(() => openDatabase(file, [MIGRATIONS[0] as Migration, good, bad])).toThrow();
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(check)).not.toContain('t_good');
    check.close();
  });

  it('refuses a broken migration list', () => {
    const gap: Migration = { version: 3, name: 'gap', up: '' };
    expect(() => openDatabase(tempDatabaseFile(), [MIGRATIONS[0] as Migration, gap])).toThrow(/entry 1 has version 3, expected 2/);
  });
});

describe('the migration tests', () => {
  it('give every migration a test of its own, named after its file', () => {
    const sources = readdirSync(join(__dirname, '../../../electron/backend/core/db/migrations'))
      .filter((f) => /^\d{4}_\w+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(sources).toHaveLength(MIGRATIONS.length);
    const tests = readdirSync(join(__dirname, 'migrations')).map((f) => f.replace(/\.test\.ts$/, ''));
    expect(tests.sort()).toEqual(sources.sort());
  });
});
