import { useCommand, useProcedure } from '@renderer/api/queries';
import { useRun } from '@renderer/components/useRun';
import { EmptyState } from '@renderer/ui/EmptyState';
import { NumberField } from '@renderer/ui/fields';
import { useState } from 'react';
import { IncidentTable } from './IncidentRow';
import { OpenIncidentForm } from './OpenIncidentForm';
import { useOperations } from './operationsStore';

/** Every incident of a client (or all), open ones first; opening one; the review setting. */
export function IncidentsView() {
  const { clientId, openOnly, set } = useOperations();
  const list = useProcedure('incidents.list', { ...(clientId ? { clientId } : {}), open: openOnly });
  const [adding, setAdding] = useState(false);
  const rows = list.data ?? [];
  return (
    <div className="ops-list">
      <div className="ops-list__bar">
        <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
          Open an incident
        </button>
        <label className="ops-check">
          <input type="checkbox" checked={!openOnly} onChange={(e) => set({ openOnly: !e.target.checked })} /> Show resolved incidents too
        </label>
      </div>
      {adding && (
        <OpenIncidentForm
          onCancel={() => setAdding(false)}
          onDone={(id) => {
            setAdding(false);
            set({ open: id });
          }}
        />
      )}
      {list.error ? (
        <p className="form__error">{list.error.message}</p>
      ) : !list.data ? (
        <p className="list-status">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState title={openOnly ? 'No open incident' : 'No incident'}>
          An incident opened here or on a model’s Incidents tab gets its responder from the ownership matrix.
        </EmptyState>
      ) : (
        <IncidentTable incidents={rows} onOpen={(id) => set({ open: id })} label="Incidents" showClient={!clientId} />
      )}
      <ReviewSetting />
    </div>
  );
}

function ReviewSetting() {
  const settings = useProcedure('operations.settings', {});
  const update = useCommand('operations.updateSettings');
  const [days, setDays] = useState<number | null>(null);
  const { error, run } = useRun();
  const value = days ?? settings.data?.reviewBusinessDays ?? null;
  return (
    <form
      className="form form--inline ops-setting"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (value !== null) run(update.mutateAsync({ reviewBusinessDays: value }), 'Saved.', () => setDays(null));
      }}
    >
      <NumberField
        id="ops-review-days"
        label="Post-incident review due within"
        unit="business days"
        nullable
        value={value}
        onChange={setDays}
        error={error ?? undefined}
      />
      <button type="submit" className="button button--secondary" disabled={update.isPending}>
        Save
      </button>
    </form>
  );
}
