import { dateLabel } from '@shared/kernel/dates';
import { BusinessDayWalk, type HolidaysOfYear, type PauseRange } from './businessDays';
import { type Day, fromDay, toDay } from './days';

/**
 * The continuity clock: one rule for every promise Keel tracks — a
 * replacement within the SLA (7 business days by default) and a new role
 * staffed within its fill target.
 *
 * - The clock starts on the date of submission in the client's calendar; that
 *   date itself does not count. The due date is the Nth business day after it.
 * - Business days are Monday to Friday minus the client calendar's public
 *   holidays; a business day inside a pause does not count, so pauses push the
 *   due date out.
 * - A promise is met when the replacement starts (the role is filled) on or
 *   before the due date; once today is past the due date with nothing
 *   delivered, it is breached — and stays breached if delivered later or
 *   cancelled after the due date.
 * - Everything is computed from the recorded events at any "today": nothing is
 *   stored that could drift when the calendar, the policy or a pause changes.
 */
export const CLOCK_STATES = ['on_track', 'at_risk', 'breached', 'met', 'cancelled'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export const CLOCK_STATE_LABELS: Record<ClockState, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  breached: 'Breached',
  met: 'Met',
  cancelled: 'Cancelled',
};

/** When an open promise turns "at risk", as a share of its allowance used; `urgent` marks the later, sharper warning. */
export type ClockThresholds = { atRiskPercent: number; urgentPercent: number };
export const DEFAULT_CLOCK_THRESHOLDS: ClockThresholds = { atRiskPercent: 50, urgentPercent: 80 };

/** Default replacement SLA: 7 business days from submission. */
export const DEFAULT_SLA_BUSINESS_DAYS = 7;

export type ClockInput = {
  /** The date of submission in the client's calendar (see `localDateOf`). */
  submittedOn: string;
  /** Business days allowed. */
  allowance: number;
  holidaysOf: HolidaysOfYear;
  /** Sorted, non-overlapping (see `pauseRefusal`). */
  pauses: readonly PauseRange[];
  /** When the promise was delivered: the replacement's start date, or the day a role was filled. */
  deliveredOn: string | null;
  cancelledOn: string | null;
};

export type Clock = {
  submittedOn: string;
  allowance: number;
  dueDate: string;
  /** Counting business days used: to today while open, to delivery or cancellation once closed. */
  elapsed: number;
  /** Business days left before the due date is passed; 0 once it is. */
  remaining: number;
  /** Business days past the due date once breached (at least 1: a breach on a weekend is one day late); else 0. */
  late: number;
  /** Share of the allowance used, in whole percent (may exceed 100). */
  percentUsed: number;
  state: ClockState;
  /** At risk and past the urgent threshold. */
  urgent: boolean;
  /** Today falls inside a pause (while open). */
  pausedToday: boolean;
  /** Business days the pauses took off the clock: up to the close once closed, else up to the due date or today, whichever is later. */
  pausedDays: number;
};

/** The clock of one promise at `today` (a date in the client's calendar). */
export function runClock(input: ClockInput, today: string, thresholds: ClockThresholds = DEFAULT_CLOCK_THRESHOLDS): Clock {
  // The contract keeps allowances at 1 or more; without one the walk would never find a due date.
  if (!(input.allowance >= 1)) throw new RangeError(`A clock needs an allowance of at least one business day, not ${input.allowance}.`);
  const closedOn = input.deliveredOn ?? input.cancelledOn;
  const stop = toDay(closedOn ?? today);
  const walk = new BusinessDayWalk(input.submittedOn, input.holidaysOf, input.pauses);
  let counted = 0;
  let elapsed = 0;
  let pausedDays = 0;
  let due: Day | null = null;
  // Walk until both the due date and the stop day are known.
  while (due === null || walk.current < stop) {
    const kind = walk.next();
    const day = walk.current;
    if (kind === 'counts') {
      counted += 1;
      if (day <= stop) elapsed += 1;
      if (counted === input.allowance) due = day;
    } else if (kind === 'paused') {
      if (day <= stop || (closedOn === null && due === null)) pausedDays += 1;
    }
  }
  const dueDate = fromDay(due);
  const percentUsed = Math.floor((elapsed * 100) / input.allowance);
  const state = stateOf(input, dueDate, today, percentUsed, thresholds);
  // Past the due date on a weekend or holiday no business day has been lost yet, but the promise is broken: one day late.
  const late = state === 'breached' ? Math.max(1, elapsed - input.allowance) : 0;
  return {
    submittedOn: input.submittedOn,
    allowance: input.allowance,
    dueDate,
    elapsed,
    remaining: Math.max(0, input.allowance - elapsed),
    late,
    percentUsed,
    state,
    urgent: state === 'at_risk' && percentUsed >= thresholds.urgentPercent,
    // From the pauses, not the walk: the walk marks only business days, and a
    // Saturday or a holiday inside a pause is still a paused day for the board.
    pausedToday: closedOn === null && input.pauses.some((p) => p.startDate <= today && today <= p.endDate),
    pausedDays,
  };
}

/** A date past the due date: a start then breaks the promise (and needs its reason on record). */
export const isPastDue = (dueDate: string, date: string): boolean => date > dueDate;

function stateOf(input: ClockInput, dueDate: string, today: string, percentUsed: number, thresholds: ClockThresholds): ClockState {
  if (input.deliveredOn !== null) return isPastDue(dueDate, input.deliveredOn) ? 'breached' : 'met';
  // A request withdrawn after its due date had already been breached; cancelling does not erase that.
  if (input.cancelledOn !== null) return isPastDue(dueDate, input.cancelledOn) ? 'breached' : 'cancelled';
  if (isPastDue(dueDate, today)) return 'breached';
  return percentUsed >= thresholds.atRiskPercent ? 'at_risk' : 'on_track';
}

/**
 * Why a set of pauses cannot be recorded, or null. A pause ends on or after
 * it starts, starts on or after the submission date, and overlaps no other
 * pause; once the promise was delivered, a pause cannot begin after that.
 */
export function pauseRefusal(pauses: readonly PauseRange[], submittedOn: string, deliveredOn: string | null = null): string | null {
  for (const p of pauses) {
    if (p.endDate < p.startDate)
      return `A pause must end on or after the day it starts (${dateLabel(p.startDate)} to ${dateLabel(p.endDate)} is the wrong way round).`;
    if (p.startDate < submittedOn)
      return `A pause cannot start (${dateLabel(p.startDate)}) before the request was submitted (${dateLabel(submittedOn)}).`;
    if (toDay(p.endDate) - toDay(p.startDate) >= MAX_PAUSE_DAYS) {
      return `A pause from ${dateLabel(p.startDate)} to ${dateLabel(p.endDate)} is longer than a year; check the dates (a wait that long means the request should be cancelled).`;
    }
    if (deliveredOn !== null && p.startDate > deliveredOn) {
      return `The replacement started on ${dateLabel(deliveredOn)}; a pause from ${dateLabel(p.startDate)} would come after the clock stopped.`;
    }
  }
  const sorted = sortPauses(pauses);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a && b && b.startDate <= a.endDate) {
      return `The pause from ${dateLabel(b.startDate)} to ${dateLabel(b.endDate)} overlaps the pause from ${dateLabel(a.startDate)} to ${dateLabel(a.endDate)}; change that pause instead.`;
    }
  }
  return null;
}

/** A pause or a start further out than this is a typing error, not a plan (and would make every read walk it). */
export const MAX_PAUSE_DAYS = 366;
export const MAX_DELIVERY_DAYS = 366;

/** Why a promise cannot be delivered on `deliveredOn`, or null: never before it was submitted, nor more than a year after. */
export function deliveryRefusal(submittedOn: string, deliveredOn: string): string | null {
  if (deliveredOn < submittedOn)
    return `The replacement cannot start on ${dateLabel(deliveredOn)}: the request was only submitted on ${dateLabel(submittedOn)}.`;
  if (toDay(deliveredOn) - toDay(submittedOn) > MAX_DELIVERY_DAYS) {
    return `A start on ${dateLabel(deliveredOn)} is more than a year after the request (${dateLabel(submittedOn)}); check the date.`;
  }
  return null;
}

export function sortPauses<P extends PauseRange>(pauses: readonly P[]): P[] {
  return [...pauses].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

/**
 * Board order: the least time left first. Time left is the business days
 * remaining, or minus the days late once breached, so the most overdue
 * promise leads; ties go to the earlier due date.
 */
export function byTimeLeft(a: Clock, b: Clock): number {
  const left = a.remaining - a.late - (b.remaining - b.late);
  if (left !== 0) return left;
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0;
}
