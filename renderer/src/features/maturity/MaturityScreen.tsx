import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { Tabs } from '@renderer/ui/Tabs';
import { useEffect, useState } from 'react';
import { AssessmentPage } from './AssessmentPage';
import { AssessmentsView } from './AssessmentsView';
import { ClientsView } from './ClientsView';
import { type MaturityTab, useMaturity } from './maturityStore';
import { OverviewView } from './OverviewView';
import { ReadinessView } from './ReadinessView';
import './maturity.css';

const TABS: { id: MaturityTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'assessments', label: 'Assessments' },
  { id: 'readiness', label: 'Readiness' },
  { id: 'clients', label: 'All clients' },
];

/**
 * MLOps maturity per client: where it stands per dimension and why, whether it is improving, what it takes to
 * reach the next level — and where the answers disagree with what the portfolio and the ownership matrix show.
 */
export function MaturityScreen() {
  const { route, go } = useNav();
  const { tab, clientId, set } = useMaturity();
  const info = useProcedure('app.info', {});
  const clients = useProcedure('clients.list', { archived: 'active', sort: 'name', direction: 'asc' });
  const recordId = route.recordId;
  const opened = useProcedure('assessments.get', { id: recordId ?? '' }, Boolean(recordId) && recordId !== 'new');
  const [creating, setCreating] = useState(recordId === 'new');

  // An opened assessment (from the list, the audit log or an address) brings its client along.
  const openedClient = opened.data?.assessment.clientId;
  useEffect(() => {
    if (openedClient && openedClient !== clientId) set({ clientId: openedClient });
  }, [openedClient, clientId, set]);
  // With no client chosen yet, the first one.
  const firstClient = clients.data?.rows[0]?.id;
  useEffect(() => {
    if (!clientId && firstClient) set({ clientId: firstClient });
  }, [clientId, firstClient, set]);
  useEffect(() => {
    if (recordId === 'new') {
      set({ tab: 'assessments' });
      setCreating(true);
      go({ area: 'maturity', recordId: null });
    }
  }, [recordId, set, go]);

  const showing = recordId && recordId !== 'new' ? recordId : null;
  return (
    <div className="screen screen--wide maturity">
      <header className="screen__header">
        <div>
          <h1>Maturity assessments</h1>
          <p className="screen__lede">
            Where each client stands on the Microsoft and Google MLOps levels, the evidence behind it, the trend and the gap to its targets
            — checked against what Keel sees in the portfolio and the ownership matrix.
          </p>
        </div>
        <div className="screen__actions">
          <div className="mat-client-pick">
            <label htmlFor="mat-client">Client</label>
            <select
              id="mat-client"
              value={clientId}
              onChange={(e) => {
                set({ clientId: e.target.value });
                if (showing) go({ area: 'maturity', recordId: null });
              }}
            >
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
          what="maturity assessments"
          createLabel="Add the first client"
          onCreate={() => go({ area: 'clients', recordId: 'new' })}
        />
      ) : showing ? (
        <AssessmentPage id={showing} />
      ) : (
        <Tabs label="Maturity views" tabs={TABS} selected={tab} onSelect={(id) => set({ tab: id })}>
          {!clientId && tab !== 'clients' ? (
            <p className="muted">Add a client first.</p>
          ) : (
            <>
              {tab === 'overview' && (
                <OverviewView
                  clientId={clientId}
                  onStart={() => {
                    set({ tab: 'assessments' });
                    setCreating(true);
                  }}
                />
              )}
              {tab === 'assessments' && <AssessmentsView clientId={clientId} creating={creating} onCreating={setCreating} />}
              {tab === 'readiness' && <ReadinessView clientId={clientId} />}
              {tab === 'clients' && <ClientsView onOpen={(id) => set({ clientId: id, tab: 'overview' })} />}
            </>
          )}
        </Tabs>
      )}
    </div>
  );
}
