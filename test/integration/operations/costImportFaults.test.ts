import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend } from '../../support/backend';
import { buildChild, startChild } from '../../support/child';

/**
 * Importing a cost export is read whole first and kept in one transaction: killed at any moment (SIGKILL, as a crash
 * or a power cut ends a process), either the file's costs are there with their import row and audit row, or nothing
 * of it is — never some months or some models — and importing the file again ends in the same complete state.
 */

const NOW = Date.UTC(2026, 11, 6, 10, 0, 0);
const KILLS = Number(process.env.KEEL_FAULT_KILLS) || 5;
const ROWS = 60_000;
const dirs: string[] = [];
const report: string[] = [];
let script: string;

beforeAll(async () => {
  script = await buildChild(join(__dirname, 'faults', 'costImportChild.ts'));
}, 60_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(`Kill report (cost import):\n  ${report.join('\n  ')}`);
});

/** An AWS export of `n` rows over two models, six months and four services. */
function curOf(n: number): string {
  const lines = [
    'identity/LineItemId,lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UsageType,lineItem/CurrencyCode,lineItem/UnblendedCost,resourceTags/user:model',
  ];
  const services = ['AmazonSageMaker', 'AmazonS3', 'AmazonBedrock', 'AmazonEC2'];
  for (let i = 0; i < n; i++) {
    const month = String(6 + (i % 6)).padStart(2, '0');
    lines.push(
      `r${i},2026-${month}-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z,${services[i % 4]},usage,GBP,0.${String(1000 + (i % 9000)).padStart(4, '0')},${i % 2 ? 'cs-assistant' : 'homepage-recs'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function seeded() {
  const b = openTestBackend({ clock: () => new Date(NOW) });
  dirs.push(b.dir);
  await b.ok('sample.load');
  const models = (await b.ok('models.list', {})).rows;
  const clientId = (await b.ok('clients.list', {})).rows.find((c) => c.name === 'Thameside Retail plc')?.id as string;
  const idOf = (name: string) => models.find((m) => m.name === name)?.id as string;
  await b.ok('costs.saveMapping', {
    clientId,
    mappings: [
      { tagKey: 'model', tagValue: 'homepage-recs', modelId: idOf('Homepage product recommender') },
      { tagKey: 'model', tagValue: 'cs-assistant', modelId: idOf('Customer service assistant') },
    ],
  });
  // Only the file's costs count here.
  b.db.exec('DELETE FROM cost_line');
  const file = join(b.dir, 'cur.csv');
  writeFileSync(file, curOf(ROWS));
  b.close();
  return { dir: b.dir, clientId, file };
}

function state(dir: string) {
  const db = new Database(join(dir, 'keel.db'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT (SELECT count(*) FROM cost_line) AS lines, (SELECT coalesce(sum(amount_minor), 0) FROM cost_line) AS total,
                (SELECT count(*) FROM cost_import) AS imports, (SELECT count(*) FROM audit_log WHERE entity = 'cost_import') AS audits`,
      )
      .get() as { lines: number; total: number; imports: number; audits: number };
  } finally {
    db.close();
  }
}

describe('killed in the middle of a cost import', () => {
  it('keeps the whole file or nothing of it, and the next import completes it', async () => {
    const timing = await seeded();
    const child = startChild(script, [timing.dir, timing.clientId, timing.file]);
    await child.waitFor(/^READY/);
    const started = performance.now();
    await child.waitFor(/^IMPORTED/, 120_000);
    const took = performance.now() - started;
    await child.exited;
    const whole = state(timing.dir);
    // Two models × six months × their categories, one import, one audit row.
    expect(whole).toMatchObject({ imports: 1, audits: 1 });
    expect(whole.lines).toBeGreaterThanOrEqual(12);
    report.push(`one file of ${ROWS.toLocaleString('en')} rows imported in ${Math.round(took)} ms (${whole.lines} lines kept)`);

    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const fresh = await seeded();
      const victim = startChild(script, [fresh.dir, fresh.clientId, fresh.file]);
      await victim.waitFor(/^READY/);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * took * 1.6)));
      await victim.kill();
      const seen = state(fresh.dir);
      expect([{ lines: 0, total: 0, imports: 0, audits: 0 }, whole]).toContainEqual(seen);
      outcomes.push(seen.imports === 0 ? 'nothing kept' : 'all kept');
      const after = openTestBackend({ dir: fresh.dir, clock: () => new Date(NOW) });
      const { readFileSync } = await import('node:fs');
      await after.ok('costs.import', {
        clientId: fresh.clientId,
        provider: 'aws',
        fileName: 'cur.csv',
        base64: readFileSync(fresh.file).toString('base64'),
      });
      const again = state(fresh.dir);
      expect({ lines: again.lines, total: again.total }).toEqual({ lines: whole.lines, total: whole.total });
      expect((after.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
      after.close();
    }
    report.push(`${KILLS} kills: ${outcomes.join('; ')}`);
  }, 300_000);
});
