import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { day, weekdayDay } from '@renderer/components/dates';
import { ListStatus } from '@renderer/components/list';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import { SegmentedControl } from '@renderer/ui/SegmentedControl';
import { Toolbar } from '@renderer/ui/Toolbar';
import type { ReplacementItem } from '@shared/continuity/contract';
import { REPLACEMENT_REASON_LABELS } from '@shared/continuity/rules/replacement';
import { type ReactNode, useEffect, useState } from 'react';
import { ClientFilter } from './ClientFilter';
import { ClockBadge, ClockBar, clockSummary } from './clock';
import { type RequestState, useContinuity } from './continuityStore';

const STATES: { value: RequestState; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Fulfilled or cancelled' },
  { value: 'all', label: 'All' },
];

/** Every replacement request, filtered by state, client and a search. */
export function RequestsView() {
  const { clientId, state, search, setState, setSearch } = useContinuity();
  // The box shows what is typed at once (and keeps it across tabs); the query waits for a pause in the typing.
  const [query, setQuery] = useState(search);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 200);
    return () => clearTimeout(timer);
  }, [search]);
  const list = useProcedure('replacements.list', { state, search: query || undefined, clientId: clientId || undefined });
  return (
    <section aria-label="Replacement requests">
      <Toolbar search={{ value: search, onChange: setSearch, placeholder: 'Search specialist, engagement, client…' }}>
        <ClientFilter />
        <SegmentedControl label="Show" options={STATES} value={state} onChange={setState} />
      </Toolbar>
      <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="request" />
      <RequestTable
        rows={list.data?.rows ?? []}
        empty={
          list.data && (
            <EmptyState title={state === 'open' ? 'No open replacement request' : 'No request matches'}>
              {state === 'open'
                ? 'When a client asks to replace a specialist, record it with New request: the SLA clock starts on the submission date.'
                : 'Clear the search or the client filter, or show all requests.'}
            </EmptyState>
          )
        }
      />
    </section>
  );
}

/** The request table, also used for the report's detail. */
export function RequestTable({
  rows,
  showReason = false,
  label = 'Replacement requests',
  empty,
}: {
  rows: readonly ReplacementItem[];
  showReason?: boolean;
  label?: string;
  empty?: ReactNode;
}) {
  const { route, go } = useNav();
  const open = (id: string) => go({ area: 'replacements', recordId: id });
  return (
    <DataTable
      label={label}
      className="requests"
      columns={requestColumns(open, showReason)}
      rows={rows}
      rowKey={(r) => r.id}
      onOpen={(r) => open(r.id)}
      selectedKey={route.area === 'replacements' ? route.recordId : null}
      rowHeight={showReason ? 80 : 64}
      empty={empty}
    />
  );
}

const requestColumns = (open: (id: string) => void, showReason: boolean): DataColumn<ReplacementItem>[] => [
  {
    id: 'replacing',
    header: 'Replacing',
    title: (r) => `${r.outgoingSpecialistName}\n${REPLACEMENT_REASON_LABELS[r.reason]}`,
    cell: (r) => (
      <>
        <button
          type="button"
          className="link"
          onClick={(e) => {
            e.stopPropagation();
            open(r.id);
          }}
        >
          {r.outgoingSpecialistName}
        </button>
        <div className="cell-sub">{REPLACEMENT_REASON_LABELS[r.reason]}</div>
      </>
    ),
  },
  {
    id: 'client',
    header: 'Client · engagement',
    title: (r) => `${r.clientName}\n${r.engagementName}`,
    cell: (r) => (
      <>
        {r.clientName}
        <div className="cell-sub">{r.engagementName}</div>
      </>
    ),
  },
  {
    id: 'submitted',
    header: 'Submitted (client’s time)',
    width: 170,
    title: (r) => `${day(r.submittedOn)}, ${r.submittedTime} (${r.timeZone})`,
    cell: (r) => (
      <>
        {day(r.submittedOn)}, {r.submittedTime}
        <div className="cell-sub">{r.timeZone}</div>
      </>
    ),
  },
  { id: 'due', header: 'Due', width: 145, cell: (r) => weekdayDay(r.clock.dueDate) },
  { id: 'state', header: 'State', width: 110, wrap: true, cell: (r) => <ClockBadge clock={r.clock} /> },
  {
    id: 'clock',
    header: 'Clock',
    width: 180,
    className: 'requests__clock',
    title: (r) => clockSummary(r.clock, r.status === 'open'),
    cell: (r) => (
      <>
        <div>{clockSummary(r.clock, r.status === 'open')}</div>
        {r.status === 'open' && <ClockBar clock={r.clock} />}
      </>
    ),
  },
  {
    id: 'replacement',
    header: 'Replacement',
    wrap: showReason,
    title: (r) => replacementLine(r),
    cell: (r) => (
      <>
        {r.status === 'fulfilled' ? (
          <>
            {r.replacementSpecialistName}
            <div className="cell-sub">from {day(r.replacementStartDate ?? r.clock.dueDate)}</div>
          </>
        ) : r.status === 'cancelled' ? (
          <span className="muted">Cancelled {r.cancelledOn ? day(r.cancelledOn) : ''}</span>
        ) : (
          <span className="muted">{candidatesLine(r)}</span>
        )}
        {showReason && r.lateReason && <div className="cell-sub cell-sub--wrap">Late: {r.lateReason}</div>}
      </>
    ),
  },
];

function replacementLine(r: ReplacementItem): string {
  if (r.status === 'fulfilled') return `${r.replacementSpecialistName ?? ''} from ${day(r.replacementStartDate ?? r.clock.dueDate)}`;
  if (r.status === 'cancelled') return `Cancelled ${r.cancelledOn ? day(r.cancelledOn) : ''}`;
  return candidatesLine(r);
}

function candidatesLine(r: ReplacementItem): string {
  const accepted = r.candidates.find((c) => c.status === 'accepted');
  if (accepted) return `${accepted.name} accepted`;
  const proposed = r.candidates.filter((c) => c.status === 'proposed').length;
  if (proposed > 0) return `${proposed} candidate${proposed === 1 ? '' : 's'} proposed`;
  return 'No candidate yet';
}
