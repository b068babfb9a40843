import { join } from 'node:path';
import { createBackend } from '@backend/index';

/**
 * The process the inbox fault test kills (inboxFaults.test.ts): on a seeded data folder with files waiting in
 * its inbox, it asks for a look and prints TAKEN once the look has answered.
 *   inboxChild <dataDir>
 */
async function main() {
  const [dataDir = ''] = process.argv.slice(2);
  const backend = createBackend({
    databasePath: join(dataDir, 'keel.db'),
    actor: 'fault-test',
    mode: 'browser',
    background: false,
    logger: { error: () => {} },
    clock: () => new Date(Date.UTC(2026, 11, 6, 10, 0, 0)),
  });
  console.log('READY');
  const result = await backend.dispatch('monitoring.scanInbox', {});
  console.log(result.ok ? 'TAKEN' : `FAILED ${result.error.message}`);
  backend.close();
  process.exit(0);
}

void main();
