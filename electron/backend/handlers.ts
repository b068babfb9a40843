import { loadSampleData } from '@backend/app/sampleService';
import { listAudit, undoAudit } from '@backend/audit/auditService';
import { billingSettings, updateBillingSettings } from '@backend/billing/billingSettings';
import { billingTerms, createRate, deleteRate, setBillingTerms, setSpecialistCap } from '@backend/billing/billingTermsService';
import { exportDownload, exportStatus, startFinanceExport } from '@backend/billing/financeExport';
import { importHours } from '@backend/billing/hoursImport';
import { approveMonth, cancelInvoice, issueInvoice, listMonth, reopenMonth, reviewMonth } from '@backend/billing/monthCloseService';
import { copyWeek, setCell, timesheetWeek } from '@backend/billing/timesheetService';
import { archiveClient, createClient, getClient, restoreClient, updateClient } from '@backend/clients/clientService';
import {
  archiveEngagement,
  createEngagement,
  getEngagement,
  restoreEngagement,
  updateEngagement,
} from '@backend/clients/engagementService';
import {
  archiveSpecialist,
  createSpecialist,
  getSpecialist,
  restoreSpecialist,
  updateSpecialist,
} from '@backend/clients/specialistService';
import { continuityHandlers } from '@backend/continuity/handlers';
import { calendarOptions, withEffectiveTimeZone } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { clockThresholds } from '@backend/core/continuitySettings';
import { createAbsence, deleteAbsence, updateAbsence } from '@backend/plan/absenceService';
import { allocationDetail, cancelAllocation, createAllocation, updateAllocation } from '@backend/plan/allocationService';
import { forecast, rollOffRadar, specialistCapacity, timeline } from '@backend/plan/planService';
import { planWorkbook } from '@backend/plan/planWorkbook';
import {
  createStaffingRequest,
  declineStaffingRequest,
  fillStaffingRequest,
  getStaffingRequest,
  setStaffingStage,
  staffingItem,
  updateStaffingRequest,
} from '@backend/plan/staffingService';
import { canLoadSampleData } from '@shared/clients/rules/lifecycle';
import {
  ENGAGEMENT_STATUS_LABELS,
  ENGAGEMENT_STATUSES,
  ROLE_LABELS,
  SENIORITIES,
  SENIORITY_LABELS,
  SPECIALIST_ROLES,
  SPECIALIST_STATUS_LABELS,
  SPECIALIST_STATUSES,
} from '@shared/clients/rules/reference';
import { SOURCING_REGION_LABELS, SOURCING_REGIONS } from '@shared/clients/rules/sourcingRegion';
import type { OutputOf, ParsedInputOf, ProcedureName } from '@shared/contract';
import { countryCodes, countryName } from '@shared/kernel/country';
import { currencyCodes, currencyName } from '@shared/kernel/currency';
import { notFound } from '@shared/kernel/errors';

export type Handler<N extends ProcedureName> = (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>;
/** One handler per contract procedure; a missing or extra one is a type error. */
export type Handlers = { [N in ProcedureName]: Handler<N> };

export type HostServices = {
  appInfo(): Omit<OutputOf<'app.info'>, 'counts' | 'canLoadSample'>;
  backup(path: string | undefined): Promise<OutputOf<'db.backup'>>;
};

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

export function createHandlers(ctx: Context, host: HostServices): Handlers {
  const { clients, engagements, specialists, allocations, absences, staffing } = ctx.repos;
  return {
    'app.info': () => {
      const counts = { clients: clients.count(), engagements: engagements.count(), specialists: specialists.count() };
      return { ...host.appInfo(), counts, canLoadSample: canLoadSampleData(counts) };
    },
    'reference.get': () => ({
      countries: countryCodes()
        .map((value) => ({ value, label: countryName(value) }))
        .sort(byLabel),
      currencies: currencyCodes().map((value) => ({ value, label: `${value} — ${currencyName(value)}` })),
      holidayCalendars: calendarOptions(),
      roles: SPECIALIST_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      seniorities: SENIORITIES.map((value) => ({ value, label: SENIORITY_LABELS[value] })),
      sourcingRegions: SOURCING_REGIONS.map((value) => ({ value, label: SOURCING_REGION_LABELS[value] })),
      engagementStatuses: ENGAGEMENT_STATUSES.map((value) => ({ value, label: ENGAGEMENT_STATUS_LABELS[value] })),
      specialistStatuses: SPECIALIST_STATUSES.map((value) => ({ value, label: SPECIALIST_STATUS_LABELS[value] })),
    }),
    'db.backup': (input) => host.backup(input.path),
    'sample.load': () => loadSampleData(ctx),

    'clients.list': (input) => {
      const rows = clients.list(input).map(withEffectiveTimeZone);
      return { rows, total: rows.length };
    },
    'clients.get': ({ id }) => getClient(ctx, id),
    'clients.create': (input) => createClient(ctx, input),
    'clients.update': (input) => updateClient(ctx, input),
    'clients.archive': ({ id }) => archiveClient(ctx, id),
    'clients.restore': ({ id }) => restoreClient(ctx, id),

    'engagements.list': (input) => {
      const rows = engagements.list(input);
      return { rows, total: rows.length };
    },
    'engagements.get': ({ id }) => getEngagement(ctx, id),
    'engagements.create': (input) => createEngagement(ctx, input),
    'engagements.update': (input) => updateEngagement(ctx, input),
    'engagements.archive': ({ id }) => archiveEngagement(ctx, id),
    'engagements.restore': ({ id }) => restoreEngagement(ctx, id),

    'specialists.list': (input) => {
      const rows = specialists.list(input);
      return { rows, total: rows.length };
    },
    'specialists.get': ({ id }) => getSpecialist(ctx, id),
    'specialists.create': (input) => createSpecialist(ctx, input),
    'specialists.update': (input) => updateSpecialist(ctx, input),
    'specialists.archive': ({ id }) => archiveSpecialist(ctx, id),
    'specialists.restore': ({ id }) => restoreSpecialist(ctx, id),

    'allocations.list': (input) => {
      const rows = allocations.list(input);
      return { rows, total: rows.length };
    },
    'allocations.get': ({ id }) => allocationDetail(ctx, id),
    'allocations.create': (input) => createAllocation(ctx, input),
    'allocations.update': (input) => updateAllocation(ctx, input),
    'allocations.cancel': ({ id, reason }) => cancelAllocation(ctx, id, reason),

    'absences.list': (input) => {
      const rows = absences.list(input);
      return { rows, total: rows.length };
    },
    'absences.create': (input) => createAbsence(ctx, input),
    'absences.update': (input) => updateAbsence(ctx, input),
    'absences.delete': ({ id }) => deleteAbsence(ctx, id),

    'staffing.list': (input) => {
      const thresholds = clockThresholds(ctx);
      const rows = staffing.list(input).map((r) => staffingItem(ctx, r, thresholds));
      return { rows, total: rows.length };
    },
    'staffing.get': ({ id }) => getStaffingRequest(ctx, id),
    'staffing.create': (input) => createStaffingRequest(ctx, input),
    'staffing.update': (input) => updateStaffingRequest(ctx, input),
    'staffing.setStage': ({ id, stage }) => setStaffingStage(ctx, id, stage),
    'staffing.fill': (input) => fillStaffingRequest(ctx, input),
    'staffing.decline': ({ id, reason }) => declineStaffingRequest(ctx, id, reason),

    'plan.timeline': (input) => timeline(ctx, input),
    'plan.rollOff': ({ weeks }) => rollOffRadar(ctx, weeks),
    'plan.forecast': (input) => forecast(ctx, input),
    'plan.capacity': (input) => specialistCapacity(ctx, input),
    'plan.export': async ({ weeks, months, ...view }) => {
      const buffer = await planWorkbook({
        timeline: timeline(ctx, view),
        radar: rollOffRadar(ctx, weeks),
        forecast: forecast(ctx, { from: view.from, months }),
      });
      return { fileName: `keel-plan-${view.from}.xlsx`, base64: buffer.toString('base64'), bytes: buffer.length };
    },

    'time.week': ({ specialistId, weekStart }) => timesheetWeek(ctx, specialistId, weekStart),
    'time.setCell': (input) => setCell(ctx, input),
    'time.copyWeek': ({ specialistId, weekStart }) => copyWeek(ctx, specialistId, weekStart),
    'time.list': (input) => {
      const rows = ctx.repos.timeEntries.list(input);
      return { rows, total: rows.length };
    },

    'billing.terms': ({ engagementId }) => billingTerms(ctx, engagementId),
    'billing.setTerms': (input) => setBillingTerms(ctx, input),
    'billing.setSpecialistCap': (input) => setSpecialistCap(ctx, input),
    'rates.create': (input) => createRate(ctx, input),
    'rates.delete': ({ id }) => deleteRate(ctx, id),
    'billing.settings': () => billingSettings(ctx),
    'billing.updateSettings': (input) => updateBillingSettings(ctx, input),

    'months.list': ({ month }) => {
      const rows = listMonth(ctx, month);
      return { rows, total: rows.length };
    },
    'months.review': ({ engagementId, month }) => reviewMonth(ctx, engagementId, month),
    'months.approve': ({ engagementId, month }) => approveMonth(ctx, engagementId, month),
    'months.reopen': ({ engagementId, month }) => reopenMonth(ctx, engagementId, month),
    'invoices.issue': ({ engagementId, month }) => issueInvoice(ctx, engagementId, month),
    'invoices.cancel': ({ id, reason }) => cancelInvoice(ctx, id, reason),
    'invoices.list': (input) => {
      const rows = ctx.repos.invoices.list(input);
      return { rows, total: rows.length };
    },
    'invoices.get': ({ id }) => {
      const invoice = ctx.repos.invoices.get(id);
      if (!invoice) throw notFound('Invoice', id);
      return invoice;
    },

    'finance.exportStart': (input) => startFinanceExport(ctx, input),
    'finance.exportStatus': ({ jobId }) => exportStatus(jobId),
    'finance.exportDownload': ({ jobId }) => exportDownload(jobId),
    'hours.import': (input) => importHours(ctx, input),

    ...continuityHandlers(ctx),

    'audit.list': (input) => listAudit(ctx, input),
    'audit.undo': ({ auditId }) => undoAudit(ctx, auditId),
  };
}
