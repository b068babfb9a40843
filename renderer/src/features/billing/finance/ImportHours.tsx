import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { Drawer } from '@renderer/ui/Drawer';
import type { ImportReport } from '@shared/billing/contract/billing';
import { formatDuration } from '@shared/billing/rules/duration';
import { useRef, useState } from 'react';
import { messageOf } from './format';
import './billing.css';

type ImportState =
  | { step: 'reading'; fileName: string }
  | { step: 'checked' | 'importing'; fileName: string; base64: string; report: ImportReport }
  | { step: 'done'; fileName: string; report: ImportReport }
  | { step: 'failed'; fileName: string; error: string };

/** The file's bytes as base64 (FileReader gives a data: URL; the part after the comma is the content). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

/**
 * Import hours from Keel's Excel layout or a CSV: a dry run first, whose
 * report lists every problem by row and column and every duplicate; the real
 * import is offered only when no row has a problem.
 */
export function useHoursImport() {
  const run = useCommand('hours.import');
  const toast = useToasts((s) => s.show);
  const [state, setState] = useState<ImportState | null>(null);

  async function check(file: File) {
    setState({ step: 'reading', fileName: file.name });
    try {
      const base64 = await readBase64(file);
      const report = await run.mutateAsync({ fileName: file.name, base64, dryRun: true });
      setState({ step: 'checked', fileName: file.name, base64, report });
    } catch (e) {
      setState({ step: 'failed', fileName: file.name, error: messageOf(e) });
    }
  }

  async function commit() {
    if (state?.step !== 'checked') return;
    const { fileName, base64 } = state;
    setState({ ...state, step: 'importing' });
    try {
      const report = await run.mutateAsync({ fileName, base64, dryRun: false });
      if (report.written) {
        setState({ step: 'done', fileName, report });
        toast({ tone: 'info', message: `Imported ${report.imported} ${report.imported === 1 ? 'entry' : 'entries'} from ${fileName}.` });
      } else setState({ step: 'checked', fileName, base64, report });
    } catch (e) {
      setState({ step: 'failed', fileName, error: messageOf(e) });
    }
  }

  return { state, check, commit, close: () => setState(null) };
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
  return (
    <Drawer title="Import hours" onClose={importer.close}>
      <div className="import-report">
        <p className="drawer__sub">{state.fileName}</p>
        {state.step === 'reading' && <p className="list-status">Checking every row…</p>}
        {state.step === 'failed' && (
          <p className="notice notice--bad" role="alert">
            {state.error}
          </p>
        )}
        {(state.step === 'checked' || state.step === 'importing' || state.step === 'done') && (
          <ImportReportView report={state.report} done={state.step === 'done'} />
        )}
        <div className="stage-actions">
          {(state.step === 'checked' || state.step === 'importing') && state.report.problemCount === 0 && state.report.ready > 0 && (
            <button
              type="button"
              className="button button--primary"
              disabled={state.step === 'importing'}
              onClick={() => void importer.commit()}
            >
              {state.step === 'importing' ? 'Importing…' : `Import ${plural(state.report.ready, 'entry', 'entries')}`}
            </button>
          )}
          <ImportHoursButton label={state.step === 'done' ? 'Import another file…' : 'Choose another file…'} onFile={onChooseAgain} />
          <button type="button" className="button" onClick={importer.close}>
            Close
          </button>
        </div>
      </div>
    </Drawer>
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
