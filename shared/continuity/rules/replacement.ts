import { toDay } from '@shared/kernel/days';

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
