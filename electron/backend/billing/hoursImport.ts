import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { removeTempFile, stagePath, uploadPath } from '@backend/core/tempFiles';
import type { ImportJob, ImportReport } from '@shared/billing/contract/billing';
import type { ParsedInputOf } from '@shared/contract';
import { DomainError, type ErrorCode, type FieldIssue } from '@shared/kernel/errors';
import { stagedHandoverDefaults } from './billability';
import { MAX_LISTED } from './importCheck';
import type { CheckedSummary, WorkerInput, WorkerMessage } from './importWorker';

/**
 * Hours imports run as jobs, so a 300,000-row file never holds up Keel:
 *
 * 1. `startImport` keeps the file under `<data>/tmp/` (browser mode streamed
 *    it there already; a base64 file is written there) and starts a worker
 *    thread (importWorker.ts) that parses it and checks every row against
 *    Keel through its own read-only connection (importCheck.ts), posting
 *    progress. Reads keep going through the main connection meanwhile.
 * 2. `checked`: the report waits for `commitImport`. Before the worker
 *    starts, the job notes Keel's change stamp (the main connection's
 *    `total_changes()` and `data_version`).
 * 3. The worker writes the ready rows, ids minted, into a staging file of its
 *    own (`<data>/tmp/<job>.stage`, importStageRepository.ts), and
 *    `writeChecked` copies them with one INSERT … SELECT in one short
 *    IMMEDIATE transaction on the main connection, Keel's only writer, with
 *    one audit entry — but only if the stamp is unchanged. If Keel's data changed since the check,
 *    nothing is written and the file is checked again (up to MAX_RECHECKS
 *    times) before the commit is tried again.
 *
 * Cancelling stops the worker; a cancelled or failed job wrote nothing, and a
 * job's temporary file is removed when it ends (createBackend clears what a
 * killed process left). Jobs live in memory; the last MAX_FINISHED finished
 * ones are kept for their reports.
 */

export const MAX_FINISHED = 10;
export const MAX_RECHECKS = 3;

type Job = ImportJob & {
  ctx: Context;
  path: string;
  /** The staging file the worker fills with the checked rows (importStageRepository.ts). */
  stage: string;
  worker: Worker | null;
  /** Keel's change stamp when the check started. */
  stamp: string;
  format: ImportReport['format'];
  checked: CheckedSummary | null;
  /** Commit as soon as the running check ends (a commit found Keel changed). */
  commitWhenChecked: boolean;
  failure: { code: ErrorCode; issues: FieldIssue[] | undefined } | null;
  finishedAt: number | null;
  listeners: Set<() => void>;
};

const jobs = new Map<string, Job>();
let finishedCount = 0;

/**
 * The worker's script: out/main/importWorker.js beside the entry that loaded
 * the backend (the bundle may run it from out/main/chunks/). Tests point
 * KEEL_IMPORT_WORKER at their own build of it (test/support/workers.ts).
 */
export function importWorkerScript(): string | null {
  const candidates = [process.env.KEEL_IMPORT_WORKER, join(__dirname, 'importWorker.js'), join(__dirname, '..', 'importWorker.js')];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/** Changes when anything is written: by this connection (`total_changes`) or any other (`data_version`). */
function changeStamp(ctx: Context): string {
  const changes = ctx.db.prepare<[], number>('SELECT total_changes()').pluck().get() ?? 0;
  const version = ctx.db.pragma('data_version', { simple: true }) as number;
  return `${changes}/${version}`;
}

function publicJob(job: Job): ImportJob {
  const { id, fileName, state, rowsRead, rowsChecked, problemsSoFar, rechecks, report, error } = job;
  return { id, fileName, state, rowsRead, rowsChecked, problemsSoFar, rechecks, report, error };
}

function changed(job: Job) {
  for (const listener of [...job.listeners]) listener();
}

function reportOf(job: Job, c: CheckedSummary, imported: number): ImportReport {
  return {
    fileName: job.fileName,
    format: job.format,
    rows: c.rows,
    imported,
    ready: c.ready,
    duplicates: c.duplicates.slice(0, MAX_LISTED),
    conflicts: c.conflicts.slice(0, MAX_LISTED),
    problems: c.problems.slice(0, MAX_LISTED),
    duplicateCount: c.duplicates.length,
    conflictCount: c.conflicts.length,
    problemCount: c.problems.length,
    written: imported > 0,
  };
}

/** Ends a job: its worker stopped, its file removed, its rows let go. */
function finish(job: Job, state: 'done' | 'failed' | 'cancelled', error: string | null = null) {
  job.state = state;
  job.error = error;
  const worker = job.worker;
  job.worker = null;
  if (worker) void worker.terminate();
  job.checked = null;
  job.commitWhenChecked = false;
  removeTempFile(job.path);
  removeTempFile(job.stage);
  job.finishedAt = ++finishedCount;
  const finished = [...jobs.values()].filter((j) => j.finishedAt !== null).sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
  for (const old of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED))) jobs.delete(old.id);
  changed(job);
}

const UNEXPECTED = 'Keel could not check the file because of an unexpected error. Nothing was changed; the details are in the log.';

/** Runs (or runs again) the check in a worker thread. */
function check(job: Job) {
  const script = importWorkerScript();
  if (!script) {
    console.error('The hours import worker (importWorker.js) is missing from this build.');
    finish(job, 'failed', 'Keel could not start checking the file: part of Keel is missing (importWorker.js). Reinstall or rebuild Keel.');
    return;
  }
  job.stamp = changeStamp(job.ctx);
  job.state = job.rechecks > 0 ? 'committing' : 'reading';
  removeTempFile(job.stage); // a re-check writes it anew
  job.rowsChecked = 0;
  job.problemsSoFar = 0;
  const input: WorkerInput = { databasePath: job.ctx.db.name, filePath: job.path, stagePath: job.stage };
  const worker = new Worker(script, { workerData: input });
  job.worker = worker;
  let settled = false;
  worker.on('message', (message: WorkerMessage) => {
    if (job.worker !== worker) return;
    if (message.type === 'progress') {
      if (!job.commitWhenChecked) job.state = message.phase;
      job.rowsRead = message.rowsRead;
      job.rowsChecked = message.rowsChecked;
      job.problemsSoFar = message.problems;
      changed(job);
      return;
    }
    settled = true;
    job.worker = null;
    void worker.terminate();
    if (message.type === 'failed') {
      job.failure = { code: message.code, issues: message.issues };
      finish(job, 'failed', message.message);
      return;
    }
    job.format = message.format;
    job.checked = message.checked;
    job.rowsChecked = message.checked.rows;
    job.problemsSoFar = message.checked.problems.length;
    job.report = reportOf(job, message.checked, 0);
    job.state = 'checked';
    if (job.commitWhenChecked) {
      job.commitWhenChecked = false;
      if (committable(job)) tryCommit(job);
    }
    changed(job);
  });
  worker.on('error', (error) => {
    if (job.worker !== worker || settled) return;
    settled = true;
    console.error(`The hours import of ${job.fileName} failed in its worker`, error);
    finish(job, 'failed', UNEXPECTED);
  });
  worker.on('exit', (code) => {
    if (job.worker !== worker || settled) return;
    settled = true;
    console.error(`The hours import worker for ${job.fileName} stopped (exit ${code}) before it answered.`);
    finish(job, 'failed', UNEXPECTED);
  });
}

/** Starts an import: the file is kept under <data>/tmp/ and checked in a worker thread. */
export function startImport(ctx: Context, input: ParsedInputOf<'hours.importStart'>): ImportJob {
  if (ctx.db.memory) throw new DomainError('conflict', 'Keel imports hours only into a database kept in a file.');
  const id = newId();
  let path: string;
  if (input.uploadId) {
    path = uploadPath(ctx.db.name, input.uploadId);
    if (!existsSync(path)) {
      throw new DomainError(
        'not_found',
        'Keel no longer has that uploaded file (it is removed when an import ends or Keel restarts). Choose the file again.',
        [{ path: 'uploadId', message: 'is not a file Keel holds' }],
      );
    }
  } else {
    path = uploadPath(ctx.db.name, id);
    writeFileSync(path, Buffer.from(input.base64 ?? '', 'base64'));
  }
  const job: Job = {
    id,
    fileName: input.fileName,
    state: 'reading',
    rowsRead: 0,
    rowsChecked: 0,
    problemsSoFar: 0,
    rechecks: 0,
    report: null,
    error: null,
    ctx,
    path,
    stage: stagePath(ctx.db.name, id),
    worker: null,
    stamp: '',
    format: input.fileName.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv',
    checked: null,
    commitWhenChecked: false,
    failure: null,
    finishedAt: null,
    listeners: new Set(),
  };
  jobs.set(id, job);
  check(job);
  return publicJob(job);
}

function jobOrThrow(jobId: string): Job {
  const job = jobs.get(jobId.toLowerCase());
  if (!job) {
    throw new DomainError(
      'not_found',
      `Keel has no hours import ${jobId}. Imports are kept while Keel runs (the last ${MAX_FINISHED} finished); choose the file again.`,
      [{ path: 'jobId', message: 'is not an import Keel knows' }],
    );
  }
  return job;
}

export function importStatus(jobId: string): ImportJob {
  return publicJob(jobOrThrow(jobId));
}

function committable(job: Job): boolean {
  const c = job.checked;
  return !!c && c.problems.length === 0 && c.ready > 0;
}

/**
 * The commit: the checked rows, staged by the worker, in one IMMEDIATE
 * transaction on the main connection with one audit entry — or nothing at all
 * when Keel's data changed since the check ('changed': the caller checks the
 * file again). Kept as one function so every rule about what an imported
 * entry holds sits here.
 */
export function writeChecked(
  ctx: Context,
  job: Pick<Job, 'fileName' | 'format' | 'stamp' | 'stage'>,
  checked: CheckedSummary,
): number | 'changed' {
  ctx.repos.timeEntries.attachStage(job.stage);
  try {
    return ctx.write((audit, at) => {
      if (changeStamp(ctx) !== job.stamp) return 'changed';
      const n = ctx.repos.timeEntries.insertStaged(at);
      // A replacement's hand-over days start not billable, as when the hours are typed.
      const notBillable = stagedHandoverDefaults(ctx);
      // Ids are time-ordered, so the first and last bound the whole import when there are too many to list.
      const created = checked.entryIds
        ? { entryIds: checked.entryIds }
        : { firstEntryId: checked.firstEntryId, lastEntryId: checked.lastEntryId };
      audit({
        entity: 'time_entry',
        entityId: newId(),
        label: `Import of ${job.fileName} (${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'})`,
        action: 'import',
        before: null,
        after: {
          fileName: job.fileName,
          format: job.format,
          entries: n,
          duplicates: checked.duplicates.length,
          conflicts: checked.conflicts.length,
          ...(notBillable ? { notBillable } : {}),
          ...created,
        },
      });
      return n;
    });
  } finally {
    ctx.repos.timeEntries.detachStage();
  }
}

/** Writes a checked job, or — when Keel changed since the check — checks the file again and commits after. */
function tryCommit(job: Job) {
  const checked = job.checked;
  if (!checked) return;
  let written: number | 'changed';
  try {
    written = writeChecked(job.ctx, job, checked);
  } catch (error) {
    console.error(`The hours import of ${job.fileName} could not be written`, error);
    const message =
      error instanceof DomainError
        ? error.message
        : 'Keel could not write the imported hours because of an unexpected error. Nothing was written.';
    finish(job, 'failed', message);
    return;
  }
  if (written === 'changed') {
    if (job.rechecks >= MAX_RECHECKS) {
      finish(
        job,
        'failed',
        `Keel’s hours changed each time the file was checked (${MAX_RECHECKS + 1} times), so nothing was imported. Import the file again when fewer people are editing.`,
      );
      return;
    }
    job.rechecks++;
    job.commitWhenChecked = true;
    job.checked = null;
    check(job);
    job.state = 'committing';
    changed(job);
    return;
  }
  job.report = reportOf(job, checked, written);
  finish(job, 'done');
}

export function commitImport(jobId: string): ImportJob {
  const job = jobOrThrow(jobId);
  if (job.state !== 'checked') {
    const why: Record<Exclude<ImportJob['state'], 'checked'>, string> = {
      reading: 'is still being read; wait until it is checked',
      checking: 'is still being checked; wait until it is done',
      committing: 'is already being imported',
      done: 'is already imported',
      failed: 'failed; choose the file again',
      cancelled: 'was cancelled; choose the file again',
    };
    throw new DomainError('conflict', `The import of ${job.fileName} ${why[job.state]}.`);
  }
  const checked = job.checked;
  if (checked && checked.problems.length > 0) {
    throw new DomainError(
      'conflict',
      `The import of ${job.fileName} has ${checked.problems.length === 1 ? 'a row with a problem' : `${checked.problems.length.toLocaleString('en')} problems`}, so nothing can be imported. Correct the file and import it again.`,
    );
  }
  if (!committable(job)) throw new DomainError('conflict', `${job.fileName} has nothing new to import.`);
  tryCommit(job);
  return publicJob(job);
}

export function cancelImport(jobId: string): ImportJob {
  const job = jobOrThrow(jobId);
  if (job.state === 'done') {
    throw new DomainError(
      'conflict',
      `The import of ${job.fileName} is already written, so it cannot be cancelled. Undo it from the audit log if it was a mistake.`,
    );
  }
  if (job.state !== 'failed' && job.state !== 'cancelled') finish(job, 'cancelled');
  return publicJob(job);
}

/** Resolves when the job reaches one of `states`. */
function until(job: Job, states: readonly ImportJob['state'][]): Promise<void> {
  if (states.includes(job.state)) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = () => {
      if (!states.includes(job.state)) return;
      job.listeners.delete(listener);
      resolve();
    };
    job.listeners.add(listener);
  });
}

/**
 * `hours.import`, the one-call form for scripts: the same job (the file is
 * checked in the worker thread, so Keel keeps answering), awaited; a dry run
 * only checks. Any problem means nothing is written.
 */
export async function importHours(ctx: Context, input: ParsedInputOf<'hours.import'>): Promise<ImportReport> {
  const started = startImport(ctx, { fileName: input.fileName, base64: input.base64 });
  const job = jobOrThrow(started.id);
  await until(job, ['checked', 'failed', 'cancelled']);
  if (job.state !== 'checked' || !job.report) {
    throw new DomainError(job.failure?.code ?? 'internal', job.error ?? UNEXPECTED, job.failure?.issues);
  }
  if (input.dryRun || !committable(job)) {
    const report = job.report;
    finish(job, 'cancelled');
    job.report = report;
    return report;
  }
  tryCommit(job);
  await until(job, ['done', 'failed', 'cancelled', 'checked']);
  // Read again: tryCommit and the re-check moved the job on.
  const state = job.state as ImportJob['state'];
  if (state === 'checked' && job.report) {
    // Checked again after a change, and now a row has a problem (or nothing is new): nothing written.
    const report = job.report;
    finish(job, 'cancelled');
    job.report = report;
    return report;
  }
  if (state !== 'done' || !job.report) throw new DomainError(job.failure?.code ?? 'conflict', job.error ?? UNEXPECTED);
  return job.report;
}
