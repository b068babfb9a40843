import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';
import { buildChild, startChild } from '../../support/child';

/**
 * Kill Keel (SIGKILL: no handler, no flush) at random moments while it hands hundreds of duties from one
 * specialist to another in one command, and prove nothing half-done is ever visible: either every one of
 * Ana's assignments still runs and Ben holds none, or every one ended the day before the hand-over and Ben
 * holds each from that day — with exactly one audit row per change.
 */

const KILLS = Number(process.env.KEEL_FAULT_KILLS) || 6;
const ASSETS = 150;
const DUTIES = ['monitoring', 'incident_response', 'cost'];
const HELD = ASSETS * DUTIES.length;

let script: string;
const dirs: string[] = [];
const report: string[] = [];

beforeAll(async () => {
  script = await buildChild(join(__dirname, 'faults', 'handoverChild.ts'));
}, 60_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(`Kill report (ownership hand-over):\n  ${report.join('\n  ')}`);
});

/** A data folder where Ana is Accountable for three duties of 150 feature pipelines, each its own override. */
async function seededFolder(): Promise<{ dir: string; ana: string; ben: string }> {
  const b = openTestBackend({ clock: () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0)) });
  dirs.push(b.dir);
  const clientId = (await b.ok('clients.create', validClient)).id;
  const engagementId = (await b.ok('engagements.create', { ...validEngagement(clientId), endDate: null })).id;
  const ana = (await b.ok('specialists.create', { ...validSpecialist, skills: [] })).id;
  const ben = (await b.ok('specialists.create', { ...validSpecialist, skills: [], fullName: 'Ben Kowalski', email: 'ben@example.com' })).id;
  for (const id of [ana, ben]) {
    await b.ok('allocations.create', {
      specialistId: id,
      engagementId,
      startDate: '2026-02-02',
      endDate: '2027-06-30',
      loadPercent: 50,
      status: 'confirmed',
      note: '',
    });
  }
  const modelId = (
    await b.ok('models.create', {
      clientId,
      engagementId,
      name: 'Claims triage classifier',
      riskTier: 'medium',
      aiActCategory: 'limited',
      kind: 'classical_ml',
      serving: 'batch',
      inServiceSince: '2026-03-02',
      stage: 'pilot',
    })
  ).id;
  for (let i = 0; i < ASSETS; i++) {
    await b.ok('assets.create', {
      engagementId,
      name: `Pipeline ${i}`,
      type: 'feature_pipeline',
      modelIds: [modelId],
      inServiceFrom: '2026-03-02',
    });
  }
  for (const dutyKey of DUTIES) {
    const { assignments } = await b.ok('ownership.bulkAssign', {
      engagementId,
      dutyKey,
      role: 'accountable',
      person: { kind: 'specialist', id: ana },
      fromDate: '2026-03-02',
      types: ['feature_pipeline'],
    });
    expect(assignments).toHaveLength(ASSETS);
  }
  b.close();
  return { dir: b.dir, ana, ben };
}

const random = (max: number) => Math.floor(Math.random() * max);
const state = (dir: string, ana: string, ben: string) => {
  const db = new Database(join(dir, 'keel.db'), { readonly: true });
  try {
    const n = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
    return {
      anaRunning: n('SELECT count(*) AS n FROM assignment WHERE person_id = ? AND to_date IS NULL', ana),
      anaEnded: n("SELECT count(*) AS n FROM assignment WHERE person_id = ? AND to_date = '2026-11-30'", ana),
      ben: n("SELECT count(*) AS n FROM assignment WHERE person_id = ? AND from_date = '2026-12-01' AND to_date IS NULL", ben),
      audits: n("SELECT count(*) AS n FROM audit_log WHERE entity = 'assignment' AND actor = 'fault-test'"),
    };
  } finally {
    db.close();
  }
};
const NOTHING = (held: number) => ({ anaRunning: held, anaEnded: 0, ben: 0, audits: 0 });
const EVERYTHING = (held: number) => ({ anaRunning: 0, anaEnded: held, ben: held, audits: 2 * held });

describe('killed during a hand-over', () => {
  it('shows all of the hand-over or none of it', async () => {
    const seeded = await seededFolder();
    const { dir, ana, ben } = seeded;
    // One run to the end, to know how long the command takes and what "everything" looks like.
    const timing = startChild(script, [dir, ana, ben]);
    await timing.waitFor(/^READY/);
    const started = performance.now();
    await timing.waitFor(/^DONE /, 60_000);
    const took = performance.now() - started;
    await timing.exited;
    expect(state(dir, ana, ben)).toEqual(EVERYTHING(HELD));
    report.push(`a whole hand-over of ${HELD} assignments took ${Math.round(took)} ms`);

    let none = 0;
    let all = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const fresh = await seededFolder();
      const child = startChild(script, [fresh.dir, fresh.ana, fresh.ben]);
      await child.waitFor(/^READY/);
      await new Promise((resolve) => setTimeout(resolve, random(Math.round(took * 1.2))));
      await child.kill();
      const seen = state(fresh.dir, fresh.ana, fresh.ben);
      if (seen.audits === 0) {
        expect(seen).toEqual(NOTHING(HELD));
        none++;
      } else {
        expect(seen).toEqual(EVERYTHING(HELD));
        all++;
      }
      // The database is whole after the kill: it opens, passes its integrity check and takes the hand-over again or not at all.
      const after = openTestBackend({ dir: fresh.dir, clock: () => new Date(Date.UTC(2026, 10, 24, 10, 0, 0)) });
      expect((after.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
      after.close();
    }
    report.push(`${KILLS} kills: ${none} left nothing handed over, ${all} left everything handed over`);
  }, 300_000);
});
