import { unwrap, useKeel } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { saveBase64File } from '@renderer/components/download';
import type { ExportJob } from '@shared/billing/contract/billing';
import type { InputOf } from '@shared/contract';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from './format';

const POLL_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a finance export: starts the job, polls its progress every 300 ms,
 * then downloads the file. The job's state drives a progress bar.
 */
export function useExportJob() {
  const client = useKeel();
  const toast = useToasts((s) => s.show);
  const [job, setJob] = useState<ExportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  async function run(input: InputOf<'finance.exportStart'>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      let current = await unwrap(client, 'finance.exportStart', input);
      setJob(current);
      while (current.state === 'running') {
        await sleep(POLL_MS);
        if (!alive.current) return;
        current = await unwrap(client, 'finance.exportStatus', { jobId: current.id });
        setJob(current);
      }
      if (current.state === 'failed') throw new Error(current.error ?? `The export of ${current.fileName} failed.`);
      const file = await unwrap(client, 'finance.exportDownload', { jobId: current.id });
      saveBase64File(file.fileName, file.base64);
      toast({ tone: 'info', message: `Exported ${file.fileName} (${Math.max(1, Math.round(file.bytes / 1024))} KiB).` });
    } catch (e) {
      if (alive.current) setError(messageOf(e));
    } finally {
      if (alive.current) {
        setBusy(false);
        setJob(null);
      }
    }
  }

  return { job, busy, error, run, clearError: () => setError(null) };
}

/** "Writing rows 1,200 of 5,000" with a progress bar while an export runs; its refusal as a sentence. */
export function ExportProgress({
  job,
  busy,
  error,
  onDismiss,
}: {
  job: ExportJob | null;
  busy: boolean;
  error: string | null;
  onDismiss(): void;
}) {
  if (error) {
    return (
      <p className="notice notice--bad notice--row" role="alert">
        <span>{error}</span>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </p>
    );
  }
  if (!busy) return null;
  const total = job?.rowsTotal ?? 0;
  const written = job?.rowsWritten ?? 0;
  return (
    <div className="export-progress" role="status">
      <span className="export-progress__label">
        {job ? `Exporting ${job.fileName}: ` : 'Starting the export…'}
        {job && total > 0 ? `${written.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows` : job ? 'preparing…' : ''}
      </span>
      <progress max={total || 1} value={total ? written : undefined} aria-label="Export progress" />
    </div>
  );
}
