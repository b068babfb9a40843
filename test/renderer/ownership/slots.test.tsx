// The app's area registry: routes, record links, labels and the lower areas' slots come from it.

import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { staleOf } from '@renderer/api/stale';
import { AREAS } from '@renderer/app/areas';
import { pinClock } from '@renderer/app/clock';
import { registerSlots, Slot } from '@renderer/app/slots';
import { useToasts } from '@renderer/app/stores';
import { ReplacementDrawer } from '@renderer/features/continuity/ReplacementDrawer';
import { ownershipSlotFills } from '@renderer/features/ownership/slots';
import { dialable } from '@renderer/features/ownership/slots/WhoResponds';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import type { ReplacementItem, Result } from '@shared/contract';
import type { Holding, MatrixPerson, OwnershipSnapshot, PersonLoad, WhoResponds } from '@shared/ownership/contract/matrix';
import type { AllocationDetail } from '@shared/plan/contract/allocations';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const REQUEST = '01a20bb9-cb5c-7026-b14e-000000000001';
const CLIENT = '01a20bb9-cb5c-7026-b14e-000000000010';
const ENGAGEMENT = '01a20bb9-cb5c-7026-b14e-000000000020';
const OTHER_ENGAGEMENT = '01a20bb9-cb5c-7026-b14e-000000000021';
const ANA = '01a20bb9-cb5c-7026-b14e-000000000030';
const NIKOLA = '01a20bb9-cb5c-7026-b14e-000000000031';
const MODEL = '01a20bb9-cb5c-7026-b14e-000000000050';
const ASSET = '01a20bb9-cb5c-7026-b14e-000000000060';
const ALLOCATION = '01a20bb9-cb5c-7026-b14e-000000000070';

// The ownership area hands its fills to the registry when its branch joins; here they join the others by hand.
// The registry hands the ownership fills over with the other areas' (features/ownership/area.tsx).
beforeAll(() => {
  expect(AREAS.flatMap((a) => a.slots ?? [])).toEqual(expect.arrayContaining([...ownershipSlotFills]));
  registerSlots(AREAS.flatMap((a) => a.slots ?? []));
});
afterEach(cleanup);
beforeEach(() => {
  pinClock('2026-11-24T09:00:00Z');
  useToasts.setState({ toasts: [] });
});

const person = (patch: Partial<MatrixPerson> = {}): MatrixPerson => ({
  key: `specialist:${ANA}`,
  kind: 'specialist',
  id: ANA,
  name: 'Agnieszka Nowak',
  initials: 'AN',
  email: 'agnieszka.nowak@example.com',
  phone: '+41 44 555 01 02',
  title: 'MLOps engineer',
  inactive: false,
  ...patch,
});

const holding = (patch: Partial<Holding>): Holding => ({
  engagementId: ENGAGEMENT,
  engagementName: 'Credit risk model operations',
  clientName: 'Alpenbank',
  targetKind: 'model',
  targetId: MODEL,
  targetName: 'Credit scoring v3',
  modelId: MODEL,
  dutyKey: 'deployment',
  dutyName: 'Deployment',
  role: 'accountable',
  inherited: false,
  assignmentId: '01a20bb9-cb5c-7026-b14e-000000000100',
  fromDate: '2026-01-05',
  toDate: null,
  ...patch,
});

const load: PersonLoad = {
  person: person(),
  asOf: '2026-11-24',
  holdings: [
    holding({
      role: 'responsible',
      dutyKey: 'monitoring',
      dutyName: 'Monitoring & drift',
      assignmentId: '01a20bb9-cb5c-7026-b14e-000000000101',
    }),
    holding({}),
    holding({ targetKind: 'asset', targetId: ASSET, targetName: 'Scoring endpoint', inherited: true }),
    // Another engagement's duty: not this request's.
    holding({
      engagementId: OTHER_ENGAGEMENT,
      engagementName: 'Claims automation',
      targetName: 'Claims triage',
      dutyName: 'Rollback',
      assignmentId: '01a20bb9-cb5c-7026-b14e-000000000102',
    }),
  ],
  accountableCount: 3,
  spofThreshold: 12,
  findings: [],
  rollOffs: [],
};

const onTrack = {
  submittedOn: '2026-11-18',
  allowance: 7,
  dueDate: '2026-12-01',
  elapsed: 3,
  remaining: 4,
  late: 0,
  percentUsed: 42,
  state: 'on_track',
  urgent: false,
  pausedToday: false,
  pausedDays: 0,
} as const;

const request: ReplacementItem = {
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
  clock: onTrack,
  pauses: [],
  candidates: [],
  outgoingAllocation: null,
  replacementAllocation: null,
  handoverDays: 0,
};

const responder: WhoResponds = {
  modelId: MODEL,
  modelName: 'Credit scoring v3',
  at: '2026-11-24T09:00:00.000Z',
  date: '2026-11-24',
  responder: {
    ...person({ key: `specialist:${NIKOLA}`, id: NIKOLA, name: 'Nikola Stojanovski', initials: 'NS', email: 'nikola@example.com' }),
    role: 'backup',
  },
  accountable: person(),
  backup: person({ key: `specialist:${NIKOLA}`, id: NIKOLA, name: 'Nikola Stojanovski', initials: 'NS', email: 'nikola@example.com' }),
  reason: 'The Accountable, Agnieszka Nowak, is on vacation today: the Backup responds.',
};

const snapshot: OwnershipSnapshot = {
  engagementId: ENGAGEMENT,
  month: '2026-10',
  takenAt: '2026-11-03T08:30:00.000Z',
  takenBy: 'finance@keel.local',
  findings: [
    {
      key: 'no_accountable:rollback',
      code: 'no_accountable',
      severity: 'error',
      reason: 'Nobody is Accountable for Rollback.',
      engagementId: ENGAGEMENT,
      modelId: MODEL,
      targetKind: 'model',
      targetId: MODEL,
      dutyKey: 'rollback',
      person: null,
      date: null,
      engagementName: 'Credit risk model operations',
      clientId: CLIENT,
      clientName: 'Alpenbank',
      targetName: 'Credit scoring v3',
      dutyName: 'Rollback',
      personName: null,
    },
  ],
  matrix: {
    engagementId: ENGAGEMENT,
    engagementName: 'Credit risk model operations',
    clientId: CLIENT,
    clientName: 'Alpenbank',
    asOf: '2026-10-31',
    duties: [
      { key: 'deployment', name: 'Deployment', custom: false, coverRequired: false, retiredOn: null, position: 0 },
      { key: 'rollback', name: 'Rollback', custom: false, coverRequired: true, retiredOn: null, position: 1 },
    ],
    rows: [
      {
        kind: 'model',
        id: MODEL,
        name: 'Credit scoring v3',
        type: 'model',
        modelId: MODEL,
        modelIds: [],
        riskTier: 'high',
        stage: 'production',
      },
      {
        kind: 'asset',
        id: ASSET,
        name: 'Scoring endpoint',
        type: 'serving_endpoint',
        modelId: MODEL,
        modelIds: [MODEL],
        riskTier: null,
        stage: null,
      },
    ],
    cells: [
      {
        targetKind: 'model',
        targetId: MODEL,
        dutyKey: 'deployment',
        applicable: true,
        inherited: false,
        holders: [
          { assignmentId: 'a1', role: 'accountable', personKey: `specialist:${ANA}`, fromDate: '2026-01-05', toDate: null },
          { assignmentId: 'a2', role: 'backup', personKey: `specialist:${NIKOLA}`, fromDate: '2026-01-05', toDate: null },
        ],
        severity: null,
      },
      { targetKind: 'model', targetId: MODEL, dutyKey: 'rollback', applicable: true, inherited: false, holders: [], severity: 'error' },
      {
        targetKind: 'asset',
        targetId: ASSET,
        dutyKey: 'deployment',
        applicable: true,
        inherited: true,
        holders: [{ assignmentId: 'a1', role: 'accountable', personKey: `specialist:${ANA}`, fromDate: '2026-01-05', toDate: null }],
        severity: null,
      },
      { targetKind: 'asset', targetId: ASSET, dutyKey: 'rollback', applicable: false, inherited: false, holders: [], severity: null },
    ],
    people: [person(), person({ key: `specialist:${NIKOLA}`, id: NIKOLA, name: 'Nikola Stojanovski', initials: 'NS' })],
    counts: { error: 2, warning: 1, info: 0 },
  },
};

/** The real client over a transport answering from fixtures, recording every call. */
function renderWith(ui: ReactNode, answers: Record<string, (input: unknown) => unknown> = {}) {
  const calls: { name: string; input: unknown }[] = [];
  const fixtures: Record<string, (input: unknown) => unknown> = {
    'ownership.personLoad': () => load,
    'replacements.get': () => request,
    'specialists.list': () => ({
      rows: [
        { id: ANA, fullName: 'Agnieszka Nowak', status: 'leaving', startDate: '2025-03-03' },
        { id: NIKOLA, fullName: 'Nikola Stojanovski', status: 'active', startDate: '2026-01-05' },
      ],
      total: 2,
    }),
    'engagements.get': () => ({ id: ENGAGEMENT, name: 'Credit risk model operations', endDate: '2027-06-30' }),
    'audit.list': () => ({ rows: [], total: 0 }),
    'ownership.whoResponds': () => responder,
    'ownership.snapshots': () => [
      {
        engagementId: ENGAGEMENT,
        month: '2026-09',
        takenAt: '2026-10-02T08:00:00.000Z',
        takenBy: 'finance@keel.local',
        counts: { error: 0, warning: 0, info: 0 },
      },
      // October was approved, reopened and approved again: the latest recording counts.
      {
        engagementId: ENGAGEMENT,
        month: '2026-10',
        takenAt: '2026-11-02T08:30:00.000Z',
        takenBy: 'finance@keel.local',
        counts: { error: 3, warning: 0, info: 0 },
      },
      {
        engagementId: ENGAGEMENT,
        month: '2026-10',
        takenAt: '2026-11-03T08:30:00.000Z',
        takenBy: 'finance@keel.local',
        counts: snapshot.matrix.counts,
      },
    ],
    'ownership.snapshot': () => snapshot,
    'replacements.fulfil': () => ({ ...request, status: 'fulfilled', replacementSpecialistName: 'Nikola Stojanovski' }),
    ...answers,
  };
  const client = createClient(async (name, input): Promise<Result<unknown>> => {
    calls.push({ name, input });
    const answer = fixtures[name];
    return answer ? { ok: true, value: answer(input) } : { ok: false, error: { code: 'unknown_procedure', message: name } };
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        {ui}
        <ConfirmHost />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
  return calls;
}

const called = (calls: { name: string; input: unknown }[], name: string) => calls.filter((c) => c.name === name).map((c) => c.input);

describe('a replacement request’s duties', () => {
  it('lists what the outgoing specialist holds on the engagement today, with the Accountable ones counted', async () => {
    const calls = renderWith(<ReplacementDrawer id={REQUEST} onClose={() => {}} />);
    const section = await screen.findByRole('region', { name: 'Duties Agnieszka Nowak holds on this engagement' });
    // A model's duty counts once, with the assets that inherit it folded under it.
    expect(within(section).getByText('2 duties · 1 Accountable')).toBeTruthy();
    const rows = within(within(section).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Credit scoring v3and 1 asset through the model', 'Deployment', 'Accountable'],
      ['Credit scoring v3', 'Monitoring & drift', 'Responsible'],
    ]);
    // The other engagement's duty is not this request's.
    expect(within(section).queryByText('Claims triage')).toBeNull();
    // Today where the client is.
    expect(called(calls, 'ownership.personLoad')).toEqual([{ person: { kind: 'specialist', id: ANA }, asOf: '2026-11-24' }]);
  });

  it('says so when the outgoing specialist holds nothing there', async () => {
    renderWith(<ReplacementDrawer id={REQUEST} onClose={() => {}} />, {
      'ownership.personLoad': () => ({ ...load, holdings: load.holdings.filter((h) => h.engagementId !== ENGAGEMENT) }),
    });
    const section = await screen.findByRole('region', { name: 'Duties Agnieszka Nowak holds on this engagement' });
    expect(within(section).getByText('none')).toBeTruthy();
    expect(
      within(section).getByText('Nothing in the ownership matrix names Agnieszka Nowak on this engagement on 24 Nov 2026.'),
    ).toBeTruthy();
  });

  it('fulfils with the hand-over of duties when it is ticked, as of the start date', async () => {
    const calls = renderWith(<ReplacementDrawer id={REQUEST} onClose={() => {}} />);
    const drawer = await screen.findByRole('complementary', { name: 'Replace Agnieszka Nowak' });
    await userEvent.click(await within(drawer).findByRole('button', { name: 'Fulfil…' }));
    const form = within(drawer).getByRole('form', { name: 'Fulfil the request' });
    const box = within(form).getByRole('checkbox', {
      name: 'Hand Agnieszka Nowak’s duties (ownership matrix) to the replacement from the start date',
    }) as HTMLInputElement;
    // A decision, never a default.
    expect(box.checked).toBe(false);
    // Beside it, what would be handed over as of the start date.
    fireEvent.change(within(form).getByLabelText('Start date'), { target: { value: '2026-11-30' } });
    await waitFor(() =>
      expect(called(calls, 'ownership.personLoad')).toContainEqual({ person: { kind: 'specialist', id: ANA }, asOf: '2026-11-30' }),
    );
    const note = await within(form).findByText(/holds/);
    expect(note.textContent).toBe(
      'Agnieszka Nowak holds 2 duties on this engagement on 30 Nov 2026, 1 Accountable. Ticked, the replacement holds them from the start date and Agnieszka Nowak’s end the day before.',
    );
    await userEvent.click(within(form).getByText('Show the 2 duties Agnieszka Nowak hands over'));
    expect(within(form).getByRole('table', { name: 'Duties Agnieszka Nowak holds on this engagement' })).toBeTruthy();
    // The drawer's own list gives way to the form's while fulfilling.
    expect(within(drawer).queryByRole('region', { name: 'Duties Agnieszka Nowak holds on this engagement' })).toBeNull();

    await userEvent.selectOptions(within(form).getByLabelText('Replacement specialist'), NIKOLA);
    await userEvent.click(box);
    await userEvent.click(within(form).getByRole('button', { name: 'Fulfil request' }));
    await waitFor(() => expect(called(calls, 'replacements.fulfil')).toHaveLength(1));
    expect(called(calls, 'replacements.fulfil')[0]).toMatchObject({
      id: REQUEST,
      specialistId: NIKOLA,
      startDate: '2026-11-30',
      handOverDuties: true,
    });
  }, 15_000);

  it('makes the ownership answers stale when a fulfilment may hand duties over, and a month approval the recorded matrices', () => {
    expect(staleOf('replacements.fulfil')).toEqual(
      expect.arrayContaining(['ownership.personLoad', 'ownership.matrix', 'ownership.findings']),
    );
    expect(staleOf('months.approve')).toEqual(expect.arrayContaining(['ownership.snapshots', 'ownership.snapshot']));
  });
});

describe('the plan’s duties at stake', () => {
  it('shows a roll-off’s duties compactly, listed in its title, as of the allocation’s last day', async () => {
    const calls = renderWith(<Slot name="rollOff.duties" props={{ specialistId: ANA, engagementId: ENGAGEMENT, endDate: '2026-12-18' }} />);
    const badge = await screen.findByText('2 duties · 1 Accountable');
    expect(badge.closest('[title]')?.getAttribute('title')).toBe(
      [
        'Agnieszka Nowak holds on Credit risk model operations on 18 Dec 2026:',
        'Credit scoring v3 — Deployment: Accountable (and 1 asset through the model)',
        'Credit scoring v3 — Monitoring & drift: Responsible',
      ].join('\n'),
    );
    expect(called(calls, 'ownership.personLoad')).toEqual([{ person: { kind: 'specialist', id: ANA }, asOf: '2026-12-18' }]);
  });

  it('asks once for the same specialist and day, however many cells show it', async () => {
    const props = { specialistId: ANA, engagementId: ENGAGEMENT, endDate: '2026-12-18' };
    const calls = renderWith(
      <>
        <Slot name="rollOff.duties" props={props} />
        <Slot name="rollOff.duties" props={props} />
        <Slot name="rollOff.duties" props={{ ...props, engagementId: OTHER_ENGAGEMENT }} />
      </>,
    );
    expect(await screen.findAllByText('2 duties · 1 Accountable')).toHaveLength(2);
    expect(await screen.findByText('1 duty · 1 Accountable')).toBeTruthy();
    expect(called(calls, 'ownership.personLoad')).toHaveLength(1);
  });

  it('lists an allocation’s duties in its drawer, read today while it runs', async () => {
    const allocation = {
      id: ALLOCATION,
      specialistId: ANA,
      engagementId: ENGAGEMENT,
      startDate: '2026-01-05',
      endDate: '2026-12-18',
      loadPercent: 100,
      status: 'confirmed',
      specialistName: 'Agnieszka Nowak',
      engagementName: 'Credit risk model operations',
    } as AllocationDetail;
    const calls = renderWith(<Slot name="allocation.sections" props={{ allocation }} />);
    const section = await screen.findByRole('region', { name: 'Duties at stake' });
    expect(await within(section).findByText('2 duties · 1 Accountable')).toBeTruthy();
    expect(
      within(section).getByText(
        'What Agnieszka Nowak holds on Credit risk model operations on 24 Nov 2026. When the allocation ends on 18 Dec 2026, one duty needs a new Accountable.',
      ),
    ).toBeTruthy();
    expect(within(section).getAllByRole('row')).toHaveLength(3);
    expect(called(calls, 'ownership.personLoad')).toEqual([{ person: { kind: 'specialist', id: ANA }, asOf: '2026-11-24' }]);
  });
});

describe('who responds now on a model', () => {
  const model = { id: MODEL, name: 'Credit scoring v3' } as unknown as ModelDetail;

  it('asks at the click’s instant and shows the responder with links to write and call', async () => {
    const calls = renderWith(<Slot name="model.actions" props={{ model }} />);
    const button = screen.getByRole('button', { name: 'Who responds now?' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // Nothing is asked until someone asks.
    expect(called(calls, 'ownership.whoResponds')).toEqual([]);
    await userEvent.click(button);
    const panel = await screen.findByRole('dialog', { name: 'Who responds now on Credit scoring v3?' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const who = await within(panel).findByRole('region', { name: 'Responder' });
    expect(within(who).getByText('Nikola Stojanovski')).toBeTruthy();
    expect(within(who).getByText('Backup')).toBeTruthy();
    // A specialist's role in words.
    expect(within(who).getByText('MLOps engineer')).toBeTruthy();
    expect(within(who).getByRole('link', { name: 'Email Nikola Stojanovski: nikola@example.com' }).getAttribute('href')).toBe(
      'mailto:nikola@example.com',
    );
    expect(within(who).getByRole('link', { name: 'Call Nikola Stojanovski: +41 44 555 01 02' }).getAttribute('href')).toBe(
      'tel:+41445550102',
    );
    expect(within(panel).getByText('The Accountable, Agnieszka Nowak, is on vacation today: the Backup responds.')).toBeTruthy();
    expect(within(panel).getByText('Accountable').nextElementSibling?.textContent).toContain('Agnieszka Nowak');
    expect(within(panel).getByText('Backup', { selector: 'dt' }).nextElementSibling?.textContent).toContain('Nikola Stojanovski');
    expect(called(calls, 'ownership.whoResponds')).toEqual([{ modelId: MODEL, at: '2026-11-24T09:00:00.000Z' }]);
  });

  it('is worked by the keyboard: Enter opens it with focus inside, Escape closes it back onto the button', async () => {
    renderWith(<Slot name="model.actions" props={{ model }} />);
    await userEvent.tab();
    const button = screen.getByRole('button', { name: 'Who responds now?' });
    expect(document.activeElement).toBe(button);
    await userEvent.keyboard('{Enter}');
    const panel = await screen.findByRole('dialog', { name: 'Who responds now on Credit scoring v3?' });
    expect(panel.contains(document.activeElement)).toBe(true);
    await within(panel).findByRole('region', { name: 'Responder' });
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('says plainly when nobody responds', async () => {
    renderWith(<Slot name="model.actions" props={{ model }} />, {
      'ownership.whoResponds': () => ({
        ...responder,
        responder: null,
        accountable: null,
        backup: null,
        reason: 'Nobody is named for incident response.',
      }),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Who responds now?' }));
    const panel = await screen.findByRole('dialog');
    expect(await within(panel).findByText('Nobody responds.')).toBeTruthy();
    expect(within(panel).getByText('Nobody is named for incident response.')).toBeTruthy();
    expect(within(panel).getAllByText('nobody named')).toHaveLength(2);
  });

  it('dials digits and a leading plus only', () => {
    expect(dialable('+41 (0)44 555-01 02')).toBe('+410445550102');
    expect(dialable('044 555 01 02')).toBe('0445550102');
  });
});

describe('a month’s recorded ownership matrix', () => {
  it('counts the findings recorded at approval and shows the matrix read-only', async () => {
    const calls = renderWith(<Slot name="month.sections" props={{ engagementId: ENGAGEMENT, month: '2026-10', status: 'approved' }} />);
    const section = await screen.findByRole('region', { name: 'Ownership matrix at approval' });
    const line = await within(section).findByText(/Ownership matrix recorded at approval/);
    // The instant reads in the machine's time zone.
    expect(line.textContent).toMatch(
      /^Ownership matrix recorded at approval: 2 errors, 1 warning · 3 Nov 2026, \d\d:30 by finance@keel\.local$/,
    );
    expect(called(calls, 'ownership.snapshots')).toEqual([{ engagementId: ENGAGEMENT }]);
    // The recorded matrix is read when someone opens it.
    expect(called(calls, 'ownership.snapshot')).toEqual([]);

    const view = within(section).getByRole('button', { name: 'View' });
    await userEvent.click(view);
    const dialog = screen.getByRole('dialog', { name: 'Ownership matrix at the approval of October 2026' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    const table = await within(dialog).findByRole('table');
    expect(called(calls, 'ownership.snapshot')).toEqual([{ engagementId: ENGAGEMENT, month: '2026-10' }]);
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Model or asset', 'Deployment', 'Rollback'],
      ['Credit scoring v3Model', 'A AN · B NS', 'nobody'],
      ['Scoring endpointServing endpoint', 'A AN', '—'],
    ]);
    expect(within(dialog).getByText(/Nobody is Accountable for Rollback/).textContent).toBe(
      'Error · No Accountable: Credit scoring v3 — Rollback. Nobody is Accountable for Rollback.',
    );
    // Nothing in it edits.
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Close']);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(view);
  });

  it('says so when the month was approved before matrices were recorded', async () => {
    renderWith(<Slot name="month.sections" props={{ engagementId: ENGAGEMENT, month: '2026-08', status: 'invoiced' }} />);
    expect(await screen.findByText('No ownership matrix was recorded when this month was approved.')).toBeTruthy();
  });

  it('asks nothing for an open month', async () => {
    const calls = renderWith(<Slot name="month.sections" props={{ engagementId: ENGAGEMENT, month: '2026-11', status: 'open' }} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([]);
    expect(screen.queryByRole('region')).toBeNull();
  });
});
