import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { BACKEND_AREAS } from '@backend/areas';
import type { RenderPdf } from '@backend/core/area';
import { type Clock, systemClock } from '@backend/core/clock';
import { type Context, createContext } from '@backend/core/context';
import { acquireDataLock } from '@backend/core/dataLock';
import { backupsDir, type Db, openDatabase, schemaVersion, stamp } from '@backend/core/db/connection';
import { MIGRATIONS } from '@backend/core/db/migrations';
import { backupPath, describeBackup, listBackups, removeQuietly, stageCopy, swapIn } from '@backend/core/db/restore';
import { writeVerifiedCopy } from '@backend/core/db/safeCopy';
import { createHookRegistry } from '@backend/core/hooks';
import { clearTempFolder } from '@backend/core/tempFiles';
import { createDispatch, type Dispatch, type Logger } from '@backend/dispatch';
import { createHandlers, type HostServices } from '@backend/handlers';
import type { AppInfo, RestoreResult } from '@shared/app/contract';
import { DomainError } from '@shared/kernel/errors';
import { version } from '../../package.json';

export type BackendOptions = {
  databasePath: string;
  actor: string;
  mode: AppInfo['mode'];
  /** Where now comes from (tests and the bench pin it); the system clock by default. */
  clock?: Clock;
  logger?: Logger;
  /**
   * Renders printed documents (model cards, audit packs) to PDF. The desktop shell passes one built
   * on Electron's printToPDF; browser mode passes none and hands the HTML page to the browser.
   */
  renderPdf?: RenderPdf;
  /** Run the areas' background work (the monitoring inbox); on by default, off in most tests. */
  background?: boolean;
};

export type Backend = {
  readonly dispatch: Dispatch;
  readonly ctx: Context;
  readonly db: Db;
  readonly preMigrationBackup: string | null;
  backup(path?: string): Promise<{ path: string; bytes: number }>;
  /**
   * The calendar-years whose holidays the first screens after start compute: people's homes
   * this year and next (the plan looks ahead), clients' calendars last year and this (the clocks
   * look back). For the warm-up.
   */
  holidaysInUse(): [code: string, year: number][];
  close(): void;
};

/**
 * Opens the database and wires the contract's handlers: the same backend for
 * desktop and browser mode. It owns the data folder (a lock file) for as long
 * as it is open; a restore closes the database, swaps the file and opens it
 * again behind the same dispatch.
 */
export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const dataDir = dirname(options.databasePath);
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataLock(dataDir, { mode: options.mode });
  // Uploads and import files a killed or crashed run left behind: no job of this run can need them.
  clearTempFolder(options.databasePath);
  const hooks = createHookRegistry(BACKEND_AREAS);
  const repositories = BACKEND_AREAS.flatMap((area) => (area.repositories ? [area.repositories] : []));

  type Session = { db: Db; ctx: Context; dispatch: Dispatch };
  let preMigrationBackup: string | null = null;
  let session: Session;

  function open(): Session {
    const opened = openDatabase(options.databasePath, MIGRATIONS, clock);
    preMigrationBackup = opened.preMigrationBackup ?? preMigrationBackup;
    const ctx = createContext(opened.db, { actor: options.actor, clock, repositories, hooks });
    const handlers = createHandlers(ctx, host, BACKEND_AREAS);
    return { db: opened.db, ctx, dispatch: createDispatch(handlers, options.logger) };
  }

  /**
   * A verified copy (core/db/safeCopy): the backups folder beside the database
   * unless the desktop shell passes the file the user chose in its save dialog.
   * The contract's procedure never passes a path, so no caller can make Keel
   * write a file wherever it likes.
   */
  async function backup(path?: string) {
    const target = path ?? join(backupsDir(options.databasePath), `keel-${stamp(clock(), true)}-${randomBytes(3).toString('hex')}.db`);
    if (!isAbsolute(target)) throw new DomainError('invalid_input', 'The backup must be written to an absolute path.');
    // Resolve links and ./.. so the live database cannot be reached under another spelling.
    const live = realpathSync(options.databasePath);
    if (existsSync(target) && realpathSync(target) === live) {
      throw new DomainError('invalid_input', 'That file is the live database; choose another file for the backup.');
    }
    if (existsSync(target)) throw new DomainError('conflict', `A file already exists at ${target}; choose another name.`);
    try {
      const copy = writeVerifiedCopy(session.db, target);
      return { path: copy.path, bytes: copy.bytes };
    } catch (error) {
      throw new DomainError('conflict', `The backup could not be written to ${target} (${reason(error)}). Nothing was changed.`);
    }
  }

  function restore(name: string): RestoreResult {
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    // Never from a file Keel has not checked: describeBackup refuses a damaged, foreign or newer file in words.
    const facts = describeBackup(options.databasePath, name, latest);
    const staged = stageCopy(backupPath(options.databasePath, name), options.databasePath);
    let previous: string;
    try {
      previous = writeVerifiedCopy(session.db, join(backupsDir(options.databasePath), `pre-restore-${stamp(clock(), true)}.db`)).path;
    } catch (error) {
      removeQuietly(staged);
      throw new DomainError('conflict', `Keel could not keep a copy of the current database (${reason(error)}), so it restored nothing.`);
    }
    try {
      swapIn(session.db, staged, options.databasePath);
    } catch (error) {
      removeQuietly(staged);
      if (!session.db.open) session = open();
      throw new DomainError('conflict', `The backup could not be put in place (${reason(error)}). Nothing was changed.`);
    }
    session = open();
    session.ctx.write((audit) =>
      audit({
        entity: 'dataset',
        entityId: 'backup',
        label: `Backup ${name}`,
        action: 'restore',
        before: null,
        after: { restoredFrom: name, previousCopy: previous },
      }),
    );
    return { restored: facts, previousCopy: previous };
  }

  const host: HostServices = {
    renderPdf: options.renderPdf ?? null,
    dataDir,
    appInfo: () => ({
      version,
      schemaVersion: schemaVersion(session.db),
      databasePath: options.databasePath,
      actor: options.actor,
      mode: options.mode,
    }),
    backup,
    backups: () => listBackups(options.databasePath),
    inspectBackup: (name) => describeBackup(options.databasePath, name, MIGRATIONS.at(-1)?.version ?? 0),
    restore,
  };

  try {
    session = open();
  } catch (error) {
    lock.release();
    throw error;
  }
  const stops =
    options.background === false
      ? []
      : BACKEND_AREAS.flatMap((area) =>
          area.background
            ? [
                area.background({
                  context: () => session.ctx,
                  dataDir,
                  onError: (error) => (options.logger ?? console).error(`${area.id} background work failed`, error),
                }),
              ]
            : [],
        );

  return {
    dispatch: (name, input) => session.dispatch(name, input),
    get ctx() {
      return session.ctx;
    },
    get db() {
      return session.db;
    },
    get preMigrationBackup() {
      return preMigrationBackup;
    },
    backup,
    holidaysInUse: () => {
      const { repos } = session.ctx;
      const year = Number(session.ctx.today().slice(0, 4));
      return [
        ...repos.specialists.homeCalendars().flatMap((code): [string, number][] => [
          [code, year],
          [code, year + 1],
        ]),
        ...repos.clients.holidayCalendars().flatMap((code): [string, number][] => [
          [code, year],
          [code, year - 1],
        ]),
      ];
    },
    close: () => {
      for (const stop of stops) stop();
      if (session.db.open) session.db.close();
      lock.release();
    },
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
