import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { day, weekdayDay } from '@renderer/components/dates';
import { ListStatus } from '@renderer/components/list';
import { SegmentedControl } from '@renderer/ui/SegmentedControl';
import type { ReplacementItem } from '@shared/continuity/contract';
import { REPLACEMENT_REASON_LABELS } from '@shared/continuity/rules/replacement';
import { useEffect, useState } from 'react';
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
      <div className="toolbar">
        <input
          className="toolbar__search"
          type="search"
          aria-label="Search"
          title="Shortcut: /"
          placeholder="Search specialist, engagement, client…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <ClientFilter />
        <SegmentedControl label="Show" options={STATES} value={state} onChange={setState} />
      </div>
      <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="request" />
      {list.data?.total === 0 ? (
        <p className="list-empty">
          {state === 'open'
            ? 'No open replacement request. When a client asks to replace a specialist, record it with New request: the SLA clock starts on the submission date.'
            : 'No request matches.'}
        </p>
      ) : (
        <RequestTable rows={list.data?.rows ?? []} />
      )}
    </section>
  );
}

/** The request table, also used for the report's detail. */
export function RequestTable({ rows, showReason = false }: { rows: ReplacementItem[]; showReason?: boolean }) {
  const { route, go } = useNav();
  const open = (id: string) => go({ area: 'replacements', recordId: id });
  return (
    <table className="table requests">
      <thead>
        <tr>
          <th>Replacing</th>
          <th>Client · engagement</th>
          <th>Submitted (client’s time)</th>
          <th>Due</th>
          <th>State</th>
          <th>Clock</th>
          <th>Replacement</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={`is-clickable${route.recordId === r.id ? ' is-selected' : ''}`} onClick={() => open(r.id)}>
            <td>
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
            </td>
            <td>
              {r.clientName}
              <div className="cell-sub">{r.engagementName}</div>
            </td>
            <td className="nowrap">
              {day(r.submittedOn)}, {r.submittedTime}
              <div className="cell-sub">{r.timeZone}</div>
            </td>
            <td className="nowrap">{weekdayDay(r.clock.dueDate)}</td>
            <td>
              <ClockBadge clock={r.clock} />
            </td>
            <td className="requests__clock">
              <div>{clockSummary(r.clock, r.status === 'open')}</div>
              {r.status === 'open' && <ClockBar clock={r.clock} />}
            </td>
            <td>
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
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function candidatesLine(r: ReplacementItem): string {
  const accepted = r.candidates.find((c) => c.status === 'accepted');
  if (accepted) return `${accepted.name} accepted`;
  const proposed = r.candidates.filter((c) => c.status === 'proposed').length;
  if (proposed > 0) return `${proposed} candidate${proposed === 1 ? '' : 's'} proposed`;
  return 'No candidate yet';
}
