import { SPECIALIST_ROLES } from '@shared/clients/rules/reference';
import { isPlausibleMonth, PLAUSIBLE_DATES_MESSAGE } from '@shared/kernel/dates';
import { command, type ListResult, query } from '@shared/kernel/define';
import { byId, expectedUpdatedAt, id, isoDate, requiredText } from '@shared/kernel/fields';
import { z } from 'zod';
import { type InvoiceLine, ROUNDING_INCREMENTS, type RoundingIncrement } from '../rules/invoice';
import { INVOICE_PREFIX_RE, type InvoiceStatus, type MonthStatus } from '../rules/monthClose';
import type { MonthActions } from '../rules/monthState';
import { MONTH_RE } from '../rules/months';
import type { Rate } from '../rules/rates';
import type { MonthReview } from '../rules/review';

export const month = z
  .string({ error: 'is required' })
  .regex(MONTH_RE, { error: 'must be a month written YYYY-MM, such as 2026-10', abort: true })
  .refine(isPlausibleMonth, PLAUSIBLE_DATES_MESSAGE);

export type RateItem = Rate & { specialistName: string | null; createdAt: string; usedByIssuedInvoice: boolean };

export type SpecialistCap = { specialistId: string; specialistName: string; monthlyCapMinutes: number };

export type BillingTerms = {
  engagementId: string;
  engagementName: string;
  clientName: string;
  currency: string;
  roundingMinutes: RoundingIncrement;
  monthlyCapMinutes: number | null;
  vatBasisPoints: number;
  specialistCaps: SpecialistCap[];
  rates: RateItem[];
  updatedAt: string;
};

export type Invoice = {
  id: string;
  number: string;
  engagementId: string;
  month: string;
  clientName: string;
  engagementName: string;
  currency: string;
  roundingMinutes: number;
  /** Billable minutes as entered. */
  minutes: number;
  billedMinutes: number;
  /** Minutes recorded in the month that are not billed (0 on invoices issued before hours could be non-billable). */
  nonBillableMinutes: number;
  netMinor: number;
  vatBasisPoints: number;
  vatMinor: number;
  grossMinor: number;
  status: InvoiceStatus;
  issuedAt: string;
  issuedBy: string;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string;
};

export type InvoiceWithLines = Invoice & { lines: InvoiceLine[] };

export type MonthCloseState = {
  engagementId: string;
  month: string;
  status: MonthStatus;
  approvedAt: string | null;
  approvedBy: string | null;
};

export type EngagementMonth = MonthCloseState & {
  engagementName: string;
  clientName: string;
  currency: string;
  minutes: number;
  /** The live invoice's figures when invoiced, else the computed ones. */
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  invoiceNumber: string | null;
  errors: number;
  warnings: number;
};

/** What the month close list shows of each engagement's month; the review drawer (months.review) has the approval's who and when. */
export const MONTH_LIST_FIELDS = [
  'engagementId',
  'status',
  'engagementName',
  'clientName',
  'currency',
  'minutes',
  'netMinor',
  'vatMinor',
  'grossMinor',
  'invoiceNumber',
  'errors',
  'warnings',
] as const satisfies readonly (keyof EngagementMonth)[];
export type MonthListItem = Pick<EngagementMonth, (typeof MONTH_LIST_FIELDS)[number]>;

export type MonthReviewResult = MonthReview & {
  state: MonthCloseState;
  engagement: { id: string; name: string; clientName: string; currency: string };
  /** The issued invoice of this month, if any (`invoice` is the computation); cancelled ones of the month follow. */
  issued: InvoiceWithLines | null;
  cancelledInvoices: Invoice[];
  dates: { date: string; weekend: boolean }[];
  /** The steps of the close this month allows today, each with the sentence that refuses it (the screen offers only these). */
  actions: MonthActions;
};

export type BillingSettings = { invoicePrefix: string; dailyThresholdMinutes: number };

export type ExportJob = {
  id: string;
  fileName: string;
  state: 'running' | 'done' | 'failed';
  rowsWritten: number;
  rowsTotal: number;
  bytes: number;
  error: string | null;
};

export type ImportProblem = { row: number; column: string; message: string };
/**
 * A row whose cell (person, engagement, day, activity) already has different
 * hours in Keel: never applied, listed with both values for a person to settle.
 */
export type ImportConflict = {
  row: number;
  /** Who, where, what and when, in words: `Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 5 Oct 2026`. */
  cell: string;
  fileMinutes: number;
  keelMinutes: number;
  message: string;
};
export type ImportReport = {
  fileName: string;
  format: 'xlsx' | 'csv';
  rows: number;
  /** Entries written (0 on a dry run or when any row is invalid). */
  imported: number;
  /** Entries that would be written (valid and not already in Keel). */
  ready: number;
  /** The first 500 of each list; the counts are complete. */
  duplicates: { row: number; message: string }[];
  /** Rows whose cell already has different hours in Keel: not applied (the rest of the file still is). */
  conflicts: ImportConflict[];
  problems: ImportProblem[];
  duplicateCount: number;
  conflictCount: number;
  problemCount: number;
  written: boolean;
};

/**
 * An hours import running as a job (hours.importStart): a worker thread reads
 * and checks the file on a read-only connection while Keel keeps answering;
 * `checked` waits for hours.importCommit, which writes the ready rows in one
 * short transaction (checking the file again first if Keel's data changed
 * since); a cancelled or failed job wrote nothing.
 */
export const IMPORT_JOB_STATES = ['reading', 'checking', 'checked', 'committing', 'done', 'failed', 'cancelled'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];
export type ImportJob = {
  id: string;
  fileName: string;
  state: ImportJobState;
  /** Rows read from the file (known once it is parsed), rows checked against Keel so far, problems found so far. */
  rowsRead: number;
  rowsChecked: number;
  problemsSoFar: number;
  /** Times the file was checked again because Keel's data changed between the check and the commit. */
  rechecks: number;
  /** The check's report once `checked`; the import's once `done`. */
  report: ImportReport | null;
  error: string | null;
};

/** The largest hours file Keel takes in one import, as bytes arrive in browser mode and in the schema. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const IMPORT_TOO_LARGE =
  "The file is larger than Keel takes in one import (10 MB, about 100,000 rows in Keel's own layout). Split it by month or by engagement and import the parts.";

const jobId = z.strictObject({ jobId: id });

const cap = z
  .number({ error: 'must be a number of minutes' })
  .int('must be whole minutes')
  .min(60, 'must be at least 1 hour')
  .max(744 * 60, 'must be at most 744 hours (a 31-day month)');

export const rateFields = z
  .strictObject({
    engagementId: id,
    role: z
      .enum(SPECIALIST_ROLES, { error: `must be one of: ${SPECIALIST_ROLES.join(', ')}` })
      .nullable()
      .default(null),
    specialistId: id.nullable().default(null),
    effectiveFrom: isoDate,
    hourlyRateMinor: z
      .number({ error: 'must be an amount in minor units' })
      .int('must be whole minor units (cents)')
      .min(1, 'must be more than zero')
      .max(100_000_000, 'is implausibly high'),
  })
  .refine((r) => (r.role === null) !== (r.specialistId === null), {
    message: 'give either a role or a specialist (an override), not both',
    path: ['role'],
  });
export type RateFields = z.input<typeof rateFields>;

const monthOfEngagement = z.strictObject({ engagementId: id, month });

/** What an export covers, once checked: one month (all engagements or one), or the timesheet detail of a date range. */
export type FinanceExportRequest = { kind: 'month'; month: string; engagementId?: string } | { kind: 'detail'; from: string; to: string };

/**
 * One flat object (so GET /api can describe it as JSON Schema) whose fields depend on `kind`;
 * the handler receives the narrowed request.
 */
const exportRequest = z
  .strictObject({
    kind: z.enum(['month', 'detail'], { error: 'must be month (the finance workbook) or detail (the timesheet detail of a date range)' }),
    month: month.optional(),
    engagementId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .superRefine((v, issues) => {
    const need = (field: 'month' | 'from' | 'to', what: string) => {
      if (!v[field]) issues.addIssue({ code: 'custom', path: [field], message: `is required for ${what}` });
    };
    const refuse = (field: 'month' | 'engagementId' | 'from' | 'to', what: string) => {
      if (v[field]) issues.addIssue({ code: 'custom', path: [field], message: `does not belong to ${what}` });
    };
    if (v.kind === 'month') {
      need('month', 'a month export');
      refuse('from', 'a month export (give the month)');
      refuse('to', 'a month export (give the month)');
    } else {
      need('from', 'a detail export');
      need('to', 'a detail export');
      refuse('month', 'a detail export (give from and to)');
      refuse('engagementId', 'a detail export');
    }
  })
  .transform(
    (v): FinanceExportRequest =>
      v.kind === 'month'
        ? { kind: 'month', month: v.month as string, ...(v.engagementId ? { engagementId: v.engagementId } : {}) }
        : { kind: 'detail', from: v.from as string, to: v.to as string },
  );

export const billingProcedures = {
  'billing.terms': query<BillingTerms>()(
    'An engagement’s billing terms: rounding, caps, VAT and its rates.',
    z.strictObject({ engagementId: id }),
  ),
  'billing.setTerms': command<BillingTerms>()(
    'Set an engagement’s rounding increment and optional monthly hours cap.',
    z.strictObject({
      engagementId: id,
      roundingMinutes: z.union(
        ROUNDING_INCREMENTS.map((n) => z.literal(n)),
        { error: 'must be 0 (none), 6, 15 or 30 minutes' },
      ),
      monthlyCapMinutes: cap.nullable(),
      expectedUpdatedAt,
    }),
  ),
  'billing.setSpecialistCap': command<BillingTerms>()(
    'Set or clear a specialist’s monthly hours cap on an engagement.',
    z.strictObject({ engagementId: id, specialistId: id, monthlyCapMinutes: cap.nullable() }),
  ),
  'rates.create': command<BillingTerms>()(
    'Add an hourly rate (per role, or a specialist override) effective from a date. Past months keep their rates.',
    rateFields,
  ),
  'rates.delete': command<BillingTerms>()('Delete a rate entered by mistake; refused once an issued invoice used it.', byId),

  'months.list': query<ListResult<MonthListItem>>()(
    'Every engagement running in a month with its close status, hours and amounts.',
    z.strictObject({ month }),
  ),
  'months.review': query<MonthReviewResult>()(
    'The month review of one engagement: hours per specialist and day, warnings and the computed invoice.',
    monthOfEngagement,
  ),
  'months.approve': command<MonthReviewResult>()(
    'Approve a month: locks its hours. Refused while the review shows errors.',
    monthOfEngagement,
  ),
  'months.reopen': command<MonthReviewResult>()('Withdraw the approval of a month that is not invoiced.', monthOfEngagement),

  'invoices.issue': command<InvoiceWithLines>()(
    'Issue the invoice of an approved month: the next number of the year, an immutable snapshot of its lines.',
    monthOfEngagement,
  ),
  'invoices.cancel': command<InvoiceWithLines>()(
    'Cancel an invoice with a reason; it stays visible and the month reopens.',
    z.strictObject({ id, reason: requiredText(500) }),
  ),
  'invoices.list': query<ListResult<Invoice>>()(
    'Invoices, issued and cancelled, by year, month or engagement.',
    z
      .strictObject({ year: z.number().int().min(2000).max(2200).optional(), month: month.optional(), engagementId: id.optional() })
      .default({}),
  ),
  'invoices.get': query<InvoiceWithLines>()('One invoice with its lines.', byId),

  'billing.settings': query<BillingSettings>()('Invoice number prefix and the daily hours threshold.', z.strictObject({}).default({})),
  'billing.updateSettings': command<BillingSettings>()(
    'Change the invoice number prefix or the daily hours threshold.',
    z.strictObject({
      invoicePrefix: z
        .string({ error: 'is required' })
        .trim()
        .toUpperCase()
        .regex(INVOICE_PREFIX_RE, 'must be 1–12 letters, digits or dashes, starting with a letter or digit'),
      dailyThresholdMinutes: z.number().int().min(60, 'must be at least 1 hour').max(1440, 'must be at most 24 hours'),
    }),
  ),

  'finance.exportStart': command<ExportJob>()(
    'Start the finance workbook for a month (all engagements, or one) or the timesheet detail of a date range.',
    exportRequest,
  ),
  'finance.exportStatus': query<ExportJob>()('Progress of an export.', z.strictObject({ jobId: id })),
  'finance.exportDownload': query<{ fileName: string; base64: string; bytes: number }>()(
    'The finished export file.',
    z.strictObject({ jobId: id }),
  ),
  'hours.import': command<ImportReport>()(
    'Import hours from Keel’s Excel layout or CSV: everything is checked first; any invalid row means nothing is written; duplicates are skipped, and rows that disagree with hours already in Keel are listed as conflicts and not applied.',
    z.strictObject({
      fileName: requiredText(260),
      base64: z.base64({ error: 'must be the file’s content in base64' }).max(70_000_000, 'the file is too large (50 MB at most)'),
      dryRun: z.boolean().default(false),
    }),
  ),
  'hours.importStart': command<ImportJob>()(
    'Start an hours import from Keel’s Excel layout or CSV: the file is read and checked in the background (hours.importStatus); nothing is written until hours.importCommit. In browser mode the file may be sent as the raw request body (application/octet-stream, ?fileName=…) instead of base64.',
    z
      .strictObject({
        fileName: requiredText(260),
        base64: z
          .base64({ error: 'must be the file’s content in base64' })
          .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'is larger than 10 MB: split the file by month or by engagement')
          .optional(),
        uploadId: id.optional(),
      })
      .refine((input) => (input.base64 === undefined) !== (input.uploadId === undefined), {
        path: ['base64'],
        message: 'must be given: the file’s content in base64 (or, in browser mode, the file itself as the request body)',
      }),
  ),
  'hours.importStatus': query<ImportJob>()(
    'Progress of an hours import: phase, rows read and checked, problems so far, then the report.',
    jobId,
  ),
  'hours.importCommit': command<ImportJob>()(
    'Write a checked hours import in one transaction (checked again first if Keel’s data changed since); refused while any row has a problem.',
    jobId,
  ),
  'hours.importCancel': command<ImportJob>()('Stop an hours import before it is written: nothing is written.', jobId),
};
