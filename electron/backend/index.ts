import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { BACKEND_AREAS } from '@backend/areas';
import { type Clock, systemClock } from '@backend/core/clock';
import { type Context, createContext } from '@backend/core/context';
import { type Db, openDatabase, schemaVersion, stamp } from '@backend/core/db/connection';
import { MIGRATIONS } from '@backend/core/db/migrations';
import { createHookRegistry } from '@backend/core/hooks';
import { createDispatch, type Dispatch, type Logger } from '@backend/dispatch';
import { createHandlers } from '@backend/handlers';
import type { AppInfo } from '@shared/app/contract';
import { DomainError } from '@shared/kernel/errors';
import { version } from '../../package.json';

export type BackendOptions = {
  databasePath: string;
  actor: string;
  mode: AppInfo['mode'];
  /** Where now comes from (tests and the bench pin it); the system clock by default. */
  clock?: Clock;
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
  const clock = options.clock ?? systemClock;
  const { db, preMigrationBackup } = openDatabase(options.databasePath, MIGRATIONS, clock);
  const hooks = createHookRegistry(BACKEND_AREAS);
  const repositories = BACKEND_AREAS.flatMap((area) => (area.repositories ? [area.repositories] : []));
  const ctx = createContext(db, { actor: options.actor, clock, repositories, hooks });

  async function backup(path?: string) {
    const target =
      path ?? join(dirname(options.databasePath), 'backups', `keel-${stamp(clock(), true)}-${randomBytes(3).toString('hex')}.db`);
    const refuse = (message: string) => new DomainError('invalid_input', `The backup path ${message}.`, [{ path: 'path', message }]);
    if (!isAbsolute(target)) throw refuse('must be an absolute path');
    // Resolve links and ./.. so the live database cannot be reached under another spelling.
    const live = realpathSync(options.databasePath);
    if (existsSync(target) && realpathSync(target) === live) throw refuse('is the live database; choose another file');
    if (existsSync(target))
      throw new DomainError('conflict', `A file already exists at ${target}; choose another name.`, [
        { path: 'path', message: 'already exists' },
      ]);
    try {
      mkdirSync(dirname(target), { recursive: true });
      // SQLite's online backup API: a consistent copy while the app keeps running.
      await db.backup(target);
      return { path: target, bytes: statSync(target).size };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DomainError('conflict', `The backup could not be written to ${target} (${reason}). Nothing was changed.`);
    }
  }

  const handlers = createHandlers(
    ctx,
    {
      appInfo: () => ({
        version,
        schemaVersion: schemaVersion(db),
        databasePath: options.databasePath,
        actor: options.actor,
        mode: options.mode,
      }),
      backup,
    },
    BACKEND_AREAS,
  );

  return {
    dispatch: createDispatch(handlers, options.logger),
    ctx,
    db,
    preMigrationBackup,
    backup,
    close: () => db.close(),
  };
}
