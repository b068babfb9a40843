import { useProcedure } from '@renderer/api/queries';
import { entryLabel } from '@renderer/app/routes';
import { useNav } from '@renderer/app/stores';
import { businessDays, day } from '@renderer/components/dates';
import type { ReplacementItem } from '@shared/continuity/contract';
import { REPLACEMENT_REASON_LABELS } from '@shared/continuity/rules/replacement';
import { byTimeLeft } from '@shared/kernel/businessClock';
import { ClockBadge, clockSummary } from './clock';
import { useContinuity } from './continuityStore';

/**
 * The engagement's replacement requests, open ones first, each with its SLA
 * clock as the backend computed it. Shown on the engagement's page through the
 * `engagement.sections` slot (see ./area.tsx).
 */
export function EngagementRequests({ engagementId, slaBusinessDays }: { engagementId: string; slaBusinessDays: number }) {
  const list = useProcedure('replacements.list', { engagementId, state: 'all' });
  const go = useNav((s) => s.go);
  const open = (recordId: string | null) => go({ area: 'replacements', recordId });
  const rows = [...(list.data?.rows ?? [])].sort(openFirst);
  return (
    <section className="history">
      <h3>Replacement requests</h3>
      <p className="list-status">
        SLA: a replacement within {slaBusinessDays} business {slaBusinessDays === 1 ? 'day' : 'days'} of the client’s request.{' '}
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
        in {entryLabel('replacements')}.
      </p>
      {list.error ? (
        <p className="list-status list-status--error">Could not load the requests: {list.error.message}</p>
      ) : !list.data ? null : rows.length === 0 ? (
        <p className="muted">No replacement has been requested on this engagement.</p>
      ) : (
        <ul className="related">
          {rows.map((r) => (
            <RequestRow key={r.id} request={r} onOpen={() => open(r.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RequestRow({ request: r, onOpen }: { request: ReplacementItem; onOpen: () => void }) {
  const title = `Replace ${r.outgoingSpecialistName}`;
  return (
    <li>
      <button type="button" className="link" onClick={onOpen}>
        {title}
      </button>{' '}
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
