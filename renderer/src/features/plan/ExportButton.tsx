import { useState } from 'react';
import { unwrap, useKeel } from '../../api/queries';
import { useToasts } from '../../app/stores';
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
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
