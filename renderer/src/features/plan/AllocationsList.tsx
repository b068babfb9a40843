import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { FilterSelect, ListStatus } from '@renderer/components/list';
import { Badge } from '@renderer/ui/Badge';
import { ALLOCATION_STATUS_LABELS, ALLOCATION_STATUSES, type AllocationStatus } from '@shared/plan/rules/allocations';
import { useState } from 'react';
import { ALLOCATION_TONE } from './AllocationDrawer';

/** Every allocation, for finding one by name; the timeline is the planning view. */
export function AllocationsList() {
  const go = useNav((s) => s.go);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const list = useProcedure('allocations.list', {
    search: search || undefined,
    status: (status || undefined) as AllocationStatus | undefined,
  });
  return (
    <>
      <div className="toolbar">
        <input
          className="toolbar__search"
          type="search"
          aria-label="Search"
          placeholder="Search specialist, engagement or client"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <FilterSelect
          label="Statuses"
          value={status}
          options={ALLOCATION_STATUSES.map((s) => ({ value: s, label: ALLOCATION_STATUS_LABELS[s] }))}
          onChange={setStatus}
        />
      </div>
      <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="allocation" />
      <table className="table">
        <thead>
          <tr>
            <th>Specialist</th>
            <th>Client — engagement</th>
            <th>Status</th>
            <th>Start</th>
            <th>End</th>
            <th className="num">Load</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.rows.map((a) => (
            <tr key={a.id} className="is-clickable" onClick={() => go({ area: 'allocations', recordId: a.id })}>
              <td>
                <button type="button" className="link" onClick={() => go({ area: 'allocations', recordId: a.id })}>
                  {a.specialistName}
                </button>
              </td>
              <td>
                {a.clientName} — {a.engagementName}
              </td>
              <td>
                <Badge tone={ALLOCATION_TONE[a.status]}>{ALLOCATION_STATUS_LABELS[a.status]}</Badge>
              </td>
              <td>{day(a.startDate)}</td>
              <td>{day(a.endDate)}</td>
              <td className="num">{a.loadPercent}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
