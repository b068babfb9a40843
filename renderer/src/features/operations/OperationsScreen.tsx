import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { Tabs } from '@renderer/ui/Tabs';
import { useEffect } from 'react';
import { CostView } from './CostView';
import { ExportButton } from './ExportButton';
import { IncidentDrawer } from './IncidentDrawer';
import { IncidentsView } from './IncidentsView';
import { OverviewView } from './OverviewView';
import { type OperationsTab, useOperations } from './operationsStore';
import { RetrainingView } from './RetrainingView';
import './operations.css';

const TABS: { id: OperationsTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'incidents', label: 'Incidents' },
  { id: 'retraining', label: 'Retraining due' },
  { id: 'cost', label: 'Run cost' },
];

/** Acting on what monitoring sees, per client: retraining due and overdue, incidents with their responder and clock. */
export function OperationsScreen() {
  const go = useNav((s) => s.go);
  const recordId = useNav((s) => s.route.recordId);
  const { tab, clientId, open, set } = useOperations();
  const info = useProcedure('app.info', {});
  const clients = useProcedure('clients.list', { archived: 'active', sort: 'name', direction: 'asc' });
  // An incident linked from the audit log opens in the drawer.
  useEffect(() => {
    if (recordId && recordId !== 'new') set({ tab: 'incidents', open: recordId });
  }, [recordId, set]);
  return (
    <div className="screen screen--wide operations">
      <header className="screen__header">
        <div>
          <h1>Retraining, incidents & run cost</h1>
          <p className="screen__lede">
            What monitoring saw and what the team did about it: models due for retraining and why, incidents with the responder the
            ownership matrix names, their clock, rollbacks and post-incident reviews; what each model costs to run, against its budget.
          </p>
        </div>
        <div className="screen__actions ops-filters">
          <div className="ops-pick">
            <label htmlFor="ops-client">Client</label>
            <select id="ops-client" value={clientId} onChange={(e) => set({ clientId: e.target.value })}>
              <option value="">Every client</option>
              {(clients.data?.rows ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          {clientId && <ExportButton clientId={clientId} />}
        </div>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer
          what="incidents or retraining"
          createLabel="Add the first client"
          onCreate={() => go({ area: 'clients', recordId: 'new' })}
        />
      ) : (
        <Tabs label="Operations views" tabs={TABS} selected={tab} onSelect={(id) => set({ tab: id })}>
          {tab === 'overview' && <OverviewView />}
          {tab === 'incidents' && <IncidentsView />}
          {tab === 'retraining' && <RetrainingView />}
          {tab === 'cost' && <CostView />}
        </Tabs>
      )}
      {open && <IncidentDrawer key={open} id={open} onClose={() => set({ open: '' })} />}
    </div>
  );
}
