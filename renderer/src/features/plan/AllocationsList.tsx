import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { FilterSelect, ListStatus } from '@renderer/components/list';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import { Toolbar } from '@renderer/ui/Toolbar';
import type { AllocationListItem } from '@shared/plan/contract/allocations';
import { ALLOCATION_STATUS_LABELS, ALLOCATION_STATUSES, type AllocationStatus } from '@shared/plan/rules/allocations';
import { useState } from 'react';
import { ALLOCATION_TONE } from './AllocationDrawer';

const columns = (open: (a: AllocationListItem) => void): DataColumn<AllocationListItem>[] => [
  {
    id: 'specialist',
    header: 'Specialist',
    sortable: true,
    sortValue: (a) => a.specialistName,
    title: (a) => a.specialistName,
    cell: (a) => (
      <button type="button" className="link" onClick={() => open(a)}>
        {a.specialistName}
      </button>
    ),
  },
  {
    id: 'engagement',
    header: 'Client — engagement',
    sortable: true,
    sortValue: (a) => `${a.clientName} — ${a.engagementName}`,
    cell: (a) => `${a.clientName} — ${a.engagementName}`,
  },
  {
    id: 'status',
    header: 'Status',
    width: 120,
    sortable: true,
    sortValue: (a) => a.status,
    title: (a) => ALLOCATION_STATUS_LABELS[a.status],
    cell: (a) => <Badge tone={ALLOCATION_TONE[a.status]}>{ALLOCATION_STATUS_LABELS[a.status]}</Badge>,
  },
  { id: 'start', header: 'Start', width: 125, sortable: true, sortValue: (a) => a.startDate, cell: (a) => day(a.startDate) },
  { id: 'end', header: 'End', width: 125, sortable: true, sortValue: (a) => a.endDate, cell: (a) => day(a.endDate) },
  {
    id: 'load',
    header: 'Load',
    width: 90,
    numeric: true,
    sortable: true,
    sortValue: (a) => a.loadPercent,
    cell: (a) => `${a.loadPercent}%`,
  },
];

/** Every allocation, for finding one by name; the timeline is the planning view. */
export function AllocationsList() {
  const go = useNav((s) => s.go);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const list = useProcedure('allocations.list', {
    search: search || undefined,
    status: (status || undefined) as AllocationStatus | undefined,
  });
  const openAllocation = (a: AllocationListItem) => go({ area: 'allocations', recordId: a.id });
  return (
    <>
      <Toolbar search={{ value: search, onChange: setSearch, placeholder: 'Search specialist, engagement or client' }}>
        <FilterSelect
          label="Statuses"
          value={status}
          options={ALLOCATION_STATUSES.map((s) => ({ value: s, label: ALLOCATION_STATUS_LABELS[s] }))}
          onChange={setStatus}
        />
      </Toolbar>
      <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="allocation" />
      <DataTable
        label="Allocations"
        columns={columns(openAllocation)}
        rows={list.data?.rows ?? []}
        rowKey={(a) => a.id}
        onOpen={openAllocation}
        initialSort={{ id: 'specialist', direction: 'asc' }}
        empty={list.data && <EmptyState title="No allocation matches">Clear the search or the status filter.</EmptyState>}
      />
    </>
  );
}
