import { readBase64 } from '@renderer/api/client';
import { CallError, useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { Drawer } from '@renderer/ui/Drawer';
import { SelectField } from '@renderer/ui/fields';
import type { InventoryImportResult } from '@shared/portfolio/contract/inventory';
import { useRef, useState } from 'react';

type Step =
  | { step: 'idle' }
  | { step: 'working'; fileName: string; what: 'checking' | 'importing' }
  | { step: 'checked'; fileName: string; base64: string; result: InventoryImportResult }
  | { step: 'refused'; fileName: string; message: string; problems: string[] }
  | { step: 'done'; fileName: string; result: InventoryImportResult };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** What an import did, or would do, in one sentence per kind of record. */
function summary(r: InventoryImportResult, done: boolean): string[] {
  const will = (n: number, verb: string) => (done ? `${plural(n, 'model')} ${verb}` : `${plural(n, 'model')} to ${verb}`);
  return [
    `${will(r.modelsCreated, done ? 'registered' : 'register')}, ${will(r.modelsUpdated, done ? 'updated' : 'update')}, ${plural(r.modelsUnchanged, 'model')} already as in the file.`,
    `${plural(r.versionsCreated, 'version')} ${done ? 'added' : 'to add'}, ${plural(r.versionsUnchanged, 'version')} already there.`,
  ];
}

/**
 * "Import inventory…": a client's existing models (and versions) from CSV or
 * Excel. Choosing a file checks it whole and says what an import would do, or
 * lists every problem by row and column; only then can it be imported.
 */
export function ImportInventoryDrawer({ initialClientId, onClose }: { initialClientId: string; onClose(): void }) {
  const clients = useProcedure('clients.list', { archived: 'active', sort: 'name', direction: 'asc' });
  const [clientId, setClientId] = useState(initialClientId);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const run = useCommand('models.importInventory');
  const toast = useToasts((s) => s.show);
  const input = useRef<HTMLInputElement>(null);
  const clientName = clients.data?.rows.find((c) => c.id === clientId)?.name ?? '';

  async function send(fileName: string, base64: string, checkOnly: boolean) {
    setState({ step: 'working', fileName, what: checkOnly ? 'checking' : 'importing' });
    try {
      const result = await run.mutateAsync({ clientId, fileName, base64, checkOnly });
      if (checkOnly) setState({ step: 'checked', fileName, base64, result });
      else {
        setState({ step: 'done', fileName, result });
        toast({ tone: 'info', message: `Imported ${fileName} into ${clientName}’s portfolio.` });
      }
    } catch (e) {
      const error = e instanceof CallError ? e.error : { message: e instanceof Error ? e.message : String(e), issues: [] };
      setState({ step: 'refused', fileName, message: error.message, problems: (error.issues ?? []).map((i) => i.message) });
    }
  }

  async function choose(file: File) {
    let base64: string;
    try {
      base64 = await readBase64(file);
    } catch {
      setState({ step: 'refused', fileName: file.name, message: `Keel could not read ${file.name}. Choose the file again.`, problems: [] });
      return;
    }
    await send(file.name, base64, true);
  }

  const working = state.step === 'working';
  return (
    <Drawer title="Import an inventory" onClose={onClose}>
      <div className="inventory-import">
        <p className="muted">
          A CSV file, or an Excel workbook with a <strong>Models</strong> sheet and, if you like, a <strong>Versions</strong> sheet.
          Columns: Name, Risk tier, EU AI Act category, Kind and Serving are required; Engagement, Use case, Business owner, Stage, In
          service since, Tags, Data sources, links and Notes are optional. Versions: Model, Version, Built by, Registered on, Training data,
          Evaluations (“AUC = 0.81 on holdout; …”). Models already in the portfolio are matched by name.
        </p>
        <SelectField
          id="inventory-client"
          label="Client"
          value={clientId}
          placeholder="Choose the client"
          options={(clients.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => {
            setClientId(v);
            setState({ step: 'idle' });
          }}
          disabled={working}
        />
        <div className="stage-actions">
          <button type="button" className="button" disabled={!clientId || working} onClick={() => input.current?.click()}>
            {state.step === 'idle' ? 'Choose a file…' : 'Choose another file…'}
          </button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv"
            aria-label="Inventory file"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ''; // choosing the same file again must run again
              if (file) void choose(file);
            }}
          />
        </div>
        {state.step !== 'idle' && <p className="drawer__sub">{state.fileName}</p>}
        {working && (
          <p role="status" className="muted">
            {state.what === 'checking' ? 'Checking the whole file…' : 'Importing…'}
          </p>
        )}
        {state.step === 'refused' && (
          <div role="alert" className="inventory-import__refused">
            <p className="list-status list-status--error">{state.message}</p>
            {state.problems.length > 0 && (
              <ul className="inventory-import__problems" aria-label="Problems in the file">
                {state.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {(state.step === 'checked' || state.step === 'done') && (
          <div role="status">
            <p>{state.step === 'checked' ? `The file is ready for ${clientName}:` : `Imported into ${clientName}’s portfolio:`}</p>
            <ul className="related">
              {summary(state.result, state.step === 'done').map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="stage-actions">
          {state.step === 'checked' && state.result.modelsCreated + state.result.modelsUpdated + state.result.versionsCreated > 0 && (
            <button type="button" className="button button--primary" onClick={() => void send(state.fileName, state.base64, false)}>
              Import
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {state.step === 'done' ? 'Done' : 'Cancel'}
          </button>
        </div>
      </div>
    </Drawer>
  );
}
