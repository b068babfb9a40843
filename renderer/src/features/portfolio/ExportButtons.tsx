import { unwrap, useKeel } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { saveBase64File } from '@renderer/components/download';
import type { InputOf } from '@shared/contract';
import { useState } from 'react';

/** Asks the backend for a workbook, saves it, and says what was saved (or why not). */
function useWorkbook() {
  const client = useKeel();
  const toast = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  const run = async (fetch: () => Promise<{ fileName: string; base64: string; bytes: number }>) => {
    setBusy(true);
    try {
      const file = await fetch();
      saveBase64File(file.fileName, file.base64);
      toast({ tone: 'info', message: `Exported ${file.fileName} (${Math.max(1, Math.round(file.bytes / 1024))} KiB).` });
    } catch (error) {
      toast({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run, client };
}

/** The portfolio as the list shows it (search, filters, order) as an Excel workbook. */
export function PortfolioExportButton({ input }: { input: InputOf<'portfolio.export'> }) {
  const { busy, run, client } = useWorkbook();
  return (
    <button
      type="button"
      className="button"
      disabled={busy}
      title="Models, versions, approvals, deployments and stage history of the models listed, as an Excel workbook"
      onClick={() => void run(() => unwrap(client, 'portfolio.export', input))}
    >
      {busy ? 'Exporting…' : 'Export workbook'}
    </button>
  );
}

/** One model's audit pack as an Excel workbook. */
export function AuditPackButton({ modelId }: { modelId: string }) {
  const { busy, run, client } = useWorkbook();
  return (
    <button
      type="button"
      className="button"
      disabled={busy}
      title="The model’s record, versions and approvals, deployment timeline, stage history and audit trail, as an Excel workbook"
      onClick={() => void run(() => unwrap(client, 'models.exportAuditPack', { id: modelId }))}
    >
      {busy ? 'Exporting…' : 'Audit pack (workbook)'}
    </button>
  );
}
