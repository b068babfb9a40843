import { defineArea, listOf } from '@backend/core/area';
import { billingAreaProcedures } from '@shared/billing/procedures';
import { nextMonth } from '@shared/billing/rules/months';
import { notFound } from '@shared/kernel/errors';
import { summaryOf } from '@shared/kernel/summary';
import { billingSettings, updateBillingSettings } from './billingSettings';
import { billingTerms, createRate, deleteRate, setBillingTerms, setSpecialistCap } from './billingTermsService';
import { refuseCurrencyChangeOnceBilled } from './engagementHooks';
import { exportDownload, exportStatus, startFinanceExport } from './financeExport';
import { cancelImport, commitImport, importHours, importStatus, startImport } from './hoursImport';
import { approveMonth, cancelInvoice, issueInvoice, listMonth, reopenMonth, reviewMonth } from './monthCloseService';
import { billingRepositories } from './repositories';
import { billingSample } from './sample';
import { nameHoursBeforeStart } from './specialistHooks';
import { copyWeek, hoursByModel, setBillable, setCell, timesheetWeek } from './timesheetService';

/** Hours, rates and terms, the month close, invoices, the finance export and the hours import. */
export const billingArea = defineArea({
  id: 'billing',
  procedures: billingAreaProcedures,
  repositories: billingRepositories,
  sample: billingSample,
  hooks: { 'clients.engagementUpdating': refuseCurrencyChangeOnceBilled, 'clients.specialistStartMoving': nameHoursBeforeStart },
  handlers: (ctx) => ({
    'time.week': ({ specialistId, weekStart }) => timesheetWeek(ctx, specialistId, weekStart),
    'time.setCell': (input) => setCell(ctx, input),
    'time.copyWeek': ({ specialistId, weekStart }) => copyWeek(ctx, specialistId, weekStart),
    'time.setBillable': (input) => setBillable(ctx, input),
    'time.byModel': (input) => hoursByModel(ctx, input),
    'time.list': (input) => listOf(ctx.repos.timeEntries.list(input)),

    'billing.terms': ({ engagementId }) => billingTerms(ctx, engagementId),
    'billing.setTerms': (input) => setBillingTerms(ctx, input),
    'billing.setSpecialistCap': (input) => setSpecialistCap(ctx, input),
    'rates.create': (input) => createRate(ctx, input),
    'rates.delete': ({ id }) => deleteRate(ctx, id),
    'billing.settings': () => billingSettings(ctx),
    'billing.updateSettings': (input) => updateBillingSettings(ctx, input),

    'months.list': ({ month }) => listOf(listMonth(ctx, month)),
    'months.review': ({ engagementId, month }) => reviewMonth(ctx, engagementId, month),
    'months.approve': ({ engagementId, month }) => approveMonth(ctx, engagementId, month),
    'months.reopen': ({ engagementId, month }) => reopenMonth(ctx, engagementId, month),
    'invoices.issue': ({ engagementId, month }) => issueInvoice(ctx, engagementId, month),
    'invoices.cancel': ({ id, reason }) => cancelInvoice(ctx, id, reason),
    'invoices.list': (input) => listOf(ctx.repos.invoices.list(input)),
    'invoices.get': ({ id }) => {
      const invoice = ctx.repos.invoices.get(id);
      if (!invoice) throw notFound('Invoice', id);
      return invoice;
    },

    'finance.exportStart': (input) => startFinanceExport(ctx, input),
    'finance.exportStatus': ({ jobId }) => exportStatus(jobId),
    'finance.exportDownload': ({ jobId }) => exportDownload(jobId),
    'hours.import': (input) => importHours(ctx, input),
    'hours.importStart': (input) => startImport(ctx, input),
    'hours.importStatus': ({ jobId }) => importStatus(jobId),
    'hours.importCommit': ({ jobId }) => commitImport(jobId),
    'hours.importCancel': ({ jobId }) => cancelImport(jobId),
  }),
  summary: (ctx) => {
    // The last twelve months before the current one: older open months are history, not a to-do.
    const current = ctx.today().slice(0, 7);
    const waiting = ctx.repos.billing.monthsAwaitingClose(nextMonth(current, -12), current);
    return summaryOf('billing', [
      { label: 'past months still open', one: 'past month still open', count: waiting.open, tone: 'attention' },
      { label: 'approved months not invoiced', one: 'approved month not invoiced', count: waiting.approved, tone: 'attention' },
    ]);
  },
});
