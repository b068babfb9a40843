import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupFacts, BackupFile } from '@shared/kernel/backups';
import { DomainError } from '@shared/kernel/errors';
import Database from 'better-sqlite3';
import { backupsDir, type Db } from './connection';
import { fsyncDirectory, fsyncFile, inspectDatabaseFile, PARTIAL_MARK } from './safeCopy';

/**
 * Restoring a backup, in steps that each leave a whole database behind:
 *   1. the chosen backup is checked (integrity, schema version, counts);
 *   2. a verified copy of it is staged beside the live file under a temporary name;
 *   3. a verified copy of the live database is kept in the backups folder;
 *   4. the live connection is checkpointed and closed, and the staged copy is
 *      renamed over the live file (one atomic rename);
 *   5. the database is opened again (older backups are migrated, with their own copy).
 * A kill before 4 leaves the live database untouched and a temporary file the
 * next start removes; a kill after 4 leaves the restored one.
 */

/** What each table is called on screen, for "this backup holds …"; the rest are summed as other records. */
const HOLDS: readonly [table: string, label: string][] = [
  ['client', 'clients'],
  ['engagement', 'engagements'],
  ['specialist', 'specialists'],
  ['allocation', 'allocations'],
  ['time_entry', 'time entries'],
  ['invoice', 'invoices'],
  ['replacement_request', 'replacement requests'],
  ['audit_log', 'audit entries'],
];

const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(db|sqlite|sqlite3|keel)$/;

/** The backups folder's database files, newest first; temporary copies are not backups. */
export function listBackups(databaseFile: string): BackupFile[] {
  const directory = backupsDir(databaseFile);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => BACKUP_NAME.test(name) && !name.includes(PARTIAL_MARK))
    .flatMap((name): BackupFile[] => {
      const stats = statSync(join(directory, name), { throwIfNoEntry: false });
      if (!stats?.isFile()) return [];
      return [{ name, bytes: stats.size, modifiedAt: stats.mtime.toISOString(), kind: kindOf(name) }];
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.name.localeCompare(a.name));
}

function kindOf(name: string): BackupFile['kind'] {
  if (name.startsWith('pre-migration-')) return 'before an upgrade';
  if (name.startsWith('pre-restore-')) return 'before a restore';
  return 'backup';
}

/** A backup named by the user: a plain file name in the backups folder, never a path elsewhere. */
export function backupPath(databaseFile: string, name: string): string {
  if (!BACKUP_NAME.test(name) || name.includes(PARTIAL_MARK)) {
    throw new DomainError('invalid_input', `“${name}” is not the name of a backup in Keel's backups folder.`, [
      { path: 'name', message: 'Pick a backup from the list.' },
    ]);
  }
  const path = join(backupsDir(databaseFile), name);
  if (!existsSync(path))
    throw new DomainError('not_found', `There is no backup named “${name}” in the backups folder “${backupsDir(databaseFile)}”.`);
  return path;
}

/** Checks a backup and says what it holds, in the words the restore dialog shows. */
export function describeBackup(databaseFile: string, name: string, currentSchema: number): BackupFacts {
  const path = backupPath(databaseFile, name);
  const facts = inspectDatabaseFile(path);
  if (facts.schemaVersion > currentSchema) {
    throw new DomainError(
      'conflict',
      `${name} was written by a newer version of Keel (schema ${facts.schemaVersion}; this Keel knows up to ${currentSchema}). Update Keel to restore it.`,
    );
  }
  const known = new Set(HOLDS.map(([table]) => table));
  const holds = HOLDS.filter(([table]) => table in facts.counts).map(([table, label]) => ({ label, count: facts.counts[table] ?? 0 }));
  const other = Object.entries(facts.counts)
    .filter(([table]) => !known.has(table))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    name,
    bytes: facts.bytes,
    schemaVersion: facts.schemaVersion,
    currentSchemaVersion: currentSchema,
    holds: [...holds, { label: 'other records', count: other }],
    lastChangeAt: lastChange(path),
  };
}

function lastChange(path: string): string | null {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return copy.prepare<[], { at: string | null }>('SELECT max(at) AS at FROM audit_log').get()?.at ?? null;
  } catch {
    return null;
  } finally {
    copy.close();
  }
}

/** Step 2: a verified copy of the backup beside the live file, under a temporary name. */
export function stageCopy(source: string, databaseFile: string): string {
  const staged = join(dirname(databaseFile), `.${basename(databaseFile)}${PARTIAL_MARK}restore-${randomBytes(4).toString('hex')}`);
  try {
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      from.prepare('VACUUM INTO ?').run(staged);
    } finally {
      from.close();
    }
    fsyncFile(staged);
    const original = inspectDatabaseFile(source);
    const copy = inspectDatabaseFile(staged);
    const differs = Object.keys({ ...original.counts, ...copy.counts }).find((t) => original.counts[t] !== copy.counts[t]);
    if (differs || original.schemaVersion !== copy.schemaVersion) throw new Error('the staged copy does not match the backup');
    return staged;
  } catch (error) {
    removeQuietly(staged);
    throw error;
  }
}

/** Step 4: closes the live connection cleanly and renames the staged copy over the live file. */
export function swapIn(db: Db, staged: string, databaseFile: string): void {
  // Everything committed goes into the main file, so no -wal of the old database can be replayed onto the new one.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) {
    const side = `${databaseFile}${suffix}`;
    if (!existsSync(side)) continue;
    if (suffix === '-wal' && statSync(side).size > 0) {
      throw new Error('another connection still holds the live database open');
    }
    unlinkSync(side);
  }
  renameSync(staged, databaseFile);
  fsyncDirectory(dirname(databaseFile));
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
