import { isIsoDate } from '@shared/kernel/dates';
import { addDays, toDay } from '@shared/kernel/days';

/**
 * Replacement requests: the client asks to replace a specialist; the
 * provider promises a replacement within the engagement's SLA. The request
 * moves from open to fulfilled (the replacement's allocation exists) or
 * cancelled (the client withdrew it), and keeps its pauses and candidates.
 */
export const REPLACEMENT_REASONS = ['client_request', 'resignation', 'performance', 'health', 'relocation', 'other'] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

export const REPLACEMENT_REASON_LABELS: Record<ReplacementReason, string> = {
  client_request: 'Client request',
  resignation: 'Resignation',
  performance: 'Performance',
  health: 'Health',
  relocation: 'Relocation',
  other: 'Other',
};

export const REPLACEMENT_STATUSES = ['open', 'fulfilled', 'cancelled'] as const;
export type ReplacementStatus = (typeof REPLACEMENT_STATUSES)[number];

export const CANDIDATE_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/**
 * Days both the outgoing and the replacement specialist are on the
 * engagement (the hand-over), inclusive; 0 when the outgoing one left before
 * the replacement started.
 */
export function handoverDays(outgoingEnd: string | null, replacementStart: string): number {
  if (outgoingEnd === null) return 0;
  return Math.max(0, toDay(outgoingEnd) - toDay(replacementStart) + 1);
}

/**
 * The outgoing specialist's last day offered when the replacement starts on
 * `replacementStart`: the day before, so there is no overlap unless someone
 * chooses a hand-over. It stays inside the outgoing allocation (fulfilling
 * only shortens it); a start that is not a date yet offers the allocation's
 * own end.
 */
export function defaultOutgoingEnd(replacementStart: string, outgoing: { startDate: string; endDate: string }): string {
  const before = isIsoDate(replacementStart) ? addDays(replacementStart, -1) : outgoing.endDate;
  if (before > outgoing.endDate) return outgoing.endDate;
  if (before < outgoing.startDate) return outgoing.startDate;
  return before;
}
