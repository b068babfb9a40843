import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '@backend/index';

/**
 * The process the zip-bomb test watches (hoursImport.test.ts): it imports
 * one file through the contract, on a fresh data folder, and prints the
 * outcome with the process's peak memory (resident set size) before and
 * after, so a workbook that inflates in memory shows up as a figure rather
 * than slowing the test runner itself.
 *   importChild <dataDir> <file>
 */
async function main() {
  const [dataDir = '', file = ''] = process.argv.slice(2);
  const backend = createBackend({
    databasePath: join(dataDir, 'keel.db'),
    actor: 'fault-test',
    mode: 'browser',
    logger: { error: () => {} },
  });
  const base64 = readFileSync(file).toString('base64');
  const before = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const result = await backend.dispatch('hours.import', { fileName: 'bomb.xlsx', base64, dryRun: true });
  const ms = Math.round(performance.now() - started);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`RESULT ${JSON.stringify({ ok: result.ok, message: result.ok ? null : result.error.message, before, peak, ms })}`);
  process.exit(0);
}

void main();
