import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '@backend/index';
import type { ImportJob } from '@shared/billing/contract/billing';

/**
 * The process importFaults.test.ts kills: it opens the data folder as Keel
 * does, starts an hours import of one file as a job, waits until the worker
 * has checked it, commits it and waits until it is written, printing each
 * step, then idles until it is killed.
 *   importJobChild <dataDir> <file>
 */
async function main() {
  const [dataDir = '', file = ''] = process.argv.slice(2);
  const backend = createBackend({
    databasePath: join(dataDir, 'keel.db'),
    actor: 'fault-test',
    mode: 'browser',
    logger: { error: () => {} },
  });
  const call = async (name: string, input: unknown): Promise<ImportJob> => {
    const result = await backend.dispatch(name as 'hours.importStatus', input as { jobId: string });
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as ImportJob;
  };
  console.log('READY');
  let job = await call('hours.importStart', { fileName: 'hours.csv', base64: readFileSync(file).toString('base64') });
  console.log('STARTED');
  const until = async (states: ImportJob['state'][]) => {
    while (!states.includes(job.state)) {
      await new Promise((r) => setTimeout(r, 5));
      job = await call('hours.importStatus', { jobId: job.id });
    }
  };
  await until(['checked', 'failed']);
  console.log(`CHECKED ${job.state}`);
  job = await call('hours.importCommit', { jobId: job.id });
  await until(['done', 'failed']);
  console.log(`DONE ${job.state} ${job.report?.imported ?? 0}`);
  setInterval(() => {}, 1000);
}

main().catch((error: unknown) => {
  console.log(`FAILED ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
