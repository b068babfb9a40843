import { join } from 'node:path';
import { openDatabase } from '@backend/core/db/connection';
import { createBackend } from '@backend/index';

/**
 * The process the fault tests kill (backupFaults.test.ts): it copies or
 * restores the database in a loop and prints ACK after each one Keel reported
 * done, until it is SIGKILLed.
 *   backup  <dataDir>              the backup procedure, again and again
 *   restore <dataDir> <a.db,b.db>  restores the named backups in turn
 *   migrate <dataDir>              opens (and so migrates) the database once
 */
async function main() {
  const [mode, dataDir = '', names = ''] = process.argv.slice(2);
  const databasePath = join(dataDir, 'keel.db');
  if (mode === 'migrate') {
    const { db, preMigrationBackup } = openDatabase(databasePath);
    db.close();
    console.log(`DONE ${preMigrationBackup}`);
    return;
  }
  const backend = createBackend({ databasePath, actor: 'fault-test', mode: 'browser', logger: { error: () => {} } });
  console.log('READY');
  const turns = names.split(',');
  for (let i = 0; ; i++) {
    const result =
      mode === 'backup'
        ? await backend.dispatch('db.backup', {})
        : await backend.dispatch('backups.restore', { name: turns[i % turns.length] });
    if (!result.ok) {
      console.log(`FAILED ${result.error.message}`);
      process.exit(1);
    }
    console.log(`ACK ${JSON.stringify(result.value)}`);
  }
}

void main();
