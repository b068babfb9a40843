import { unwrap, useKeel } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { saveBase64File } from '@renderer/components/download';
import { useState } from 'react';
import { periodsFor, planFilterInput, usePlan } from './planStore';

/** Saves the plan as it is on screen (window, scale, filters) as an Excel workbook. */
export function ExportButton() {
  const client = useKeel();
  const plan = usePlan();
  const toast = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await unwrap(client, 'plan.export', {
        from: plan.from,
        scale: plan.scale,
        periods: periodsFor(plan.scale),
        weeks: plan.weeks,
        ...planFilterInput(plan.filters),
      });
      saveBase64File(file.fileName, file.base64);
      toast({ tone: 'info', message: `Exported ${file.fileName} (${Math.round(file.bytes / 1024)} KiB).` });
    } catch (error) {
      toast({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button" disabled={busy} onClick={() => void run()}>
      {busy ? 'Exporting…' : 'Export to Excel'}
    </button>
  );
}
