import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@backend/core/db/connection';
import { MIGRATIONS } from '@backend/core/db/migrations';
import type Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { tempDir } from './backend';

/** A path for a new database file in a fresh temporary folder, removed when the test ends. */
export function tempDatabaseFile(): string {
  const dir = tempDir('keel-mig-');
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'keel.db');
}

/**
 * Opens the file (created if missing) and migrates it to `version`: the first
 * `version` migrations, none after — how a migration test builds the database
 * an older Keel left behind (Signal Desktop's pattern: migrate to N−1, insert
 * old rows, migrate to N, compare).
 */
export function migrateTo(file: string, version: number) {
  return openDatabase(file, MIGRATIONS.slice(0, version));
}

export function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

/** The tables declared STRICT (SQLite then refuses a value of the wrong type). */
export function strictTables(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (sql LIKE '%STRICT' OR sql LIKE '%STRICT, WITHOUT ROWID')")
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}
