import { useProcedure } from '@renderer/api/queries';
import { AREAS } from '@renderer/app/areas';
import { useNav } from '@renderer/app/stores';
import { businessDays, day } from '@renderer/components/dates';
import { ClockBadge, clockSummary } from '@renderer/features/continuity/clock';
import { useContinuity } from '@renderer/features/continuity/continuityStore';
import { REPLACEMENT_REASON_LABELS } from '@shared/continuity/rules/replacement';
import type { ReplacementItem } from '@shared/contract';
import { byTimeLeft } from '@shared/kernel/businessClock';

/** The engagement's replacement requests, open ones first, each with its SLA clock as the backend computed it. */
export function EngagementRequests({ engagementId, slaBusinessDays }: { engagementId: string; slaBusinessDays: number }) {
  const list = useProcedure('replacements.list', { engagementId, state: 'all' });
  const go = useNav((s) => s.go);
  // Requests are recorded in the continuity area; link there only once it exists.
  const area = AREAS.find((a) => a.id === 'replacements');
  const open = area?.built ? (recordId: string | null) => go({ area: 'replacements', recordId }) : null;
  const rows = [...(list.data?.rows ?? [])].sort(openFirst);
  return (
    <section className="history">
      <h3>Replacement requests</h3>
      <p className="list-status">
        SLA: a replacement within {slaBusinessDays} business {slaBusinessDays === 1 ? 'day' : 'days'} of the client’s request.{' '}
        {open ? (
          <>
            <button
              type="button"
              className="link"
              onClick={() => {
                useContinuity.getState().setDraftEngagement(engagementId);
                open('new');
              }}
            >
              Record a new request
            </button>{' '}
            in {area?.label}.
          </>
        ) : (
          `New requests are recorded in ${area?.label ?? 'the continuity area'}.`
        )}
      </p>
      {list.error ? (
        <p className="list-status list-status--error">Could not load the requests: {list.error.message}</p>
      ) : !list.data ? null : rows.length === 0 ? (
        <p className="muted">No replacement has been requested on this engagement.</p>
      ) : (
        <ul className="related">
          {rows.map((r) => (
            <RequestRow key={r.id} request={r} onOpen={open ? () => open(r.id) : null} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RequestRow({ request: r, onOpen }: { request: ReplacementItem; onOpen: (() => void) | null }) {
  const title = `Replace ${r.outgoingSpecialistName}`;
  return (
    <li>
      {onOpen ? (
        <button type="button" className="link" onClick={onOpen}>
          {title}
        </button>
      ) : (
        <strong>{title}</strong>
      )}{' '}
      <ClockBadge clock={r.clock} />
      <div className="muted">
        {REPLACEMENT_REASON_LABELS[r.reason]} · submitted {day(r.submittedOn)} {r.submittedTime} · due {day(r.clock.dueDate)}
        {r.status === 'open' && ` · ${clockSummary(r.clock, true)}${r.clock.pausedToday ? ' · paused today' : ''}`}
      </div>
      {r.status === 'fulfilled' && r.replacementStartDate && (
        <div className="muted">
          {r.replacementSpecialistName ?? 'The replacement'} started {day(r.replacementStartDate)} after {businessDays(r.clock.elapsed)}
          {r.clock.late > 0 && `, ${r.clock.late} late`}
          {r.clock.late > 0 && r.lateReason && `: ${r.lateReason}`}
        </div>
      )}
      {r.status === 'cancelled' && r.cancelledOn && (
        <div className="muted">
          Cancelled {day(r.cancelledOn)}
          {r.cancelReason && `: ${r.cancelReason}`}
        </div>
      )}
    </li>
  );
}

/** Open requests first, the least time left leading (as on the continuity board); then past ones, newest first. */
function openFirst(a: ReplacementItem, b: ReplacementItem): number {
  const open = Number(b.status === 'open') - Number(a.status === 'open');
  if (open !== 0) return open;
  if (a.status === 'open') return byTimeLeft(a.clock, b.clock);
  return a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : 0;
}
