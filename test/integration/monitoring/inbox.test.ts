import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient } from '../../support/backend';
import { buildChild, startChild } from '../../support/child';

/**
 * The inbox: files a scheduled job drops into <data>/inbox are taken, imported atomically and moved to
 * processed/ or rejected/ with a report beside them. Killed in the middle of a file, Keel neither loses it nor
 * imports it twice.
 */

const NOW = Date.UTC(2026, 11, 6, 10, 0, 0);
const KILLS = Number(process.env.KEEL_FAULT_KILLS) || 5;
const READINGS = 40_000;
const dirs: string[] = [];
const report: string[] = [];
let script: string;

beforeAll(async () => {
  script = await buildChild(join(__dirname, 'faults', 'inboxChild.ts'));
}, 60_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(`Kill report (monitoring inbox):\n  ${report.join('\n  ')}`);
});

/** A data folder with a client, a production-less model and its availability SLO. */
async function seeded(): Promise<{ b: TestBackend; modelId: string }> {
  const b = openTestBackend({ clock: () => new Date(NOW) });
  dirs.push(b.dir);
  const clientId = (await b.ok('clients.create', validClient)).id;
  const model = await b.ok('models.create', {
    clientId,
    name: 'Claims router',
    riskTier: 'low',
    aiActCategory: 'minimal',
    kind: 'classical_ml',
    serving: 'online',
    inServiceSince: '2026-01-05',
    stage: 'pilot',
  });
  await b.ok('slos.create', {
    modelId: model.id,
    kind: 'availability',
    metric: 'availability',
    direction: 'higher',
    target: 99.5,
    warning: 99,
    windowMinutes: 1440,
    playbook: ['Check the endpoint.'],
    dutyKey: 'monitoring',
  });
  // The backend makes the folder when its background work starts (off in tests).
  mkdirSync(inbox(b.dir), { recursive: true });
  return { b, modelId: model.id };
}

/** `n` minutely readings ending before now. */
function csvOf(model: string, n: number, value = 99.9): string {
  const rows = ['timestamp,model,metric,value'];
  for (let i = n; i >= 1; i--) rows.push(`${new Date(NOW - i * 60_000).toISOString()},${model},availability,${value}`);
  return `${rows.join('\n')}\n`;
}

const inbox = (dir: string) => join(dir, 'inbox');
const listed = (dir: string, sub: string) => (existsSync(join(inbox(dir), sub)) ? readdirSync(join(inbox(dir), sub)).sort() : []);

describe('the inbox folder', () => {
  it('takes a good file to processed/ and a bad one to rejected/, each with its report; leaves files still being written', async () => {
    const { b, modelId } = await seeded();
    await b.ok('monitoring.inbox', {});
    writeFileSync(join(inbox(b.dir), 'good.csv'), csvOf(modelId, 30));
    writeFileSync(join(inbox(b.dir), 'bad.csv'), 'timestamp,model,metric,value\n2026-12-06T09:00:00Z,Ghost,availability,99\n');
    writeFileSync(join(inbox(b.dir), 'later.csv.part'), csvOf(modelId, 5));
    const waiting = await b.ok('monitoring.inbox', {});
    expect(waiting.waiting.sort()).toEqual(['bad.csv', 'good.csv']);
    const taken = await b.ok('monitoring.scanInbox', {});
    expect(taken.map((t) => [t.fileName, t.status]).sort()).toEqual([
      ['bad.csv', 'rejected'],
      ['good.csv', 'imported'],
    ]);
    expect(listed(b.dir, 'processed')).toEqual(['20261206T100000Z-good.csv', '20261206T100000Z-good.csv.report.txt']);
    expect(listed(b.dir, 'rejected')).toHaveLength(2);
    const rejectedReport = readFileSync(join(inbox(b.dir), 'rejected', '20261206T100000Z-bad.csv.report.txt'), 'utf8');
    expect(rejectedReport).toMatch(/refused, nothing imported/);
    expect(rejectedReport).toMatch(/Row 2 names a model Keel does not have/);
    expect(readdirSync(inbox(b.dir)).sort()).toEqual(['later.csv.part', 'processed', 'rejected']);
    const state = await b.ok('monitoring.inbox', {});
    expect(state.recent.map((r) => r.status)).toEqual(expect.arrayContaining(['imported', 'rejected']));

    // The same bytes dropped again are recognised and never taken twice.
    writeFileSync(join(inbox(b.dir), 'good-again.csv'), csvOf(modelId, 30));
    const again = await b.ok('monitoring.scanInbox', {});
    expect(again[0]?.fileName).toBe('good.csv');
    expect(readFileSync(join(inbox(b.dir), 'processed', '20261206T100000Z-good-again.csv.report.txt'), 'utf8')).toMatch(/Already imported/);
    expect((b.db.prepare('SELECT count(*) AS n FROM reading').get() as { n: number }).n).toBe(30);
    b.dispose();
  });

  it('looks by itself while the backend is open', async () => {
    const { b, modelId } = await seeded();
    b.close();
    const live = openTestBackend({ dir: b.dir, clock: () => new Date(NOW), background: true });
    writeFileSync(join(inbox(b.dir), 'dropped.csv'), csvOf(modelId, 10));
    for (let i = 0; i < 50 && listed(b.dir, 'processed').length === 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(listed(b.dir, 'processed')).toHaveLength(2);
    live.close();
  });
});

function state(dir: string, sha: string) {
  const db = new Database(join(dir, 'keel.db'), { readonly: true });
  try {
    return {
      readings: (db.prepare('SELECT count(*) AS n FROM reading').get() as { n: number }).n,
      imports: (db.prepare("SELECT count(*) AS n FROM reading_import WHERE sha256 = ? AND status = 'imported'").get(sha) as { n: number })
        .n,
      audits: (db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'reading_import'").get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('killed in the middle of an inbox import', () => {
  it('neither loses the file nor imports it twice', async () => {
    const { createHash } = await import('node:crypto');
    const timing = await seeded();
    const text = csvOf(timing.modelId, READINGS);
    const sha = createHash('sha256').update(text).digest('hex');
    writeFileSync(join(inbox(timing.b.dir), 'big.csv'), text);
    timing.b.close();
    const child = startChild(script, [timing.b.dir]);
    await child.waitFor(/^READY/);
    const started = performance.now();
    await child.waitFor(/^TAKEN/, 120_000);
    const took = performance.now() - started;
    await child.exited;
    expect(state(timing.b.dir, sha)).toEqual({ readings: READINGS, imports: 1, audits: 1 });
    report.push(`one file of ${READINGS} readings taken in ${Math.round(took)} ms`);

    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const fresh = await seeded();
      const bytes = csvOf(fresh.modelId, READINGS);
      const freshSha = createHash('sha256').update(bytes).digest('hex');
      writeFileSync(join(inbox(fresh.b.dir), 'big.csv'), bytes);
      fresh.b.close();
      const victim = startChild(script, [fresh.b.dir]);
      await victim.waitFor(/^READY/);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * took * 1.6)));
      await victim.kill();
      const seen = state(fresh.b.dir, freshSha);
      const stillWaiting = existsSync(join(inbox(fresh.b.dir), 'big.csv'));
      // All or nothing: the file's readings are all there with one import record, or none of them is.
      expect([0, READINGS]).toContain(seen.readings);
      expect(seen.imports).toBe(seen.readings === 0 ? 0 : 1);
      // Nothing imported means the file is still waiting: it cannot be lost.
      if (seen.readings === 0) expect(stillWaiting).toBe(true);
      outcomes.push(seen.readings === 0 ? 'nothing kept, file waiting' : stillWaiting ? 'kept, file not yet moved' : 'kept and filed');
      // The next start takes what is left, and never twice.
      const after = openTestBackend({ dir: fresh.b.dir, clock: () => new Date(NOW) });
      await after.ok('monitoring.scanInbox', {});
      expect(state(fresh.b.dir, freshSha)).toEqual({ readings: READINGS, imports: 1, audits: 1 });
      expect(existsSync(join(inbox(fresh.b.dir), 'big.csv'))).toBe(false);
      expect(listed(fresh.b.dir, 'processed').filter((f) => !f.endsWith('.report.txt'))).toHaveLength(1);
      expect((after.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
      after.close();
    }
    report.push(`${KILLS} kills: ${outcomes.join('; ')}`);
  }, 300_000);
});
