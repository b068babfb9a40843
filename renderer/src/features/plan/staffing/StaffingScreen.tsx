import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNav, useToasts } from '@renderer/app/stores';
import { businessDays, day } from '@renderer/components/dates';
import { ListStatus } from '@renderer/components/list';
import { RecordHistory } from '@renderer/components/RecordHistory';
import { RecordDrawer } from '@renderer/components/records';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { Badge, type StatusTone } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import { SegmentedControl } from '@renderer/ui/SegmentedControl';
import { Toolbar } from '@renderer/ui/Toolbar';
import { ROLE_LABELS, SENIORITY_LABELS } from '@shared/clients/rules/reference';
import { SOURCING_REGION_LABELS } from '@shared/clients/rules/sourcingRegion';
import type { ReferenceData } from '@shared/kernel/reference';
import type { StaffingRequestItem } from '@shared/plan/contract/staffing';
import { isOpenStage, OPEN_STAGES, STAFFING_STAGE_LABELS, type StaffingStage } from '@shared/plan/rules/staffing';
import { useState } from 'react';
import { DeclineForm, FillForm } from './StaffingActions';
import { emptyStaffing, StaffingForm, staffingValues } from './StaffingForm';
import { useStaffingList } from './staffingStore';

export const STAGE_TONE: Record<StaffingStage, StatusTone> = {
  defined: 'neutral',
  sourcing: 'info',
  candidates_presented: 'info',
  filled: 'ok',
  declined: 'neutral',
};

/** Time to fill on the continuity clock: business days in the client's calendar, against the target. */
export function ClockBadge({ request }: { request: StaffingRequestItem }) {
  const { clock } = request;
  if (request.stage === 'filled') {
    return (
      <Badge
        tone={clock.filledLate ? 'attention' : 'ok'}
      >{`Filled in ${businessDays(clock.daysOpen)}${clock.filledLate ? ' (late)' : ''}`}</Badge>
    );
  }
  if (request.stage === 'declined') return <Badge tone="neutral">{`Declined after ${businessDays(clock.daysOpen)}`}</Badge>;
  // Past the target date (which may be a Friday, so no business day late yet on the weekend).
  if (clock.overdue) return <Badge tone="critical">{`Overdue · target was ${day(clock.targetDate)}`}</Badge>;
  const used = `${clock.daysOpen} of ${clock.allowance} business days used`;
  return clock.state === 'at_risk' ? <Badge tone="attention">{`At risk · ${used}`}</Badge> : <Badge tone="info">{used}</Badge>;
}

const staffingColumns = (open: (r: StaffingRequestItem) => void): DataColumn<StaffingRequestItem>[] => [
  {
    id: 'role',
    header: 'Role',
    sortable: true,
    sortValue: (r) => r.title,
    title: (r) => `${r.title}\n${SENIORITY_LABELS[r.seniority]} ${ROLE_LABELS[r.role]} · ${r.requiredSkills.join(', ')}`,
    cell: (r) => (
      <>
        <button type="button" className="link" onClick={() => open(r)}>
          {r.title}
        </button>
        <div className="muted">
          {SENIORITY_LABELS[r.seniority]} {ROLE_LABELS[r.role]} · {r.requiredSkills.join(', ')}
        </div>
      </>
    ),
  },
  {
    id: 'engagement',
    header: 'Client — engagement',
    sortable: true,
    sortValue: (r) => `${r.clientName} — ${r.engagementName}`,
    cell: (r) => `${r.clientName} — ${r.engagementName}`,
  },
  { id: 'start', header: 'Start', width: 120, sortable: true, sortValue: (r) => r.startDate, cell: (r) => day(r.startDate) },
  {
    id: 'stage',
    header: 'Stage',
    width: 170,
    title: (r) => STAFFING_STAGE_LABELS[r.stage],
    cell: (r) => <Badge tone={STAGE_TONE[r.stage]}>{STAFFING_STAGE_LABELS[r.stage]}</Badge>,
  },
  { id: 'clock', header: 'Time to fill', width: 270, wrap: true, cell: (r) => <ClockBadge request={r} /> },
];

export function StaffingScreen({ reference }: { reference: ReferenceData }) {
  const { route, go } = useNav();
  const { state, setState, search, setSearch } = useStaffingList();
  const list = useProcedure('staffing.list', { state, search: search || undefined });
  const info = useProcedure('app.info', {});
  const open = (recordId: string | null) => go({ area: 'staffing', recordId });
  return (
    <div className="screen">
      <header className="screen__header">
        <div>
          <h1>Staffing requests</h1>
          <p className="screen__lede">
            Open roles, defined in technical detail before the search starts; the target is 3–4 weeks to fill, counted in business days of
            the client’s calendar.
          </p>
        </div>
        <button type="button" className="button button--primary" title="Shortcut: N" onClick={() => open('new')}>
          New request
        </button>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer what="staffing requests" createLabel="Create the first staffing request" onCreate={() => open('new')} />
      ) : (
        <>
          <Toolbar search={{ value: search, onChange: setSearch, placeholder: 'Search title, skill, engagement or client' }}>
            <SegmentedControl
              label="Show"
              options={[
                { value: 'open', label: 'Open' },
                { value: 'closed', label: 'Filled or declined' },
                { value: 'all', label: 'All' },
              ]}
              value={state}
              onChange={setState}
            />
          </Toolbar>
          <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="request" />
          <DataTable
            label="Staffing requests"
            columns={staffingColumns((r) => open(r.id))}
            rows={list.data?.rows ?? []}
            rowKey={(r) => r.id}
            onOpen={(r) => open(r.id)}
            selectedKey={route.recordId}
            rowHeight={58}
            empty={list.data && <EmptyState title="No request here">Open roles appear here until they are filled or declined.</EmptyState>}
          />
        </>
      )}
      {route.recordId && <StaffingDrawer id={route.recordId} reference={reference} onClose={() => open(null)} />}
    </div>
  );
}

function StaffingDrawer({ id, reference, onClose }: { id: string; reference: ReferenceData; onClose(): void }) {
  const isNew = id === 'new';
  const request = useProcedure('staffing.get', { id }, !isNew);
  const engagements = useProcedure('engagements.list', { archived: 'all', sort: 'clientName', direction: 'asc' });
  const create = useCommand('staffing.create');
  const update = useCommand('staffing.update');
  const setStage = useCommand('staffing.setStage');
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);
  const [action, setAction] = useState<'fill' | 'decline' | null>(null);

  if (!engagements.data) {
    return (
      <Drawer title={isNew ? 'New staffing request' : 'Staffing request'} onClose={onClose}>
        <p>Loading…</p>
      </Drawer>
    );
  }
  if (isNew) {
    return (
      <Drawer title="New staffing request" onClose={onClose}>
        <StaffingForm
          key="new"
          initial={emptyStaffing}
          reference={reference}
          engagements={engagements.data.rows}
          submitLabel="Create request"
          onCancel={onClose}
          onSave={async (values) => {
            const created = await create.mutateAsync(values);
            toast({ tone: 'info', message: `Opened ${created.title}.` });
            go({ area: 'staffing', recordId: created.id });
          }}
        />
      </Drawer>
    );
  }
  return (
    <RecordDrawer noun="Staffing request" query={request} onClose={onClose}>
      {(r) => ({
        title: r.title,
        body: (
          <>
            <p className="drawer__sub">
              {r.clientName} — {r.engagementName} · <Badge tone={STAGE_TONE[r.stage]}>{STAFFING_STAGE_LABELS[r.stage]}</Badge>{' '}
              <ClockBadge request={r} />
            </p>
            <p className="muted">
              Opened {day(r.openedOn)} · target {day(r.clock.targetDate)} ({businessDays(r.clock.allowance)})
              {r.regionPreferences.length > 0 && ` · prefers ${r.regionPreferences.map((g) => SOURCING_REGION_LABELS[g]).join(', ')}`}
            </p>
            {r.stage === 'filled' && r.allocation && (
              <div className="notice notice--row notice--good">
                <span>
                  Filled on {day(r.filledOn ?? r.openedOn)} by {r.allocation.specialistName}, {day(r.allocation.startDate)} to{' '}
                  {day(r.allocation.endDate)} at {r.allocation.loadPercent}%.
                </span>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => go({ area: 'allocations', recordId: r.allocation?.id ?? null })}
                >
                  Open allocation
                </button>
              </div>
            )}
            {r.stage === 'declined' && (
              <div className="notice">
                Declined on {day(r.declinedOn ?? r.openedOn)}: {r.declineReason}
              </div>
            )}
            {isOpenStage(r.stage) && action === null && (
              <div className="stage-actions">
                {OPEN_STAGES.filter((s) => s !== r.stage).map((s) => (
                  <button
                    key={s}
                    type="button"
                    className="button button--small"
                    disabled={setStage.isPending}
                    onClick={() =>
                      setStage.mutate(
                        { id: r.id, stage: s },
                        {
                          onError: (e) => toast({ tone: 'error', message: e.message }),
                          onSuccess: () => toast({ tone: 'info', message: `${r.title}: ${STAFFING_STAGE_LABELS[s].toLowerCase()}.` }),
                        },
                      )
                    }
                  >
                    Move to {STAFFING_STAGE_LABELS[s].toLowerCase()}
                  </button>
                ))}
                <button type="button" className="button button--small button--primary" onClick={() => setAction('fill')}>
                  Fill…
                </button>
                <button type="button" className="button button--small" onClick={() => setAction('decline')}>
                  Decline…
                </button>
              </div>
            )}
            {action === 'fill' && <FillForm request={r} onDone={() => setAction(null)} />}
            {action === 'decline' && <DeclineForm request={r} onDone={() => setAction(null)} />}
            {isOpenStage(r.stage) && action === null && (
              <StaffingForm
                key={`${r.id}:${r.updatedAt}`}
                initial={staffingValues(r)}
                reference={reference}
                engagements={engagements.data.rows}
                submitLabel="Save changes"
                onCancel={onClose}
                onSave={async (values) => {
                  await update.mutateAsync({
                    ...values,
                    openedOn: values.openedOn ?? r.openedOn,
                    id: r.id,
                    expectedUpdatedAt: r.updatedAt,
                  });
                  toast({ tone: 'info', message: `Saved ${values.title}.` });
                }}
              />
            )}
            <RecordHistory entityId={r.id} />
          </>
        ),
      })}
    </RecordDrawer>
  );
}
