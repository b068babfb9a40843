import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { FilterSelect } from '@renderer/components/list';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { DateInput } from '@renderer/ui/fields';
import { SegmentedControl } from '@renderer/ui/SegmentedControl';
import { Tabs } from '@renderer/ui/Tabs';
import type { ReferenceData } from '@shared/kernel/reference';
import { addMonths, addWeeks, format, parseISO } from 'date-fns';
import { AllocationDrawer } from './AllocationDrawer';
import { AllocationsList } from './AllocationsList';
import { ExportButton } from './ExportButton';
import { ForecastView } from './ForecastView';
import { type PlanView, periodsFor, planFilterInput, thisMonday, usePlan } from './planStore';
import { RollOffView } from './RollOffView';
import { clientColour, TimelineGrid } from './TimelineGrid';

const VIEWS: { id: PlanView; label: string }[] = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'rollOff', label: 'Roll-off radar' },
  { id: 'forecast', label: 'Capacity forecast' },
  { id: 'allocations', label: 'All allocations' },
];

export function PlanScreen({ reference }: { reference: ReferenceData }) {
  const plan = usePlan();
  const { route, go } = useNav();
  const info = useProcedure('app.info', {});
  return (
    <div className="screen screen--wide">
      <header className="screen__header">
        <div>
          <h1>Allocation plan</h1>
          <p className="screen__lede">Who works where and when, who rolls off soon, and whether the team can carry the demand.</p>
        </div>
        <div className="screen__actions">
          <ExportButton />
          <button
            type="button"
            className="button button--primary"
            title="Shortcut: N"
            onClick={() => go({ area: 'allocations', recordId: 'new' })}
          >
            New allocation
          </button>
        </div>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer
          what="allocations"
          createLabel="Create the first allocation"
          onCreate={() => go({ area: 'allocations', recordId: 'new' })}
        />
      ) : (
        <Tabs label="Plan views" tabs={VIEWS} selected={plan.view} onSelect={plan.setView}>
          {plan.view === 'timeline' && <TimelineView reference={reference} />}
          {plan.view === 'rollOff' && <RollOffView />}
          {plan.view === 'forecast' && <ForecastView />}
          {plan.view === 'allocations' && <AllocationsList />}
        </Tabs>
      )}
      {route.recordId && <AllocationDrawer id={route.recordId} onClose={() => go({ area: 'allocations', recordId: null })} />}
    </div>
  );
}

function TimelineView({ reference }: { reference: ReferenceData }) {
  const plan = usePlan();
  const periods = periodsFor(plan.scale);
  const timeline = useProcedure('plan.timeline', { from: plan.from, scale: plan.scale, periods, ...planFilterInput(plan.filters) });
  const clients = useProcedure('clients.list', { archived: 'active', sort: 'name', direction: 'asc' });
  const engagements = useProcedure('engagements.list', { archived: 'active', sort: 'clientName', direction: 'asc' });
  const shift = (direction: 1 | -1) => {
    const from = parseISO(plan.from);
    const moved = plan.scale === 'week' ? addWeeks(from, (direction * periods) / 2) : addMonths(from, (direction * periods) / 2);
    plan.setFrom(format(moved, 'yyyy-MM-dd'));
  };
  const filtered = Object.values(plan.filters).some(Boolean);
  return (
    <>
      <div className="toolbar">
        <SegmentedControl
          label="Scale"
          options={[
            { value: 'week', label: '26 weeks' },
            { value: 'month', label: '24 months' },
          ]}
          value={plan.scale}
          onChange={plan.setScale}
        />
        <button type="button" className="button button--small" onClick={() => shift(-1)} aria-label="Earlier">
          ◀ Earlier
        </button>
        <DateInput className="toolbar__date" label="From" value={plan.from} onChange={plan.setFrom} />
        <button type="button" className="button button--small" onClick={() => plan.setFrom(thisMonday())}>
          Today
        </button>
        <button type="button" className="button button--small" onClick={() => shift(1)} aria-label="Later">
          Later ▶
        </button>
      </div>
      <div className="toolbar">
        <FilterSelect
          label="Clients"
          value={plan.filters.clientId}
          options={(clients.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => plan.setFilter('clientId', v)}
        />
        <FilterSelect
          label="Engagements"
          value={plan.filters.engagementId}
          options={(engagements.data?.rows ?? [])
            .filter((e) => !plan.filters.clientId || e.clientId === plan.filters.clientId)
            .map((e) => ({ value: e.id, label: e.name }))}
          onChange={(v) => plan.setFilter('engagementId', v)}
        />
        <FilterSelect label="Roles" value={plan.filters.role} options={reference.roles} onChange={(v) => plan.setFilter('role', v)} />
        <FilterSelect
          label="Regions"
          value={plan.filters.sourcingRegion}
          options={reference.sourcingRegions}
          onChange={(v) => plan.setFilter('sourcingRegion', v)}
        />
        <input
          className="toolbar__filter toolbar__skill"
          type="search"
          aria-label="Skill"
          placeholder="Skill"
          value={plan.filters.skill}
          onChange={(e) => plan.setFilter('skill', e.target.value)}
        />
        <FilterSelect
          label="Statuses"
          value={plan.filters.status}
          options={[
            { value: 'confirmed', label: 'Confirmed' },
            { value: 'tentative', label: 'Tentative' },
          ]}
          onChange={(v) => plan.setFilter('status', v)}
        />
        {filtered && (
          <button type="button" className="button button--small button--ghost" onClick={plan.clearFilters}>
            Clear filters
          </button>
        )}
      </div>
      {timeline.error && <p className="list-status list-status--error">{timeline.error.message}</p>}
      {timeline.data && (
        <>
          <div className="legend">
            {timeline.data.clients.map((c, i) => (
              <span key={c.id} className="legend__item">
                <span className="legend__swatch" style={{ background: clientColour(i) }} />
                {c.name}
              </span>
            ))}
            <span className="legend__item">
              <span className="legend__swatch legend__swatch--tentative" />
              Tentative
            </span>
            <span className="legend__item">
              <span className="legend__swatch legend__swatch--request" />
              Open role
            </span>
            <span className="legend__item">
              <span className="legend__swatch legend__swatch--absence" />
              Absence
            </span>
            <span className="legend__item">
              <span className="legend__swatch legend__swatch--util" />
              Shade: share booked
            </span>
          </div>
          {timeline.data.rows.length === 0 && timeline.data.placeholders.length === 0 ? (
            <p className="list-empty">No one matches these filters in this window. Clear the filters or move the window.</p>
          ) : (
            <TimelineGrid timeline={timeline.data} height="calc(100vh - 300px)" />
          )}
        </>
      )}
    </>
  );
}
