import { createRequire } from 'node:module';
import type { ExportJob } from '@shared/contract';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';

/**
 * Duplicates and conflicts in an hours import. A row whose cell (person,
 * engagement, day, activity) holds the same hours in Keel is a duplicate and
 * is skipped; one whose cell holds *different* hours is a conflict — even in
 * an invoiced month, even when it names an existing entry by its ID — and is
 * listed with both values and never applied, while the file's new rows are
 * still imported. Today is 2026-11-24.
 */

const Excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
let b: TestBackend;
let now = 0;
beforeEach(() => {
  now = Date.UTC(2026, 10, 24, 10, 0, 0);
  b = openTestBackend({
    clock: () => {
      now += 1000;
      return new Date(now);
    },
  });
});
afterEach(() => b.dispose());

const CSV_HEADER = 'Date,Engagement ID,Specialist email,Activity,Minutes,Note';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const entryCount = () => (b.db.prepare('SELECT count(*) AS n FROM time_entry').get() as { n: number }).n;
const minutesIn = (date: string) =>
  (b.db.prepare('SELECT coalesce(sum(minutes), 0) AS n FROM time_entry WHERE date = ?').get(date) as { n: number }).n;

/** Ana on Claims: 7:30 of retraining on Mon 5 Oct 2026 and 8:00 of deployment on Tue 6 Oct, October invoiced. */
async function invoicedOctober() {
  const client = await b.ok('clients.create', validClient);
  const claims = await b.ok('engagements.create', validEngagement(client.id));
  const ana = await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] });
  await b.ok('rates.create', { engagementId: claims.id, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 15_000 });
  const cell = { specialistId: ana.id, engagementId: claims.id };
  await b.ok('time.setCell', { ...cell, date: '2026-10-05', activity: 'retraining', minutes: 450, note: '' });
  await b.ok('time.setCell', { ...cell, date: '2026-10-06', activity: 'deployment', minutes: 480, note: '' });
  await b.ok('months.approve', { engagementId: claims.id, month: '2026-10' });
  await b.ok('invoices.issue', { engagementId: claims.id, month: '2026-10' });
  return { claims, ana };
}

describe('import conflicts', () => {
  it('lists a row with different hours than Keel as a conflict with both values, applies none of them, and imports the new rows', async () => {
    const { claims } = await invoicedOctober();
    const row = (date: string, activity: string, minutes: number) => `${date},${claims.id},ana.ionescu@example.com,${activity},${minutes},`;
    const csv = [
      CSV_HEADER,
      row('2026-10-05', 'Retraining', 120), // 2: 2 h in the file, 7.5 h in Keel, in an invoiced month
      row('2026-10-06', 'Deployment', 480), // 3: the same 8 h as Keel: a duplicate
      row('2026-11-02', 'Deployment', 240), // 4: new, in an open month
    ].join('\n');
    const dry = await b.ok('hours.import', { fileName: 'hours.csv', base64: base64(csv), dryRun: true });
    expect(dry).toMatchObject({ rows: 3, ready: 1, duplicateCount: 1, conflictCount: 1, problemCount: 0, imported: 0 });
    expect(dry.conflicts).toEqual([
      {
        row: 2,
        cell: 'Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 5 Oct 2026',
        fileMinutes: 120,
        keelMinutes: 450,
        message:
          'The file has 2:00 for Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 5 Oct 2026, but Keel already has 7:30 there. The import leaves Keel’s hours as they are; if the file is right, change them in the timesheet.',
      },
    ]);
    expect(dry.duplicates).toEqual([
      {
        row: 3,
        message: expect.stringMatching(
          /^These hours are already in Keel as entry [0-9a-f-]{36} \(Ana Ionescu on Claims model operations, 2026-10-06, Deployment, 8:00\)/,
        ),
      },
    ]);

    const audit = b.auditCount();
    const report = await b.ok('hours.import', { fileName: 'hours.csv', base64: base64(csv) });
    expect(report).toMatchObject({ imported: 1, written: true, conflictCount: 1, duplicateCount: 1 });
    expect(minutesIn('2026-10-05')).toBe(450); // Keel's invoiced hours untouched
    expect(minutesIn('2026-11-02')).toBe(240);
    expect(b.auditCount()).toBe(audit + 1);
    const log = (await b.ok('audit.list', { action: 'import' })).rows[0];
    expect(log?.after).toMatchObject({ entries: 1, duplicates: 1, conflicts: 1 });
  });

  it('a row naming an existing entry by its Entry ID with other hours is a conflict; the same hours are a duplicate', async () => {
    await invoicedOctober();
    let job: ExportJob = await b.ok('finance.exportStart', { kind: 'detail', from: '2026-10-01', to: '2026-10-31' });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      job = await b.ok('finance.exportStatus', { jobId: job.id });
    }
    const exported = Buffer.from((await b.ok('finance.exportDownload', { jobId: job.id })).base64, 'base64');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const detail = workbook.getWorksheet('Timesheet detail');
    if (!detail) throw new Error('no detail sheet');
    // Someone edits the export: 7:30 becomes 2:00 (Minutes is column J, Hours column K).
    expect(detail.getCell('J2').value).toBe(450);
    detail.getCell('J2').value = 120;
    detail.getCell('K2').value = 2;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = entryCount();
    const report = await b.ok('hours.import', { fileName: 'edited.xlsx', base64: edited.toString('base64') });
    expect(report).toMatchObject({ rows: 2, imported: 0, written: false, conflictCount: 1, duplicateCount: 1, problemCount: 0 });
    expect(report.conflicts[0]).toMatchObject({ row: 2, fileMinutes: 120, keelMinutes: 450 });
    expect(report.conflicts[0]?.message).toBe(
      'The file has 2:00 for Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 5 Oct 2026, but Keel already has 7:30 there. The import leaves Keel’s hours as they are; if the file is right, change them in the timesheet.',
    );
    expect(report.duplicates[0]?.row).toBe(3);
    expect(entryCount()).toBe(before);
    expect(minutesIn('2026-10-05')).toBe(450);
  });
});
