import { fork } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newId } from '@backend/core/ids';
import { uploadPath } from '@backend/core/tempFiles';
import { type Backend, createBackend } from '@backend/index';
import { ACTIVITIES, ACTIVITY_LABELS } from '@shared/billing/rules/activities';
import { fromDay, toDay } from '@shared/kernel/days';
import { megabytes } from './harness';

/**
 * The import part of `npm run bench` (BENCH_ONLY=import): how a list call
 * answers while a 300,000-row hours import runs. A prober asks for the
 * specialists list every PROBE_MS as the list screen does; each call's
 * latency counts from the moment it was due, so a call that could not even
 * start because the event loop was busy counts its whole wait (no
 * coordinated omission). The import runs in a forked process of this bundle
 * (IMPORT_CHILD_FLAG) so its duration and peak RSS are its own.
 *
 * Two ways: `one call` sends the whole file to `hours.import` and waits;
 * `job` starts `hours.importStart`, polls `hours.importStatus` until the
 * file is checked, then `hours.importCommit` (the worker thread reads and
 * checks, the main connection only writes).
 */

export const IMPORT_CHILD_FLAG = '--bench-import';
export const IMPORT_ROWS = 300_000;
const SPECIALISTS = 100;
const PROBE_MS = 10;

export type ImportWay = 'one call' | 'job';
export type ImportTask = { database: string; file: string; way: ImportWay };
export type ImportResult = {
  way: ImportWay;
  ms: number;
  imported: number;
  maxRss: number;
  rssBefore: number;
  idle: { p50: number; p99: number; calls: number };
  during: { p50: number; p99: number; max: number; calls: number };
};

/** The database (one client, one engagement, 100 specialists) and a CSV of 300,000 valid new rows. */
export async function importDataset(dir: string): Promise<{ database: string; file: string; bytes: number }> {
  const database = join(dir, 'import.db');
  const backend = createBackend({ databasePath: database, actor: 'bench', mode: 'browser' });
  try {
    const ok = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await backend.dispatch(name as never, input as never);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
      return result.value as T;
    };
    const client = await ok<{ id: string }>('clients.create', {
      name: 'Helvetic Insurance AG',
      country: 'CH',
      currency: 'CHF',
      holidayCalendar: 'CH-ZH',
      timeZone: '',
      vatBasisPoints: 810,
      notes: '',
    });
    const engagement = await ok<{ id: string }>('engagements.create', {
      clientId: client.id,
      name: 'Claims model operations',
      currency: 'CHF',
      startDate: '2020-01-01',
      endDate: null,
      status: 'active',
      contractNotes: '',
      slaBusinessDays: 7,
    });
    const emails: string[] = [];
    for (let i = 0; i < SPECIALISTS; i++) {
      const email = `specialist.${i}@example.com`;
      await ok('specialists.create', {
        fullName: `Specialist ${i}`,
        role: 'mlops_engineer',
        seniority: 'senior',
        homeCountry: 'RO',
        homeSubdivision: '',
        skills: ['Kubeflow'],
        startDate: '2019-01-07',
        status: 'active',
        email,
      });
      emails.push(email);
    }
    // 100 specialists × 1,000 days × 3 activities of an hour each: 300,000 rows, 3 h a day each.
    const activities = ACTIVITIES.slice(0, 3).map((a) => ACTIVITY_LABELS[a]);
    const lines = ['Date,Engagement ID,Specialist email,Activity,Minutes'];
    const first = toDay('2020-01-01');
    for (let d = 0; lines.length <= IMPORT_ROWS; d++) {
      const date = fromDay(first + d);
      for (const email of emails) for (const activity of activities) lines.push(`${date},${engagement.id},${email},${activity},60`);
    }
    const file = join(dir, 'hours-300k.csv');
    const text = `${lines.slice(0, IMPORT_ROWS + 1).join('\n')}\n`;
    writeFileSync(file, text);
    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    return { database, file, bytes: Buffer.byteLength(text) };
  } finally {
    backend.close();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/**
 * Calls the list every PROBE_MS until stopped. Each call's latency counts from
 * the moment it was due: when the event loop was busy, every call that fell
 * due meanwhile is sent as soon as it turns again and counts its whole wait.
 */
function prober(backend: Backend) {
  const latencies: number[] = [];
  let stopAt: number | null = null;
  const started = performance.now();
  let next = 0;
  const probe = async (due: number) => {
    const result = await backend.dispatch('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
    if (!result.ok) throw new Error(`specialists.list failed during the import: ${result.error.message}`);
    latencies.push(performance.now() - due);
  };
  const done = (async () => {
    for (;;) {
      // Once stopped, the calls that fell due before the stop are still sent (and count their wait).
      const now = stopAt ?? performance.now();
      const calls: Promise<void>[] = [];
      while (started + next * PROBE_MS <= now) calls.push(probe(started + next++ * PROBE_MS));
      await Promise.all(calls);
      if (stopAt !== null) break;
      const wait = started + next * PROBE_MS - performance.now();
      await new Promise((r) => setTimeout(r, Math.max(0, wait)));
    }
  })();
  return {
    async stop() {
      stopAt = performance.now();
      await done;
      const sorted = [...latencies].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0, calls: sorted.length };
    },
  };
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { message: string } };
async function call<T>(backend: Backend, name: string, input: unknown): Promise<T> {
  const result = (await backend.dispatch(name as never, input as never)) as Answer;
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value as T;
}

async function runImport(backend: Backend, task: ImportTask, base64: string): Promise<number> {
  if (task.way === 'one call') {
    const report = await call<{ imported: number }>(backend, 'hours.import', { fileName: 'hours-300k.csv', base64 });
    return report.imported;
  }
  type Job = { id: string; state: string; report: { imported: number } | null; error: string | null };
  // As browser mode hands over a streamed upload: the file already in <data>/tmp/, named by its id.
  // (Keel's own layout names the engagement by its ID, so 300,000 rows are ~27 MB of CSV: over the
  // 10 MB a browser upload or a base64 file may have, which is why the file is placed directly.)
  const uploadId = newId();
  copyFileSync(task.file, uploadPath(task.database, uploadId));
  let job = await call<Job>(backend, 'hours.importStart', { fileName: 'hours-300k.csv', uploadId });
  const until = async (states: string[]) => {
    while (!states.includes(job.state)) {
      await new Promise((r) => setTimeout(r, 50));
      job = await call<Job>(backend, 'hours.importStatus', { jobId: job.id });
    }
  };
  await until(['checked', 'failed']);
  if (job.state === 'failed') throw new Error(`The import failed: ${job.error}`);
  job = await call<Job>(backend, 'hours.importCommit', { jobId: job.id });
  await until(['done', 'failed']);
  if (job.state !== 'done' || !job.report) throw new Error(`The import failed: ${job.error}`);
  return job.report.imported;
}

/** In the forked process: idle probes, then the import with probes running beside it. */
export async function runImportChild(task: ImportTask): Promise<void> {
  const backend = createBackend({ databasePath: task.database, actor: 'bench', mode: 'browser' });
  try {
    const base64 = task.way === 'one call' ? readFileSync(task.file).toString('base64') : '';
    const idleProbe = prober(backend);
    await new Promise((r) => setTimeout(r, 1000));
    const idle = await idleProbe.stop();
    const rssBefore = process.memoryUsage.rss();
    const probe = prober(backend);
    const start = performance.now();
    const imported = await runImport(backend, task, base64);
    const ms = performance.now() - start;
    const during = await probe.stop();
    const result: ImportResult = {
      way: task.way,
      ms,
      imported,
      rssBefore,
      maxRss: process.resourceUsage().maxRSS * 1024,
      idle: { p50: idle.p50, p99: idle.p99, calls: idle.calls },
      during,
    };
    process.send?.(result);
  } finally {
    backend.close();
  }
}

export function importTask(argv: readonly string[]): ImportTask | null {
  const at = argv.indexOf(IMPORT_CHILD_FLAG);
  return at === -1 ? null : (JSON.parse(argv[at + 1] ?? 'null') as ImportTask);
}

function runInChild(task: ImportTask): Promise<ImportResult> {
  const script = process.argv[1];
  if (!script) throw new Error('Cannot tell which script to fork.');
  return new Promise((resolve, reject) => {
    const child = fork(script, [IMPORT_CHILD_FLAG, JSON.stringify(task)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
    let result: ImportResult | null = null;
    child.on('message', (message) => {
      result = message as ImportResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`The import benchmark child (${task.way}) ended with ${signal ?? `code ${code}`} and no result.`));
    });
  });
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The import part: a fresh copy of the database per way, each way in its own process. Returns the lines to print. */
export async function importBench(dir: string, ways: readonly ImportWay[]): Promise<string[]> {
  const { database, file, bytes } = await importDataset(dir);
  const lines = [
    `Import       ${IMPORT_ROWS.toLocaleString('en')} rows of CSV (${megabytes(bytes)}), ${SPECIALISTS} specialists; specialists.list every ${PROBE_MS} ms, latency from the moment each call was due`,
  ];
  for (const way of ways) {
    const copy = join(dir, `import-${way.replace(/\W/g, '-')}.db`);
    writeFileSync(copy, readFileSync(database));
    const r = await runInChild({ database: copy, file, way });
    lines.push(
      `  ${way.padEnd(9)} import ${(r.ms / 1000).toFixed(2)} s, ${r.imported.toLocaleString('en')} entries, peak RSS ${megabytes(r.maxRss)} (${megabytes(r.rssBefore)} before); ` +
        `list idle p50 ${ms(r.idle.p50)} p99 ${ms(r.idle.p99)}; during the import p50 ${ms(r.during.p50)} p99 ${ms(r.during.p99)} max ${ms(r.during.max)} (${r.during.calls} calls)`,
    );
  }
  return lines;
}
