import { join } from 'node:path';
import { openDatabase } from '@backend/core/db/connection';
import { createBackend } from '@backend/index';
import { monthCloseCases, type Runs } from './billing';
import { BILLING_SIZE, type BillingSummary, generateBillingDataset } from './billingDataset';
import { detailExportCases, monthExportCases } from './billingExport';
import { once, type Report } from './harness';

/**
 * The hours & billing part of `npm run bench`, on a database of its own
 * (billingDataset.ts): the month close (billing.ts) and the finance exports
 * (billingExport.ts). Returns the lines printed under the table.
 */
export async function billingBench(report: Report, dir: string, runs: { monthClose: Runs; monthExport: Runs }): Promise<string[]> {
  const file = join(dir, 'billing.db');
  const opened = openDatabase(file);
  let summary: BillingSummary;
  let generationMs: number;
  try {
    const generated = await once(() => generateBillingDataset(opened.db, BILLING_SIZE));
    summary = generated.result;
    generationMs = generated.ms;
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    opened.db.close();
  }

  const lines: string[] = [];
  const backend = createBackend({ databasePath: file, actor: 'bench', mode: 'browser' });
  try {
    lines.push(...(await monthCloseCases(report, backend, BILLING_SIZE.month, runs.monthClose)));
    lines.push(...(await monthExportCases(report, backend, dir, BILLING_SIZE.month, runs.monthExport)));
    lines.push(...(await detailExportCases(report, backend, dir, BILLING_SIZE.from, BILLING_SIZE.to)));
  } finally {
    backend.close();
  }

  const s = summary;
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
  return [
    `Billing data ${s.timeEntries.toLocaleString('en')} time entries on ${s.workedDays.toLocaleString('en')} worked days, ${BILLING_SIZE.from} to ${BILLING_SIZE.to}; ` +
      `${s.specialists} specialists, ${s.engagements} engagements (${counts(s.currencies)}) of ${s.clients} clients`,
    `             rounding ${counts(Object.fromEntries(Object.entries(s.rounding).map(([k, n]) => [`× ${k} min`, n])))}; ` +
      `${s.engagementCaps} engagement caps, ${s.specialistCaps} specialist caps; ${s.stints} stints (one allocation each), ${s.absences} absences`,
    `             ${s.roleRates} role rates (${s.rateChanges} yearly raises, on a day inside a month), ${s.overrides} specialist overrides; ` +
      `${s.changesInMonth} raises and overrides start inside ${BILLING_SIZE.month}; ${s.approvedMonths} months approved before it`,
    `             inserted with prepared statements in one transaction in ${generationMs.toFixed(0)} ms`,
    ...lines,
  ];
}
