import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * `<data folder>/tmp/`: files Keel holds only while a job runs — an upload
 * streamed in by browser mode, a file an import reads. A job removes its own
 * file when it ends; whatever a killed process left behind is removed at the
 * next start (`clearTempFolder`, called by createBackend once the data-folder
 * lock is held, so no other Keel is using it). Names are ids Keel minted, so a
 * caller can name an upload by its id but never reach a path of its choosing.
 */

export const TEMP_FOLDER = 'tmp';
// A staging file is an SQLite database: a process killed mid-write can leave its journal (or WAL) beside it.
const UPLOAD = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(upload|stage(-journal|-wal|-shm)?)$/;

export function tempFolder(databasePath: string): string {
  return join(dirname(databasePath), TEMP_FOLDER);
}

/** The file an upload (or an import's copy of a file) is kept in while its job runs. */
export function uploadPath(databasePath: string, uploadId: string): string {
  const dir = tempFolder(databasePath);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${uploadId.toLowerCase()}.upload`);
}

/** The staging file an import's worker fills with checked rows (billing/importStageRepository.ts). */
export function stagePath(databasePath: string, jobId: string): string {
  const dir = tempFolder(databasePath);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${jobId.toLowerCase()}.stage`);
}

/** Removes what a previous run left in the temporary folder; returns how many files went. */
export function clearTempFolder(databasePath: string): number {
  const dir = tempFolder(databasePath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!UPLOAD.test(name)) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

export function removeTempFile(path: string): void {
  rmSync(path, { force: true });
}
