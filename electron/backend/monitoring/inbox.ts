import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Context } from '@backend/core/context';
import type { InboxState, ReadingImport } from '@shared/monitoring/contract/readings';
import { importReadings, ReadingsRefused, recordRejection, sha256Of } from './readingImport';

/**
 * The inbox: a folder in the data folder where a scheduled job the client runs drops files of readings. The
 * process that owns the data folder (desktop app or browser mode) takes each file, imports it atomically, and
 * moves it to processed/ or rejected/ with a report beside it. No token is needed: whoever may write into the
 * data folder may already change the database.
 *
 * Nothing is lost or taken twice when the process dies: the readings and the import's record (with the file's
 * sha-256) commit in one transaction, and the file moves only afterwards. Killed before the commit, the file is
 * still in the inbox and is taken again on the next look; killed between the commit and the move, the next look
 * finds its hash already imported and only moves it. A job should write a file under a temporary name (or a
 * name starting with a dot, or ending in .part or .tmp) and rename it when complete: such names are left alone.
 */
export function inboxFolder(dataDir: string): string {
  return join(dataDir, 'inbox');
}

const isPartial = (name: string) => /\.(part|tmp|crdownload)$/i.test(name) || name.startsWith('.') || name.startsWith('~$');

/** Files waiting in the inbox, oldest first. */
export function waitingFiles(dataDir: string): string[] {
  const folder = inboxFolder(dataDir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && !isPartial(e.name))
    .map((e) => ({ name: e.name, at: statSync(join(folder, e.name)).mtimeMs }))
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name))
    .map((e) => e.name);
}

/** Writes a small text file atomically: temporary name, fsync, rename. */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, text);
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** A name in processed/ or rejected/ that does not overwrite an earlier file of the same name. */
function placeFor(folder: string, name: string, stamp: string): string {
  const ext = extname(name);
  const base = basename(name, ext);
  let candidate = join(folder, `${stamp}-${base}${ext}`);
  for (let n = 2; existsSync(candidate); n++) candidate = join(folder, `${stamp}-${base}-${n}${ext}`);
  return candidate;
}

function reportOf(name: string, r: ReadingImport, note: string | null): string {
  const lines = [
    `File: ${name}`,
    `Taken: ${r.at} by ${r.actor}`,
    `Result: ${r.status === 'imported' ? 'imported' : 'refused, nothing imported'}`,
  ];
  if (note) lines.push(note);
  if (r.status === 'imported') {
    lines.push(
      `Readings: ${r.readings} (${r.added} new, ${r.changed} replaced, ${r.unchanged} already kept)`,
      `Models: ${r.models}`,
      `From ${r.from ?? '—'} to ${r.to ?? '—'}`,
    );
  } else {
    lines.push('Problems:', ...r.problems.map((p) => `- ${p}`));
  }
  lines.push(`SHA-256: ${r.sha256}`, '');
  return lines.join('\n');
}

/** Moves a taken file out of the inbox with its report beside it (report first: the file's move is the last step). */
function fileAway(dataDir: string, name: string, outcome: 'processed' | 'rejected', report: string, stamp: string): void {
  const folder = join(inboxFolder(dataDir), outcome);
  mkdirSync(folder, { recursive: true });
  const target = placeFor(folder, name, stamp);
  writeAtomically(`${target}.report.txt`, report);
  renameSync(join(inboxFolder(dataDir), name), target);
}

/**
 * Takes every file waiting in the inbox, one at a time, in the order they arrived. Returns what it did.
 * Only one look runs at a time (the caller keeps that promise: see `startInbox`).
 */
export async function scanInbox(ctx: () => Context, dataDir: string): Promise<ReadingImport[]> {
  const done: ReadingImport[] = [];
  for (const name of waitingFiles(dataDir)) {
    const path = join(inboxFolder(dataDir), name);
    if (!existsSync(path)) continue;
    const stamp = ctx()
      .now()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const sha256 = await sha256Of({ path });
    const earlier = ctx().repos.monitoring.importedFile(sha256);
    if (earlier) {
      // Taken before (perhaps just before a crash, before the file could move): never twice.
      fileAway(
        dataDir,
        name,
        'processed',
        reportOf(name, earlier, `Already imported on ${earlier.at} (${earlier.fileName}); nothing was added again.`),
        stamp,
      );
      done.push(earlier);
      continue;
    }
    try {
      const imported = await importReadings(ctx(), { fileName: name, file: { path }, viaInbox: true, sha256 });
      fileAway(dataDir, name, 'processed', reportOf(name, imported, null), stamp);
      done.push(imported);
    } catch (error) {
      if (!(error instanceof ReadingsRefused)) throw error;
      const rejected = recordRejection(ctx(), { fileName: name, sha256, source: error.source }, error.problems);
      fileAway(dataDir, name, 'rejected', reportOf(name, rejected, null), stamp);
      done.push(rejected);
    }
  }
  return done;
}

export function inboxState(ctx: Context, dataDir: string): InboxState {
  return { folder: inboxFolder(dataDir), waiting: waitingFiles(dataDir), recent: ctx.repos.monitoring.recentImports(20) };
}

/** How often the owning process looks into the inbox. */
export const INBOX_INTERVAL_MS = 2_000;

/** One look at a time per data folder, whether the timer or a person asked for it. */
const looks = new Map<string, Promise<ReadingImport[]>>();

/** Looks into the inbox now, after any look already under way (resolves with what this look took). */
export function lookNow(ctx: () => Context, dataDir: string): Promise<ReadingImport[]> {
  const before = looks.get(dataDir) ?? Promise.resolve([]);
  const next = before
    .catch(() => [])
    .then(() => scanInbox(ctx, dataDir))
    .finally(() => {
      if (looks.get(dataDir) === next) looks.delete(dataDir);
    });
  looks.set(dataDir, next);
  return next;
}

/**
 * Looks into the inbox every few seconds while the backend is open (skipping a tick while a look is under way).
 * Returns the function that stops it.
 */
export function startInbox(
  ctx: () => Context,
  dataDir: string,
  onError: (error: unknown) => void,
  intervalMs = INBOX_INTERVAL_MS,
): () => void {
  mkdirSync(inboxFolder(dataDir), { recursive: true });
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped || looks.has(dataDir)) return;
    lookNow(ctx, dataDir).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
