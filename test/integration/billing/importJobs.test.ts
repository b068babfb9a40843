import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportJob } from '@shared/billing/contract/billing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validEngagement, validSpecialist } from '../../support/backend';

/**
 * The hours import as a job: a worker thread reads and checks the file on a
 * read-only connection while the backend keeps answering; the commit writes
 * in one transaction on the main connection, after checking the file again if
 * Keel's data changed since; a cancel writes nothing; the temporary file goes
 * when the job ends, or at the next start. Today is 2026-11-24.
 */

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
const importAudits = () => (b.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import'").get() as { n: number }).n;
const tempFiles = () => (existsSync(join(b.dir, 'tmp')) ? readdirSync(join(b.dir, 'tmp')) : []);

async function setUp() {
  const client = await b.ok('clients.create', validClient);
  const claims = await b.ok('engagements.create', validEngagement(client.id));
  const ana = await b.ok('specialists.create', { ...validSpecialist, skills: ['MLflow'] });
  return { claims, ana };
}

/** `days` weekdays of Ana's hours from Mon 2 Nov 2026: three activities of an hour each a day. */
function csvOf(engagementId: string, days: number, from = Date.UTC(2026, 1, 2)) {
  const rows = [CSV_HEADER];
  for (let d = 0; rows.length <= days * 3; d++) {
    const date = new Date(from + d * 86_400_000).toISOString().slice(0, 10);
    for (const activity of ['Retraining', 'Deployment', 'Data pipelines']) {
      rows.push(`${date},${engagementId},ana.ionescu@example.com,${activity},60,`);
    }
  }
  return rows.join('\n');
}

async function until(jobId: string, states: ImportJob['state'][], timeoutMs = 20_000): Promise<ImportJob> {
  const started = performance.now();
  for (;;) {
    const job = await b.ok('hours.importStatus', { jobId });
    if (states.includes(job.state)) return job;
    if (performance.now() - started > timeoutMs) throw new Error(`The import stayed ${job.state}; expected ${states.join(' or ')}.`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('hours import jobs', () => {
  it('starts, reports progress, waits for the commit, and writes every ready row in one transaction with one audit entry', async () => {
    const { claims } = await setUp();
    const csv = csvOf(claims.id, 200); // 600 rows, Feb to Aug 2026
    const started = await b.ok('hours.importStart', { fileName: 'hours.csv', base64: base64(csv) });
    expect(started).toMatchObject({ fileName: 'hours.csv', state: 'reading', report: null, error: null });
    expect(tempFiles()).toHaveLength(1);

    const checked = await until(started.id, ['checked', 'failed']);
    expect(checked).toMatchObject({ state: 'checked', rowsRead: 600, rowsChecked: 600, problemsSoFar: 0, rechecks: 0 });
    expect(checked.report).toMatchObject({ rows: 600, ready: 600, imported: 0, written: false, problemCount: 0 });
    expect(entryCount()).toBe(0);

    const audits = b.auditCount();
    const committed = await b.ok('hours.importCommit', { jobId: started.id });
    expect(committed).toMatchObject({ state: 'done', report: { imported: 600, written: true } });
    expect(entryCount()).toBe(600);
    expect(b.auditCount()).toBe(audits + 1);
    expect(importAudits()).toBe(1);
    expect(tempFiles()).toEqual([]);

    // Done is final: neither a second commit nor a cancel.
    const again = await b.call('hours.importCommit', { jobId: started.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The import of hours.csv is already imported.' } });
    const cancel = await b.call('hours.importCancel', { jobId: started.id });
    expect(cancel).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(entryCount()).toBe(600);
  });

  it('keeps answering other calls while the worker checks the file', async () => {
    const { claims } = await setUp();
    const started = await b.ok('hours.importStart', { fileName: 'big.csv', base64: base64(csvOf(claims.id, 2000)) });
    // Right after the start the worker is still reading: a list answers at once, from the main connection.
    const list = await b.ok('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
    expect(list.rows).toHaveLength(1);
    expect((await b.ok('hours.importStatus', { jobId: started.id })).state).toMatch(/^(reading|checking)$/);
    await until(started.id, ['checked']);
    await b.ok('hours.importCancel', { jobId: started.id });
  });

  it('a cancel, while checking or once checked, writes nothing and removes the file', async () => {
    const { claims } = await setUp();
    const early = await b.ok('hours.importStart', { fileName: 'early.csv', base64: base64(csvOf(claims.id, 2000)) });
    const cancelled = await b.ok('hours.importCancel', { jobId: early.id });
    expect(cancelled.state).toBe('cancelled');

    const late = await b.ok('hours.importStart', { fileName: 'late.csv', base64: base64(csvOf(claims.id, 20)) });
    await until(late.id, ['checked']);
    expect((await b.ok('hours.importCancel', { jobId: late.id })).state).toBe('cancelled');
    const commit = await b.call('hours.importCommit', { jobId: late.id });
    expect(commit).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'The import of late.csv was cancelled; choose the file again.' },
    });
    // The worker of the first one is stopped: it never reports anything again.
    await new Promise((r) => setTimeout(r, 300));
    expect((await b.ok('hours.importStatus', { jobId: early.id })).state).toBe('cancelled');
    expect(entryCount()).toBe(0);
    expect(importAudits()).toBe(0);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses to commit a file with problems, or before it is checked', async () => {
    const { claims } = await setUp();
    const bad = `${csvOf(claims.id, 2)}\n2026-02-10,${claims.id},nobody@example.com,Retraining,60,`;
    const started = await b.ok('hours.importStart', { fileName: 'bad.csv', base64: base64(bad) });
    const early = await b.call('hours.importCommit', { jobId: started.id });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const checked = await until(started.id, ['checked']);
    expect(checked.report?.problems[0]).toMatchObject({ row: 8, column: 'Specialist email' });
    const refused = await b.call('hours.importCommit', { jobId: started.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'The import of bad.csv has a row with a problem, so nothing can be imported. Correct the file and import it again.',
      },
    });
    expect(entryCount()).toBe(0);
  });

  it('checks the file again when Keel changed since the check: a cell typed meanwhile becomes a conflict, not a second entry', async () => {
    const { claims, ana } = await setUp();
    const started = await b.ok('hours.importStart', { fileName: 'hours.csv', base64: base64(csvOf(claims.id, 5)) });
    const checked = await until(started.id, ['checked']);
    expect(checked.report).toMatchObject({ ready: 15, conflictCount: 0 });

    // Meanwhile someone types 2 h of retraining on Mon 2 Feb, where the file has 1 h.
    await b.ok('time.setCell', {
      specialistId: ana.id,
      engagementId: claims.id,
      date: '2026-02-02',
      activity: 'retraining',
      minutes: 120,
      note: '',
    });
    const committing = await b.ok('hours.importCommit', { jobId: started.id });
    expect(committing).toMatchObject({ state: 'committing', rechecks: 1 });
    const done = await until(started.id, ['done', 'failed', 'checked']);
    expect(done).toMatchObject({ state: 'done', rechecks: 1, report: { imported: 14, conflictCount: 1 } });
    expect(done.report?.conflicts[0]).toMatchObject({ row: 2, fileMinutes: 60, keelMinutes: 120 });
    expect(entryCount()).toBe(15); // the typed cell and the file's other 14
  });

  it('after a change that locks a month, the new check lists the problems and writes nothing', async () => {
    const { claims } = await setUp();
    await b.ok('rates.create', { engagementId: claims.id, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 15_000 });
    const started = await b.ok('hours.importStart', { fileName: 'hours.csv', base64: base64(csvOf(claims.id, 3)) });
    await until(started.id, ['checked']);
    await b.ok('months.approve', { engagementId: claims.id, month: '2026-02' });
    expect((await b.ok('hours.importCommit', { jobId: started.id })).state).toBe('committing');
    const after = await until(started.id, ['checked', 'done', 'failed']);
    expect(after.state).toBe('checked');
    expect(after.report?.problemCount).toBe(9);
    expect(after.report?.problems[0]?.message).toMatch(/February 2026/);
    expect(entryCount()).toBe(0);
    await b.ok('hours.importCancel', { jobId: started.id });
  });

  it('a file Keel cannot read fails the job with a sentence; nothing is written and the file is removed', async () => {
    await setUp();
    const started = await b.ok('hours.importStart', {
      fileName: 'wrong.csv',
      base64: base64('Day,Person,Task,Time\n2026-11-02,Ana,x,60\n'),
    });
    const failed = await until(started.id, ['failed', 'checked']);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(
      /has no Date, Engagement ID \(or Client and Engagement\), Specialist email, Activity and Minutes \(or Hours\) column/,
    );
    expect(tempFiles()).toEqual([]);
    expect(entryCount()).toBe(0);
  });

  it('removes at the next start what a killed run left in the temporary folder', async () => {
    const dir = b.dir;
    b.close();
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'tmp', '019a0000-0000-7000-8000-000000000001.upload'), 'half a file');
    writeFileSync(join(dir, 'tmp', 'notes.txt'), 'not Keel’s');
    b = openTestBackend({ dir });
    expect(readdirSync(join(dir, 'tmp'))).toEqual(['notes.txt']);
  });
});
