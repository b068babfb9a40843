import { addDays, toDay } from '../days';

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

export type FillClock = {
  /** The date the request should be filled by (opened + target weeks). */
  targetDate: string;
  /** Calendar days from opening to filling, or to today while open. */
  daysOpen: number;
  /** Still open after its target date. */
  overdue: boolean;
  /** Filled after its target date. */
  filledLate: boolean;
};

/** Time to fill against the target, at `today`. Declined requests stop their clock when declined. */
export function fillClock(
  request: { openedOn: string; targetWeeks: number; stage: StaffingStage; filledOn: string | null; declinedOn: string | null },
  today: string,
): FillClock {
  const targetDate = addDays(request.openedOn, request.targetWeeks * 7);
  const end = request.filledOn ?? request.declinedOn ?? today;
  const daysOpen = Math.max(0, toDay(end) - toDay(request.openedOn));
  return {
    targetDate,
    daysOpen,
    overdue: isOpenStage(request.stage) && today > targetDate,
    filledLate: request.stage === 'filled' && request.filledOn !== null && request.filledOn > targetDate,
  };
}
