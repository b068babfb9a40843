import { useProcedure } from '@renderer/api/queries';
import { Slot, slotFilled } from '@renderer/app/slots';
import { useNav } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import { ROLE_LABELS } from '@shared/clients/rules/reference';
import { SOURCING_REGION_LABELS } from '@shared/clients/rules/sourcingRegion';
import type { BenchEntry, RollOff } from '@shared/plan/contract/plan';
import { addWeeks, format, parseISO } from 'date-fns';
import { usePlan } from './planStore';

const WEEK_CHOICES = [2, 4, 6, 8, 12, 26];

declare module '@renderer/app/slots' {
  interface Slots {
    /** A roll-off's cell of the radar: what is at stake when the allocation ends (the ownership area shows the duties). */
    'rollOff.duties': { specialistId: string; engagementId: string; endDate: string };
  }
}

/** The radar's column for what rolls off with the person, offered only when an area fills it. */
const dutiesColumn: DataColumn<RollOff> = {
  id: 'duties',
  header: 'Duties at stake',
  width: 176,
  wrap: true,
  cell: (r) => (
    <Slot
      name="rollOff.duties"
      props={{ specialistId: r.specialist.id, engagementId: r.allocation.engagementId, endDate: r.allocation.endDate }}
    />
  ),
};

const rollOffColumns = (open: (id: string) => void): DataColumn<RollOff>[] => [
  {
    id: 'specialist',
    header: 'Specialist',
    sortable: true,
    sortValue: (r) => r.specialist.fullName,
    title: (r) => `${r.specialist.fullName}, ${ROLE_LABELS[r.specialist.role]}`,
    cell: (r) => (
      <>
        <button type="button" className="link" onClick={() => open(r.allocation.id)}>
          {r.specialist.fullName}
        </button>
        <div className="muted">{ROLE_LABELS[r.specialist.role]}</div>
      </>
    ),
  },
  {
    id: 'engagement',
    header: 'Client — engagement',
    sortable: true,
    sortValue: (r) => `${r.allocation.clientName} — ${r.allocation.engagementName}`,
    cell: (r) => `${r.allocation.clientName} — ${r.allocation.engagementName}`,
  },
  {
    id: 'ends',
    header: 'Ends',
    width: 120,
    sortable: true,
    sortValue: (r) => r.allocation.endDate,
    cell: (r) => day(r.allocation.endDate),
  },
  {
    id: 'daysLeft',
    header: 'Days left',
    width: 100,
    numeric: true,
    sortable: true,
    sortValue: (r) => r.daysLeft,
    title: (r) => `${r.daysLeft} days left`,
    cell: (r) => <Badge tone={r.daysLeft <= 14 ? 'attention' : 'info'}>{r.daysLeft}</Badge>,
  },
  { id: 'load', header: 'Load', width: 80, numeric: true, cell: (r) => `${r.allocation.loadPercent}%` },
  {
    id: 'continues',
    header: 'Roll-off',
    width: 130,
    sortable: true,
    sortValue: (r) => r.continuingLoad,
    title: (r) => (r.continuingLoad > 0 ? `Partial: ${r.continuingLoad}% continues on other work` : 'Full: nothing confirmed continues'),
    cell: (r) =>
      r.continuingLoad > 0 ? <Badge tone="info">Partial · {r.continuingLoad}% stays</Badge> : <Badge tone="attention">Full</Badge>,
  },
  {
    id: 'followOn',
    header: 'Follow-on',
    title: (r) =>
      r.tentativeFollowOn ? `Tentative: ${r.tentativeFollowOn.engagementName} from ${day(r.tentativeFollowOn.startDate)}` : 'none planned',
    cell: (r) =>
      r.tentativeFollowOn ? (
        <span>
          <Badge tone="attention">Tentative</Badge> {r.tentativeFollowOn.engagementName} from {day(r.tentativeFollowOn.startDate)}
        </span>
      ) : (
        <span className="muted">none planned</span>
      ),
  },
];

const benchColumns = (open: (id: string) => void): DataColumn<BenchEntry>[] => [
  {
    id: 'specialist',
    header: 'Specialist',
    sortable: true,
    sortValue: (b) => b.specialist.fullName,
    title: (b) => b.specialist.fullName,
    cell: (b) => (
      <button type="button" className="link" onClick={() => open(b.specialist.id)}>
        {b.specialist.fullName}
      </button>
    ),
  },
  {
    id: 'role',
    header: 'Role',
    width: 170,
    sortable: true,
    sortValue: (b) => ROLE_LABELS[b.specialist.role],
    cell: (b) => ROLE_LABELS[b.specialist.role],
  },
  { id: 'region', header: 'Region', width: 140, cell: (b) => SOURCING_REGION_LABELS[b.specialist.sourcingRegion] },
  {
    id: 'days',
    header: 'Days on bench',
    width: 130,
    numeric: true,
    sortable: true,
    sortValue: (b) => b.daysOnBench,
    title: (b) => `${b.daysOnBench} days on the bench`,
    cell: (b) => <Badge tone={b.daysOnBench > 30 ? 'attention' : 'info'}>{b.daysOnBench}</Badge>,
  },
  {
    id: 'lastEnd',
    header: 'Last allocation ended',
    width: 170,
    title: (b) => (b.lastEndDate ? day(b.lastEndDate) : 'never allocated'),
    cell: (b) => (b.lastEndDate ? day(b.lastEndDate) : <span className="muted">never allocated</span>),
  },
  {
    id: 'next',
    header: 'Next allocation',
    title: (b) =>
      b.next
        ? `${b.next.status === 'tentative' ? 'Tentative: ' : ''}${b.next.engagementName} from ${day(b.next.startDate)}`
        : 'none planned',
    cell: (b) =>
      b.next ? (
        <span>
          {b.next.status === 'tentative' && <Badge tone="attention">Tentative</Badge>} {b.next.engagementName} from {day(b.next.startDate)}
        </span>
      ) : (
        <span className="muted">none planned</span>
      ),
  },
];

export function RollOffView() {
  const plan = usePlan();
  const go = useNav((s) => s.go);
  const radar = useProcedure('plan.rollOff', { weeks: plan.weeks });
  const openAllocation = (id: string) => go({ area: 'allocations', recordId: id });
  const openSpecialist = (id: string) => go({ area: 'specialists', recordId: id });
  return (
    <>
      <div className="toolbar">
        <label className="toolbar__label" htmlFor="rolloff-weeks">
          Ending within
        </label>
        <select id="rolloff-weeks" className="toolbar__filter" value={plan.weeks} onChange={(e) => plan.setWeeks(Number(e.target.value))}>
          {WEEK_CHOICES.map((w) => (
            <option key={w} value={w}>
              {w} weeks
            </option>
          ))}
        </select>
      </div>
      {radar.error && <p className="list-status list-status--error">{radar.error.message}</p>}
      {radar.data && (
        <>
          <h2 className="section-title">Rolling off ({radar.data.rollOffs.length})</h2>
          <p className="section-lede">
            Confirmed allocations ending by {day(format(addWeeks(parseISO(radar.data.today), radar.data.weeks), 'yyyy-MM-dd'))} with no
            confirmed follow-on.
          </p>
          <DataTable
            label="Rolling off"
            frame="half"
            columns={slotFilled('rollOff.duties') ? [...rollOffColumns(openAllocation), dutiesColumn] : rollOffColumns(openAllocation)}
            rows={radar.data.rollOffs}
            rowKey={(r) => r.allocation.id}
            onOpen={(r) => openAllocation(r.allocation.id)}
            rowHeight={58}
            initialSort={{ id: 'ends', direction: 'asc' }}
            empty={<EmptyState title={`Nobody rolls off in the next ${radar.data.weeks} weeks`} />}
          />
          <h2 className="section-title">On the bench ({radar.data.bench.length})</h2>
          <p className="section-lede">Specialists with no allocation today, longest first.</p>
          <DataTable
            label="On the bench"
            frame="half"
            columns={benchColumns(openSpecialist)}
            rows={radar.data.bench}
            rowKey={(b) => b.specialist.id}
            onOpen={(b) => openSpecialist(b.specialist.id)}
            empty={<EmptyState title="Everyone is allocated today" />}
          />
        </>
      )}
    </>
  );
}
