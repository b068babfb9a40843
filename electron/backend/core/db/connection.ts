import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DomainError } from '@shared/kernel/errors';
import Database from 'better-sqlite3';
import { type Clock, systemClock } from '../clock';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export type OpenResult = {
  db: Db;
  /** Schema version before and after opening. */
  from: number;
  to: number;
  /** Path of the copy taken before migrating, if one was needed. */
  preMigrationBackup: string | null;
};

/**
 * Opens (creating if needed) a Keel database: WAL, synchronous=FULL (a
 * committed invoice must survive a power cut), foreign keys, busy timeout;
 * then applies pending migrations in one transaction, after taking a
 * consistent copy of an existing database.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS, clock: Clock = systemClock): OpenResult {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const existed = file !== ':memory:' && existsSync(file) && statSync(file).size > 0;
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const result = migrate(db, file, existed, migrations, clock);
    return { db, ...result };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, file: string, existed: boolean, migrations: readonly Migration[], clock: Clock) {
  assertOrdered(migrations);
  const from = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new DomainError(
      'conflict',
      `This database (${file}) was written by a newer version of Keel (schema ${from}; this Keel knows up to ${latest}). Update Keel to open it; nothing was changed.`,
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, preMigrationBackup: null };

  let preMigrationBackup: string | null = null;
  if (existed && from > 0) {
    preMigrationBackup = join(dirname(file), 'backups', `pre-migration-v${from}-${stamp(clock())}.db`);
    mkdirSync(dirname(preMigrationBackup), { recursive: true });
    // VACUUM INTO writes a transactionally consistent copy, even with a WAL.
    db.prepare('VACUUM INTO ?').run(preMigrationBackup);
  }
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: latest, preMigrationBackup };
}

function assertOrdered(migrations: readonly Migration[]) {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is broken: entry ${i} has version ${m.version}, expected ${i + 1}.`);
  });
}

/** `20261124T091500Z` — a file-name-safe instant; with milliseconds when names must not collide. */
export function stamp(date: Date, withMillis = false): string {
  const iso = date.toISOString().replace(/[-:]/g, '');
  return withMillis ? iso.replace('.', '-') : iso.replace(/\.\d+Z$/, 'Z');
}
