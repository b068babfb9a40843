import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { ExportJob } from '@shared/billing/contract/billing';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, unknownReference } from '@shared/kernel/errors';
import { slug } from '@shared/kernel/text';
import Database from 'better-sqlite3';
import { type FinanceExportInput, writeFinanceWorkbook } from './financeWorkbook';

/**
 * Finance exports run as jobs: `startFinanceExport` answers at once and the
 * workbook is written into a file beside the database (`exports/`) while
 * Keel keeps answering other requests; the UI polls `exportStatus` and
 * fetches the file with `exportDownload`. Jobs live in memory (a restart
 * forgets them and the next export clears their files); the last
 * MAX_FINISHED finished jobs are kept.
 *
 * The workbook is read through its own read-only connection inside one read
 * transaction: every sheet shows the same snapshot, and the open statement
 * streaming the detail rows never blocks writes on the main connection
 * (better-sqlite3 refuses any other statement on a connection while an
 * iterator is open on it).
 */

export const MAX_FINISHED = 10;
/** The longest timesheet detail export: ten years of hours. */
export const MAX_DETAIL_YEARS = 10;

/** `finishedAt` orders finished jobs for eviction: a counter, not a time (no clock needed). */
type Job = ExportJob & { path: string; finishedAt: number | null };
let finishedCount = 0;
type Download = { fileName: string; base64: string; bytes: number };

const jobs = new Map<string, Job>();
const cleaned = new Set<string>();

const JOB_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\.xlsx$/;

export function financeFileName(input: FinanceExportInput, engagementName?: string): string {
  if (input.kind === 'detail') return `keel-hours-detail-${input.from}-to-${input.to}.xlsx`;
  return engagementName ? `keel-hours-${input.month}-${slug(engagementName, 'engagement')}.xlsx` : `keel-hours-${input.month}.xlsx`;
}

/** The last date a detail export starting on `from` may reach (exclusive bound, compared as text). */
const detailLimit = (from: string) => `${String(Number(from.slice(0, 4)) + MAX_DETAIL_YEARS).padStart(4, '0')}${from.slice(4)}`;

function check(ctx: Context, input: FinanceExportInput): string | undefined {
  if (input.kind === 'detail') {
    if (input.to < input.from) {
      throw new DomainError(
        'invalid_input',
        `The export cannot end (${dateLabel(input.to)}) before it starts (${dateLabel(input.from)}).`,
        [{ path: 'to', message: 'must be on or after the start date' }],
      );
    }
    if (input.to >= detailLimit(input.from)) {
      throw new DomainError(
        'invalid_input',
        `A timesheet detail export covers ${MAX_DETAIL_YEARS} years at most; ${dateLabel(input.from)} to ${dateLabel(input.to)} is longer. Export it in parts.`,
        [{ path: 'to', message: `must be less than ${MAX_DETAIL_YEARS} years after the start date` }],
      );
    }
    return undefined;
  }
  if (!input.engagementId) return undefined;
  const engagement = ctx.repos.engagements.get(input.engagementId);
  if (!engagement) throw unknownReference('Engagement', input.engagementId, 'engagementId');
  return engagement.name;
}

function exportsFolder(ctx: Context): Promise<string> | string {
  if (ctx.db.memory) return mkdtemp(join(tmpdir(), 'keel-exports-'));
  const dir = join(dirname(ctx.db.name), 'exports');
  mkdirSync(dir, { recursive: true });
  if (!cleaned.has(dir)) {
    // Files of jobs a previous run of Keel started: nobody can download them any more.
    cleaned.add(dir);
    const known = new Set([...jobs.values()].map((j) => j.path));
    for (const name of readdirSync(dir)) {
      if (JOB_FILE.test(name) && !known.has(join(dir, name))) rmSync(join(dir, name), { force: true });
    }
  }
  return dir;
}

/** A context reading the same database through its own read-only connection (the main one stays free for writes). */
function readContext(ctx: Context): { ctx: Context; close(): void } {
  if (ctx.db.memory) return { ctx, close: () => {} };
  const db = new Database(ctx.db.name, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const read = ctx.on(db);
  db.exec('BEGIN');
  return {
    ctx: read,
    close: () => {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}

function publicJob(job: Job): ExportJob {
  const { path: _p, finishedAt: _f, ...shown } = job;
  return shown;
}

function prune() {
  const finished = [...jobs.values()].filter((j) => j.finishedAt !== null).sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
  for (const job of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED))) {
    jobs.delete(job.id);
    rmSync(job.path, { force: true });
  }
}

/** What the person sees when an export fails; the stack goes to the log. */
function failure(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC') return 'The disk is full, so Keel could not write the export file. Free some space and start the export again.';
  if (code === 'EACCES' || code === 'EPERM')
    return 'Keel is not allowed to write the export file next to its database. Check the folder’s permissions.';
  return 'Keel could not write the export because of an unexpected error. Nothing was changed; the details are in the log.';
}

async function run(ctx: Context, job: Job, input: FinanceExportInput) {
  const reader = readContext(ctx);
  const stream = createWriteStream(job.path);
  let streamError: unknown = null;
  const closed = new Promise<void>((resolve) => {
    stream.on('error', (error) => {
      streamError ??= error;
    });
    stream.on('close', resolve);
  });
  try {
    const written = writeFinanceWorkbook(reader.ctx, input, stream, (rows, total) => {
      job.rowsWritten = rows;
      job.rowsTotal = total;
    });
    written.catch(() => {}); // handled below; a failed file stream may also end the race first
    // A file stream that fails (disk full, no permission) never finishes, so the writer would wait for ever: race it.
    const broken = closed.then(() => {
      if (streamError) throw streamError;
    });
    broken.catch(() => {});
    await Promise.race([written, broken]);
    await written;
    await closed;
    if (streamError) throw streamError;
    job.bytes = statSync(job.path).size;
    job.rowsTotal = Math.max(job.rowsTotal, job.rowsWritten);
    job.state = 'done';
  } catch (error) {
    console.error(`Finance export ${job.fileName} failed`, error);
    job.state = 'failed';
    job.error = failure(streamError ?? error);
    stream.destroy();
    await closed;
    rmSync(job.path, { force: true });
  } finally {
    reader.close();
    job.finishedAt = ++finishedCount;
    prune();
  }
}

/** Starts writing the workbook in the background and returns the running job. */
export function startFinanceExport(ctx: Context, input: FinanceExportInput): ExportJob {
  const engagementName = check(ctx, input);
  const id = newId();
  const folder = exportsFolder(ctx);
  const job: Job = {
    id,
    fileName: financeFileName(input, engagementName),
    state: 'running',
    rowsWritten: 0,
    rowsTotal: 0,
    bytes: 0,
    error: null,
    path: '',
    finishedAt: null,
  };
  jobs.set(id, job);
  void Promise.resolve(folder)
    .then((dir) => {
      job.path = join(dir, `${id}.xlsx`);
      return run(ctx, job, input);
    })
    .catch((error: unknown) => {
      console.error(`Finance export ${job.fileName} could not start`, error);
      job.state = 'failed';
      job.error = failure(error);
      job.finishedAt = ++finishedCount;
    });
  return publicJob(job);
}

function jobOrThrow(jobId: string): Job {
  const job = jobs.get(jobId);
  if (!job) {
    throw new DomainError(
      'not_found',
      `Keel has no export ${jobId}. Exports are kept while Keel runs (the last ${MAX_FINISHED}); start the export again.`,
    );
  }
  return job;
}

export function exportStatus(jobId: string): ExportJob {
  return publicJob(jobOrThrow(jobId));
}

export function exportDownload(jobId: string): Download {
  const job = jobOrThrow(jobId);
  if (job.state === 'running') {
    throw new DomainError(
      'conflict',
      `${job.fileName} is still being written (${job.rowsWritten.toLocaleString('en')} of ${job.rowsTotal.toLocaleString('en')} rows). Download it when it is done.`,
    );
  }
  if (job.state === 'failed')
    throw new DomainError('conflict', `${job.fileName} could not be written: ${job.error} Start the export again.`);
  let content: Buffer;
  try {
    content = readFileSync(job.path);
  } catch {
    throw new DomainError('not_found', `The file of ${job.fileName} is gone from Keel’s exports folder. Start the export again.`);
  }
  return { fileName: job.fileName, base64: content.toString('base64'), bytes: content.length };
}
