import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { pinClock, unpinClock } from '@renderer/app/clock';
import { useHours } from '@renderer/features/billing/hoursStore';
import { MonthGridView } from '@renderer/features/billing/timesheet/MonthGridView';
import { WeekTimesheet } from '@renderer/features/billing/timesheet/WeekTimesheet';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import type { Activity } from '@shared/billing/rules/activities';
import { weekGrid } from '@shared/billing/rules/entries';
import type { KeelError, MonthReviewResult, ReferenceData, Result, Specialist, TimesheetWeek } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

afterEach(() => {
  cleanup();
  unpinClock();
});

const reference: ReferenceData = {
  countries: [],
  currencies: [],
  holidayCalendars: [],
  roles: [{ value: 'mlops_engineer', label: 'MLOps engineer' }],
  seniorities: [],
  sourcingRegions: [],
  engagementStatuses: [],
  specialistStatuses: [],
};

const SPECIALIST = '01a20c17-b219-75fb-a140-3cfd76be6881';
const ENGAGEMENT = '01a20c17-b218-73eb-a076-3693e8bd481b';
const MODEL = '01a20c17-b218-73eb-a076-3693e8bd4999';
const DATES = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];

const specialist: Specialist = {
  id: SPECIALIST,
  fullName: 'Andrei Popescu',
  role: 'mlops_engineer',
  seniority: 'senior',
  homeCountry: 'RO',
  homeSubdivision: '',
  sourcingRegion: 'romania',
  skills: [],
  startDate: '2024-01-01',
  status: 'active',
  email: 'andrei@example.com',
  dailyMinutes: 480,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

type Entry = {
  id: string;
  engagementId: string;
  activity: Activity;
  modelId?: string | null;
  date: string;
  minutes: number;
  note: string;
  billable?: boolean;
  nonBillableReason?: string;
};
type Call = { name: string; input: Record<string, unknown> };

/** The backend behind the real client: one specialist's week in memory, with an optional refusal for setCell. */
function fakeBackend(options: { entries?: Entry[]; refuse?: KeelError; months?: Record<string, 'open' | 'approved' | 'invoiced'> } = {}) {
  let entries = [...(options.entries ?? [])];
  let seq = 100;
  const calls: Call[] = [];
  const week = (): TimesheetWeek => ({
    ...weekGrid(DATES, entries, [ENGAGEMENT], [MODEL]),
    specialist: { id: SPECIALIST, fullName: specialist.fullName, dailyMinutes: 480, startDate: specialist.startDate },
    weekStart: DATES[0] as string,
    days: DATES.map((date, i) => ({ date, weekend: i >= 5, holiday: i === 1 ? 'National holiday' : null, absence: null })),
    engagements: [
      {
        id: ENGAGEMENT,
        name: 'Credit risk model operations',
        clientName: 'Alpenbank Privatbank AG',
        startDate: '2026-01-01',
        endDate: null,
        allocated: true,
        months: options.months ?? { '2026-11': 'open', '2026-12': 'open' },
        models: [{ id: MODEL, name: 'Retail credit PD scorecard', inServiceSince: '2026-01-05' }],
      },
    ],
    dailyThresholdMinutes: 600,
    previousWeekHasEntries: false,
  });
  const transport = async (name: string, input: unknown): Promise<Result<unknown>> => {
    calls.push({ name, input: input as Record<string, unknown> });
    if (name === 'specialists.list') return { ok: true, value: { rows: [specialist], total: 1 } };
    if (name === 'time.week') return { ok: true, value: week() };
    if (name === 'time.setCell') {
      if (options.refuse) return { ok: false, error: options.refuse };
      const i = input as {
        engagementId: string;
        activity: Activity;
        modelId?: string | null;
        date: string;
        minutes: number | null;
        note?: string;
      };
      const key = (e: Pick<Entry, 'engagementId' | 'activity' | 'modelId' | 'date'>) =>
        `${e.engagementId}|${e.activity}|${e.modelId ?? ''}|${e.date}`;
      const same = (e: Entry) => key(e) === key(i);
      const old = entries.find(same);
      entries = entries.filter((e) => !same(e));
      if (i.minutes === null) return { ok: true, value: { entry: null, warnings: [] } };
      const entry = { id: `e${seq++}`, ...i, modelId: i.modelId ?? null, minutes: i.minutes, note: i.note ?? old?.note ?? '' };
      entries.push(entry);
      return {
        ok: true,
        value: { entry, warnings: i.minutes > 600 ? ['11.00 h on the day is above the daily threshold of 10.00 h.'] : [] },
      };
    }
    return { ok: false, error: { code: 'unknown_procedure', message: name } };
  };
  return { client: createClient(transport), calls, setCalls: () => calls.filter((c) => c.name === 'time.setCell') };
}

function renderWeek(backend: ReturnType<typeof fakeBackend>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ClientContext.Provider value={backend.client}>
      <QueryClientProvider client={queryClient}>
        <WeekTimesheet reference={reference} />
        <ConfirmHost />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
}

const ROW = 'Credit risk model operations · Operate & monitoring';
const RETRAINING = 'Credit risk model operations · Retraining';
const cell = (day: string, row = ROW) => screen.getByLabelText(`${day} · ${row}`) as HTMLInputElement;

beforeEach(() => {
  // A Wednesday inside the week on screen: the grid marks today's column.
  pinClock('2026-12-02');
  useHours.setState({ view: 'timesheet', specialistId: SPECIALIST, weekStart: '2026-11-30' });
});

const twoRows: Entry[] = [
  { id: 'a', engagementId: ENGAGEMENT, activity: 'operate_monitoring', date: '2026-11-30', minutes: 450, note: '' },
  { id: 'b', engagementId: ENGAGEMENT, activity: 'retraining', date: '2026-12-01', minutes: 60, note: 'v3 retrain' },
];

describe('WeekTimesheet', () => {
  it('asks whose week it is until a specialist is picked, and remembers the choice', async () => {
    useHours.setState({ specialistId: null });
    renderWeek(fakeBackend());
    expect(await screen.findByText('Whose week?')).toBeTruthy();
    const picker = screen.getByRole('combobox', { name: 'Specialist' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Specialist' })).toBeTruthy());
    await userEvent.click(picker);
    await userEvent.keyboard('popes');
    await waitFor(() => expect(screen.getByRole('option', { name: /Andrei Popescu/ })).toBeTruthy());
    await userEvent.keyboard('{Enter}');
    expect(useHours.getState().specialistId).toBe(SPECIALIST);
    expect(await screen.findByRole('table', { name: /Hours of Andrei Popescu/ })).toBeTruthy();
  });

  it('moves between cells with the arrow keys and Tab', async () => {
    renderWeek(fakeBackend({ entries: twoRows }));
    const monday = await waitFor(() => cell('Mon 30 Nov'));
    expect(monday.value).toBe('7:30');
    act(() => monday.focus());
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell('Tue 1 Dec'));
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell('Tue 1 Dec', RETRAINING));
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(cell('Mon 30 Nov', RETRAINING));
    await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(cell('Mon 30 Nov'));
    await userEvent.tab();
    expect(document.activeElement).toBe(cell('Tue 1 Dec'));
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(cell('Mon 30 Nov'));
  });

  it('keeps the caret inside a cell being edited instead of jumping to the next one', async () => {
    renderWeek(fakeBackend({ entries: twoRows }));
    const tuesday = await waitFor(() => cell('Tue 1 Dec'));
    act(() => tuesday.focus());
    await userEvent.keyboard('7:30');
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tuesday);
  });

  it('saves 7:30 on Enter as 450 minutes and moves down', async () => {
    const backend = fakeBackend({ entries: twoRows });
    renderWeek(backend);
    const tuesday = await waitFor(() => cell('Tue 1 Dec'));
    act(() => tuesday.focus());
    await userEvent.keyboard('7:30{Enter}');
    await waitFor(() => expect(backend.setCalls()).toHaveLength(1));
    expect(backend.setCalls()[0]?.input).toEqual({
      specialistId: SPECIALIST,
      engagementId: ENGAGEMENT,
      activity: 'operate_monitoring',
      modelId: null,
      date: '2026-12-01',
      minutes: 450,
    });
    expect(document.activeElement).toBe(cell('Tue 1 Dec', RETRAINING));
    // The saved value comes back formatted, and the totals follow.
    await waitFor(() => expect(cell('Tue 1 Dec').value).toBe('7:30'));
    expect(screen.getAllByText('16:00').length).toBeGreaterThan(0);
  });

  it('accepts 7.5 and 450m on Tab, sends nothing for an unchanged cell, and deletes an emptied one', async () => {
    const backend = fakeBackend({ entries: twoRows });
    renderWeek(backend);
    const monday = await waitFor(() => cell('Mon 30 Nov'));
    act(() => monday.focus());
    await userEvent.tab(); // Monday unchanged: nothing sent
    await userEvent.keyboard('7.5');
    await userEvent.tab();
    await userEvent.keyboard('450m');
    await userEvent.tab();
    await waitFor(() => expect(backend.setCalls()).toHaveLength(2));
    expect(backend.setCalls().map((c) => [c.input.date, c.input.minutes])).toEqual([
      ['2026-12-01', 450],
      ['2026-12-02', 450],
    ]);
    act(() => cell('Mon 30 Nov').focus());
    await userEvent.keyboard('{Backspace}{Enter}');
    await waitFor(() => expect(backend.setCalls()).toHaveLength(3));
    expect(backend.setCalls()[2]?.input).toMatchObject({ date: '2026-11-30', minutes: null });
  });

  it('asks before clearing a cell with a note or several entries, and puts the hours back on no', async () => {
    const entries: Entry[] = [
      ...twoRows,
      { id: 'c', engagementId: ENGAGEMENT, activity: 'operate_monitoring', date: '2026-12-02', minutes: 240, note: '' },
      { id: 'd', engagementId: ENGAGEMENT, activity: 'operate_monitoring', date: '2026-12-02', minutes: 210, note: '' },
    ];
    const backend = fakeBackend({ entries });
    renderWeek(backend);
    const question = (name: string) => screen.findByRole('alertdialog', { name });

    // One entry with a note, cleared with Enter: asked once (not again on the blur as Enter moves down), nothing sent on no.
    const tuesday = await waitFor(() => cell('Tue 1 Dec', RETRAINING));
    expect(tuesday.value).toBe('1:00');
    act(() => tuesday.focus());
    await userEvent.keyboard('{Backspace}{Enter}');
    const note = await question('Clear Tue 1 Dec · Credit risk model operations · Retraining?');
    expect(within(note).getByText('Its 1:00 h and the note “v3 retrain” will be deleted.')).toBeTruthy();
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    await userEvent.click(within(note).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(cell('Tue 1 Dec', RETRAINING).value).toBe('1:00'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(backend.setCalls()).toHaveLength(0);

    // Two entries on one day, cleared by leaving the cell: asked with the total, then deleted on yes.
    const wednesday = cell('Wed 2 Dec');
    expect(wednesday.value).toBe('7:30');
    act(() => wednesday.focus());
    await userEvent.keyboard('{Backspace}');
    await userEvent.tab();
    const two = await question('Clear Wed 2 Dec · Credit risk model operations · Operate & monitoring?');
    expect(within(two).getByText('Its 2 entries (7:30 h in all) will be deleted.')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(cell('Wed 2 Dec').value).toBe('7:30'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(backend.setCalls()).toHaveLength(0);
    act(() => cell('Wed 2 Dec').focus());
    await userEvent.keyboard('{Backspace}');
    await userEvent.tab();
    await userEvent.click(
      within(await question('Clear Wed 2 Dec · Credit risk model operations · Operate & monitoring?')).getByRole('button', {
        name: 'Clear hours',
      }),
    );
    await waitFor(() => expect(backend.setCalls()).toHaveLength(1));
    expect(backend.setCalls()[0]?.input).toMatchObject({ date: '2026-12-02', activity: 'operate_monitoring', minutes: null });
    await waitFor(() => expect(cell('Wed 2 Dec').value).toBe(''));

    // A plain cell (one entry, no note) still clears at once.
    act(() => cell('Mon 30 Nov').focus());
    await userEvent.keyboard('{Backspace}{Enter}');
    await waitFor(() => expect(backend.setCalls()).toHaveLength(2));
    expect(backend.setCalls()[1]?.input).toMatchObject({ date: '2026-11-30', minutes: null });
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('shows why typed text is not a duration and sends nothing', async () => {
    const backend = fakeBackend({ entries: twoRows });
    renderWeek(backend);
    const wednesday = await waitFor(() => cell('Wed 2 Dec'));
    act(() => wednesday.focus());
    await userEvent.keyboard('abc');
    await userEvent.tab();
    expect(await screen.findByText(/“abc” is not a duration Keel understands/)).toBeTruthy();
    expect(wednesday.getAttribute('aria-invalid')).toBe('true');
    expect(wednesday.value).toBe('abc');
    expect(backend.setCalls()).toHaveLength(0);
    // Escape in the cell puts the saved (empty) value back and clears the message.
    act(() => wednesday.focus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(wednesday.value).toBe(''));
    expect(screen.queryByText(/is not a duration/)).toBeNull();
  });

  it('shows a refusal from the backend and keeps the typed value in the cell', async () => {
    const refusal =
      'Keel cannot record hours for Andrei Popescu on Credit risk model operations on 2026-12-02: the hours would make 27.50 h on 2026-12-02 across engagements; a day has 24 h, so at most 16.50 h more fit.';
    const backend = fakeBackend({ entries: twoRows, refuse: { code: 'invalid_input', message: refusal } });
    renderWeek(backend);
    const wednesday = await waitFor(() => cell('Wed 2 Dec'));
    act(() => wednesday.focus());
    await userEvent.keyboard('20{Enter}');
    const alert = await screen.findByText(refusal);
    expect(alert.closest('[aria-live]')).toBeTruthy();
    expect(wednesday.value).toBe('20');
    expect(wednesday.getAttribute('aria-invalid')).toBe('true');
    // Leaving the unchanged cell again does not repeat the refused call.
    act(() => wednesday.focus());
    await userEvent.tab();
    expect(backend.setCalls()).toHaveLength(1);
  });

  it('shows the backend’s warnings without blocking the save', async () => {
    const backend = fakeBackend({ entries: twoRows });
    renderWeek(backend);
    const thursday = await waitFor(() => cell('Thu 3 Dec'));
    act(() => thursday.focus());
    await userEvent.keyboard('11{Enter}');
    expect(await screen.findByText(/above the daily threshold/)).toBeTruthy();
    await waitFor(() => expect(cell('Thu 3 Dec').value).toBe('11:00'));
  });

  it('makes cells of an approved month read-only and says why', async () => {
    const backend = fakeBackend({ entries: twoRows, months: { '2026-11': 'approved', '2026-12': 'open' } });
    renderWeek(backend);
    const monday = await waitFor(() => cell('Mon 30 Nov'));
    expect(monday.readOnly).toBe(true);
    expect(cell('Tue 1 Dec').readOnly).toBe(false);
    expect(screen.getByText(/November 2026 of Credit risk model operations is approved, so its hours are locked/)).toBeTruthy();
    act(() => monday.focus());
    await userEvent.keyboard('5{Enter}');
    expect(backend.setCalls()).toHaveLength(0);
  });

  it('tints hours that are not billed, says why in the cell’s description and explains the tint below the grid', async () => {
    const handover: Entry = {
      id: 'h',
      engagementId: ENGAGEMENT,
      activity: 'operate_monitoring',
      date: '2026-12-01',
      minutes: 480,
      note: '',
      billable: false,
      nonBillableReason: 'Replacement hand-over (no extra cost)',
    };
    renderWeek(fakeBackend({ entries: [...twoRows, handover] }));
    const tuesday = await waitFor(() => cell('Tue 1 Dec'));
    expect(tuesday.closest('td')?.className).toContain('is-non-billable');
    expect(tuesday.getAttribute('aria-description')).toBe('Not billed: Replacement hand-over (no extra cost)');
    expect(cell('Mon 30 Nov').closest('td')?.className).not.toContain('is-non-billable');
    expect(
      screen.getByText(/Tinted hours are recorded but not billed: Replacement hand-over \(no extra cost\)\. Finance can change that/),
    ).toBeTruthy();
  });

  it('says nothing about billing when every hour of the week is billed', async () => {
    renderWeek(fakeBackend({ entries: twoRows }));
    await waitFor(() => cell('Mon 30 Nov'));
    expect(screen.queryByText(/not billed/)).toBeNull();
  });

  it('does not offer a new row on an engagement locked for the whole week', async () => {
    renderWeek(fakeBackend({ entries: twoRows, months: { '2026-11': 'invoiced', '2026-12': 'approved' } }));
    await waitFor(() => cell('Mon 30 Nov'));
    const options = [...(screen.getByLabelText('Engagement of the new row') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).not.toContain(ENGAGEMENT);
  });

  it('adds an empty row for another activity and focuses its first working day', async () => {
    renderWeek(fakeBackend({ entries: twoRows }));
    await waitFor(() => cell('Mon 30 Nov'));
    await userEvent.selectOptions(screen.getByLabelText('Engagement of the new row'), ENGAGEMENT);
    await userEvent.selectOptions(screen.getByLabelText('Activity of the new row'), 'deployment');
    await userEvent.click(screen.getByRole('button', { name: 'Add row' }));
    await waitFor(() => expect(document.activeElement).toBe(cell('Mon 30 Nov', 'Credit risk model operations · Deployment')));
  });

  it('offers the engagement’s models for a new row, and the row’s hours go to that model', async () => {
    const backend = fakeBackend({ entries: twoRows });
    renderWeek(backend);
    await waitFor(() => cell('Mon 30 Nov'));
    await userEvent.selectOptions(screen.getByLabelText('Engagement of the new row'), ENGAGEMENT);
    const picker = screen.getByLabelText('Model of the new row (optional)') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.text)).toEqual(['No model', 'Retail credit PD scorecard']);
    // Retraining on no model is taken; on the model it is free.
    const activities = () => [...(screen.getByLabelText('Activity of the new row') as HTMLSelectElement).options].map((o) => o.value);
    expect(activities()).not.toContain('retraining');
    await userEvent.selectOptions(picker, MODEL);
    expect(activities()).toContain('retraining');
    await userEvent.selectOptions(screen.getByLabelText('Activity of the new row'), 'retraining');
    await userEvent.click(screen.getByRole('button', { name: 'Add row' }));
    const onModel = 'Credit risk model operations · Retraining · Retail credit PD scorecard';
    await waitFor(() => expect(document.activeElement).toBe(cell('Mon 30 Nov', onModel)));
    await userEvent.keyboard('2{Enter}');
    await waitFor(() => expect(backend.setCalls()).toHaveLength(1));
    expect(backend.setCalls()[0]?.input).toMatchObject({ activity: 'retraining', modelId: MODEL, date: '2026-11-30', minutes: 120 });
    // The saved row names its model; the retraining row on no model keeps its own hours.
    await waitFor(() => expect(cell('Mon 30 Nov', onModel).value).toBe('2:00'));
    expect(screen.getAllByText('Retail credit PD scorecard', { selector: '.ts-row__model' })).toHaveLength(1);
    expect(cell('Tue 1 Dec', RETRAINING).value).toBe('1:00');
  });
});

describe('MonthGridView', () => {
  it('lists the review’s warnings, marks missing days and jumps to a specialist’s week', async () => {
    useHours.setState({ view: 'month', engagementId: ENGAGEMENT, month: '2026-12' });
    const dates = Array.from({ length: 31 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
    const review = {
      dates: dates.map((date) => ({ date, weekend: [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()) })),
      specialists: [
        {
          specialistId: SPECIALIST,
          specialistName: 'Andrei Popescu',
          minutes: 930,
          billedMinutes: 930,
          entryCount: 2,
          capMinutes: null,
          byDate: { '2026-12-01': 450, '2026-12-02': 480 },
          missingDates: ['2026-12-03'],
          outsideAllocationDates: [],
          longDates: [],
        },
      ],
      warnings: [
        {
          kind: 'missing_days',
          severity: 'warning',
          specialistId: SPECIALIST,
          message: 'Andrei Popescu has no hours on 1 working day.',
          dates: [],
        },
      ],
      canApprove: true,
      dayTotals: Object.fromEntries(dates.map((d) => [d, d === '2026-12-01' ? 450 : d === '2026-12-02' ? 480 : 0])),
      minutes: 930,
      state: { engagementId: ENGAGEMENT, month: '2026-12', status: 'open', approvedAt: null, approvedBy: null },
      engagement: { id: ENGAGEMENT, name: 'Credit risk model operations', clientName: 'Alpenbank Privatbank AG', currency: 'CHF' },
      issued: null,
      cancelledInvoices: [],
      invoice: { month: '2026-12', billedMinutes: 930 },
    } as unknown as MonthReviewResult;
    const client = createClient(async (name) => {
      if (name === 'engagements.list') return { ok: true, value: { rows: [], total: 0 } };
      if (name === 'months.review') return { ok: true, value: review };
      return { ok: false, error: { code: 'unknown_procedure', message: name } };
    });
    render(
      <ClientContext.Provider value={client}>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MonthGridView />
        </QueryClientProvider>
      </ClientContext.Provider>,
    );
    expect(await screen.findByText('Andrei Popescu has no hours on 1 working day.')).toBeTruthy();
    expect(screen.getByTitle(/Andrei Popescu · Thu 3 Dec · working day without hours/).className).toContain('is-missing');
    expect(screen.getAllByText('15:30').length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Andrei Popescu' }));
    expect(useHours.getState()).toMatchObject({ view: 'timesheet', specialistId: SPECIALIST, weekStart: '2026-11-30' });
  });
});
