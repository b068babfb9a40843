import { useProcedure } from '@renderer/api/queries';
import { useNav, whenDiscarded } from '@renderer/app/stores';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { Tabs } from '@renderer/ui/Tabs';
import { BoardView } from './BoardView';
import { type ContinuityView, useContinuity } from './continuityStore';
import { ReplacementDrawer } from './ReplacementDrawer';
import { ReportView } from './ReportView';
import { RequestsView } from './RequestsView';
import { SettingsView } from './SettingsView';
import './continuity.css';

const VIEWS: { id: ContinuityView; label: string }[] = [
  { id: 'board', label: 'Board' },
  { id: 'requests', label: 'Replacement requests' },
  { id: 'report', label: 'SLA report' },
  { id: 'settings', label: 'Settings' },
];

/**
 * Continuity: every promise the provider makes — a replacement within the
 * engagement's SLA, a new role staffed within its target — on one clock.
 */
export function ContinuityScreen() {
  const { route, go } = useNav();
  const { view, setView } = useContinuity();
  const info = useProcedure('app.info', {});
  const open = (recordId: string | null) => go({ area: 'replacements', recordId });
  return (
    <div className="screen screen--wide continuity">
      <header className="screen__header">
        <div>
          <h1>Continuity &amp; SLAs</h1>
          <p className="screen__lede">
            Every replacement request against its SLA and every open role against its fill target, counted in business days of the client’s
            calendar.
          </p>
        </div>
        <button type="button" className="button button--primary" title="Shortcut: N" onClick={() => open('new')}>
          New request
        </button>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer what="replacement requests" createLabel="Record the first replacement request" onCreate={() => open('new')} />
      ) : (
        <Tabs
          label="Continuity views"
          tabs={VIEWS}
          selected={view}
          onSelect={(id) =>
            whenDiscarded(() => {
              setView(id);
              // The open request belongs to the tab it was opened from.
              if (route.recordId) open(null);
            })
          }
        >
          {view === 'board' && <BoardView />}
          {view === 'requests' && <RequestsView />}
          {view === 'report' && <ReportView />}
          {view === 'settings' && <SettingsView />}
        </Tabs>
      )}
      {route.recordId && <ReplacementDrawer key={route.recordId} id={route.recordId} onClose={() => open(null)} />}
    </div>
  );
}
