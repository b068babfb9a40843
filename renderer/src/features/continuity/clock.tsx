import { businessDays } from '@renderer/components/dates';
import { Badge, type StatusTone } from '@renderer/ui/Badge';
import type { Clock } from '@shared/kernel/businessClock';
import { CLOCK_STATE_LABELS } from '@shared/kernel/businessClock';

/** The colour a clock is shown in: its state, with urgent as its own, sharper amber. */
export type ClockTone = Clock['state'] | 'urgent';
export const clockTone = (clock: Clock): ClockTone => (clock.urgent ? 'urgent' : clock.state);

export function clockLabel(clock: Clock): string {
  return clock.urgent ? 'Urgent' : CLOCK_STATE_LABELS[clock.state];
}

/**
 * Each clock state on the kit's status scale: urgent is at risk past the threshold, so the
 * same attention, filled; breached is the one filled critical.
 */
export const CLOCK_BADGE: Record<ClockTone, { tone: StatusTone; strong?: boolean }> = {
  on_track: { tone: 'ok' },
  at_risk: { tone: 'attention' },
  urgent: { tone: 'attention', strong: true },
  breached: { tone: 'critical', strong: true },
  met: { tone: 'ok' },
  cancelled: { tone: 'neutral' },
};

/** The state as a coloured badge; the words carry the meaning, the colour only helps. */
export function ClockBadge({ clock }: { clock: Clock }) {
  return (
    <Badge {...CLOCK_BADGE[clockTone(clock)]} title={clock.urgent ? 'At risk, past the urgent threshold' : undefined}>
      {clockLabel(clock)}
    </Badge>
  );
}

/**
 * The clock in words, from the figures the backend computed:
 * "3 of 7 business days used · 4 left", "2 business days late", "Met in 5 of 7 business days".
 */
export function clockSummary(clock: Clock, open: boolean): string {
  const used = `${clock.elapsed} of ${businessDays(clock.allowance)}`;
  if (clock.state === 'met') return `Met in ${used}`;
  if (clock.state === 'cancelled') return `Cancelled after ${used}`;
  if (clock.state === 'breached') {
    return open ? `${businessDays(clock.late)} late` : `Started ${businessDays(clock.late)} late`;
  }
  return `${used} used · ${clock.remaining} left`;
}

/** A small bar of the allowance used; full and red once the due date has passed. */
export function ClockBar({ clock }: { clock: Clock }) {
  const shown = Math.min(100, clock.percentUsed);
  return (
    <div
      className={`clock-bar clock-bar--${clockTone(clock)}`}
      role="progressbar"
      aria-label="Allowance used"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={shown}
      aria-valuetext={`${clock.percentUsed}% of the allowance used`}
    >
      <div className="clock-bar__fill" style={{ width: `${shown}%` }} />
    </div>
  );
}

/** Shown while a documented client-side wait holds the clock. */
export function PausedMarker({ clock }: { clock: Clock }) {
  if (!clock.pausedToday) return null;
  return (
    <span className="paused-marker" title="Today falls inside a pause: the clock does not count it">
      Paused today
    </span>
  );
}
