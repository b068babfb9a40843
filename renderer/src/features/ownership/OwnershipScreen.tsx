import { useProcedure } from '@renderer/api/queries';
import { useNav, whenDiscarded } from '@renderer/app/stores';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { Tabs } from '@renderer/ui/Tabs';
import { useEffect } from 'react';
import { AssetDrawer, AssetsView } from './AssetsView';
import { DutiesView } from './DutiesView';
import { FindingsView } from './FindingsView';
import { MatrixView } from './MatrixView';
import { type OwnershipTab, useOwnership } from './ownershipStore';
import { PeopleView } from './PeopleView';
import { useEngagements } from './people';
import { RiskView } from './RiskView';
import './ownership.css';

const TABS: { id: OwnershipTab; label: string }[] = [
  { id: 'matrix', label: 'Matrix' },
  { id: 'findings', label: 'Findings' },
  { id: 'people', label: 'People' },
  { id: 'risk', label: 'Continuity risk' },
  { id: 'assets', label: 'Assets' },
  { id: 'duties', label: 'Duties & settings' },
];

/**
 * The ownership matrix: for every model and the assets around it, who is accountable for each lifecycle
 * duty on any day, and what is missing or about to fail.
 */
export function OwnershipScreen() {
  const { route, go } = useNav();
  const tab = useOwnership((s) => s.tab);
  const set = useOwnership((s) => s.set);
  const info = useProcedure('app.info', {});
  const engagements = useEngagements();
  const recordId = route.recordId;
  // An audit row filed under an engagement (a duty, an assignment) opens that engagement's matrix.
  const engagementRecord = recordId ? engagements.rows.find((e) => e.id === recordId) : undefined;
  useEffect(() => {
    if (!engagementRecord) return;
    set({ tab: 'matrix', engagementId: engagementRecord.id, cell: '', person: '', rowType: '' });
    go({ area: 'ownership', recordId: null });
  }, [engagementRecord, set, go]);
  const assetRecord = recordId && !engagements.loading && !engagementRecord ? recordId : null;

  return (
    <div className="screen screen--wide ownership">
      <header className="screen__header">
        <div>
          <h1>Ownership matrix</h1>
          <p className="screen__lede">
            A named Accountable for every lifecycle duty of every model and the assets around it — as of any day — so that when a model
            fails, nobody debates who responds.
          </p>
        </div>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer
          what="an ownership matrix"
          createLabel="Add the first asset"
          onCreate={() => go({ area: 'ownership', recordId: 'new' })}
        />
      ) : (
        <Tabs
          label="Ownership views"
          tabs={TABS}
          selected={tab}
          onSelect={(id) =>
            whenDiscarded(() => {
              set({ tab: id });
              if (recordId) go({ area: 'ownership', recordId: null });
            })
          }
        >
          {tab === 'matrix' && <MatrixView />}
          {tab === 'findings' && <FindingsView />}
          {tab === 'people' && <PeopleView />}
          {tab === 'risk' && <RiskView />}
          {tab === 'assets' && <AssetsView />}
          {tab === 'duties' && <DutiesView />}
        </Tabs>
      )}
      {assetRecord && <AssetDrawer key={assetRecord} recordId={assetRecord} onClose={() => go({ area: 'ownership', recordId: null })} />}
    </div>
  );
}
