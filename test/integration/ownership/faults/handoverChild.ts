import { join } from 'node:path';
import { createBackend } from '@backend/index';

/**
 * The process the hand-over fault test kills (handoverFaults.test.ts): on a seeded data folder it hands
 * everything one specialist holds to another in one command, printing READY before and DONE after.
 *   handoverChild <dataDir> <fromId> <toId>
 */
async function main() {
  const [dataDir = '', fromId = '', toId = ''] = process.argv.slice(2);
  const backend = createBackend({
    databasePath: join(dataDir, 'keel.db'),
    actor: 'fault-test',
    mode: 'browser',
    logger: { error: () => {} },
    clock: () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0)),
  });
  console.log('READY');
  const result = await backend.dispatch('ownership.handover', {
    from: { kind: 'specialist', id: fromId },
    to: { kind: 'specialist', id: toId },
    fromDate: '2026-12-01',
  });
  console.log(result.ok ? `DONE ${(result.value as { assignments: unknown[] }).assignments.length}` : `FAILED ${result.error.message}`);
  backend.close();
  process.exit(0);
}

void main();
