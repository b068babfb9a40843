import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';
import { buildChild, startChild } from '../../support/child';

/**
 * Kill Keel (SIGKILL: no handler, no flush) at random moments while an hours
 * import runs as a job — while the file is sent, read and checked in the
 * worker thread, committed, or just after — and prove that nothing half-done
 * is ever visible: the database holds either every row of the import and its
 * one audit entry, or none of them; and the temporary file the job held is
 * removed at the next start.
 */

const KILLS = Number(process.env.KEEL_FAULT_KILLS) || 10;
const DAYS = 1500; // 4,500 rows
const ROWS = DAYS * 3;

let script: string;
const dirs: string[] = [];
const report: string[] = [];

beforeAll(async () => {
  script = await buildChild(join(__dirname, 'faults', 'importJobChild.ts'));
}, 60_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(`Kill report (hours import):\n  ${report.join('\n  ')}`);
});

/** A data folder with Ana on an engagement open since 2020, and a CSV of ROWS new rows for her. */
async function seededFolder(): Promise<{ dir: string; file: string }> {
  const b = openTestBackend({ clock: () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0)) });
  dirs.push(b.dir);
  const client = await b.ok('clients.create', validClient);
  const engagement = await b.ok('engagements.create', { ...validEngagement(client.id), startDate: '2020-01-01', endDate: null });
  await b.ok('specialists.create', { ...validSpecialist, startDate: '2019-01-07', skills: ['MLflow'] });
  b.close();
  const lines = ['Date,Engagement ID,Specialist email,Activity,Minutes'];
  for (let d = 0; d < DAYS; d++) {
    const date = new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    for (const activity of ['Retraining', 'Deployment', 'Data pipelines'])
      lines.push(`${date},${engagement.id},ana.ionescu@example.com,${activity},60`);
  }
  const file = join(b.dir, '..', `${b.dir.split('/').pop()}-hours.csv`);
  writeFileSync(file, lines.join('\n'));
  dirs.push(file);
  return { dir: b.dir, file };
}

const random = (max: number) => Math.floor(Math.random() * max);
const counts = (dir: string) => {
  const db = new Database(join(dir, 'keel.db'), { readonly: true });
  try {
    const entries = (db.prepare('SELECT count(*) AS n FROM time_entry').get() as { n: number }).n;
    const audits = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import'").get() as { n: number }).n;
    return { entries, audits };
  } finally {
    db.close();
  }
};
const tempFiles = (dir: string) => (existsSync(join(dir, 'tmp')) ? readdirSync(join(dir, 'tmp')) : []);

describe('killed during an hours import', () => {
  it('shows all of the import or none of it, and the next start removes the temporary file', async () => {
    const { dir, file } = await seededFolder();
    // One run to the end, to spread the kills over the whole import.
    const timing = startChild(script, [dir, file]);
    await timing.waitFor(/^READY/);
    const started = performance.now();
    await timing.waitFor(/^CHECKED checked/, 60_000);
    const checkedAt = performance.now() - started;
    await timing.waitFor(/^DONE done 4500/, 60_000);
    const took = performance.now() - started;
    await timing.kill();
    expect(counts(dir)).toEqual({ entries: ROWS, audits: 1 });
    // Start from an empty time sheet again for the kills.
    const db = new Database(join(dir, 'keel.db'));
    db.exec("DELETE FROM time_entry; DELETE FROM audit_log WHERE action = 'import'");
    db.close();

    const seen = { none: 0, all: 0, leftFiles: 0 };
    for (let kill = 0; kill < KILLS; kill++) {
      const before = counts(dir);
      const run = startChild(script, [dir, file]);
      await run.waitFor(/^READY/);
      // Half the kills anywhere in the import, half around the commit (between the check's end and a little after it).
      const delay = kill % 2 === 0 ? random(Math.ceil(took * 1.3)) : Math.round(checkedAt + random(Math.ceil((took - checkedAt) * 2 + 40)));
      await new Promise((r) => setTimeout(r, delay));
      const stage = run.lines.filter((l) => /^(STARTED|CHECKED|DONE)/.test(l)).at(-1) ?? 'READY';
      await run.kill();
      const after = counts(dir);
      const added = after.entries - before.entries;
      // Nothing half-done: every row of the import and its audit entry, or nothing at all.
      expect([0, ROWS]).toContain(added);
      expect(after.audits - before.audits).toBe(added === 0 ? 0 : 1);
      if (added === 0) seen.none++;
      else seen.all++;
      const left = tempFiles(dir);
      seen.leftFiles += left.length;
      report.push(
        `kill ${kill + 1} after ${delay} ms (${stage}): ${added === 0 ? 'nothing written' : `all ${ROWS} rows written`}, ${left.length} temporary file(s) left`,
      );
      // The next start removes what the killed process left.
      const reopened = openTestBackend({ dir });
      expect(tempFiles(dir)).toEqual([]);
      reopened.close();
      // A whole import leaves its rows: take them away so the next kill starts from the same point.
      if (added) {
        const w = new Database(join(dir, 'keel.db'));
        w.exec("DELETE FROM time_entry; DELETE FROM audit_log WHERE action = 'import'");
        w.close();
      }
    }
    // And two at known moments: just after the start (nothing written) and once the import says it is done (all of it).
    for (const [at, expected] of [
      [/^STARTED/, 0],
      [/^DONE done/, ROWS],
    ] as const) {
      const run = startChild(script, [dir, file]);
      await run.waitFor(at, 60_000);
      await run.kill();
      expect(counts(dir).entries).toBe(expected);
      const reopened = openTestBackend({ dir });
      expect(tempFiles(dir)).toEqual([]);
      reopened.close();
    }
    report.push(
      `${KILLS} kills over a ${Math.round(took)} ms import: ${seen.none} wrote nothing, ${seen.all} wrote it all; ${seen.leftFiles} temporary files left, all removed at the next start`,
    );
  }, 300_000);
});
