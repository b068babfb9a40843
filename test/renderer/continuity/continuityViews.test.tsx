import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { pinClock, unpinClock } from '@renderer/app/clock';
import { useNav } from '@renderer/app/stores';
import { BoardView } from '@renderer/features/continuity/BoardView';
import { currentQuarter, useContinuity } from '@renderer/features/continuity/continuityStore';
import { ReplacementDrawer } from '@renderer/features/continuity/ReplacementDrawer';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import type { ContinuityBoard, ContinuityPromise, ReplacementItem, Result } from '@shared/contract';
import type { Clock } from '@shared/kernel/businessClock';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const REQUEST = '01a20bb9-cb5c-7026-b14e-000000000001';
const ROLE = '01a20bb9-cb5c-7026-b14e-000000000002';
const CLIENT = '01a20bb9-cb5c-7026-b14e-000000000010';
const OTHER_CLIENT = '01a20bb9-cb5c-7026-b14e-000000000011';
const ENGAGEMENT = '01a20bb9-cb5c-7026-b14e-000000000020';
const ANA = '01a20bb9-cb5c-7026-b14e-000000000030';
const NIKOLA = '01a20bb9-cb5c-7026-b14e-000000000031';

/** Clocks as the backend returns them: the UI only shows these figures, it never computes them. */
const urgentClock: Clock = {
  submittedOn: '2026-11-18',
  allowance: 7,
  dueDate: '2026-12-01',
  elapsed: 6,
  remaining: 1,
  late: 0,
  percentUsed: 85,
  state: 'at_risk',
  urgent: true,
  pausedToday: true,
  pausedDays: 2,
};
const breachedClock: Clock = {
  submittedOn: '2026-10-23',
  allowance: 20,
  dueDate: '2026-11-20',
  elapsed: 22,
  remaining: 0,
  late: 2,
  percentUsed: 110,
  state: 'breached',
  urgent: false,
  pausedToday: false,
  pausedDays: 0,
};
const onTrackClock: Clock = {
  ...urgentClock,
  elapsed: 3,
  remaining: 4,
  percentUsed: 42,
  state: 'on_track',
  urgent: false,
  pausedToday: false,
};

const promise = (p: Partial<ContinuityPromise> & Pick<ContinuityPromise, 'kind' | 'id' | 'title' | 'clock'>): ContinuityPromise => ({
  engagementId: ENGAGEMENT,
  engagementName: 'Credit risk model operations',
  clientId: CLIENT,
  clientName: 'Alpenbank',
  outgoingSpecialistName: null,
  detail: 'Resignation',
  ...p,
});

const board: ContinuityBoard = {
  today: '2026-11-24',
  thresholds: { atRiskPercent: 50, urgentPercent: 80 },
  promises: [
    promise({ kind: 'staffing', id: ROLE, title: 'Senior MLOps engineer — AML monitoring', detail: 'Sourcing', clock: breachedClock }),
    promise({
      kind: 'replacement',
      id: REQUEST,
      title: 'Replace Agnieszka Nowak',
      outgoingSpecialistName: 'Agnieszka Nowak',
      clock: urgentClock,
    }),
  ],
};

function item(patch: Partial<ReplacementItem> = {}): ReplacementItem {
  return {
    id: REQUEST,
    engagementId: ENGAGEMENT,
    outgoingSpecialistId: ANA,
    outgoingAllocationId: null,
    reason: 'resignation',
    submittedAt: '2026-11-18T09:15:00.000Z',
    submittedBy: 'Dr. Katrin Meier',
    notes: '',
    status: 'open',
    replacementSpecialistId: null,
    replacementAllocationId: null,
    replacementStartDate: null,
    lateReason: '',
    cancelledOn: null,
    cancelReason: '',
    createdAt: '2026-11-18T09:20:00.000Z',
    updatedAt: '2026-11-18T09:20:00.000Z',
    engagementName: 'Credit risk model operations',
    clientId: CLIENT,
    clientName: 'Alpenbank',
    timeZone: 'Europe/Zurich',
    holidayCalendar: 'CH-ZH',
    slaBusinessDays: 7,
    outgoingSpecialistName: 'Agnieszka Nowak',
    replacementSpecialistName: null,
    submittedOn: '2026-11-18',
    submittedTime: '10:15',
    clock: onTrackClock,
    pauses: [],
    candidates: [
      {
        id: '01a20bb9-cb5c-7026-b14e-000000000040',
        requestId: REQUEST,
        name: 'Nikola Stojanovski',
        specialistId: NIKOLA,
        proposedOn: '2026-11-20',
        status: 'accepted',
        decidedOn: '2026-11-23',
        createdAt: '2026-11-20T09:00:00.000Z',
        updatedAt: '2026-11-23T09:00:00.000Z',
      },
    ],
    outgoingAllocation: null,
    replacementAllocation: null,
    handoverDays: 0,
    ...patch,
  };
}

/** A small backend behind the real client; the fulfilment is refused without a late reason, as the service does. */
function fakeBackend() {
  const calls: { name: string; input: unknown }[] = [];
  const transport = async (name: string, input: unknown): Promise<Result<unknown>> => {
    calls.push({ name, input });
    const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
    switch (name) {
      case 'continuity.board': {
        const { clientId } = (input ?? {}) as { clientId?: string };
        return ok({ ...board, promises: board.promises.filter((p) => !clientId || p.clientId === clientId) });
      }
      case 'clients.list':
        return ok({
          rows: [
            { id: CLIENT, name: 'Alpenbank', archivedAt: null },
            { id: OTHER_CLIENT, name: 'Cascade Mutual', archivedAt: null },
          ],
          total: 2,
        });
      case 'replacements.get':
        return ok(item());
      case 'specialists.list':
        return ok({
          rows: [
            { id: ANA, fullName: 'Agnieszka Nowak', status: 'leaving', startDate: '2025-03-03' },
            { id: NIKOLA, fullName: 'Nikola Stojanovski', status: 'active', startDate: '2026-01-05' },
          ],
          total: 2,
        });
      case 'engagements.get':
        return ok({ id: ENGAGEMENT, name: 'Credit risk model operations', endDate: '2027-06-30' });
      case 'audit.list':
        return ok({ rows: [], total: 0 });
      case 'replacements.fulfil': {
        const { startDate, lateReason } = input as { startDate: string; lateReason: string };
        if (startDate > urgentClock.dueDate && !lateReason) {
          return {
            ok: false,
            error: {
              code: 'invalid_input',
              message: `The replacement starts on ${startDate}, after the due date 2026-12-01; record why it is late (the SLA report lists it).`,
              issues: [{ path: 'lateReason', message: 'is required when the start is after the due date' }],
            },
          };
        }
        return ok(item({ status: 'fulfilled', replacementSpecialistId: NIKOLA, replacementStartDate: startDate, lateReason }));
      }
      default:
        return { ok: false, error: { code: 'unknown_procedure', message: name } };
    }
  };
  return { client: createClient(transport), calls };
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
  // The day the board was computed on: the request is due on 1 December, so a start on the 3rd is late.
  pinClock(board.today);
  // The store took its quarter from the clock when it was created, before the pin: take it from the pinned day.
  useContinuity.setState({ clientId: '', ...currentQuarter() });
  useNav.setState({ route: { area: 'replacements', recordId: null, params: {} } });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  unpinClock();
});

describe('Continuity board', () => {
  it('shows each promise with the state, the due date and the clock figures the backend computed, in the order returned', async () => {
    const backend = fakeBackend();
    renderWith(backend, <BoardView />);
    const replacement = (await screen.findByRole('button', { name: 'Replace Agnieszka Nowak' })).closest('tr') as HTMLElement;
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('button')[0]?.textContent)).toEqual([
      'Senior MLOps engineer — AML monitoring',
      'Replace Agnieszka Nowak',
    ]);

    expect(within(replacement).getByText('Urgent')).toBeTruthy();
    expect(within(replacement).getByText(/6 of 7 business days used · 1 left/)).toBeTruthy();
    expect(within(replacement).getByText('Paused today')).toBeTruthy();
    expect(within(replacement).getByText('Tue 1 Dec 2026')).toBeTruthy();
    expect(within(replacement).getByText('Agnieszka Nowak leaving · Resignation')).toBeTruthy();
    expect(within(replacement).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('85');

    const role = rows[0] as HTMLElement;
    expect(within(role).getByText('Breached')).toBeTruthy();
    expect(within(role).getByText('2 business days late')).toBeTruthy();
    expect(within(role).getByText(/managed in Staffing requests/)).toBeTruthy();
    // A bar never runs past its end, even 10% over the allowance.
    expect(within(role).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByText('1 breached')).toBeTruthy();
    expect(screen.getByText('1 urgent')).toBeTruthy();
  });

  it('opens a replacement in its drawer and a new role in Staffing requests', async () => {
    const backend = fakeBackend();
    renderWith(backend, <BoardView />);
    await userEvent.click(await screen.findByRole('button', { name: 'Replace Agnieszka Nowak' }));
    expect(useNav.getState().route).toEqual({ area: 'replacements', recordId: REQUEST, params: {} });
    await userEvent.click(screen.getByRole('button', { name: 'Senior MLOps engineer — AML monitoring' }));
    expect(useNav.getState().route).toEqual({ area: 'staffing', recordId: ROLE, params: {} });
  });

  it('asks the backend for one client’s promises when filtered', async () => {
    const backend = fakeBackend();
    renderWith(backend, <BoardView />);
    await screen.findByRole('button', { name: 'Replace Agnieszka Nowak' });
    await screen.findByRole('option', { name: 'Cascade Mutual' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Clients' }), OTHER_CLIENT);
    expect(await screen.findByText(/Nothing open/)).toBeTruthy();
    expect(called(backend, 'continuity.board').at(-1)?.input).toEqual({ clientId: OTHER_CLIENT });
  });
});

describe('Fulfilling a request', () => {
  it('asks why when the start is after the due date, shows the backend’s refusal by field and as a sentence, then sends the reason', async () => {
    const backend = fakeBackend();
    renderWith(backend, <ReplacementDrawer id={REQUEST} onClose={() => {}} />);
    const drawer = await screen.findByRole('complementary', { name: 'Replace Agnieszka Nowak' });
    await userEvent.click(await within(drawer).findByRole('button', { name: 'Fulfil…' }));
    const form = within(drawer).getByRole('form', { name: 'Fulfil the request' });
    // The accepted candidate with a specialist record is offered first.
    await within(form).findByRole('option', { name: 'Nikola Stojanovski — accepted by the client' });
    expect((within(form).getByLabelText('Replacement specialist') as HTMLSelectElement).value).toBe(NIKOLA);

    expect(within(form).queryByLabelText('Reason for the late start')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Start date'), { target: { value: '2026-12-03' } });
    expect(within(form).getByLabelText('Reason for the late start')).toBeTruthy();

    await userEvent.click(within(form).getByRole('button', { name: 'Fulfil request' }));
    expect(
      await within(form).findByText(
        'The replacement starts on 2026-12-03, after the due date 2026-12-01; record why it is late (the SLA report lists it).',
      ),
    ).toBeTruthy();
    expect(within(form).getByText('Reason for the late start is required when the start is after the due date')).toBeTruthy();

    await userEvent.type(within(form).getByLabelText('Reason for the late start'), 'Client onboarding took three days.');
    await userEvent.click(within(form).getByRole('button', { name: 'Fulfil request' }));
    await vi.waitFor(() => expect(called(backend, 'replacements.fulfil')).toHaveLength(2));
    expect(called(backend, 'replacements.fulfil')[1]?.input).toEqual({
      id: REQUEST,
      specialistId: NIKOLA,
      startDate: '2026-12-03',
      endDate: null,
      loadPercent: 100,
      outgoingEndDate: null,
      lateReason: 'Client onboarding took three days.',
      // Continuity's own choice, unticked unless someone ticks it.
      handOverDuties: false,
    });
    // Two submits with a drawer of date fields: over 5 s on a busy machine.
  }, 15_000);
});
