import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { weekdayDay } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
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
      {board.data && promises.length === 0 ? (
        <p className="list-empty">
          Nothing open. Replacement requests and staffing requests appear here, with their clocks, until they are fulfilled or closed.
        </p>
      ) : (
        <table className="table board">
          <thead>
            <tr>
              <th>State</th>
              <th>Promise</th>
              <th>Client · engagement</th>
              <th>Due</th>
              <th>Clock</th>
            </tr>
          </thead>
          <tbody>
            {promises.map((p) => (
              <BoardRow key={`${p.kind}:${p.id}`} promise={p} />
            ))}
          </tbody>
        </table>
      )}
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

export function BoardRow({ promise: p }: { promise: ContinuityPromise }) {
  const { route, go } = useNav();
  const isReplacement = p.kind === 'replacement';
  const open = () => go(isReplacement ? { area: 'replacements', recordId: p.id } : { area: 'staffing', recordId: p.id });
  const selected = isReplacement && route.recordId === p.id;
  return (
    <tr className={`is-clickable board__row board__row--${clockTone(p.clock)}${selected ? ' is-selected' : ''}`} onClick={open}>
      <td>
        <ClockBadge clock={p.clock} />
      </td>
      <td>
        <button
          type="button"
          className="link"
          onClick={(e) => {
            e.stopPropagation();
            open();
          }}
        >
          {p.title}
        </button>
        <div className="cell-sub">
          {isReplacement ? (
            `${p.outgoingSpecialistName ?? 'A specialist'} leaving · ${p.detail}`
          ) : (
            <>
              New role · {p.detail} · <span className="board__elsewhere">managed in Staffing requests ↗</span>
            </>
          )}
        </div>
      </td>
      <td>
        {p.clientName}
        <div className="cell-sub">{p.engagementName}</div>
      </td>
      <td className="nowrap">{weekdayDay(p.clock.dueDate)}</td>
      <td className="board__clock">
        <div className={`board__clock-text${p.clock.state === 'breached' ? ' is-late' : ''}`}>
          {clockSummary(p.clock, true)} <PausedMarker clock={p.clock} />
        </div>
        <ClockBar clock={p.clock} />
      </td>
    </tr>
  );
}
