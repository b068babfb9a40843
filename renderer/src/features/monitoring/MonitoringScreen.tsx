import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { Tabs } from '@renderer/ui/Tabs';
import { AttainmentView } from './AttainmentView';
import { BoardView } from './BoardView';
import { InboxView } from './InboxView';
import { type MonitoringTab, useMonitoring } from './monitoringStore';
import './monitoring.css';

const TABS: { id: MonitoringTab; label: string }[] = [
  { id: 'board', label: 'Board' },
  { id: 'attainment', label: 'Attainment' },
  { id: 'inbox', label: 'Inbox & imports' },
];

/** The run state of every watched model: breaches with their playbook and responder, silent models, attainment, the inbox. */
export function MonitoringScreen() {
  const go = useNav((s) => s.go);
  const { tab, clientId, set } = useMonitoring();
  const info = useProcedure('app.info', {});
  const clients = useProcedure('clients.list', { archived: 'active', sort: 'name', direction: 'asc' });
  return (
    <div className="screen screen--wide monitoring">
      <header className="screen__header">
        <div>
          <h1>Model monitoring</h1>
          <p className="screen__lede">
            Each model’s SLOs over their windows, from the readings the client’s monitoring stack sends — breaches with their playbook and
            who responds, drift, and production models that have gone silent.
          </p>
        </div>
        <div className="screen__actions">
          <div className="mon-client-pick">
            <label htmlFor="mon-client">Client</label>
            <select id="mon-client" value={clientId} onChange={(e) => set({ clientId: e.target.value })}>
              <option value="">{tab === 'attainment' ? 'Choose a client' : 'Every client'}</option>
              {(clients.data?.rows ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer
          what="model monitoring"
          createLabel="Add the first client"
          onCreate={() => go({ area: 'clients', recordId: 'new' })}
        />
      ) : (
        <Tabs label="Monitoring views" tabs={TABS} selected={tab} onSelect={(id) => set({ tab: id })}>
          {tab === 'board' && <BoardView clientId={clientId} />}
          {tab === 'attainment' && <AttainmentView clientId={clientId} />}
          {tab === 'inbox' && <InboxView clientId={clientId} />}
        </Tabs>
      )}
    </div>
  );
}
