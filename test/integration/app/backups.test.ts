import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from '@backend/core/dataLock';
import { backupsDir, openDatabase } from '@backend/core/db/connection';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, tempDir, validClient } from '../../support/backend';

/**
 * Backups are verified copies written under a temporary name and renamed into
 * place; a restore checks the backup, keeps a copy of the current database and
 * swaps; one Keel owns a data folder. The kill-at-random-moments proofs are in
 * backupFaults.test.ts.
 */

let b: TestBackend;
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));

beforeEach(() => {
  b = openTestBackend({ clock });
});
afterEach(() => b.dispose());

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('writes a verified copy into the backups folder that opens with the same data', async () => {
    await b.ok('sample.load');
    const result = await b.ok('db.backup', {});
    expect(result.path.startsWith(join(b.dir, 'backups'))).toBe(true);
    expect(result.bytes).toBeGreaterThan(0);
    expect(count(result.path, 'specialist')).toBe(16);
    const copy = new Database(result.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    // Nothing but the finished copy: no temporary file, no journal beside it.
    expect(readdirSync(backupsDir(b.file))).toEqual([result.path.split('/').at(-1)]);
  });

  it('never takes a path through the contract: the procedure writes only into the backups folder', async () => {
    const result = await b.call('db.backup', { path: join(b.dir, 'elsewhere.db') });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(existsSync(join(b.dir, 'elsewhere.db'))).toBe(false);
  });

  it('writes where the desktop save dialog points, and refuses the live database under any spelling or an existing file', async () => {
    const chosen = join(b.dir, 'chosen', 'copy.db');
    expect((await b.backup(chosen)).path).toBe(chosen);
    for (const path of [b.file, join(b.dir, '.', 'keel.db'), `${b.dir}//keel.db`, join(b.dir, 'sub', '..', 'keel.db')]) {
      await expect(b.backup(path), path).rejects.toThrow(/live database/);
    }
    await expect(b.backup(chosen)).rejects.toThrow(/already exists/);
    await expect(b.backup('/proc/keel-backup.db')).rejects.toThrow(/could not be written to \/proc\/keel-backup\.db/);
  });

  it('gives two quick backups different names and lists them newest first', async () => {
    const [one, two] = await Promise.all([b.ok('db.backup', {}), b.ok('db.backup', {})]);
    expect(one.path).not.toBe(two.path);
    const listed = await b.ok('backups.list');
    expect(listed.map((f) => f.name).sort()).toEqual([one.path, two.path].map((p) => p.split('/').at(-1)).sort());
    expect(listed.every((f) => f.kind === 'backup' && f.bytes > 0)).toBe(true);
  });

  it('removes the temporary files an interrupted copy left, at the next start, and never lists them', async () => {
    const backups = backupsDir(b.file);
    await b.ok('db.backup', {});
    writeFileSync(join(backups, '.keel-20261124T090000-000Z-aa.db.partial-0bad'), 'half a copy');
    writeFileSync(join(b.dir, '.keel.db.partial-restore-0bad'), 'half a staged restore');
    expect((await b.ok('backups.list')).some((f) => f.name.includes('partial'))).toBe(false);
    b.close();
    const reopened = openTestBackend({ dir: b.dir, clock });
    expect(readdirSync(backups).some((n) => n.includes('.partial-'))).toBe(false);
    expect(readdirSync(b.dir).some((n) => n.includes('.partial-'))).toBe(false);
    expect(await reopened.ok('backups.list')).toHaveLength(1);
    reopened.close();
  });
});

describe('restore', () => {
  it('says what a backup holds before anything changes', async () => {
    await b.ok('sample.load');
    const { path } = await b.ok('db.backup', {});
    const name = path.split('/').at(-1) ?? '';
    const facts = await b.ok('backups.inspect', { name });
    expect(facts.holds).toEqual(
      expect.arrayContaining([
        { label: 'clients', count: 5 },
        { label: 'engagements', count: 7 },
        { label: 'specialists', count: 16 },
      ]),
    );
    expect(facts.schemaVersion).toBe(facts.currentSchemaVersion);
    expect(facts.lastChangeAt).toMatch(/^2026-11-24T09:00:00/);
  });

  it('brings a backup back, keeping a verified copy of the database it replaces, and audits it', async () => {
    await b.ok('sample.load');
    const { path } = await b.ok('db.backup', {});
    const name = path.split('/').at(-1) ?? '';
    await b.ok('clients.create', { ...validClient, name: 'Added after the backup AG' });
    expect((await b.ok('app.info')).counts.clients).toBe(6);

    const result = await b.ok('backups.restore', { name });
    expect((await b.ok('app.info')).counts.clients).toBe(5);
    expect(count(result.previousCopy, 'client')).toBe(6);
    expect((await b.ok('backups.list')).find((f) => result.previousCopy.endsWith(f.name))?.kind).toBe('before a restore');
    const audit = await b.ok('audit.list', {});
    expect(audit.rows[0]).toMatchObject({ entity: 'dataset', action: 'restore', label: `Backup ${name}` });
    // The backend works on the restored file: writes land and survive a restart.
    await b.ok('clients.create', { ...validClient, name: 'Added after the restore AG' });
    b.close();
    const reopened = openTestBackend({ dir: b.dir, clock });
    expect((await reopened.ok('app.info')).counts.clients).toBe(6);
    reopened.close();
  });

  it('refuses a damaged, foreign, empty or newer file, and a name outside the backups folder, changing nothing', async () => {
    await b.ok('sample.load');
    const { path } = await b.ok('db.backup', {});
    const backups = backupsDir(b.file);
    truncateSync(path, Math.floor(readFileSync(path).length / 2));
    writeFileSync(join(backups, 'notes.db'), 'these are not the droids');
    new Database(join(backups, 'empty.db')).close();
    const newer = new Database(join(backups, 'newer.db'));
    newer.exec('CREATE TABLE client (id TEXT)');
    newer.pragma('user_version = 999');
    newer.close();
    const before = b.auditCount();

    const cases: [string, RegExp][] = [
      [path.split('/').at(-1) ?? '', /damaged|not a Keel database|cannot be opened/],
      ['notes.db', /not a Keel database|cannot be opened/],
      ['empty.db', /holds no Keel data/],
      ['newer.db', /newer version of Keel/],
      ['../keel.db', /not the name of a backup/],
      ['missing.db', /no backup named “missing\.db”/],
    ];
    for (const [name, message] of cases) {
      for (const procedure of ['backups.inspect', 'backups.restore'] as const) {
        const result = await b.call(procedure, { name });
        expect(result.ok, `${procedure} ${name}`).toBe(false);
        if (!result.ok) expect(result.error.message, `${procedure} ${name}`).toMatch(message);
      }
    }
    expect(b.auditCount()).toBe(before);
    expect((await b.ok('app.info')).counts.clients).toBe(5);
    expect(readdirSync(backups).some((n) => n.startsWith('pre-restore-'))).toBe(false);
  });
});

describe('opening the database', () => {
  it('refuses a database from a newer Keel before touching it: its journal mode stays as it was', () => {
    const dir = tempDir();
    const file = join(dir, 'keel.db');
    const future = new Database(file);
    future.exec('CREATE TABLE client (id TEXT)');
    future.pragma('user_version = 999');
    future.close();
    expect(() => openDatabase(file)).toThrow(/newer version of Keel/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('one Keel per data folder', () => {
  it('refuses a second Keel on the same folder in one sentence naming the holder, and lets it in once the first closes', () => {
    expect(() => openTestBackend({ dir: b.dir, clock })).toThrow(
      new RegExp(
        `already open in Keel in browser mode \\(process ${process.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\); close that Keel first`,
      ),
    );
    b.close();
    expect(existsSync(join(b.dir, LOCK_FILE))).toBe(false);
    const second = openTestBackend({ dir: b.dir, clock });
    second.close();
  });

  it('takes over a stale lock left by a process that is gone, or a half-written one', () => {
    b.close();
    // A pid that cannot be running: above the kernel's pid_max.
    writeFileSync(join(b.dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 30, host: hostname(), mode: 'desktop' }));
    const afterStale = openTestBackend({ dir: b.dir, clock });
    afterStale.close();
    writeFileSync(join(b.dir, LOCK_FILE), '{"pid": 12');
    const afterTorn = openTestBackend({ dir: b.dir, clock });
    expect(JSON.parse(readFileSync(join(b.dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    afterTorn.close();
  });
});
