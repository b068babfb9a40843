import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { weekdayDay } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { ContinuityPromise } from '@shared/continuity/contract';
import { ClientFilter } from './ClientFilter';
import { CLOCK_BADGE, ClockBadge, ClockBar, type ClockTone, clockSummary, clockTone, PausedMarker } from './clock';
import { useContinuity } from './continuityStore';

/**
 * Every open continuity promise — replacements against their SLA and new
 * roles against their fill target — least time left first, as the backend
 * sorted them.
 */
export function BoardView() {
  const clientId = useContinuity((s) => s.clientId);
  const board = useProcedure('continuity.board', clientId ? { clientId } : {});
  const promises = board.data?.promises ?? [];
  const { route, go } = useNav();
  const open = (p: ContinuityPromise) =>
    go(p.kind === 'replacement' ? { area: 'replacements', recordId: p.id } : { area: 'staffing', recordId: p.id });
  const columns = boardColumns(open);
  return (
    <section aria-label="Continuity board">
      <div className="toolbar">
        <ClientFilter />
        {board.data && <BoardSummary promises={promises} />}
      </div>
      {board.error ? (
        <p className="list-status list-status--error">{board.error.message}</p>
      ) : board.isLoading ? (
        <p className="list-status">Loading…</p>
      ) : (
        <p className="list-status">
          {promises.length} open {promises.length === 1 ? 'promise' : 'promises'}, least time left first · at risk from{' '}
          {board.data?.thresholds.atRiskPercent}% of the allowance, urgent from {board.data?.thresholds.urgentPercent}%
        </p>
      )}
      <DataTable
        label="Open promises"
        className="board"
        columns={columns}
        rows={promises}
        rowKey={promiseKey}
        onOpen={open}
        selectedKey={route.area === 'replacements' && route.recordId ? `replacement:${route.recordId}` : null}
        rowClassName={(p) => `board__row board__row--${clockTone(p.clock)}`}
        rowHeight={64}
        empty={
          board.data && (
            <EmptyState title="Nothing open">
              Replacement requests and staffing requests appear here, with their clocks, until they are fulfilled or closed.
            </EmptyState>
          )
        }
      />
    </section>
  );
}

/** "2 breached · 1 urgent · 1 at risk · 3 on track": the counts of the states the backend returned. */
function BoardSummary({ promises }: { promises: ContinuityPromise[] }) {
  const counts = new Map<ClockTone, number>();
  for (const p of promises) counts.set(clockTone(p.clock), (counts.get(clockTone(p.clock)) ?? 0) + 1);
  const parts = (
    [
      ['breached', 'breached'],
      ['urgent', 'urgent'],
      ['at_risk', 'at risk'],
      ['on_track', 'on track'],
    ] as const
  ).filter(([tone]) => counts.has(tone));
  if (parts.length === 0) return null;
  return (
    <p className="board-summary">
      {parts.map(([tone, label]) => (
        <Badge key={tone} {...CLOCK_BADGE[tone]}>
          {counts.get(tone)} {label}
        </Badge>
      ))}
    </p>
  );
}

const promiseKey = (p: ContinuityPromise) => `${p.kind}:${p.id}`;

const boardColumns = (open: (p: ContinuityPromise) => void): DataColumn<ContinuityPromise>[] => [
  { id: 'state', header: 'State', width: 110, wrap: true, cell: (p) => <ClockBadge clock={p.clock} /> },
  {
    id: 'promise',
    header: 'Promise',
    title: (p) => `${p.title}\n${promiseDetail(p)}`,
    cell: (p) => (
      <>
        <button
          type="button"
          className="link"
          onClick={(e) => {
            e.stopPropagation();
            open(p);
          }}
        >
          {p.title}
        </button>
        <div className="cell-sub">
          {p.kind === 'replacement' ? (
            promiseDetail(p)
          ) : (
            <>
              New role · {p.detail} · <span className="board__elsewhere">managed in Staffing requests ↗</span>
            </>
          )}
        </div>
      </>
    ),
  },
  {
    id: 'client',
    header: 'Client · engagement',
    title: (p) => `${p.clientName}\n${p.engagementName}`,
    cell: (p) => (
      <>
        {p.clientName}
        <div className="cell-sub">{p.engagementName}</div>
      </>
    ),
  },
  { id: 'due', header: 'Due', width: 150, cell: (p) => weekdayDay(p.clock.dueDate) },
  {
    id: 'clock',
    header: 'Clock',
    width: 205,
    className: 'board__clock',
    title: (p) => clockSummary(p.clock, true),
    cell: (p) => (
      <>
        <div className={`board__clock-text${p.clock.state === 'breached' ? ' is-late' : ''}`}>
          {clockSummary(p.clock, true)} <PausedMarker clock={p.clock} />
        </div>
        <ClockBar clock={p.clock} />
      </>
    ),
  },
];

function promiseDetail(p: ContinuityPromise): string {
  return p.kind === 'replacement'
    ? `${p.outgoingSpecialistName ?? 'A specialist'} leaving · ${p.detail}`
    : `New role · ${p.detail} · managed in Staffing requests ↗`;
}
