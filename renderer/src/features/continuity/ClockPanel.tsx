import { businessDays, weekdayDay } from '@renderer/components/dates';
import type { ReplacementItem } from '@shared/continuity/contract';
import { ClockBadge, ClockBar, clockSummary, PausedMarker } from './clock';

/** The SLA clock of one request, as the backend computed it from the recorded facts. */
export function ClockPanel({ request: r }: { request: ReplacementItem }) {
  const { clock } = r;
  const open = r.status === 'open';
  const closedOn = r.status === 'fulfilled' ? r.replacementStartDate : r.status === 'cancelled' ? r.cancelledOn : null;
  return (
    <section className={`clock-panel clock-panel--${clock.urgent ? 'urgent' : clock.state}`} aria-label="SLA clock">
      <div className="clock-panel__head">
        <ClockBadge clock={clock} />
        <span className="clock-panel__summary">{clockSummary(clock, open)}</span>
        <PausedMarker clock={clock} />
      </div>
      <div className="clock-panel__figures">
        <Figure label="Due" value={weekdayDay(clock.dueDate)} />
        <Figure label={open ? 'Used' : 'Took'} value={`${clock.elapsed} of ${clock.allowance}`} unit="business days" />
        {clock.late > 0 || clock.state === 'breached' ? (
          <Figure label="Late" value={String(clock.late)} unit={clock.late === 1 ? 'business day' : 'business days'} bad />
        ) : (
          <Figure
            label={open ? 'Left' : r.status === 'cancelled' ? 'Left when cancelled' : 'To spare'}
            value={String(clock.remaining)}
            unit={clock.remaining === 1 ? 'business day' : 'business days'}
          />
        )}
        <Figure label="Paused" value={String(clock.pausedDays)} unit={clock.pausedDays === 1 ? 'business day' : 'business days'} />
      </div>
      {open && <ClockBar clock={clock} />}
      <p className="clock-panel__basis">
        SLA {businessDays(r.slaBusinessDays)} · holiday calendar {r.holidayCalendar} · {r.timeZone} · counted from the day after{' '}
        {weekdayDay(clock.submittedOn)}
        {closedOn ? ` to ${weekdayDay(closedOn)}` : ''}
      </p>
    </section>
  );
}

function Figure({ label, value, unit, bad }: { label: string; value: string; unit?: string; bad?: boolean }) {
  return (
    <div className={`clock-figure${bad ? ' clock-figure--bad' : ''}`}>
      <div className="clock-figure__label">{label}</div>
      <div className="clock-figure__value">{value}</div>
      {unit && <div className="clock-figure__unit">{unit}</div>}
    </div>
  );
}
