import { dateLabel } from '@shared/kernel/dates';

/**
 * Billable and non-billable hours. The provider promises a replacement "at no
 * extra cost": while the outgoing and the incoming specialist overlap on the
 * engagement (the hand-over a fulfilled replacement shows), the incoming
 * specialist's hours are not invoiced. Such an entry starts non-billable with
 * the hand-over reason; finance may change any entry either way, with a
 * reason when it is not billable, until the month is approved.
 */
export const HANDOVER_REASON = 'Replacement hand-over (no extra cost)';

/**
 * The days (inclusive) an incoming specialist of a fulfilled replacement
 * overlaps the outgoing one on an engagement.
 */
export type HandoverWindow = { specialistId: string; engagementId: string; from: string; to: string };

export type Billability = { billable: true; nonBillableReason: '' } | { billable: false; nonBillableReason: string };

export const BILLABLE: Billability = { billable: true, nonBillableReason: '' };

/** The window that covers this entry's day for its specialist and engagement, if any. */
export function handoverWindowOf(
  entry: { specialistId: string; engagementId: string; date: string },
  windows: readonly HandoverWindow[],
): HandoverWindow | null {
  return (
    windows.find(
      (w) => w.specialistId === entry.specialistId && w.engagementId === entry.engagementId && w.from <= entry.date && entry.date <= w.to,
    ) ?? null
  );
}

/**
 * Whether a new entry is billable: not when it falls on a hand-over day of its
 * specialist on the same engagement; billable otherwise.
 */
export function defaultBillability(
  entry: { specialistId: string; engagementId: string; date: string },
  windows: readonly HandoverWindow[],
): Billability {
  return handoverWindowOf(entry, windows) ? { billable: false, nonBillableReason: HANDOVER_REASON } : BILLABLE;
}

/**
 * The billability a change asks for, or the sentence refusing it: a
 * non-billable entry needs a reason (a billable one keeps none).
 */
export function billabilityOf(billable: boolean, reason: string): Billability | { refusal: string } {
  if (billable) return BILLABLE;
  const trimmed = reason.trim();
  if (trimmed === '') return { refusal: 'Give a reason when hours are not billable; the review and the invoice show it.' };
  return { billable: false, nonBillableReason: trimmed };
}

/** How an entry's billability reads in the audit log and on screen. */
export function billabilityLabel(b: { billable: boolean; nonBillableReason: string }): string {
  return b.billable ? 'Billable' : `Not billable: ${b.nonBillableReason}`;
}

/** The sentence the timesheet shows beside hours that are not billed. */
export function nonBillableNotice(entry: { date: string; nonBillableReason: string }): string {
  return `The hours on ${dateLabel(entry.date)} are not billed (${entry.nonBillableReason}); finance can change that until the month is approved.`;
}
