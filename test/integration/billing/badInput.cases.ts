import type { TestBackend } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';
import type { ClientsFixture } from '../clients/badInput.cases';

/** A role rate on Helvetic; April approved and invoiced, May invoiced and the invoice cancelled, June with hours and open. */
export type BillingFixture = {
  rateId: string;
  invoiceId: string;
  cancelledInvoiceId: string;
  /** An entry of invoiced April, and one of open June. */
  invoicedEntryId: string;
  openEntryId: string;
  /** Models at Helvetic for hours: one run by the engagement (in service from 1 Jun 2026), one in the inventory only. */
  hoursModelId: string;
  inventoryModelId: string;
};

async function setUp(b: TestBackend, { engagementId, specialistId }: ClientsFixture): Promise<BillingFixture> {
  const terms = await b.ok('rates.create', { engagementId, role: 'mlops_engineer', effectiveFrom: '2026-02-01', hourlyRateMinor: 15_000 });
  const rateId = terms.rates[0]?.id ?? '';
  const hours = { specialistId, engagementId, activity: 'retraining' as const, minutes: 480 };
  const invoicedEntryId = (await b.ok('time.setCell', { ...hours, date: '2026-04-06' })).entry?.id ?? '';
  await b.ok('months.approve', { engagementId, month: '2026-04' });
  const invoiceId = (await b.ok('invoices.issue', { engagementId, month: '2026-04' })).id;
  await b.ok('time.setCell', { ...hours, date: '2026-05-04' });
  await b.ok('months.approve', { engagementId, month: '2026-05' });
  const cancelledInvoiceId = (await b.ok('invoices.issue', { engagementId, month: '2026-05' })).id;
  await b.ok('invoices.cancel', { id: cancelledInvoiceId, reason: 'Wrong purchase order number' });
  const openEntryId = (await b.ok('time.setCell', { ...hours, date: '2026-06-01', activity: 'deployment', minutes: 600 })).entry?.id ?? '';
  const model = {
    clientId: (await b.ok('engagements.get', { id: engagementId })).clientId,
    riskTier: 'medium' as const,
    aiActCategory: 'minimal' as const,
    kind: 'classical_ml' as const,
    serving: 'batch' as const,
    stage: 'prototype' as const,
  };
  const hoursModelId = (await b.ok('models.create', { ...model, engagementId, name: 'Hours: claims ageing', inServiceSince: '2026-06-01' }))
    .id;
  const inventoryModelId = (
    await b.ok('models.create', { ...model, engagementId: null, name: 'Hours: not run', inServiceSince: '2026-01-05' })
  ).id;
  return { rateId, invoiceId, cancelledInvoiceId, invoicedEntryId, openEntryId, hoursModelId, inventoryModelId };
}

function cases(fx: ClientsFixture & BillingFixture): CaseTable {
  const {
    engagementId,
    specialistId,
    archivedSpecialistId,
    lateJoinerId,
    rateId,
    invoiceId,
    cancelledInvoiceId,
    invoicedEntryId,
    openEntryId,
    hoursModelId,
    inventoryModelId,
  } = fx;
  const cell = () => ({ specialistId, engagementId, activity: 'retraining', date: '2026-06-02', minutes: 450 });
  const rate = () => ({ engagementId, role: 'sre', effectiveFrom: '2026-11-01', hourlyRateMinor: 14_000 });
  const terms = () => ({ engagementId, roundingMinutes: 15, monthlyCapMinutes: 160 * 60 });
  return {
    'time.week': [
      { why: 'missing specialist', input: { weekStart: '2026-06-01' }, code: 'invalid_input', field: 'specialistId' },
      { why: 'unknown specialist', input: { specialistId: MISSING_ID, weekStart: '2026-06-01' }, code: 'not_found', field: 'specialistId' },
      { why: 'impossible date', input: { specialistId, weekStart: '2026-02-30' }, code: 'invalid_input', field: 'weekStart' },
    ],
    'time.setBillable': [
      { why: 'missing entry', input: { billable: true }, code: 'invalid_input', field: 'entryId' },
      { why: 'unknown entry', input: { entryId: MISSING_ID, billable: true }, code: 'not_found' },
      { why: 'billable as text', input: { entryId: openEntryId, billable: 'no' }, code: 'invalid_input', field: 'billable' },
      {
        why: 'not billable without a reason',
        input: { entryId: openEntryId, billable: false },
        code: 'invalid_input',
        field: 'reason',
        message: 'Reason is required when the hours are not billable.',
      },
      {
        why: 'not billable with a reason of spaces and zero-width characters',
        input: { entryId: openEntryId, billable: false, reason: ' \u200b ' },
        code: 'invalid_input',
        field: 'reason',
      },
      {
        why: 'a reason on billable hours',
        input: { entryId: openEntryId, billable: true, reason: 'Goodwill' },
        code: 'invalid_input',
        field: 'reason',
      },
      {
        why: 'a reason longer than 500 characters',
        input: { entryId: openEntryId, billable: false, reason: 'x'.repeat(501) },
        code: 'invalid_input',
        field: 'reason',
      },
      { why: 'unknown field', input: { entryId: openEntryId, billable: true, note: 'x' }, code: 'invalid_input' },
      {
        why: 'an entry of an invoiced month',
        input: { entryId: invoicedEntryId, billable: false, reason: 'Goodwill' },
        code: 'conflict',
        field: 'billable',
        message:
          'April 2026 of Claims model operations is invoiced, so its hours are locked. Cancel the invoice (with a reason) in Month close to reopen it.',
      },
    ],
    'time.setCell': [
      {
        why: 'a day in year 9999',
        input: { ...cell(), date: '9999-12-31' },
        code: 'invalid_input',
        field: 'date',
        message: 'Date must be between 1990 and 2100.',
      },
      {
        why: 'zero minutes',
        input: { ...cell(), minutes: 0 },
        code: 'invalid_input',
        field: 'minutes',
        message: 'Time must be more than zero minutes.',
      },
      { why: 'negative minutes', input: { ...cell(), minutes: -30 }, code: 'invalid_input', field: 'minutes' },
      { why: 'more than a day', input: { ...cell(), minutes: 1441 }, code: 'invalid_input', field: 'minutes' },
      { why: 'fractional minutes', input: { ...cell(), minutes: 7.5 }, code: 'invalid_input', field: 'minutes' },
      { why: 'hours as text', input: { ...cell(), minutes: '7:30' }, code: 'invalid_input', field: 'minutes' },
      { why: 'unknown activity', input: { ...cell(), activity: 'coffee' }, code: 'invalid_input', field: 'activity' },
      { why: 'in an invoiced month', input: { ...cell(), date: '2026-04-07' }, code: 'conflict', field: 'date' },
      {
        why: 'before the specialist joins',
        input: { ...cell(), specialistId: lateJoinerId, date: '2026-08-31' },
        code: 'invalid_input',
        field: 'date',
        message: 'Lea Novak joins on 1 Sep 2026; no hours can be recorded before that.',
      },
      {
        why: 'clearing a cell of an invoiced month',
        input: { ...cell(), date: '2026-04-06', minutes: null },
        code: 'conflict',
        field: 'date',
      },
      { why: 'before the engagement starts', input: { ...cell(), date: '2026-01-30' }, code: 'invalid_input', field: 'date' },
      { why: 'more than 24 h that day', input: { ...cell(), date: '2026-06-01', minutes: 900 }, code: 'invalid_input', field: 'minutes' },
      { why: 'unknown engagement', input: { ...cell(), engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
      { why: 'archived specialist', input: { ...cell(), specialistId: archivedSpecialistId }, code: 'conflict' },
      { why: 'a model id that is not an id', input: { ...cell(), modelId: 'churn' }, code: 'invalid_input', field: 'modelId' },
      { why: 'unknown model', input: { ...cell(), modelId: MISSING_ID }, code: 'not_found', field: 'modelId' },
      {
        why: 'a model the engagement does not run',
        input: { ...cell(), modelId: inventoryModelId },
        code: 'invalid_input',
        field: 'modelId',
        message:
          'Keel cannot record hours for Ana Ionescu on Claims model operations on 2 Jun 2026: the model Hours: not run is in the client’s inventory but not run by Claims model operations.',
      },
      {
        why: 'before the model is in service',
        input: { ...cell(), date: '2026-05-29', modelId: hoursModelId },
        code: 'invalid_input',
        field: 'date',
        message:
          'Keel cannot record hours for Ana Ionescu on Claims model operations on 29 May 2026: the date is before Hours: claims ageing was in service (1 Jun 2026).',
      },
    ],
    'time.copyWeek': [
      { why: 'nothing last week', input: { specialistId, weekStart: '2026-03-09' }, code: 'conflict' },
      { why: 'copy into an invoiced month', input: { specialistId, weekStart: '2026-04-13' }, code: 'conflict' },
      { why: 'unknown specialist', input: { specialistId: MISSING_ID, weekStart: '2026-06-08' }, code: 'not_found' },
      { why: 'missing week', input: { specialistId }, code: 'invalid_input', field: 'weekStart' },
    ],
    'time.byModel': [
      { why: 'neither a model nor an engagement', input: {}, code: 'invalid_input', field: 'modelId' },
      { why: 'unknown model', input: { modelId: MISSING_ID }, code: 'not_found', message: `Model ${MISSING_ID} does not exist.` },
      { why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found' },
      { why: 'impossible date', input: { modelId: hoursModelId, from: '2026-02-30' }, code: 'invalid_input', field: 'from' },
      {
        why: 'the last day before the first',
        input: { modelId: hoursModelId, from: '2026-06-30', to: '2026-06-01' },
        code: 'invalid_input',
        field: 'to',
      },
    ],
    'time.list': [
      { why: 'impossible date', input: { from: '2026-13-01' }, code: 'invalid_input', field: 'from' },
      { why: 'bad id', input: { engagementId: 'x' }, code: 'invalid_input', field: 'engagementId' },
    ],
    'billing.terms': [
      { why: 'unknown engagement', input: { engagementId: MISSING_ID }, code: 'not_found' },
      { why: 'missing engagement', input: {}, code: 'invalid_input', field: 'engagementId' },
    ],
    'billing.setTerms': [
      { why: '10-minute rounding', input: { ...terms(), roundingMinutes: 10 }, code: 'invalid_input', field: 'roundingMinutes' },
      { why: 'cap of zero', input: { ...terms(), monthlyCapMinutes: 0 }, code: 'invalid_input', field: 'monthlyCapMinutes' },
      { why: 'cap above a month', input: { ...terms(), monthlyCapMinutes: 745 * 60 }, code: 'invalid_input', field: 'monthlyCapMinutes' },
      { why: 'stale edit', input: { ...terms(), expectedUpdatedAt: '2020-01-01T00:00:00.000Z' }, code: 'conflict' },
      { why: 'unknown engagement', input: { ...terms(), engagementId: MISSING_ID }, code: 'not_found' },
    ],
    'billing.setSpecialistCap': [
      {
        why: 'negative cap',
        input: { engagementId, specialistId, monthlyCapMinutes: -60 },
        code: 'invalid_input',
        field: 'monthlyCapMinutes',
      },
      {
        why: 'unknown specialist',
        input: { engagementId, specialistId: MISSING_ID, monthlyCapMinutes: 600 },
        code: 'not_found',
        field: 'specialistId',
      },
      { why: 'unknown engagement', input: { engagementId: MISSING_ID, specialistId, monthlyCapMinutes: 600 }, code: 'not_found' },
    ],
    'rates.create': [
      { why: 'effective 31 Dec 9999', input: { ...rate(), effectiveFrom: '9999-12-31' }, code: 'invalid_input', field: 'effectiveFrom' },
      { why: 'role and specialist', input: { ...rate(), specialistId }, code: 'invalid_input', field: 'role' },
      { why: 'neither role nor specialist', input: { ...rate(), role: null }, code: 'invalid_input', field: 'role' },
      {
        why: 'rate of zero',
        input: { ...rate(), hourlyRateMinor: 0 },
        code: 'invalid_input',
        field: 'hourlyRateMinor',
        message: 'Hourly rate must be more than zero.',
      },
      { why: 'rate in major units', input: { ...rate(), hourlyRateMinor: 140.5 }, code: 'invalid_input', field: 'hourlyRateMinor' },
      { why: 'unknown role', input: { ...rate(), role: 'wizard' }, code: 'invalid_input', field: 'role' },
      {
        why: 'same role and date again',
        input: { ...rate(), role: 'mlops_engineer', effectiveFrom: '2026-02-01' },
        code: 'conflict',
        field: 'effectiveFrom',
      },
      { why: 'rewrites an invoiced month', input: { ...rate(), effectiveFrom: '2026-04-15' }, code: 'conflict', field: 'effectiveFrom' },
      { why: 'unknown engagement', input: { ...rate(), engagementId: MISSING_ID }, code: 'not_found', field: 'engagementId' },
      { why: 'unknown specialist', input: { ...rate(), role: null, specialistId: MISSING_ID }, code: 'not_found', field: 'specialistId' },
    ],
    'rates.delete': [
      { why: 'billed on an issued invoice', input: { id: rateId }, code: 'conflict' },
      { why: 'unknown rate', input: { id: MISSING_ID }, code: 'not_found' },
    ],
    'months.list': [
      { why: 'month 13', input: { month: '2026-13' }, code: 'invalid_input', field: 'month' },
      { why: 'a date, not a month', input: { month: '2026-10-01' }, code: 'invalid_input', field: 'month' },
    ],
    'months.review': [
      { why: 'unknown engagement', input: { engagementId: MISSING_ID, month: '2026-06' }, code: 'not_found', field: 'engagementId' },
      { why: 'missing month', input: { engagementId }, code: 'invalid_input', field: 'month' },
    ],
    'months.approve': [
      {
        why: 'month 0000-01',
        input: { engagementId, month: '0000-01' },
        code: 'invalid_input',
        field: 'month',
        message: 'Month must be between 1990 and 2100.',
      },
      {
        why: 'a month before the engagement started',
        input: { engagementId, month: '2025-01' },
        code: 'conflict',
        message: 'January 2025 of Claims model operations lies before the engagement starts (1 Feb 2026), so there is nothing to approve.',
      },
      { why: 'already invoiced', input: { engagementId, month: '2026-04' }, code: 'conflict' },
      { why: 'not started yet', input: { engagementId, month: '2027-01' }, code: 'conflict' },
      { why: 'unknown engagement', input: { engagementId: MISSING_ID, month: '2026-06' }, code: 'not_found' },
    ],
    'months.reopen': [
      { why: 'open already', input: { engagementId, month: '2026-06' }, code: 'conflict' },
      { why: 'invoiced (cancel the invoice instead)', input: { engagementId, month: '2026-04' }, code: 'conflict' },
    ],
    'invoices.issue': [
      { why: 'month not approved', input: { engagementId, month: '2026-06' }, code: 'conflict' },
      { why: 'already invoiced', input: { engagementId, month: '2026-04' }, code: 'conflict' },
      { why: 'bad month', input: { engagementId, month: '26-04' }, code: 'invalid_input', field: 'month' },
    ],
    'invoices.cancel': [
      { why: 'missing reason', input: { id: invoiceId }, code: 'invalid_input', field: 'reason' },
      { why: 'blank reason', input: { id: invoiceId, reason: '   ' }, code: 'invalid_input', field: 'reason' },
      { why: 'already cancelled', input: { id: cancelledInvoiceId, reason: 'Again' }, code: 'conflict' },
      { why: 'unknown invoice', input: { id: MISSING_ID, reason: 'x' }, code: 'not_found' },
    ],
    'invoices.list': [
      { why: 'year 1999', input: { year: 1999 }, code: 'invalid_input', field: 'year' },
      { why: 'year as text', input: { year: '2026' }, code: 'invalid_input', field: 'year' },
    ],
    'invoices.get': [{ why: 'unknown invoice', input: { id: MISSING_ID }, code: 'not_found' }],
    'billing.settings': [{ why: 'unknown field', input: { prefix: 'X' }, code: 'invalid_input' }],
    'billing.updateSettings': [
      {
        why: 'prefix with a space',
        input: { invoicePrefix: 'KE EL', dailyThresholdMinutes: 600 },
        code: 'invalid_input',
        field: 'invoicePrefix',
      },
      {
        why: 'prefix too long',
        input: { invoicePrefix: 'KEELKEELKEEL1', dailyThresholdMinutes: 600 },
        code: 'invalid_input',
        field: 'invoicePrefix',
      },
      {
        why: 'threshold above a day',
        input: { invoicePrefix: 'KEEL', dailyThresholdMinutes: 1500 },
        code: 'invalid_input',
        field: 'dailyThresholdMinutes',
      },
    ],
    'finance.exportStart': [
      { why: 'unknown kind', input: { kind: 'pdf', month: '2026-04' }, code: 'invalid_input' },
      { why: 'month 13', input: { kind: 'month', month: '2026-13' }, code: 'invalid_input', field: 'month' },
      { why: 'month export without a month', input: { kind: 'month' }, code: 'invalid_input', field: 'month' },
      {
        why: 'detail export with a month',
        input: { kind: 'detail', from: '2026-01-01', to: '2026-01-31', month: '2026-01' },
        code: 'invalid_input',
        field: 'month',
      },
      {
        why: 'detail ending before it starts',
        input: { kind: 'detail', from: '2026-02-01', to: '2026-01-31' },
        code: 'invalid_input',
        field: 'to',
      },
      { why: 'detail over ten years', input: { kind: 'detail', from: '2016-01-01', to: '2026-01-31' }, code: 'invalid_input', field: 'to' },
      {
        why: 'unknown engagement',
        input: { kind: 'month', month: '2026-04', engagementId: MISSING_ID },
        code: 'not_found',
        field: 'engagementId',
      },
    ],
    'finance.exportStatus': [
      { why: 'missing job', input: {}, code: 'invalid_input', field: 'jobId' },
      { why: 'unknown job', input: { jobId: MISSING_ID }, code: 'not_found' },
    ],
    'finance.exportDownload': [
      { why: 'not an id', input: { jobId: 'job-1' }, code: 'invalid_input', field: 'jobId' },
      { why: 'unknown job', input: { jobId: MISSING_ID }, code: 'not_found' },
    ],
    'hours.import': [
      { why: 'not a spreadsheet', input: { fileName: 'photo.png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB' }, code: 'invalid_input' },
      { why: 'an empty file', input: { fileName: 'hours.csv', base64: '' }, code: 'invalid_input' },
      { why: 'content not base64', input: { fileName: 'hours.csv', base64: '%%%' }, code: 'invalid_input', field: 'base64' },
      { why: 'missing file name', input: { base64: 'YQ==' }, code: 'invalid_input', field: 'fileName' },
      {
        why: 'a workbook whose part is not deflate data',
        input: {
          fileName: 'broken.xlsx',
          base64:
            'UEsDBBQAAAAIAAAAAAAAAAAABgAAAGQAAAAPAAAAeGwvd29ya2Jvb2sueG1s////////UEsBAhQAFAAAAAgAAAAAAAAAAAAGAAAAZAAAAA8AAAAAAAAAAAAAAAAAAAAAAHhsL3dvcmtib29rLnhtbFBLBQYAAAAAAQABAD0AAAAzAAAAAAA=',
        },
        code: 'invalid_input',
        field: 'base64',
      },
    ],
    'hours.importStart': [
      { why: 'neither content nor upload', input: { fileName: 'hours.csv' }, code: 'invalid_input', field: 'base64' },
      {
        why: 'both content and an upload',
        input: { fileName: 'hours.csv', base64: 'YQ==', uploadId: MISSING_ID },
        code: 'invalid_input',
        field: 'base64',
      },
      { why: 'content not base64', input: { fileName: 'hours.csv', base64: '%%%' }, code: 'invalid_input', field: 'base64' },
      { why: 'missing file name', input: { base64: 'YQ==' }, code: 'invalid_input', field: 'fileName' },
      {
        why: 'an upload that is not an id',
        input: { fileName: 'hours.csv', uploadId: '../keel.db' },
        code: 'invalid_input',
        field: 'uploadId',
      },
      { why: 'an upload Keel does not hold', input: { fileName: 'hours.csv', uploadId: MISSING_ID }, code: 'not_found', field: 'uploadId' },
    ],
    'hours.importStatus': [
      { why: 'missing job', input: {}, code: 'invalid_input', field: 'jobId' },
      { why: 'unknown job', input: { jobId: MISSING_ID }, code: 'not_found' },
    ],
    'hours.importCommit': [
      { why: 'not an id', input: { jobId: 'job-1' }, code: 'invalid_input', field: 'jobId' },
      { why: 'unknown job', input: { jobId: MISSING_ID }, code: 'not_found' },
    ],
    'hours.importCancel': [
      { why: 'not an id', input: { jobId: 7 }, code: 'invalid_input', field: 'jobId' },
      { why: 'unknown job', input: { jobId: MISSING_ID }, code: 'not_found' },
    ],
  };
}

export const billingBadInput: BadInputArea<ClientsFixture, BillingFixture> = {
  area: 'billing',
  prefixes: ['time', 'billing', 'rates', 'months', 'invoices', 'finance', 'hours'],
  setUp,
  cases,
};
