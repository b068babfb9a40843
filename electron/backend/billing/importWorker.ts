import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { clientsRepositories } from '@backend/clients/repositories';
import { createContext } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { readTable } from '@backend/core/readTable';
import { portfolioRepositories } from '@backend/portfolio/repositories';
import type { ErrorCode, FieldIssue } from '@shared/kernel/errors';
import { DomainError } from '@shared/kernel/errors';
import Database from 'better-sqlite3';
import { type Checked, checkTable } from './importCheck';
import { writeStage } from './importStageRepository';
import { billingRepositories } from './repositories';

/**
 * The hours import's worker thread (built as out/main/importWorker.js; see
 * hoursImportJobs.ts). It reads the file, parses it and checks every row
 * against Keel through its own **read-only** connection, inside one read
 * transaction (one snapshot), and posts progress and then the result. It
 * never writes: the main connection stays Keel's only writer.
 */

export type WorkerInput = { databasePath: string; filePath: string; stagePath: string };
/** The check's outcome without its rows: those wait in the staging file, under the ids listed here. */
export type CheckedSummary = Omit<Checked, 'ready'> & {
  ready: number;
  /** Every new entry's id when there are at most 1,000 (for the audit entry), else only the first and last (ids are time-ordered). */
  entryIds: string[] | null;
  firstEntryId: string | null;
  lastEntryId: string | null;
};
export type WorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'checking'; rowsRead: number; rowsChecked: number; problems: number }
  | { type: 'checked'; format: 'xlsx' | 'csv'; checked: CheckedSummary }
  | { type: 'failed'; code: ErrorCode; message: string; issues: FieldIssue[] | undefined };

function post(message: WorkerMessage) {
  parentPort?.postMessage(message);
}

async function run({ databasePath, filePath, stagePath }: WorkerInput) {
  post({ type: 'progress', phase: 'reading', rowsRead: 0, rowsChecked: 0, problems: 0 });
  const table = await readTable(readFileSync(filePath));
  const rowsRead = table.rows.length;
  post({ type: 'progress', phase: 'checking', rowsRead, rowsChecked: 0, problems: 0 });
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Only the areas the check reads (clients: people and engagements; portfolio: models; billing: entries and months).
    const ctx = createContext(db, {
      actor: 'import',
      repositories: [clientsRepositories, portfolioRepositories, billingRepositories],
      hooks: new Map(),
    });
    db.exec('BEGIN');
    const checked = checkTable(ctx, table, (rowsChecked, _total, problems) =>
      post({ type: 'progress', phase: 'checking', rowsRead, rowsChecked, problems }),
    );
    db.exec('COMMIT');
    // The ready rows go to the staging file with their ids, for the commit's one INSERT … SELECT.
    const rows = checked.problems.length ? [] : checked.ready.map((c) => ({ ...c, id: newId() }));
    writeStage(() => new Database(stagePath), rows);
    const summary: CheckedSummary = {
      ...checked,
      ready: checked.ready.length,
      entryIds: rows.length <= 1000 ? rows.map((r) => r.id) : null,
      firstEntryId: rows[0]?.id ?? null,
      lastEntryId: rows.at(-1)?.id ?? null,
    };
    post({ type: 'checked', format: table.format, checked: summary });
  } finally {
    db.close();
  }
}

run(workerData as WorkerInput).catch((error: unknown) => {
  if (error instanceof DomainError) {
    post({ type: 'failed', code: error.code, message: error.message, issues: error.issues });
    return;
  }
  console.error('The hours import could not check its file', error);
  post({
    type: 'failed',
    code: 'internal',
    message: 'Keel could not read the file because of an unexpected error. Nothing was changed; the details are in the log.',
    issues: undefined,
  });
});
