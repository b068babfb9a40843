import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { pinClock, unpinClock } from '@renderer/app/clock';
import { InvoicesView } from '@renderer/features/billing/finance/InvoicesView';
import { MonthCloseView } from '@renderer/features/billing/finance/MonthCloseView';
import { RatesView } from '@renderer/features/billing/finance/RatesView';
import { useHours } from '@renderer/features/billing/hoursStore';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import type { InvoiceLine } from '@shared/billing/rules/invoice';
import { monthActions } from '@shared/billing/rules/monthState';
import type { BillingTerms, EngagementMonth, Invoice, InvoiceWithLines, MonthReviewResult, ReferenceData, Result } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const ENG_CHF = '01a20bb9-cb5c-7026-b14e-000000000001';
const ENG_USD = '01a20bb9-cb5c-7026-b14e-000000000002';
const CLIENT = '01a20bb9-cb5c-7026-b14e-000000000010';
const ANA = '01a20bb9-cb5c-7026-b14e-000000000020';
const RATE = '01a20bb9-cb5c-7026-b14e-000000000030';
const RATE_USED = '01a20bb9-cb5c-7026-b14e-000000000031';
const MONTH = '2026-10';

const reference = {
  roles: [
    { value: 'mlops_engineer', label: 'MLOps engineer' },
    { value: 'sre', label: 'Site reliability engineer (SRE)' },
  ],
} as ReferenceData;

const line: InvoiceLine = {
  specialistId: ANA,
  specialistName: 'Ana Ionescu',
  role: 'mlops_engineer',
  fromDate: '2026-10-01',
  toDate: '2026-10-31',
  rateId: RATE,
  rateSource: 'role',
  hourlyRateMinor: 14_500,
  entryCount: 20,
  minutes: 9_600,
  billedMinutes: 9_600,
  nonBillableMinutes: 0,
  amountMinor: 2_320_000,
};

/** A small in-memory backend behind the real client: one CHF engagement moving through the close, one USD one. */
function fakeBackend() {
  const calls: { name: string; input: unknown }[] = [];
  const state = {
    status: 'open' as EngagementMonth['status'],
    canApprove: true,
    refuseApprove: false,
    issued: null as InvoiceWithLines | null,
    /** The backend's today: the steps of the close it offers depend on it. */
    today: '2026-11-24',
  };
  const cancelled: Invoice[] = [];
  let sequence = 0;
  let polls = 0;
  let importPolls = 0;
  let importHold = false;
  let importReport = {
    fileName: 'hours.csv',
    format: 'csv' as const,
    rows: 3,
    imported: 0,
    ready: 2,
    duplicates: [{ row: 4, message: 'Already in Keel: Ana Ionescu, 2026-10-05, 7:30.' }],
    problems: [] as { row: number; column: string; message: string }[],
    conflicts: [] as { row: number; cell: string; fileMinutes: number; keelMinutes: number; message: string }[],
    duplicateCount: 1,
    conflictCount: 0,
    problemCount: 0,
    written: false,
  };
  const rows = (): EngagementMonth[] => [
    {
      engagementId: ENG_CHF,
      month: MONTH,
      status: state.status,
      approvedAt: state.status === 'open' ? null : '2026-11-02T09:00:00.000Z',
      approvedBy: state.status === 'open' ? null : 'finance',
      engagementName: 'Credit risk',
      clientName: 'Alpenbank',
      currency: 'CHF',
      minutes: 9_600,
      netMinor: 2_320_000,
      vatMinor: 187_920,
      grossMinor: 2_507_920,
      invoiceNumber: state.issued?.number ?? null,
      errors: state.canApprove ? 0 : 1,
      warnings: 1,
    },
    {
      engagementId: ENG_USD,
      month: MONTH,
      status: 'open',
      approvedAt: null,
      approvedBy: null,
      engagementName: 'Claims triage',
      clientName: 'Cascade',
      currency: 'USD',
      minutes: 600,
      netMinor: 100_000,
      vatMinor: 0,
      grossMinor: 100_000,
      invoiceNumber: null,
      errors: 0,
      warnings: 0,
    },
  ];
  const invoice = (): InvoiceWithLines => {
    sequence += 1;
    return {
      id: `01a20bb9-cb5c-7026-b14e-00000000010${sequence}`,
      number: `KEEL-2026-000${sequence}`,
      engagementId: ENG_CHF,
      month: MONTH,
      clientName: 'Alpenbank',
      engagementName: 'Credit risk',
      currency: 'CHF',
      roundingMinutes: 0,
      minutes: 9_600,
      billedMinutes: 9_600,
      nonBillableMinutes: 0,
      netMinor: 2_320_000,
      vatBasisPoints: 810,
      vatMinor: 187_920,
      grossMinor: 2_507_920,
      status: 'issued',
      issuedAt: '2026-11-03T10:00:00.000Z',
      issuedBy: 'finance',
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: '',
      lines: [line],
    };
  };
  const review = (): MonthReviewResult => ({
    invoice: {
      month: MONTH,
      currency: 'CHF',
      roundingMinutes: 0,
      lines: [line],
      minutes: 9_600,
      billedMinutes: 9_600,
      nonBillableMinutes: 0,
      netMinor: 2_320_000,
      vatBasisPoints: 810,
      vatMinor: 187_920,
      grossMinor: 2_507_920,
      unrated: [],
    },
    specialists: [
      {
        specialistId: ANA,
        specialistName: 'Ana Ionescu',
        minutes: 9_600,
        billedMinutes: 9_600,
        nonBillableMinutes: 0,
        entryCount: 20,
        capMinutes: 9_000,
        byDate: {},
        missingDates: [],
        outsideAllocationDates: [],
        longDates: [],
      },
    ],
    warnings: [
      ...(state.canApprove
        ? []
        : [
            {
              kind: 'no_rate' as const,
              severity: 'error' as const,
              specialistId: ANA,
              message: 'Ana Ionescu has 8.00 h on days without a rate (2026-10-30).',
              dates: ['2026-10-30'],
            },
          ]),
      {
        kind: 'specialist_cap',
        severity: 'warning',
        specialistId: ANA,
        message: 'Ana Ionescu has 160.00 h billable, above their cap of 150.00 h by 10.00 h.',
        dates: [],
      },
    ],
    canApprove: state.canApprove,
    dayTotals: {},
    minutes: 9_600,
    nonBillableMinutes: 0,
    state: {
      engagementId: ENG_CHF,
      month: MONTH,
      status: state.status,
      approvedAt: state.status === 'open' ? null : '2026-11-02T09:00:00.000Z',
      approvedBy: state.status === 'open' ? null : 'finance',
    },
    engagement: { id: ENG_CHF, name: 'Credit risk', clientName: 'Alpenbank', currency: 'CHF' },
    issued: state.issued,
    cancelledInvoices: cancelled,
    dates: [],
    // What the real backend computes: the month state machine's answer for this month today.
    actions: monthActions({
      status: state.status,
      month: MONTH,
      today: state.today,
      when: 'October 2026 of Credit risk',
      errors: state.canApprove ? [] : ['Ana Ionescu has 8.00 h on days without a rate (2026-10-30).'],
      invoiceNumber: state.issued?.number ?? null,
      changedSinceApproval: null,
      hasLines: true,
      engagement: { startDate: '2026-01-01', endDate: null },
    }),
  });
  const terms = (): BillingTerms => ({
    engagementId: ENG_CHF,
    engagementName: 'Credit risk',
    clientName: 'Alpenbank',
    currency: 'CHF',
    roundingMinutes: 15,
    monthlyCapMinutes: null,
    vatBasisPoints: 810,
    specialistCaps: [],
    rates: [
      {
        id: RATE_USED,
        engagementId: ENG_CHF,
        role: 'mlops_engineer',
        specialistId: null,
        effectiveFrom: '2026-01-01',
        hourlyRateMinor: 14_500,
        specialistName: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        usedByIssuedInvoice: true,
      },
      {
        id: RATE,
        engagementId: ENG_CHF,
        role: null,
        specialistId: ANA,
        effectiveFrom: '2026-10-15',
        hourlyRateMinor: 15_000,
        specialistName: 'Ana Ionescu',
        createdAt: '2026-10-01T00:00:00.000Z',
        usedByIssuedInvoice: false,
      },
    ],
    updatedAt: '2026-10-01T00:00:00.000Z',
  });
  const refuse = (message: string, issues: { path: string; message: string }[] = []): Result<unknown> => ({
    ok: false,
    error: { code: 'conflict', message, issues },
  });

  const entry = (id: string, date: string, minutes: number, billable: boolean, nonBillableReason: string) => ({
    id,
    specialistId: ANA,
    engagementId: ENG_CHF,
    date,
    minutes,
    activity: 'onboarding_handover',
    note: '',
    billable,
    nonBillableReason,
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    specialistName: 'Ana Ionescu',
    engagementName: 'Credit risk',
    clientName: 'Alpenbank',
  });
  const entries = [
    entry('01a20bb9-cb5c-7026-b14e-000000000041', '2026-10-01', 180, false, 'Replacement hand-over (no extra cost)'),
    entry('01a20bb9-cb5c-7026-b14e-000000000042', '2026-10-02', 480, true, ''),
  ];

  const transport = async (name: string, input: unknown): Promise<Result<unknown>> => {
    calls.push({ name, input });
    const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
    switch (name) {
      case 'time.list':
        return ok({ rows: entries, total: entries.length });
      case 'time.setBillable': {
        const { entryId, billable, reason } = input as { entryId: string; billable: boolean; reason: string };
        const found = entries.find((e) => e.id === entryId);
        if (!found) return refuse('Time entry does not exist.');
        Object.assign(found, { billable, nonBillableReason: billable ? '' : reason.trim() });
        return ok(found);
      }
      case 'months.list':
        return ok({ rows: rows(), total: 2 });
      case 'months.review':
        return ok(review());
      case 'months.approve':
        if (!state.canApprove || state.refuseApprove)
          return refuse('October 2026 of Credit risk cannot be approved yet. Ana Ionescu has hours without a rate.');
        state.status = 'approved';
        return ok(review());
      case 'months.reopen':
        state.status = 'open';
        return ok(review());
      case 'invoices.issue':
        state.status = 'invoiced';
        state.issued = invoice();
        return ok(state.issued);
      case 'invoices.cancel': {
        const { reason } = input as { reason: string };
        if (!state.issued) return refuse('No invoice.');
        const gone: Invoice = {
          ...state.issued,
          status: 'cancelled',
          cancelledAt: '2026-11-04T08:00:00.000Z',
          cancelledBy: 'finance',
          cancelReason: reason,
        };
        cancelled.push(gone);
        state.issued = null;
        state.status = 'open';
        return ok({ ...gone, lines: [line] });
      }
      case 'invoices.list':
        return ok({
          rows: [
            { ...invoice(), number: 'KEEL-2026-0009', status: 'issued' },
            {
              ...invoice(),
              number: 'KEEL-2026-0008',
              status: 'cancelled',
              cancelledAt: '2026-11-04T08:00:00.000Z',
              cancelledBy: 'finance',
              cancelReason: 'Wrong PO number',
            },
          ].map(({ lines: _lines, ...rest }) => rest),
          total: 2,
        });
      case 'invoices.get':
        return ok({ ...invoice(), number: 'KEEL-2026-0008', status: 'cancelled', cancelReason: 'Wrong PO number' });
      case 'finance.exportStart':
        polls = 0;
        return ok({
          id: ENG_USD,
          fileName: 'keel-hours-2026-10.xlsx',
          state: 'running',
          rowsWritten: 0,
          rowsTotal: 200,
          bytes: 0,
          error: null,
        });
      case 'finance.exportStatus':
        polls += 1;
        return ok({
          id: ENG_USD,
          fileName: 'keel-hours-2026-10.xlsx',
          state: polls > 1 ? 'done' : 'running',
          rowsWritten: polls > 1 ? 200 : 120,
          rowsTotal: 200,
          bytes: 2048,
          error: null,
        });
      case 'finance.exportDownload':
        return ok({ fileName: 'keel-hours-2026-10.xlsx', base64: btoa('PK fake'), bytes: 2048 });
      // The import job: reading, then checking (two polls each), then checked; the commit writes at once.
      case 'hours.importStart':
        importPolls = 0;
        return ok(importJob('reading', null));
      case 'hours.importStatus':
        importPolls += 1;
        if (importHold) return ok(importJob('checking', null));
        return ok(importPolls < 2 ? importJob('checking', null) : importJob('checked', importReport));
      case 'hours.importCommit':
        importReport = { ...importReport, imported: importReport.ready, written: true };
        return ok(importJob('done', importReport));
      case 'hours.importCancel':
        return ok(importJob('cancelled', null));
      case 'engagements.list':
        return ok({
          rows: [{ id: ENG_CHF, clientId: CLIENT, clientName: 'Alpenbank', name: 'Credit risk', currency: 'CHF' }],
          total: 1,
        });
      case 'billing.terms':
        return ok(terms());
      case 'billing.settings':
        return ok({ invoicePrefix: 'KEEL', dailyThresholdMinutes: 600 });
      case 'specialists.list':
        return ok({ rows: [{ id: ANA, fullName: 'Ana Ionescu', role: 'mlops_engineer', status: 'active' }], total: 1 });
      case 'allocations.list':
        return ok({ rows: [{ specialistId: ANA, status: 'confirmed' }], total: 1 });
      case 'rates.create':
      case 'billing.setTerms':
        return ok(terms());
      case 'rates.delete':
        return ok(terms());
      default:
        return { ok: false, error: { code: 'unknown_procedure', message: name } };
    }
  };
  const importJob = (state: string, report: typeof importReport | null) => ({
    id: ENG_USD,
    fileName: 'hours.csv',
    state,
    rowsRead: state === 'reading' ? 0 : 300,
    rowsChecked: state === 'checking' ? 120 : state === 'reading' ? 0 : 300,
    problemsSoFar: state === 'checking' ? 1 : (report?.problemCount ?? 0),
    rechecks: 0,
    report,
    error: null,
  });
  return {
    client: createClient(transport),
    calls,
    state,
    holdImport: (hold: boolean) => {
      importHold = hold;
    },
    setImport: (patch: Partial<typeof importReport>) => {
      importReport = { ...importReport, ...patch };
    },
  };
}

function renderWith(backend: ReturnType<typeof fakeBackend>, ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ClientContext.Provider value={backend.client}>
      <QueryClientProvider client={queryClient}>
        {ui}
        <ConfirmHost />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
}

const called = (backend: ReturnType<typeof fakeBackend>, name: string) => backend.calls.filter((c) => c.name === name);

beforeEach(() => {
  // Late November 2026: October is being closed and its invoices were issued this year.
  pinClock('2026-11-24');
  useHours.setState({ month: MONTH, engagementId: null });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  unpinClock();
});

describe('Month close', () => {
  it('lists the month with totals per currency, never one sum across currencies', async () => {
    const backend = fakeBackend();
    renderWith(backend, <MonthCloseView />);
    expect(await screen.findByRole('button', { name: 'Credit risk' })).toBeTruthy();
    const foot = screen.getAllByRole('rowgroup')[2] as HTMLElement;
    expect(within(foot).getByText('Total CHF (1 engagement)')).toBeTruthy();
    expect(within(foot).getByText('CHF 25,079.20')).toBeTruthy();
    expect(within(foot).getByText('Total USD (1 engagement)')).toBeTruthy();
    expect(within(foot).getAllByText('USD 1,000.00')).toHaveLength(2); // net and gross; no VAT
    expect(screen.getByText('1 warning')).toBeTruthy();
    expect(called(backend, 'months.list')[0]?.input).toEqual({ month: MONTH });
  });

  it('walks approve → issue → cancel with a reason → approve again', async () => {
    const backend = fakeBackend();
    renderWith(backend, <MonthCloseView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Credit risk' }));
    const drawer = await screen.findByRole('complementary', { name: /Credit risk · October 2026/ });
    expect(within(drawer).getByText(/Ana Ionescu has 160.00 h billable/)).toBeTruthy();
    expect(within(drawer).getByText('VAT (8.1%)')).toBeTruthy();
    expect(within(drawer).getAllByText('CHF 25,079.20').length).toBeGreaterThan(0);

    await userEvent.click(within(drawer).getByRole('button', { name: 'Approve month' }));
    await userEvent.click(await within(drawer).findByRole('button', { name: 'Issue invoice' }));
    const issuing = await screen.findByRole('alertdialog', { name: /^Issue the invoice for October 2026 of Credit risk/ });
    expect(called(backend, 'invoices.issue')).toHaveLength(0);
    await userEvent.click(within(issuing).getByRole('button', { name: 'Issue invoice' }));
    await waitFor(() => expect(called(backend, 'invoices.issue')).toHaveLength(1));
    expect(called(backend, 'invoices.issue')[0]?.input).toEqual({ engagementId: ENG_CHF, month: MONTH });

    await userEvent.click(await within(drawer).findByRole('button', { name: 'Cancel invoice KEEL-2026-0001…' }));
    await userEvent.click(within(drawer).getByRole('button', { name: 'Cancel invoice' }));
    expect(within(drawer).getByText('Say why the invoice is cancelled; the reason stays on record with it.')).toBeTruthy();
    expect(called(backend, 'invoices.cancel')).toHaveLength(0);
    await userEvent.type(within(drawer).getByLabelText('Reason'), 'Wrong PO number');
    await userEvent.click(within(drawer).getByRole('button', { name: 'Cancel invoice' }));
    const cancelling = await screen.findByRole('alertdialog', { name: 'Cancel invoice KEEL-2026-0001?' });
    expect(cancelling.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(cancelling).getByText('It stays on record as cancelled and October 2026 of Credit risk reopens.')).toBeTruthy();
    await userEvent.click(within(cancelling).getByRole('button', { name: 'Cancel invoice KEEL-2026-0001' }));
    await waitFor(() => expect(called(backend, 'invoices.cancel')).toHaveLength(1));
    expect(called(backend, 'invoices.cancel')[0]?.input).toMatchObject({ reason: 'Wrong PO number' });

    expect(await within(drawer).findByText('Cancelled invoices of this month')).toBeTruthy();
    expect(within(drawer).getByText(/Reason: Wrong PO number/)).toBeTruthy();
    await userEvent.click(within(drawer).getByRole('button', { name: 'Approve month' }));
    expect(await within(drawer).findByRole('button', { name: 'Withdraw approval' })).toBeTruthy();
  });

  it('lists non-billable hours apart and lets finance bill them, or not bill others with a reason, while the month is open', async () => {
    const backend = fakeBackend();
    renderWith(backend, <MonthCloseView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Credit risk' }));
    const drawer = await screen.findByRole('complementary', { name: /Credit risk · October 2026/ });
    const section = await within(drawer).findByRole('region', { name: 'Billable and non-billable hours' });
    expect(within(section).getByText(/Not billable: 3.00 h/)).toBeTruthy();
    expect(within(section).getByText('Replacement hand-over (no extra cost)')).toBeTruthy();
    expect(called(backend, 'time.list')[0]?.input).toEqual({ engagementId: ENG_CHF, from: '2026-10-01', to: '2026-10-31' });

    await userEvent.click(within(section).getByRole('button', { name: /^Bill 3.00 h of Ana Ionescu on / }));
    await waitFor(() => expect(called(backend, 'time.setBillable')).toHaveLength(1));
    expect(called(backend, 'time.setBillable')[0]?.input).toEqual({
      entryId: '01a20bb9-cb5c-7026-b14e-000000000041',
      billable: true,
      reason: '',
    });

    await userEvent.click(within(section).getByText(/^Billable entries/));
    await userEvent.click(await within(section).findByRole('button', { name: /^Mark 8.00 h of Ana Ionescu on .* not billable$/ }));
    await userEvent.click(within(section).getByRole('button', { name: 'Don’t bill' }));
    expect(within(section).getByText('Say why these hours are not billed; the reason stays with the entry.')).toBeTruthy();
    expect(called(backend, 'time.setBillable')).toHaveLength(1);
    await userEvent.type(within(section).getByLabelText('Reason'), 'Training day agreed with the client');
    await userEvent.click(within(section).getByRole('button', { name: 'Don’t bill' }));
    await waitFor(() => expect(called(backend, 'time.setBillable')).toHaveLength(2));
    expect(called(backend, 'time.setBillable')[1]?.input).toEqual({
      entryId: '01a20bb9-cb5c-7026-b14e-000000000042',
      billable: false,
      reason: 'Training day agreed with the client',
    });
  });

  it('offers no billing change once the month is approved', async () => {
    const backend = fakeBackend();
    backend.state.status = 'approved';
    renderWith(backend, <MonthCloseView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Credit risk' }));
    const drawer = await screen.findByRole('complementary', { name: /Credit risk · October 2026/ });
    const section = await within(drawer).findByRole('region', { name: 'Billable and non-billable hours' });
    expect(within(section).getByText(/October 2026 is locked/)).toBeTruthy();
    const bill = within(section).getByRole('button', { name: /^Bill 3.00 h of Ana Ionescu on / }) as HTMLButtonElement;
    expect(bill.disabled).toBe(true);
  });

  it('blocks approval while the review has errors, saying why, and shows a refusal as a sentence', async () => {
    const backend = fakeBackend();
    backend.state.canApprove = false;
    renderWith(backend, <MonthCloseView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Credit risk' }));
    const approve = (await screen.findByRole('button', { name: 'Approve month' })) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    expect(approve.title).toContain('days without a rate');
    expect(screen.getByText('Approval is blocked until the error below is resolved.')).toBeTruthy();
    expect(screen.getByText(/Error:/).closest('li')?.className).toContain('flag--error');
    cleanup();

    // A refusal the review did not predict (someone else changed the month) arrives as the backend's sentence.
    const racing = fakeBackend();
    racing.state.refuseApprove = true;
    renderWith(racing, <MonthCloseView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Credit risk' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Approve month' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'October 2026 of Credit risk cannot be approved yet. Ana Ionescu has hours without a rate.',
    );
  });

  it('asks before approving a month that is still running, naming the days left, and approves an ended one at once', async () => {
    const approveOn = async (now: Date) => {
      cleanup();
      pinClock(now);
      const backend = fakeBackend();
      renderWith(backend, <MonthCloseView />);
      await userEvent.click(await screen.findByRole('button', { name: 'Credit risk' }));
      await userEvent.click(await screen.findByRole('button', { name: 'Approve month' }));
      return backend;
    };

    // 29 October, local time: the 29th, 30th and 31st are still to come. Said no to: nothing sent.
    let backend = await approveOn(new Date(2026, 9, 29, 16, 30));
    let question = await screen.findByRole('alertdialog', { name: 'Approve October 2026 of Credit risk now?' });
    expect(
      within(question).getByText(
        'October 2026 of Credit risk is not over: 3 days are left, today included. The hours of those days will be locked until the approval is withdrawn.',
      ),
    ).toBeTruthy();
    await userEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(called(backend, 'months.approve')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Approve month' })).toBeTruthy();

    // Its last day, said yes to: approved.
    backend = await approveOn(new Date(2026, 9, 31, 9, 0));
    question = await screen.findByRole('alertdialog', { name: 'Approve October 2026 of Credit risk now?' });
    expect(within(question).getByText(/is not over: 1 day is left \(today\)\./)).toBeTruthy();
    expect(within(question).getByText(/The hours of that day will be locked until the approval is withdrawn\./)).toBeTruthy();
    await userEvent.click(within(question).getByRole('button', { name: 'Approve October 2026' }));
    await waitFor(() => expect(called(backend, 'months.approve')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Withdraw approval' })).toBeTruthy();

    // 1 November: October is over, nothing to ask.
    backend = await approveOn(new Date(2026, 10, 1, 0, 5));
    await waitFor(() => expect(called(backend, 'months.approve')).toHaveLength(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('offers no approval of a month that has not begun, and says why', async () => {
    // The backend refuses to approve a month before its first day; the drawer shows its reason instead of the button.
    const backend = fakeBackend();
    backend.state.today = '2026-09-15';
    renderWith(backend, <MonthCloseView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Credit risk' }));
    const drawer = await screen.findByRole('complementary', { name: /Credit risk · October 2026/ });
    expect(await within(drawer).findByText('October 2026 of Credit risk has not started yet, so it cannot be approved.')).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: 'Approve month' })).toBeNull();
    expect(within(drawer).queryByText(/Approval is blocked/)).toBeNull();
    expect(called(backend, 'months.approve')).toHaveLength(0);
  });

  it('exports the month with a progress bar, then downloads the file', async () => {
    const backend = fakeBackend();
    const createObjectURL = vi.fn(() => 'blob:keel');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWith(backend, <MonthCloseView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Export month to Excel' }));
    const progress = await screen.findByRole('status');
    await waitFor(() => expect(progress.textContent).toContain('120 of 200 rows'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(called(backend, 'finance.exportStart')[0]?.input).toEqual({ kind: 'month', month: MONTH });
    expect(called(backend, 'finance.exportDownload')).toHaveLength(1);
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('checks the file as a job with progress; with problems it lists them and offers no import; without, it imports', async () => {
    const backend = fakeBackend();
    backend.setImport({ problems: [{ row: 3, column: 'Date', message: '2026-02-30 is not a real date.' }], problemCount: 1, ready: 1 });
    renderWith(backend, <MonthCloseView />);
    const file = new File(['Date,Hours\n'], 'hours.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('Import hours…'), file);
    const drawer = await screen.findByRole('complementary', { name: 'Import hours' });
    const progress = await within(drawer).findByRole('status');
    await waitFor(() => expect(progress.textContent).toContain('Checking rows: 120 of 300; 1 problem so far.'));
    expect(within(drawer).getByRole('button', { name: 'Cancel import' })).toBeTruthy();
    expect(await within(drawer).findByText('2026-02-30 is not a real date.')).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: /^Import \d/ })).toBeNull();
    expect(within(drawer).queryByRole('button', { name: 'Cancel import' })).toBeNull();
    // The desktop client sends the file as base64 (browser mode streams it; see the E2E).
    const first = called(backend, 'hours.importStart')[0]?.input as { fileName: string; base64: string };
    expect(first.fileName).toBe('hours.csv');
    expect(atob(first.base64)).toBe('Date,Hours\n');

    backend.setImport({ problems: [], problemCount: 0, ready: 2 });
    await userEvent.upload(within(drawer).getByLabelText('Choose another file…'), file);
    // Choosing another file lets the checked job go.
    expect(called(backend, 'hours.importCancel')).toHaveLength(1);
    await userEvent.click(await within(drawer).findByRole('button', { name: 'Import 2 entries' }));
    expect(await within(drawer).findByText(/2 entries imported\./)).toBeTruthy();
    expect(called(backend, 'hours.importCommit')).toHaveLength(1);
    expect(within(drawer).getByText('1 duplicate (skipped)')).toBeTruthy();
  });

  it('cancels a running check: nothing is written and the dialog says so', async () => {
    const backend = fakeBackend();
    backend.holdImport(true);
    renderWith(backend, <MonthCloseView />);
    await userEvent.upload(screen.getByLabelText('Import hours…'), new File(['x'], 'hours.csv', { type: 'text/csv' }));
    const drawer = await screen.findByRole('complementary', { name: 'Import hours' });
    await userEvent.click(await within(drawer).findByRole('button', { name: 'Cancel import' }));
    expect(await within(drawer).findByText('Import cancelled: nothing was written.')).toBeTruthy();
    expect(called(backend, 'hours.importCancel')[0]?.input).toEqual({ jobId: ENG_USD });
    expect(called(backend, 'hours.importCommit')).toHaveLength(0);
  });

  it('lists conflicts with the file’s and Keel’s hours and says they are not imported', async () => {
    const backend = fakeBackend();
    const cell = 'Ana Ionescu on Claims model operations (Helvetic Insurance AG), Retraining, Mon 5 Oct 2026';
    backend.setImport({
      ready: 1,
      conflicts: [
        { row: 2, cell, fileMinutes: 120, keelMinutes: 450, message: `The file has 2:00 for ${cell}, but Keel already has 7:30 there.` },
      ],
      conflictCount: 1,
    });
    renderWith(backend, <MonthCloseView />);
    await userEvent.upload(screen.getByLabelText('Import hours…'), new File(['x'], 'hours.csv', { type: 'text/csv' }));
    const drawer = await screen.findByRole('complementary', { name: 'Import hours' });
    expect(
      await within(drawer).findByText(/1 row has different hours from Keel .* They will not be imported: Keel keeps its own hours\./),
    ).toBeTruthy();
    const row = within(drawer).getByText(cell).closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['2', cell, '2:00', '7:30']);
    // The conflict does not block the file's new rows.
    await userEvent.click(within(drawer).getByRole('button', { name: 'Import 1 entry' }));
    expect(await within(drawer).findByText(/They were not imported/)).toBeTruthy();
  });
});

describe('Invoices', () => {
  it('shows cancelled invoices struck through with their reason, and opens the issued lines', async () => {
    const backend = fakeBackend();
    renderWith(backend, <InvoicesView />);
    const cancelledNumber = await screen.findByRole('button', { name: 'KEEL-2026-0008' });
    expect(cancelledNumber.closest('tr')?.className).toContain('is-cancelled');
    expect(screen.getByText(/Wrong PO number/)).toBeTruthy();
    // Totals count issued invoices only.
    expect(screen.getByText('Issued in 2026, CHF (1)')).toBeTruthy();
    await userEvent.click(cancelledNumber);
    const drawer = await screen.findByRole('complementary', { name: 'Invoice KEEL-2026-0008' });
    expect(within(drawer).getByText('Ana Ionescu')).toBeTruthy();
    expect(within(drawer).getAllByText('CHF 23,200.00')).toHaveLength(2); // the line and the net
    expect(within(drawer).getByText(/Cancelled .* Reason: Wrong PO number/)).toBeTruthy();
  });
});

describe('Rates & terms', () => {
  it('adds a rate typed as a decimal and refuses more decimals than the currency has', async () => {
    const backend = fakeBackend();
    renderWith(backend, <RatesView reference={reference} />);
    expect(await screen.findByText('8.1%')).toBeTruthy();
    const used = screen.getByRole('button', { name: 'Delete the rate of MLOps engineer from 2026-01-01' }) as HTMLButtonElement;
    expect(used.disabled).toBe(true);
    expect(used.title).toContain('issued invoice');

    await userEvent.click(screen.getByRole('button', { name: 'Add rate…' }));
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'sre');
    await userEvent.type(screen.getByLabelText('Effective from'), '2026-12-01');
    await userEvent.type(screen.getByLabelText('Hourly rate'), '150.505');
    expect(screen.getByText('Hourly rate — CHF has 2 decimals at most')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add rate' }));
    expect(called(backend, 'rates.create')).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText('Hourly rate'));
    await userEvent.type(screen.getByLabelText('Hourly rate'), '150.50');
    await userEvent.click(screen.getByRole('button', { name: 'Add rate' }));
    await waitFor(() => expect(called(backend, 'rates.create')).toHaveLength(1));
    expect(called(backend, 'rates.create')[0]?.input).toEqual({
      engagementId: ENG_CHF,
      role: 'sre',
      specialistId: null,
      effectiveFrom: '2026-12-01',
      hourlyRateMinor: 15_050,
    });
  });

  it('saves the rounding and a monthly cap typed in hours', async () => {
    const backend = fakeBackend();
    renderWith(backend, <RatesView reference={reference} />);
    const cap = await screen.findByLabelText('Monthly hours cap');
    await userEvent.selectOptions(screen.getByLabelText('Rounding of each entry'), '6');
    await userEvent.type(cap, '160');
    await userEvent.click(screen.getByRole('button', { name: 'Save terms' }));
    await waitFor(() => expect(called(backend, 'billing.setTerms')).toHaveLength(1));
    expect(called(backend, 'billing.setTerms')[0]?.input).toEqual({
      engagementId: ENG_CHF,
      roundingMinutes: 6,
      monthlyCapMinutes: 9_600,
      expectedUpdatedAt: '2026-10-01T00:00:00.000Z',
    });
  });
});
