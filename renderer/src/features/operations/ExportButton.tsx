import { useCommand } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { saveBase64File } from '@renderer/components/download';
import { useState } from 'react';

/** The client's month of operations as a workbook: the retraining log and the incidents with their times. */
export function ExportButton({ clientId }: { clientId: string }) {
  const today = useToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const exportBook = useCommand('operations.export');
  const toast = useToasts((s) => s.show);
  return (
    <form
      className="ops-export"
      onSubmit={(e) => {
        e.preventDefault();
        exportBook
          .mutateAsync({ clientId, month })
          .then((f) => saveBase64File(f.fileName, f.base64))
          .catch((error: Error) => toast({ tone: 'error', message: error.message }));
      }}
    >
      <label htmlFor="ops-export-month">Month</label>
      <input id="ops-export-month" type="month" value={month} max={today.slice(0, 7)} onChange={(e) => setMonth(e.target.value)} />
      <button type="submit" className="button button--secondary" disabled={exportBook.isPending}>
        Export the month (.xlsx)
      </button>
    </form>
  );
}
