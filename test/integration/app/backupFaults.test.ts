import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupsDir, openDatabase } from '@backend/core/db/connection';
import { MIGRATIONS } from '@backend/core/db/migrations';
import { inspectDatabaseFile, type TableCounts } from '@backend/core/db/safeCopy';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, tempDir, validClient } from '../../support/backend';
import { buildChild, startChild } from '../../support/child';
import { migrateTo } from '../../support/migrate';

/**
 * Kill Keel at random moments while it copies the database, and prove that
 * nothing under a final name is half a copy: every backup, pre-migration and
 * pre-restore copy left behind opens, passes the integrity check and holds
 * exactly the rows of the database it copied; the live database is always one
 * whole database; the temporary files a kill leaves are removed at the next
 * start. (Before the fix, 6 of 7 interrupted backups opened as an empty
 * database whose integrity check said "ok".)
 */

const KILLS = Number(process.env.KEEL_FAULT_KILLS) || 6;
/** Audit rows added to the sample data so one copy takes long enough to be killed in the middle. */
const PADDING = 25_000;

let script: string;
const dirs: string[] = [];
const report: string[] = [];

beforeAll(async () => {
  script = await buildChild(join(__dirname, 'faults', 'copyChild.ts'));
}, 60_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(`Kill report:\n  ${report.join('\n  ')}`);
});

const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0));

/** A data folder holding the sample data and a large audit log; returns its table counts. */
async function seededFolder(): Promise<{ dir: string; counts: TableCounts }> {
  const b = openTestBackend({ clock });
  dirs.push(b.dir);
  await b.ok('sample.load');
  pad(b.db);
  const counts = inspectDatabaseFile(b.file).counts;
  b.close();
  return { dir: b.dir, counts };
}

function pad(db: Database.Database): void {
  const insert = db.prepare(
    "INSERT INTO audit_log (id, at, actor, entity, entity_id, label, action, before_json, after_json) VALUES (?, '2026-01-01T00:00:00.000Z', 'padding', 'client', ?, 'Padding', 'update', ?, ?)",
  );
  const blob = JSON.stringify({ notes: 'x'.repeat(300) });
  db.transaction(() => {
    for (let i = 0; i < PADDING; i++) insert.run(`pad-${String(i).padStart(8, '0')}`, `client-${i % 97}`, blob, blob);
  })();
}

const random = (max: number) => Math.floor(Math.random() * max);
const partials = (dir: string) => readdirSync(dir).filter((n) => n.includes('.partial-'));

/** How long one run of the child takes to print `done` after READY, measured once, to spread the kills over it. */
async function timeOnce(args: string[], ready: RegExp | null, done: RegExp): Promise<number> {
  const spawned = performance.now();
  const run = startChild(script, args);
  if (ready) await run.waitFor(ready);
  const started = ready ? performance.now() : spawned;
  await run.waitFor(done);
  const took = performance.now() - started;
  await run.kill();
  return took;
}

describe('killed while copying the database', () => {
  it('leaves no backup that is not whole', async () => {
    const { dir, counts } = await seededFolder();
    const backups = backupsDir(join(dir, 'keel.db'));
    const oneCopy = await timeOnce(['backup', dir], /^READY/, /^ACK/);
    let acknowledged = 0;
    let leftovers = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const run = startChild(script, ['backup', dir]);
      await run.waitFor(/^READY/);
      await new Promise((r) => setTimeout(r, random(oneCopy * 2)));
      await run.kill();
      acknowledged += run.lines.filter((l) => l.startsWith('ACK')).length;
      leftovers += partials(backups).length;
      for (const ack of run.lines.filter((l) => l.startsWith('ACK'))) {
        expect(existsSync(JSON.parse(ack.slice(4)).path), 'an acknowledged backup is there').toBe(true);
      }
      for (const name of readdirSync(backups).filter((n) => !n.includes('.partial-'))) {
        expect(inspectDatabaseFile(join(backups, name)).counts, name).toEqual(counts);
      }
    }
    report.push(
      `backup: ${KILLS} kills (one copy ≈ ${oneCopy.toFixed(0)} ms), ${acknowledged} acknowledged, ${leftovers} temporary files seen after kills, every finished backup whole`,
    );
    const reopened = openTestBackend({ dir, clock });
    reopened.close();
    expect(partials(backups)).toEqual([]);
  }, 180_000);

  it('leaves no half pre-migration copy when the first start of a new version is killed', async () => {
    // A database at the schema one version back, as an older Keel left it, with a large audit log.
    const older = tempDir('keel-fault-old-');
    dirs.push(older);
    const oldFile = join(older, 'keel.db');
    const { db } = migrateTo(oldFile, MIGRATIONS.length - 1);
    pad(db);
    db.close();
    const template = join(older, 'template.db');
    copyFileSync(oldFile, template);
    const expected = inspectDatabaseFile(template).counts;
    const oneOpen = await timeOnce(['migrate', older], null, /^DONE/);
    rmSync(backupsDir(oldFile), { recursive: true, force: true });
    let leftovers = 0;
    let finished = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      rmSync(backupsDir(oldFile), { recursive: true, force: true });
      for (const side of ['', '-wal', '-shm']) rmSync(`${oldFile}${side}`, { force: true });
      copyFileSync(template, oldFile);
      const run = startChild(script, ['migrate', older]);
      await new Promise((r) => setTimeout(r, random(oneOpen * 1.5)));
      await run.kill();
      if (run.lines.some((l) => l.startsWith('DONE'))) finished++;
      const backups = backupsDir(oldFile);
      if (!existsSync(backups)) continue;
      leftovers += partials(backups).length;
      for (const name of readdirSync(backups).filter((n) => !n.includes('.partial-'))) {
        expect(inspectDatabaseFile(join(backups, name)).counts, name).toEqual(expected);
      }
      // The next start completes the upgrade and cleans up.
      const again = openDatabase(oldFile);
      expect(again.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      again.db.close();
      expect(partials(backups)).toEqual([]);
    }
    report.push(
      `pre-migration copy: ${KILLS} kills (one start ≈ ${oneOpen.toFixed(0)} ms), ${finished} finished before the kill, ${leftovers} temporary files seen, every copy whole`,
    );
  }, 180_000);

  it('leaves the live database whole (the old one or the restored one) when a restore is killed', async () => {
    const { dir } = await seededFolder();
    const file = join(dir, 'keel.db');
    // Two backups that differ by one client, then a third state live.
    let b = openTestBackend({ dir, clock });
    const a = (await b.ok('db.backup', {})).path.split('/').at(-1) ?? '';
    await b.ok('clients.create', { ...validClient, name: 'Second state AG' });
    const second = (await b.ok('db.backup', {})).path.split('/').at(-1) ?? '';
    await b.ok('clients.create', { ...validClient, name: 'Third state AG' });
    b.close();
    const clients = (path: string) => {
      const live = new Database(path, { readonly: true });
      try {
        expect(live.pragma('integrity_check', { simple: true })).toBe('ok');
        return (live.prepare('SELECT count(*) AS n FROM client').get() as { n: number }).n;
      } finally {
        live.close();
      }
    };
    const oneRestore = await timeOnce(['restore', dir, `${a},${second}`], /^READY/, /^ACK/);
    let acknowledged = 0;
    let leftovers = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const run = startChild(script, ['restore', dir, `${a},${second}`]);
      await run.waitFor(/^READY/);
      await new Promise((r) => setTimeout(r, random(oneRestore * 1.5)));
      await run.kill();
      const acks = run.lines.filter((l) => l.startsWith('ACK'));
      acknowledged += acks.length;
      leftovers += partials(dir).length + partials(backupsDir(file)).length;
      // Open it the way Keel does (which also removes the temporary files), then look.
      b = openTestBackend({ dir, clock });
      b.close();
      expect([5, 6, 7]).toContain(clients(file));
      if (acks.length > 0) expect([5, 6]).toContain(clients(file));
      for (const name of readdirSync(backupsDir(file))) expect(() => inspectDatabaseFile(join(backupsDir(file), name)), name).not.toThrow();
      expect(partials(dir)).toEqual([]);
    }
    report.push(
      `restore: ${KILLS} kills (one restore ≈ ${oneRestore.toFixed(0)} ms), ${acknowledged} acknowledged, ${leftovers} temporary files seen, the live database whole every time`,
    );
  }, 240_000);
});
