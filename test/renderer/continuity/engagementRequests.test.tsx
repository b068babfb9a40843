// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { useContinuity } from '@renderer/features/continuity/continuityStore';
import { EngagementRequests } from '@renderer/features/continuity/EngagementRequests';
import type { ReplacementItem, Result } from '@shared/contract';
import { runClock } from '@shared/kernel/businessClock';
import { NO_HOLIDAYS } from '@shared/kernel/businessDays';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

const ENGAGEMENT = '01a20bb9-cb5c-7026-b14e-000000000001';
const TODAY = '2026-11-24';

/** A request as the backend returns it, its clock run by the real rule (no holidays, to keep the dates easy to check). */
function request(
  id: string,
  facts: Partial<ReplacementItem> & Pick<ReplacementItem, 'outgoingSpecialistName' | 'submittedOn' | 'status' | 'reason'>,
): ReplacementItem {
  const clock = runClock(
    {
      submittedOn: facts.submittedOn,
      allowance: 7,
      holidaysOf: NO_HOLIDAYS,
      pauses: [],
      deliveredOn: facts.status === 'fulfilled' ? (facts.replacementStartDate ?? null) : null,
      cancelledOn: facts.status === 'cancelled' ? (facts.cancelledOn ?? null) : null,
    },
    TODAY,
  );
  return {
    id,
    engagementId: ENGAGEMENT,
    outgoingAllocationId: null,
    outgoingSpecialistId: `${id}-out`,
    submittedAt: `${facts.submittedOn}T09:00:00.000Z`,
    submittedBy: 'Head of data',
    notes: '',
    replacementSpecialistId: null,
    replacementAllocationId: null,
    replacementStartDate: null,
    lateReason: '',
    cancelledOn: null,
    cancelReason: '',
    createdAt: `${facts.submittedOn}T09:00:00.000Z`,
    updatedAt: `${facts.submittedOn}T09:00:00.000Z`,
    engagementName: 'Credit risk',
    clientId: 'client',
    clientName: 'Alpenbank',
    timeZone: 'Europe/Zurich',
    holidayCalendar: 'CH-ZH',
    slaBusinessDays: 7,
    replacementSpecialistName: null,
    submittedTime: '10:00',
    clock,
    pauses: [],
    candidates: [],
    outgoingAllocation: null,
    replacementAllocation: null,
    handoverDays: 0,
    ...facts,
  };
}

function renderWith(rows: ReplacementItem[] | Error) {
  const calls: unknown[] = [];
  const client = createClient(async (name, input): Promise<Result<unknown>> => {
    calls.push({ name, input });
    if (rows instanceof Error) return { ok: false, error: { code: 'internal', message: rows.message } };
    return { ok: true, value: { rows, total: rows.length } };
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        <EngagementRequests engagementId={ENGAGEMENT} slaBusinessDays={7} />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
  return calls;
}

describe('EngagementRequests', () => {
  it('asks for every request of the engagement and lists open ones first, least time left leading, with the state the clock computed', async () => {
    const rows = [
      request('met', {
        outgoingSpecialistName: 'Rafael Oliveira',
        reason: 'relocation',
        submittedOn: '2026-08-03',
        status: 'fulfilled',
        replacementSpecialistName: 'Lucía Torres',
        replacementStartDate: '2026-08-10',
      }),
      request('late', {
        outgoingSpecialistName: 'Ioana Constantinescu',
        reason: 'performance',
        submittedOn: '2026-09-10',
        status: 'fulfilled',
        replacementSpecialistName: 'Timur Rakhimov',
        replacementStartDate: '2026-09-28',
        lateReason: 'The first candidate was rejected.',
      }),
      request('cancelled', {
        outgoingSpecialistName: 'Piotr Kowalski',
        reason: 'client_request',
        submittedOn: '2026-10-05',
        status: 'cancelled',
        cancelledOn: '2026-10-07',
        cancelReason: 'Withdrawn after the review.',
      }),
      request('risk', { outgoingSpecialistName: 'Agnieszka Nowak', reason: 'resignation', submittedOn: '2026-11-18', status: 'open' }),
      request('fresh', { outgoingSpecialistName: 'Valentina Gómez', reason: 'health', submittedOn: '2026-11-23', status: 'open' }),
      request('overdue', { outgoingSpecialistName: 'Mihai Popa', reason: 'other', submittedOn: '2026-11-10', status: 'open' }),
    ];
    const calls = renderWith(rows);
    const items = await screen.findAllByRole('listitem');
    expect(calls).toEqual([{ name: 'replacements.list', input: { engagementId: ENGAGEMENT, state: 'all' } }]);
    expect(items.map((li) => li.textContent?.split('·')[0]?.trim())).toEqual([
      'Replace Mihai Popa BreachedOther',
      'Replace Agnieszka Nowak At riskResignation',
      'Replace Valentina Gómez On trackHealth',
      'Replace Piotr Kowalski CancelledClient request',
      'Replace Ioana Constantinescu BreachedPerformance',
      'Replace Rafael Oliveira MetRelocation',
    ]);
    // The same badges as the continuity board: each state on the kit's status scale, breached filled.
    const badge = (i: number) => items[i]?.querySelector('.ui-badge')?.className;
    expect([0, 1, 2, 3, 4, 5].map(badge)).toEqual([
      'ui-badge ui-badge--critical ui-badge--strong',
      'ui-badge ui-badge--attention',
      'ui-badge ui-badge--ok',
      'ui-badge ui-badge--neutral',
      'ui-badge ui-badge--critical ui-badge--strong',
      'ui-badge ui-badge--ok',
    ]);
    const risk = within(items[1] as HTMLElement);
    expect(risk.getByText(/submitted 18 Nov 2026 10:00 · due 27 Nov 2026 · 4 of 7 business days used/)).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText(/due 19 Nov 2026 · 3 business days late/)).toBeTruthy();
    expect(within(items[3] as HTMLElement).getByText('Cancelled 7 Oct 2026: Withdrawn after the review.')).toBeTruthy();
    expect(
      within(items[4] as HTMLElement).getByText(
        'Timur Rakhimov started 28 Sep 2026 after 12 business days, 5 late: The first candidate was rejected.',
      ),
    ).toBeTruthy();
    expect(within(items[5] as HTMLElement).getByText('Lucía Torres started 10 Aug 2026 after 5 business days')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Replace Agnieszka Nowak' }));
    expect(window.location.hash).toBe('#/replacements/risk');
    await userEvent.click(screen.getByRole('button', { name: 'Record a new request' }));
    expect(window.location.hash).toBe('#/replacements/new');
    // The new request starts on this engagement.
    expect(useContinuity.getState().draftEngagementId).toBe(ENGAGEMENT);
  });

  it('says so when the engagement has no request, and shows a failed load as a message', async () => {
    renderWith([]);
    expect(await screen.findByText('No replacement has been requested on this engagement.')).toBeTruthy();
    expect(screen.getByText(/SLA: a replacement within 7 business days of the client’s request/)).toBeTruthy();
    cleanup();
    renderWith(new Error('The database is locked.'));
    expect(await screen.findByText('Could not load the requests: The database is locked.')).toBeTruthy();
  });
});
