import { mkdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { version } from '../../package.json';
import type { AppInfo } from '../../shared/contract';
import { DomainError } from '../../shared/contract/errors';
import { type Context, createContext } from './context';
import { type Db, openDatabase, schemaVersion, stamp } from './db/connection';
import { createDispatch, type Dispatch, type Logger } from './dispatch';
import { createHandlers } from './handlers';

export type BackendOptions = {
  databasePath: string;
  actor: string;
  mode: AppInfo['mode'];
  clock?: () => Date;
  logger?: Logger;
};

export type Backend = {
  readonly dispatch: Dispatch;
  readonly ctx: Context;
  readonly db: Db;
  readonly preMigrationBackup: string | null;
  backup(path?: string): Promise<{ path: string; bytes: number }>;
  close(): void;
};

/** Opens the database and wires the contract's handlers: the same backend for desktop and browser mode. */
export function createBackend(options: BackendOptions): Backend {
  const { db, preMigrationBackup } = openDatabase(options.databasePath);
  const ctx = createContext(db, options.actor, options.clock);

  async function backup(path?: string) {
    const target = path ?? join(dirname(options.databasePath), 'backups', `keel-${stamp()}.db`);
    if (!isAbsolute(target))
      throw new DomainError('invalid_input', 'The backup path must be absolute.', [{ path: 'path', message: 'must be an absolute path' }]);
    if (target === options.databasePath) throw new DomainError('invalid_input', 'A backup cannot overwrite the live database.');
    mkdirSync(dirname(target), { recursive: true });
    // SQLite's online backup API: a consistent copy while the app keeps running.
    await db.backup(target);
    return { path: target, bytes: statSync(target).size };
  }

  const handlers = createHandlers(ctx, {
    appInfo: () => ({
      version,
      schemaVersion: schemaVersion(db),
      databasePath: options.databasePath,
      actor: options.actor,
      mode: options.mode,
    }),
    backup,
  });

  return {
    dispatch: createDispatch(handlers, options.logger),
    ctx,
    db,
    preMigrationBackup,
    backup,
    close: () => db.close(),
  };
}
