import { dateLabel } from '@shared/kernel/dates';
import type { InvoiceStatus, MonthStatus } from './monthClose';
import { firstDayOf, lastDayOf } from './months';

/**
 * The month close as a state machine: what may happen to one engagement's
 * month, and why not. Open → approved (approve), approved → open (withdraw
 * the approval), approved → invoiced (issue), invoiced → open (cancel the
 * invoice with a reason: the month reopens, it does not fall back to
 * approved, so it is reviewed and approved again before a new invoice).
 *
 * The service refuses with these sentences and the review carries them, so
 * the screen offers exactly the steps the backend will take.
 */
export const MONTH_ACTIONS = ['approve', 'reopen', 'issue', 'cancel'] as const;
export type MonthActionName = (typeof MONTH_ACTIONS)[number];

/** Where each step starts and where it leads. */
export const MONTH_TRANSITIONS = {
  approve: { from: 'open', to: 'approved' },
  reopen: { from: 'approved', to: 'open' },
  issue: { from: 'approved', to: 'invoiced' },
  cancel: { from: 'invoiced', to: 'open' },
} as const satisfies Record<MonthActionName, { from: MonthStatus; to: MonthStatus }>;

export type MonthSituation = {
  status: MonthStatus;
  /** YYYY-MM. */
  month: string;
  /** Today's date: a month that has not begun cannot be approved. */
  today: string;
  /** How a refusal names the month: `October 2026 of Credit risk`. */
  when: string;
  /** The messages of the review's errors: they block approving and issuing. */
  errors: readonly string[];
  /** The live invoice's number, when the month is invoiced. */
  invoiceNumber: string | null;
  /** Why the invoice computed now differs from what was approved, or null (see `changedSinceApproval`). */
  changedSinceApproval: string | null;
  /** Whether the computed invoice has a line at all. */
  hasLines: boolean;
  /** The engagement's dates: a month wholly outside them has nothing to approve or lock. */
  engagement: { startDate: string; endDate: string | null };
};

/** Why a month lies outside its engagement, or null when the engagement runs on at least one of its days. */
export function outsideEngagement(s: Pick<MonthSituation, 'month' | 'when' | 'engagement'>): string | null {
  const { startDate, endDate } = s.engagement;
  if (lastDayOf(s.month) < startDate)
    return `${s.when} lies before the engagement starts (${dateLabel(startDate)}), so there is nothing to approve.`;
  if (endDate && firstDayOf(s.month) > endDate)
    return `${s.when} lies after the engagement ended (${dateLabel(endDate)}), so there is nothing to approve.`;
  return null;
}

export type MonthAction = {
  /** Whether the screen offers the step: the month is where the step starts (and, to approve, has begun). */
  offered: boolean;
  /** Why the step cannot be taken now, or null when it can. */
  refusal: string | null;
};

export type MonthActions = Record<MonthActionName, MonthAction>;

function approveRefusal(s: MonthSituation): string | null {
  if (s.status !== 'open') return `${s.when} is already ${s.status}.`;
  const outside = outsideEngagement(s);
  if (outside) return outside;
  if (firstDayOf(s.month) > s.today) return `${s.when} has not started yet, so it cannot be approved.`;
  if (s.errors.length) return `${s.when} cannot be approved yet. ${s.errors.join(' ')}`;
  return null;
}

function reopenRefusal(s: MonthSituation): string | null {
  if (s.status === 'open') return `${s.when} is open already.`;
  if (s.status === 'invoiced') return `${s.when} is invoiced. Cancel its invoice with a reason to reopen it.`;
  return null;
}

function issueRefusal(s: MonthSituation): string | null {
  if (s.status === 'invoiced') return `${s.when} is already invoiced (${s.invoiceNumber}).`;
  if (s.status !== 'approved') return `${s.when} must be approved before its invoice is issued.`;
  if (s.errors.length) return `${s.when} cannot be invoiced. ${s.errors.join(' ')}`;
  if (s.changedSinceApproval) return s.changedSinceApproval;
  if (!s.hasLines) return `${s.when} has no billable hours, so there is nothing to invoice.`;
  return null;
}

function cancelRefusal(s: MonthSituation): string | null {
  return s.status === 'invoiced' ? null : `${s.when} has no issued invoice to cancel.`;
}

/** Each step of the close for this month: offered or not, and why it cannot be taken now. */
export function monthActions(s: MonthSituation): MonthActions {
  const begun = firstDayOf(s.month) <= s.today;
  return {
    approve: { offered: s.status === 'open' && begun && !outsideEngagement(s), refusal: approveRefusal(s) },
    reopen: { offered: s.status === 'approved', refusal: reopenRefusal(s) },
    issue: { offered: s.status === 'approved', refusal: issueRefusal(s) },
    cancel: { offered: s.status === 'invoiced', refusal: cancelRefusal(s) },
  };
}

/** Why an invoice cannot be cancelled, or null: only an issued one can, once. */
export function invoiceCancelRefusal(invoice: { number: string; status: InvoiceStatus }): string | null {
  return invoice.status === 'cancelled' ? `Invoice ${invoice.number} is already cancelled.` : null;
}
