import type { StaleDeclarations } from '@renderer/api/stale';
import type { billingAreaProcedures } from '@shared/billing/procedures';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';

const ALWAYS = ['audit.list', 'app.summaries'] as const satisfies readonly QueryName[];

/** Hours show in the timesheet, the hours list, the month's review and totals, and the hours per model. */
const HOURS = ['time.week', 'time.list', 'time.byModel', 'months.list', 'months.review'] as const satisfies readonly QueryName[];

/** Terms, caps and rates price the month's review. */
const TERMS = ['billing.terms', 'months.list', 'months.review'] as const satisfies readonly QueryName[];

/** Approving, reopening and invoicing a month locks or frees its hours. */
const MONTH = [...HOURS, 'invoices.list', 'invoices.get'] as const satisfies readonly QueryName[];

/**
 * Approving a month records the ownership matrix as it stands (the ownership area's hook, in the same
 * transaction): the recorded matrices of the engagement and the month's own.
 */
const SNAPSHOTS = ['ownership.snapshots', 'ownership.snapshot'] as const satisfies readonly QueryName[];

/** What each command of the billing area makes stale (a missing command is a type error). */
export const billingStale: StaleDeclarations<CommandNamesOf<typeof billingAreaProcedures>> = {
  'time.setCell': [...HOURS, ...ALWAYS],
  'time.copyWeek': [...HOURS, ...ALWAYS],
  // Billable or not: the review's split, its invoice and the month's amounts.
  'time.setBillable': [...HOURS, ...ALWAYS],
  'hours.import': [...HOURS, ...ALWAYS],
  // A background job: starting or cancelling it changes only its progress; the commit writes the hours
  // (when it had to check the file again first, the dialog refreshes them once the job is done).
  'hours.importStart': ['hours.importStatus'],
  'hours.importCommit': [...HOURS, 'hours.importStatus', ...ALWAYS],
  'hours.importCancel': ['hours.importStatus'],
  'billing.setTerms': [...TERMS, ...ALWAYS],
  'billing.setSpecialistCap': [...TERMS, ...ALWAYS],
  'rates.create': [...TERMS, ...ALWAYS],
  'rates.delete': [...TERMS, ...ALWAYS],
  'months.approve': [...MONTH, ...SNAPSHOTS, ...ALWAYS],
  'months.reopen': [...MONTH, ...ALWAYS],
  // An invoice uses the rates, which then cannot be deleted.
  'invoices.issue': [...MONTH, 'billing.terms', ...ALWAYS],
  'invoices.cancel': [...MONTH, 'billing.terms', ...ALWAYS],
  // The number prefix and the daily hours threshold (the review's and the timesheet's warnings).
  'billing.updateSettings': ['billing.settings', ...HOURS, ...ALWAYS],
  // Starts a background job; only its progress changes.
  'finance.exportStart': ['finance.exportStatus'],
};
