import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, validClient, validEngagement } from '../../support/backend';
import { buildChild, startChild } from '../../support/child';

/**
 * Importing a client's calendar file is one transaction: killed in the middle (SIGKILL, as a crash or a power cut
 * ends a process), either every series of the file is there with its exceptions and audit rows, or none is — and
 * importing the file again afterwards ends in the same complete state, never with duplicates.
 */

const NOW = Date.UTC(2026, 11, 6, 10, 0, 0);
const KILLS = Number(process.env.KEEL_FAULT_KILLS) || 5;
const EVENTS = 300;
const dirs: string[] = [];
const report: string[] = [];
let script: string;

beforeAll(async () => {
  script = await buildChild(join(__dirname, 'faults', 'importChild.ts'));
}, 60_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(`Kill report (calendar import):\n  ${report.join('\n  ')}`);
});

/** An .ics file of `n` weekly series in Zurich, each with two cancelled occurrences. */
function icsOf(n: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Faults//EN'];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const weeksLater = (n: number) => new Date(Date.UTC(2027, 0, 1 + (i % 28) + 7 * n)).toISOString().slice(0, 10).replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:series-${i}@client.example`,
      'DTSTAMP:20261201T080000Z',
      `SUMMARY:Series ${i}`,
      `DTSTART;TZID=Europe/Zurich:202701${day}T090000`,
      'DURATION:PT45M',
      'RRULE:FREQ=WEEKLY',
      `EXDATE;TZID=Europe/Zurich:${weeksLater(4)}T090000,${weeksLater(8)}T090000`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

async function seeded() {
  const b = openTestBackend({ clock: () => new Date(NOW) });
  dirs.push(b.dir);
  const client = await b.ok('clients.create', validClient);
  const engagement = await b.ok('engagements.create', validEngagement(client.id));
  const file = join(b.dir, 'client.ics');
  writeFileSync(file, icsOf(EVENTS));
  b.close();
  return { dir: b.dir, engagementId: engagement.id, file };
}

function state(dir: string) {
  const db = new Database(join(dir, 'keel.db'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT (SELECT count(*) FROM ceremony_series) AS series, (SELECT count(*) FROM ceremony_exception) AS exceptions,
                (SELECT count(*) FROM audit_log WHERE entity = 'ceremony_series') AS audits`,
      )
      .get() as { series: number; exceptions: number; audits: number };
  } finally {
    db.close();
  }
}

describe('killed in the middle of a calendar import', () => {
  it('keeps the whole file or nothing of it, and the next import completes it without duplicates', async () => {
    const timing = await seeded();
    const child = startChild(script, [timing.dir, timing.engagementId, timing.file]);
    await child.waitFor(/^READY/);
    const started = performance.now();
    await child.waitFor(/^IMPORTED/, 120_000);
    const took = performance.now() - started;
    await child.exited;
    const whole = { series: EVENTS, exceptions: 2 * EVENTS, audits: EVENTS };
    expect(state(timing.dir)).toEqual(whole);
    report.push(`one file of ${EVENTS} series imported in ${Math.round(took)} ms`);

    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const fresh = await seeded();
      const victim = startChild(script, [fresh.dir, fresh.engagementId, fresh.file]);
      await victim.waitFor(/^READY/);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * took * 1.6)));
      await victim.kill();
      const seen = state(fresh.dir);
      // All or nothing: every series with its exceptions and audit rows, or none of them.
      expect([{ series: 0, exceptions: 0, audits: 0 }, whole]).toContainEqual(seen);
      outcomes.push(seen.series === 0 ? 'nothing kept' : 'all kept');
      // Importing the file again completes it; the UIDs make a second import update, never duplicate.
      const after = openTestBackend({ dir: fresh.dir, clock: () => new Date(NOW) });
      const { readFileSync } = await import('node:fs');
      const again = await after.ok('ceremonies.importIcs', {
        engagementId: fresh.engagementId,
        fileName: 'client.ics',
        base64: readFileSync(fresh.file).toString('base64'),
      });
      expect(again.created + again.updated).toBe(EVENTS);
      expect(again.created).toBe(seen.series === 0 ? EVENTS : 0);
      expect((after.db.prepare('SELECT count(*) AS n FROM ceremony_series').get() as { n: number }).n).toBe(EVENTS);
      expect((after.db.prepare('SELECT count(*) AS n FROM ceremony_exception').get() as { n: number }).n).toBe(2 * EVENTS);
      expect((after.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
      after.close();
    }
    report.push(`${KILLS} kills: ${outcomes.join('; ')}`);
  }, 300_000);
});
