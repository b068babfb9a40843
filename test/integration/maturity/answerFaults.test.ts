import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, validClient, validSpecialist } from '../../support/backend';
import { buildChild, startChild } from '../../support/child';

/**
 * Kill Keel (SIGKILL: no handler, no flush) at random moments while it answers every criterion of an
 * assessment in batch after batch and then finalises it, and prove that every acknowledged batch is there,
 * that no batch is ever half-written (every answer carries the same batch's evidence, with one audit row per
 * batch), and that an assessment is either a draft without kept levels or final with them — never between.
 */

const KILLS = Number(process.env.KEEL_FAULT_KILLS) || 6;
const BATCHES = 30;

let script: string;
const dirs: string[] = [];
const report: string[] = [];

beforeAll(async () => {
  script = await buildChild(join(__dirname, 'faults', 'answerChild.ts'));
}, 60_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(`Kill report (maturity answers):\n  ${report.join('\n  ')}`);
});

async function seededFolder(): Promise<{ dir: string; id: string }> {
  const b = openTestBackend({ clock: () => new Date(Date.UTC(2026, 10, 24, 8, 0, 0)) });
  dirs.push(b.dir);
  const clientId = (await b.ok('clients.create', validClient)).id;
  const specialistId = (await b.ok('specialists.create', { ...validSpecialist, skills: [] })).id;
  const { assessment } = await b.ok('assessments.create', {
    clientId,
    assessedOn: '2026-11-20',
    assessor: { kind: 'specialist', id: specialistId },
    frameworks: ['microsoft', 'google'],
  });
  b.close();
  return { dir: b.dir, id: assessment.id };
}

const random = (max: number) => Math.floor(Math.random() * max);

function state(dir: string, id: string) {
  const db = new Database(join(dir, 'keel.db'), { readonly: true });
  try {
    const evidence = db.prepare('SELECT DISTINCT evidence FROM maturity_answer WHERE assessment_id = ?').pluck().all(id) as string[];
    const answers = (db.prepare('SELECT count(*) AS n FROM maturity_answer WHERE assessment_id = ?').get(id) as { n: number }).n;
    const head = db.prepare('SELECT status, finalised_at, levels FROM maturity_assessment WHERE id = ?').get(id) as {
      status: string;
      finalised_at: string | null;
      levels: string | null;
    };
    const audits = (
      db
        .prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'maturity_assessment' AND entity_id = ? AND actor = 'fault-test'")
        .get(id) as { n: number }
    ).n;
    return { evidence, answers, head, audits };
  } finally {
    db.close();
  }
}

describe('killed while answering and finalising an assessment', () => {
  it('keeps every acknowledged batch whole and never shows a half-finalised assessment', async () => {
    const timingFolder = await seededFolder();
    const timing = startChild(script, [timingFolder.dir, timingFolder.id, String(BATCHES)]);
    await timing.waitFor(/^READY/);
    const started = performance.now();
    await timing.waitFor(/^FINAL/, 120_000);
    const took = performance.now() - started;
    await timing.exited;
    const whole = state(timingFolder.dir, timingFolder.id);
    expect(whole.evidence).toEqual([`batch ${BATCHES}`]);
    expect(whole.head.status).toBe('final');
    expect(whole.audits).toBe(BATCHES + 1);
    const criteria = whole.answers;
    report.push(`${BATCHES} batches of ${criteria} answers and the finalisation took ${Math.round(took)} ms`);

    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const fresh = await seededFolder();
      const child = startChild(script, [fresh.dir, fresh.id, String(BATCHES)]);
      await child.waitFor(/^READY/);
      await new Promise((resolve) => setTimeout(resolve, random(Math.round(took * 1.1))));
      await child.kill();
      const acked = Math.max(0, ...child.lines.map((l) => /^ACK (\d+)/.exec(l)).map((m) => (m ? Number(m[1]) : 0)));
      const seen = state(fresh.dir, fresh.id);
      if (seen.answers === 0) {
        // Killed before the first batch committed.
        expect(acked).toBe(0);
        expect(seen.audits).toBe(0);
        outcomes.push('nothing answered');
      } else {
        // One batch, whole: every criterion, one evidence, at least the last acknowledged one.
        expect(seen.answers).toBe(criteria);
        expect(seen.evidence).toHaveLength(1);
        const batch = Number(seen.evidence[0]?.replace('batch ', ''));
        expect(batch).toBeGreaterThanOrEqual(acked);
        const finalised = seen.head.status === 'final';
        expect(seen.audits).toBe(batch + (finalised ? 1 : 0));
        outcomes.push(finalised ? 'final' : `batch ${batch} (acknowledged ${acked})`);
      }
      // Draft without kept levels, or final with them.
      if (seen.head.status === 'final') expect(seen.head.finalised_at !== null && seen.head.levels !== null).toBe(true);
      else expect(seen.head.finalised_at === null && seen.head.levels === null).toBe(true);
      const after = openTestBackend({ dir: fresh.dir, clock: () => new Date(Date.UTC(2026, 10, 24, 10, 0, 0)) });
      expect((after.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
      after.close();
    }
    report.push(`${KILLS} kills: ${outcomes.join('; ')}`);
  }, 300_000);
});
