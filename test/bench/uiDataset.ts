import { mkdirSync } from 'node:fs';
import { openDatabase } from '@backend/core/db/connection';
import { databasePath } from '@backend/core/paths';
import { createBackend } from '@backend/index';
import { BILLING_SIZE, generateBillingDataset } from './billingDataset';
import { CONTINUITY_SIZE, generateContinuityData, insertContinuityData } from './continuityDataset';
import { BENCH_SIZE, generateDataset } from './dataset';

/**
 * The UI bench's data folder: the benchmarks' datasets in one database, so every main
 * screen opens on five years of data:
 *   - the list screens' 200 clients, 400 engagements, 500 specialists with two years of
 *     allocations, absences and open staffing requests (dataset.ts), written through the services;
 *   - five years of time entries (2021-11 to 2026-10) on 40 engagements of 100 more people,
 *     with rates, caps and approved months (billingDataset.ts);
 *   - 2,000 replacement requests since 2024 on the continuity dataset's 40 client calendars
 *     (continuityDataset.ts, its people cut to 150).
 * Returns one line describing it.
 */
export function fiveYearDataFolder(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = databasePath(dataDir);
  // As in run.ts: the generation's writes move this clock from late September to near the dataset's "today".
  let clock = Date.parse('2026-09-28T08:00:00Z');
  const generating = createBackend({
    databasePath: file,
    actor: 'bench',
    mode: 'browser',
    clock: () => {
      clock += 433_000;
      return new Date(clock);
    },
  });
  let core: ReturnType<typeof generateDataset>;
  try {
    core = generateDataset(generating.ctx, BENCH_SIZE);
  } finally {
    generating.close();
  }
  const opened = openDatabase(file);
  try {
    // Each dataset mints its people's addresses on its own; a prefix keeps them unique in one database.
    opened.db.exec(`UPDATE specialist SET email = 'core.' || email`);
    const billing = generateBillingDataset(opened.db, BILLING_SIZE);
    opened.db.exec(`UPDATE specialist SET email = 'hours.' || email WHERE email NOT LIKE 'core.%'`);
    const continuity = insertContinuityData(opened.db, generateContinuityData({ ...CONTINUITY_SIZE, requests: 2_000, specialists: 150 }));
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    const count = (table: string) => opened.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
    return (
      `${count('client')} clients, ${count('engagement')} engagements, ${count('specialist')} specialists, ${count('allocation')} allocations, ` +
      `${billing.timeEntries.toLocaleString('en')} time entries ${BILLING_SIZE.from}…${BILLING_SIZE.to}, ` +
      `${continuity.rows.requests} replacement requests, ${count('audit_log')} audit rows (core generated with ${core.auditRows})`
    );
  } finally {
    opened.db.close();
  }
}
