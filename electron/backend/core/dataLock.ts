import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@shared/kernel/errors';

/**
 * One process owns a data folder. Two Keels on one folder (the desktop app and
 * browser mode, or two servers) delete each other's exports and wait on each
 * other's writes; so the first takes `keel.lock` (its pid, host and mode; the file's own time says since when)
 * and a second start is refused in one sentence naming the holder. A lock whose
 * process is gone is stale and taken over.
 */

export const LOCK_FILE = 'keel.lock';

export type LockOwner = { pid: number; host: string; mode: string };

export type DataLock = { readonly path: string; release(): void };

export function acquireDataLock(dataDir: string, owner: Omit<LockOwner, 'pid' | 'host'>): DataLock {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), ...owner };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx': create only if absent, atomically; two starts racing cannot both win.
      const fd = openSync(path, 'wx');
      try {
        writeFileSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          // Only our own lock: a lock taken over after ours went stale is someone else's.
          if (readOwner(path)?.pid === me.pid) removeQuietly(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readOwner(path);
    if (holder && isAlive(holder)) throw heldBy(dataDir, holder, since(path));
    // Stale (its process is gone) or unreadable (a start killed while writing it): take it over.
    removeQuietly(path);
  }
  throw new DomainError('conflict', `Keel could not take the lock on ${dataDir}; another Keel seems to be starting there. Try again.`);
}

function since(path: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `since ${stats.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'until a moment ago';
}

function heldBy(dataDir: string, holder: LockOwner, held: string): DomainError {
  const where =
    holder.mode === 'desktop' ? 'the desktop app' : holder.mode === 'browser' ? 'Keel in browser mode' : `Keel (${holder.mode})`;
  return new DomainError(
    'conflict',
    `The data folder ${dataDir} is already open in ${where} (process ${holder.pid}, ${held}); close that Keel first, or start this one with another data folder.`,
  );
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { pid, host, mode } = parsed as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string') return null;
    return { pid, host, mode: typeof mode === 'string' ? mode : 'unknown' };
  } catch {
    return null;
  }
}

/** A holder on another machine (a shared folder) cannot be checked: it is taken as alive. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
