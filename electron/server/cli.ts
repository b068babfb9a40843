import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { currentActor, databasePath, resolveDataDir } from '@backend/core/paths';
import { createBackend } from '@backend/index';
import { startServer } from './http';
import { warmUp } from './warmUp';

/**
 * `npm run serve` — Keel in browser mode. Options:
 *   --port N      (or KEEL_PORT; default 4870, 0 for any free port)
 *   --data DIR    (or KEEL_DATA_DIR; default: the desktop app's per-user folder)
 */
export async function main(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, data: { type: 'string' } },
    allowPositionals: false,
    strict: true,
  });
  const portText = values.port ?? process.env.KEEL_PORT ?? '4870';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Keel: --port must be a whole number between 0 and 65535, not “${portText}”.`);
    process.exit(2);
  }
  const dataDir = resolveDataDir(values.data);
  const backend = createBackend({ databasePath: databasePath(dataDir), actor: currentActor(), mode: 'browser' });
  if (backend.preMigrationBackup) console.log(`Keel: backed up the database before upgrading it: ${backend.preMigrationBackup}`);
  const rendererDir = join(__dirname, '../renderer');
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({ dispatch: backend.dispatch, rendererDir, port, databasePath: databasePath(dataDir) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && values.port === undefined && !process.env.KEEL_PORT) {
      console.log(`Keel: port ${port} is busy; using a free port instead.`);
      running = await startServer({ dispatch: backend.dispatch, rendererDir, port: 0, databasePath: databasePath(dataDir) });
    } else throw error;
  }
  console.log(`Keel is running in browser mode. Data: ${dataDir}`);
  console.log(`Open ${running.url}`);
  const stopWarmUp = warmUp(undefined, () => backend.holidaysInUse());
  const stop = async () => {
    stopWarmUp();
    await running.close();
    backend.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`Keel could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
