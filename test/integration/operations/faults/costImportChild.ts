import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '@backend/index';

/**
 * The process the cost-import fault test kills (costImportFaults.test.ts): on a seeded data folder it imports an AWS
 * cost export for a client and prints IMPORTED once the import has answered.
 *   costImportChild <dataDir> <clientId> <file>
 */
async function main() {
  const [dataDir = '', clientId = '', file = ''] = process.argv.slice(2);
  const backend = createBackend({
    databasePath: join(dataDir, 'keel.db'),
    actor: 'fault-test',
    mode: 'browser',
    background: false,
    logger: { error: () => {} },
    clock: () => new Date(Date.UTC(2026, 11, 6, 10, 0, 0)),
  });
  console.log('READY');
  const result = await backend.dispatch('costs.import', {
    clientId,
    provider: 'aws',
    fileName: 'cur.csv',
    base64: readFileSync(file).toString('base64'),
  });
  console.log(result.ok ? 'IMPORTED' : `FAILED ${result.error.message}`);
  backend.close();
  process.exit(0);
}

void main();
