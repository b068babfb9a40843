import { CallError, unwrap, useCommand, useKeel } from '@renderer/api/queries';
import { refreshStale, staleOf } from '@renderer/api/stale';
import { useToasts } from '@renderer/app/stores';
import { Drawer } from '@renderer/ui/Drawer';
import type { ImportJob, ImportReport } from '@shared/billing/contract/billing';
import { formatDuration } from '@shared/billing/rules/duration';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from './format';
import './billing.css';

type ImportState =
  | { step: 'sending'; fileName: string }
  | { step: 'checking' | 'importing'; fileName: string; job: ImportJob }
  | { step: 'checked'; fileName: string; job: ImportJob; report: ImportReport }
  | { step: 'done'; fileName: string; report: ImportReport }
  | { step: 'cancelled'; fileName: string }
  | { step: 'failed'; fileName: string; error: string };

const POLL_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RUNNING: readonly ImportJob['state'][] = ['reading', 'checking', 'committing'];

/**
 * Import hours from Keel's Excel layout or a CSV, as a background job: the
 * file goes to Keel (streamed in browser mode), a worker checks every row
 * while the dialog shows progress and a Cancel button; the report lists every
 * problem by row and column, every conflict and duplicate; the import is
 * offered only when no row has a problem, and written in one transaction.
 */
export function useHoursImport() {
  const client = useKeel();
  const queryClient = useQueryClient();
  const commitCommand = useCommand('hours.importCommit');
  const toast = useToasts((s) => s.show);
  const [state, setState] = useState<ImportState | null>(null);
  /** Bumped whenever the dialog moves on (a new file, cancel, close): a poll of an older run stops. */
  const run = useRef(0);
  const jobId = useRef<string | null>(null);
  useEffect(
    () => () => {
      run.current++;
    },
    [],
  );

  /** Polls the job until it leaves the running states; null when the dialog moved on meanwhile. */
  async function follow(job: ImportJob, mine: number, step: 'checking' | 'importing'): Promise<ImportJob | null> {
    let current = job;
    while (RUNNING.includes(current.state)) {
      if (run.current !== mine) return null;
      setState({ step, fileName: current.fileName, job: current });
      await sleep(POLL_MS);
      if (run.current !== mine) return null;
      current = await unwrap(client, 'hours.importStatus', { jobId: current.id });
    }
    return run.current === mine ? current : null;
  }

  function settle(job: ImportJob) {
    if (job.state === 'failed')
      setState({ step: 'failed', fileName: job.fileName, error: job.error ?? `The import of ${job.fileName} failed.` });
    else if (job.state === 'cancelled') setState({ step: 'cancelled', fileName: job.fileName });
    else if (job.state === 'done' && job.report) {
      jobId.current = null;
      setState({ step: 'done', fileName: job.fileName, report: job.report });
      toast({
        tone: 'info',
        message: `Imported ${job.report.imported} ${job.report.imported === 1 ? 'entry' : 'entries'} from ${job.fileName}.`,
      });
    } else if (job.state === 'checked' && job.report) setState({ step: 'checked', fileName: job.fileName, job, report: job.report });
  }

  async function check(file: File) {
    await stopRunning();
    const mine = ++run.current;
    setState({ step: 'sending', fileName: file.name });
    try {
      const sent = await client.sendFile('hours.importStart', file);
      if (!sent.ok) throw new CallError(sent.error);
      jobId.current = sent.value.id;
      if (run.current !== mine) {
        await stopRunning();
        return;
      }
      const job = await follow(sent.value, mine, 'checking');
      if (job) settle(job);
    } catch (e) {
      if (run.current === mine) setState({ step: 'failed', fileName: file.name, error: messageOf(e) });
    }
  }

  async function commit() {
    if (state?.step !== 'checked') return;
    const mine = ++run.current;
    setState({ step: 'importing', fileName: state.fileName, job: state.job });
    try {
      const started = await commitCommand.mutateAsync({ jobId: state.job.id });
      const job = await follow(started, mine, 'importing');
      if (!job) return;
      // Checked again first (Keel changed meanwhile): the hours were written after the commit's own refresh.
      if (started.state === 'committing' && job.state === 'done') await refreshStale(queryClient, staleOf('hours.importCommit'));
      settle(job);
    } catch (e) {
      if (run.current === mine) setState({ step: 'failed', fileName: state.fileName, error: messageOf(e) });
    }
  }

  /** Cancels the job this dialog started, unless it is already written or over. */
  async function stopRunning(): Promise<string | null> {
    const id = jobId.current;
    jobId.current = null;
    if (!id) return null;
    const result = await client.call('hours.importCancel', { jobId: id });
    return result.ok ? null : result.error.message;
  }

  async function cancel() {
    const fileName = state?.fileName ?? '';
    run.current++;
    const refused = await stopRunning();
    setState(refused ? { step: 'failed', fileName, error: refused } : { step: 'cancelled', fileName });
  }

  function close() {
    run.current++;
    void stopRunning();
    setState(null);
  }

  return { state, check, commit, cancel, close };
}

export type HoursImport = ReturnType<typeof useHoursImport>;

/** "Import hours…": opens the file picker; choosing a file starts the dry run. */
export function ImportHoursButton({ onFile, label = 'Import hours…' }: { onFile(file: File): void; label?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" title="Keel’s Excel layout (.xlsx) or a CSV file" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv"
        aria-label={label}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must run again
          if (file) onFile(file);
        }}
      />
    </>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function ImportHoursDrawer({ importer, onChooseAgain }: { importer: HoursImport; onChooseAgain(file: File): void }) {
  const { state } = importer;
  if (!state) return null;
  const running = state.step === 'sending' || state.step === 'checking' || state.step === 'importing';
  return (
    <Drawer title="Import hours" onClose={importer.close}>
      <div className="import-report">
        <p className="drawer__sub">{state.fileName}</p>
        {running && <ImportProgress state={state} />}
        {state.step === 'failed' && (
          <p className="notice notice--bad" role="alert">
            {state.error}
          </p>
        )}
        {state.step === 'cancelled' && (
          <p className="notice" role="status">
            Import cancelled: nothing was written.
          </p>
        )}
        {(state.step === 'checked' || state.step === 'done') && <ImportReportView report={state.report} done={state.step === 'done'} />}
        <div className="stage-actions">
          {state.step === 'checked' && state.report.problemCount === 0 && state.report.ready > 0 && (
            <button type="button" className="button button--primary" onClick={() => void importer.commit()}>
              {`Import ${plural(state.report.ready, 'entry', 'entries')}`}
            </button>
          )}
          {running && (
            <button type="button" className="button" onClick={() => void importer.cancel()}>
              Cancel import
            </button>
          )}
          {!running && (
            <ImportHoursButton label={state.step === 'done' ? 'Import another file…' : 'Choose another file…'} onFile={onChooseAgain} />
          )}
          <button type="button" className="button" onClick={importer.close}>
            Close
          </button>
        </div>
      </div>
    </Drawer>
  );
}

/** What the job is doing, with a progress bar: sending the file, reading it, checking rows, writing. */
function ImportProgress({ state }: { state: Extract<ImportState, { step: 'sending' | 'checking' | 'importing' }> }) {
  const job = state.step === 'sending' ? null : state.job;
  const total = job?.rowsRead ?? 0;
  const checked = job?.rowsChecked ?? 0;
  let label: string;
  if (!job) label = 'Sending the file to Keel…';
  else if (job.state === 'reading') label = 'Reading the file…';
  else if (job.state === 'committing') label = 'Keel’s hours changed since the check: checking the file again before writing…';
  else if (state.step === 'importing') label = 'Writing the hours…';
  else {
    const problems = job.problemsSoFar > 0 ? `; ${plural(job.problemsSoFar, 'problem')} so far` : '';
    label = `Checking rows: ${checked.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}${problems}.`;
  }
  return (
    <div className="export-progress" role="status">
      <span className="export-progress__label">{label}</span>
      <progress max={total || 1} value={job?.state === 'checking' && total ? checked : undefined} aria-label="Import progress" />
    </div>
  );
}

function ImportReportView({ report, done }: { report: ImportReport; done: boolean }) {
  const { problems, duplicates, conflicts, problemCount, duplicateCount, conflictCount } = report;
  return (
    <>
      <p>
        {report.format === 'xlsx' ? 'Excel workbook' : 'CSV file'} with {plural(report.rows, 'row')}.{' '}
        {done
          ? `${plural(report.imported, 'entry', 'entries')} imported.`
          : problemCount
            ? ''
            : report.ready
              ? `${plural(report.ready, 'entry', 'entries')} ready to import.`
              : conflictCount
                ? 'Nothing new to import.'
                : 'Nothing new to import: every row is already in Keel.'}
        {duplicateCount > 0 &&
          (done || report.ready > 0 || problemCount > 0) &&
          ` ${plural(duplicateCount, 'row')} already in Keel ${done ? (duplicateCount === 1 ? 'was' : 'were') : 'will be'} skipped.`}
      </p>
      {done && <p className="notice notice--good">The hours are in Keel now: the timesheets and the month close include them.</p>}
      {problemCount > 0 && (
        <>
          <p className="notice notice--bad" role="alert">
            {plural(problemCount, 'problem')} found{problemCount > problems.length ? ` (the first ${problems.length} are listed)` : ''}.
            Nothing is imported while any row has a problem: correct the file and choose it again.
          </p>
          <table className="table table--compact import-problems">
            <thead>
              <tr>
                <th className="num">Row</th>
                <th>Column</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={`${p.row}:${p.column}:${p.message}`}>
                  <td className="num">{p.row}</td>
                  <td>{p.column || '—'}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {conflictCount > 0 && (
        <>
          <p className="notice notice--attention" role="status">
            {plural(conflictCount, 'row')} {conflictCount === 1 ? 'has' : 'have'} different hours from Keel for the same person, engagement,
            day and activity{conflictCount > conflicts.length ? ` (the first ${conflicts.length} are listed)` : ''}.{' '}
            {done ? 'They were not imported' : 'They will not be imported'}: Keel keeps its own hours. If the file is right, change those
            cells in the timesheet.
          </p>
          <table className="table table--compact import-problems import-conflicts">
            <thead>
              <tr>
                <th className="num">Row</th>
                <th>Person, engagement, activity and day</th>
                <th className="num">In the file</th>
                <th className="num">In Keel</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c) => (
                <tr key={`${c.row}:${c.cell}`} title={c.message}>
                  <td className="num">{c.row}</td>
                  <td>{c.cell}</td>
                  <td className="num">{formatDuration(c.fileMinutes)}</td>
                  <td className="num">{formatDuration(c.keelMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {duplicateCount > 0 && (
        <details className="import-duplicates">
          <summary>
            {plural(duplicateCount, 'duplicate')} (skipped)
            {duplicateCount > duplicates.length ? `; the first ${duplicates.length} are listed` : ''}
          </summary>
          <ul>
            {duplicates.map((d) => (
              <li key={`${d.row}:${d.message}`}>
                Row {d.row}: {d.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
