import './operations.css';
import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { useState } from 'react';
import { IncidentTable } from './IncidentRow';
import { OpenIncidentForm } from './OpenIncidentForm';

/** The model page's Incidents tab: its incidents, open ones first, and opening one (the drawer opens on the operations screen). */
export function ModelIncidentsTab({ model }: { model: ModelDetail }) {
  const list = useProcedure('incidents.list', { modelId: model.id, open: false });
  const go = useNav((s) => s.go);
  const [adding, setAdding] = useState(false);
  const open = (id: string) => go({ area: 'operations', recordId: id });
  const rows = list.data ?? [];
  return (
    <div className="ops-model">
      {adding ? (
        <OpenIncidentForm modelId={model.id} onCancel={() => setAdding(false)} onDone={open} />
      ) : (
        <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
          Open an incident
        </button>
      )}
      {list.error ? (
        <p className="form__error">{list.error.message}</p>
      ) : !list.data ? (
        <p className="list-status">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState title="No incident on this model">An incident opened here gets its responder from the ownership matrix.</EmptyState>
      ) : (
        <IncidentTable incidents={rows} onOpen={open} label={`Incidents of ${model.name}`} />
      )}
    </div>
  );
}
