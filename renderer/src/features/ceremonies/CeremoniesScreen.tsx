import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { Tabs } from '@renderer/ui/Tabs';
import { ActionsView } from './ActionsView';
import { CalendarView } from './CalendarView';
import { type CeremoniesTab, parseOpen, useCeremonies } from './ceremoniesStore';
import { FreezesView } from './FreezesView';
import { HealthView } from './HealthView';
import { OccurrenceDrawer } from './OccurrenceDrawer';
import { SeriesView } from './SeriesView';
import './ceremonies.css';

const TABS: { id: CeremoniesTab; label: string }[] = [
  { id: 'calendar', label: 'Calendar' },
  { id: 'series', label: 'Series' },
  { id: 'actions', label: 'Action items' },
  { id: 'health', label: 'Rhythm health' },
  { id: 'freezes', label: 'Freezes' },
];

/** The operating rhythm of the engagements: the calendar, the series, action items, rhythm health and freezes. */
export function CeremoniesScreen() {
  const go = useNav((s) => s.go);
  const { tab, clientId, engagementId, open, set } = useCeremonies();
  const info = useProcedure('app.info', {});
  const clients = useProcedure('clients.list', { archived: 'active', sort: 'name', direction: 'asc' });
  const engagements = useProcedure('engagements.list', clientId ? { clientId } : {});
  const opened = parseOpen(open);
  return (
    <div className="screen screen--wide ceremonies">
      <header className="screen__header">
        <div>
          <h1>Ceremonies</h1>
          <p className="screen__lede">
            The operating rhythm each engagement runs on — model reviews, retraining and deployment windows, steering — with what each
            occurrence decided, the action items carried until done, and where the rhythm breaks.
          </p>
        </div>
        <div className="screen__actions cer-filters">
          <div className="cer-pick">
            <label htmlFor="cer-client">Client</label>
            <select id="cer-client" value={clientId} onChange={(e) => set({ clientId: e.target.value, engagementId: '' })}>
              <option value="">Every client</option>
              {(clients.data?.rows ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="cer-pick">
            <label htmlFor="cer-engagement">Engagement</label>
            <select id="cer-engagement" value={engagementId} onChange={(e) => set({ engagementId: e.target.value })}>
              <option value="">Every engagement</option>
              {(engagements.data?.rows ?? []).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer what="ceremonies" createLabel="Add the first client" onCreate={() => go({ area: 'clients', recordId: 'new' })} />
      ) : (
        <Tabs label="Ceremony views" tabs={TABS} selected={tab} onSelect={(id) => set({ tab: id })}>
          {tab === 'calendar' && <CalendarView />}
          {tab === 'series' && <SeriesView />}
          {tab === 'actions' && <ActionsView />}
          {tab === 'health' && <HealthView />}
          {tab === 'freezes' && <FreezesView />}
        </Tabs>
      )}
      {opened && <OccurrenceDrawer key={open} seriesId={opened.seriesId} occurrenceKey={opened.key} />}
    </div>
  );
}
