import { unwrap, useKeel } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { saveBase64File } from '@renderer/components/download';
import { useState } from 'react';

/** The engagement's matrix as of the day shown, as an Excel workbook (RACI letters, colours, legend, findings, load). */
export function OwnershipExportButton({ engagementId, asOf }: { engagementId: string; asOf: string }) {
  const client = useKeel();
  const toast = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button"
      disabled={busy || engagementId === ''}
      title="The matrix as shown (as of its day) with its legend, the findings and each person’s load, as an Excel workbook"
      onClick={async () => {
        setBusy(true);
        try {
          const file = await unwrap(client, 'ownership.export', { engagementId, asOf });
          saveBase64File(file.fileName, file.base64);
          toast({ tone: 'info', message: `Exported ${file.fileName} (${Math.max(1, Math.round(file.bytes / 1024))} KiB).` });
        } catch (error) {
          toast({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? 'Exporting…' : 'Export workbook'}
    </button>
  );
}
