import { type Clock, type ClockThresholds, DEFAULT_CLOCK_THRESHOLDS, runClock } from '@shared/kernel/businessClock';
import type { HolidaysOfYear } from '@shared/kernel/businessDays';
import { monthEnd, monthStart } from '@shared/kernel/days';

/**
 * Staffing requests (open roles). A role is defined in technical detail
 * before the search starts, then moves through sourcing and candidates to
 * filled (it became an allocation) or declined (the provider says no when
 * the fit is not there). New allocations take 3–4 weeks to staff.
 */
export const STAFFING_STAGES = ['defined', 'sourcing', 'candidates_presented', 'filled', 'declined'] as const;
export type StaffingStage = (typeof STAFFING_STAGES)[number];
export const OPEN_STAGES = ['defined', 'sourcing', 'candidates_presented'] as const satisfies readonly StaffingStage[];
export type OpenStage = (typeof OPEN_STAGES)[number];

export const STAFFING_STAGE_LABELS: Record<StaffingStage, string> = {
  defined: 'Defined',
  sourcing: 'Sourcing',
  candidates_presented: 'Candidates presented',
  filled: 'Filled',
  declined: 'Declined',
};

/** The operating model's fill target: 3–4 weeks; 4 unless the request says otherwise. */
export const DEFAULT_TARGET_WEEKS = 4;

export const isOpenStage = (stage: StaffingStage): stage is OpenStage => (OPEN_STAGES as readonly string[]).includes(stage);

/** Why a request cannot move to `to`, or null. Open stages move freely; filled and declined are final. */
export function stageChangeRefusal(title: string, from: StaffingStage, to: StaffingStage): string | null {
  if (!isOpenStage(from)) return `“${title}” is already ${STAFFING_STAGE_LABELS[from].toLowerCase()}; it cannot change stage any more.`;
  if (!isOpenStage(to)) return `Use Fill or Decline to close “${title}”; they record the allocation or the reason.`;
  if (from === to) return `“${title}” is already at ${STAFFING_STAGE_LABELS[to].toLowerCase()}.`;
  return null;
}

/**
 * The fill target runs on the continuity clock (business days in the
 * client's calendar, see shared/domain/continuity/clock.ts): N weeks are N × 5
 * business days from the day the request was opened, and public holidays push
 * the target out, exactly as they do for a replacement's SLA.
 */
export type FillClock = Clock & {
  /** The date the request should be filled by: the clock's due date. */
  targetDate: string;
  /** Business days used: to filling or declining, or to today while open. */
  daysOpen: number;
  /** Still open after its target date. */
  overdue: boolean;
  /** Filled after its target date. */
  filledLate: boolean;
};

export const BUSINESS_DAYS_PER_WEEK = 5;

/** Time to fill against the target, at `today`. Declined requests stop their clock when declined. */
export function fillClock(
  request: { openedOn: string; targetWeeks: number; stage: StaffingStage; filledOn: string | null; declinedOn: string | null },
  today: string,
  holidaysOf: HolidaysOfYear,
  thresholds: ClockThresholds = DEFAULT_CLOCK_THRESHOLDS,
): FillClock {
  const clock = runClock(
    {
      submittedOn: request.openedOn,
      allowance: request.targetWeeks * BUSINESS_DAYS_PER_WEEK,
      holidaysOf,
      pauses: [],
      deliveredOn: request.stage === 'filled' ? request.filledOn : null,
      cancelledOn: request.stage === 'declined' ? request.declinedOn : null,
    },
    today,
    thresholds,
  );
  return {
    ...clock,
    targetDate: clock.dueDate,
    daysOpen: clock.elapsed,
    overdue: isOpenStage(request.stage) && clock.state === 'breached',
    filledLate: request.stage === 'filled' && clock.state === 'breached',
  };
}

/** How far a fill on an open-ended engagement reaches by default: two quarters, then it is reviewed. */
export const OPEN_ENDED_FILL_MONTHS = 6;

/**
 * The end date a fill form starts with: the engagement's end when it has one; on an open-ended
 * engagement the last day of the month `OPEN_ENDED_FILL_MONTHS` months after the start (so the
 * allocation runs to a month's end and comes back to the radar in time), never before the start.
 */
export function defaultFillEnd(startDate: string, engagementEndDate: string | null): string {
  if (engagementEndDate) return engagementEndDate >= startDate ? engagementEndDate : startDate;
  return monthEnd(monthStart(startDate, OPEN_ENDED_FILL_MONTHS - 1));
}
