import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DomainError } from '@shared/kernel/errors';
import Database from 'better-sqlite3';
import type { Db } from './connection';

/**
 * Copies of the database that are whole or absent, never half-written under a
 * final name: the backups (menu, button, procedure), the copy taken before
 * migrations and before a restore. A copy is written under a temporary name,
 * fsynced, opened and checked (integrity, schema version, the row count of
 * every table), and only then renamed into place. A copy interrupted by a kill
 * leaves only a temporary file, which the next start removes.
 */

/** The marker in a temporary copy's name; nothing else in the data folder carries it. */
export const PARTIAL_MARK = '.partial-';

export type TableCounts = Record<string, number>;

export type CopyFacts = { path: string; bytes: number; schemaVersion: number; counts: TableCounts };

/** Every table of the schema with its row count, in name order (SQLite's own tables left out). */
export function tableCounts(db: Db): TableCounts {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  const counts: TableCounts = {};
  for (const { name } of tables) {
    counts[name] = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get()?.n ?? 0;
  }
  return counts;
}

/**
 * Writes a consistent copy of `db` to `target` atomically. VACUUM INTO runs
 * synchronously on the one writer connection, so the counts taken just before
 * describe exactly the snapshot it writes; the copy must show the same.
 */
export function writeVerifiedCopy(db: Db, target: string): CopyFacts {
  const directory = dirname(target);
  mkdirSync(directory, { recursive: true });
  const temporary = join(directory, `.${basename(target)}${PARTIAL_MARK}${randomBytes(4).toString('hex')}`);
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const counts = tableCounts(db);
    db.prepare('VACUUM INTO ?').run(temporary);
    fsyncFile(temporary);
    const facts = inspectDatabaseFile(temporary);
    if (facts.schemaVersion !== schemaVersion) throw new Error(`the copy has schema ${facts.schemaVersion}, the database ${schemaVersion}`);
    const differs = Object.keys({ ...counts, ...facts.counts }).find((table) => counts[table] !== facts.counts[table]);
    if (differs)
      throw new Error(`table ${differs} holds ${facts.counts[differs] ?? 'no'} rows in the copy and ${counts[differs] ?? 'none'} in Keel`);
    renameSync(temporary, target);
    fsyncDirectory(directory);
    return { ...facts, path: target };
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/**
 * Opens a database file read-only and checks it the way a restore must:
 * SQLite's integrity check, its schema version, and its tables' row counts.
 * Throws in words when the file is no Keel database or is damaged.
 */
export function inspectDatabaseFile(path: string): Omit<CopyFacts, 'path'> & { path: string } {
  if (!existsSync(path)) throw new DomainError('not_found', `There is no file at ${path}.`);
  let copy: Database.Database;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DomainError('invalid_input', `${basename(path)} cannot be opened as a database (${reason(error)}).`);
  }
  try {
    let integrity: unknown;
    try {
      integrity = copy.pragma('integrity_check', { simple: true });
    } catch (error) {
      throw new DomainError('invalid_input', `${basename(path)} is not a Keel database (${reason(error)}).`);
    }
    if (integrity !== 'ok')
      throw new DomainError('invalid_input', `${basename(path)} is damaged: SQLite's integrity check says “${String(integrity)}”.`);
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    const counts = tableCounts(copy);
    if (schemaVersion === 0 || Object.keys(counts).length === 0) {
      throw new DomainError('invalid_input', `${basename(path)} holds no Keel data (it has no schema version or no tables).`);
    }
    return { path, bytes: statSync(path).size, schemaVersion, counts };
  } finally {
    copy.close();
  }
}

/** Removes the temporary copies an interrupted backup, pre-migration copy or restore left in `directory`. */
export function removePartialCopies(directory: string): string[] {
  if (!existsSync(directory)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(directory)) {
    if (!name.includes(PARTIAL_MARK)) continue;
    const path = join(directory, name);
    removeQuietly(path);
    removed.push(path);
  }
  return removed;
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable; Windows cannot open a directory, and its renames need no such step. */
export function fsyncDirectory(directory: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try {
      unlinkSync(`${path}${suffix}`);
    } catch {
      // Already gone, or never written.
    }
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
