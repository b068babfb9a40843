import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { App } from '@renderer/app/App';
import { ENTITY_LABELS, ENTRIES, NAVIGATION } from '@renderer/app/areas';
import { isLazyScreen } from '@renderer/app/lazyScreen';
import { badgeOf } from '@renderer/app/NavBadges';
import { entryLabel, hasRecords, parseRoute, recordArea, routeHash } from '@renderer/app/routes';
import { Slot } from '@renderer/app/slots';
import { useNav } from '@renderer/app/stores';
import type { Result } from '@shared/contract';
import { AUDITED_ENTITIES } from '@shared/entities';
import { summaryOf } from '@shared/kernel/summary';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
  useNav.getState().sync();
});

describe('area registry', () => {
  it('lists the navigation in its fixed order: groups, entries, labels (no area is still to come)', () => {
    expect(
      NAVIGATION.map(({ group, items }) => [
        group,
        items.map((i) => (i.kind === 'built' ? `${i.entry.id}:${i.entry.label}` : `${i.id}:${i.label} (coming)`)),
      ]),
    ).toEqual([
      ['Accounts', ['clients:Clients', 'engagements:Engagements']],
      ['Team', ['specialists:Specialists', 'allocations:Allocation plan', 'staffing:Staffing requests', 'replacements:Continuity & SLAs']],
      ['Finance', ['hours:Hours & billing']],
      [
        'Operations',
        [
          'portfolio:Model portfolio',
          'ownership:Ownership matrix',
          'monitoring:Model monitoring',
          'ceremonies:Ceremonies',
          'operations:Retraining, incidents & cost',
          'maturity:Maturity assessments',
        ],
      ],
      ['System', ['audit:Audit log']],
    ]);
    expect(entryLabel('replacements')).toBe('Continuity & SLAs');
  });

  it('routes by hash: a list, a new record, a record; unknown and coming areas open the start screen', () => {
    expect(parseRoute('#/engagements')).toEqual({ area: 'engagements', recordId: null, params: {} });
    expect(parseRoute('#/specialists/new')).toEqual({ area: 'specialists', recordId: 'new', params: {} });
    expect(parseRoute('#/replacements/a%2Fb')).toEqual({ area: 'replacements', recordId: null, params: {} });
    expect(parseRoute('#/runcost/x')).toEqual({ area: 'clients', recordId: null, params: {} });
    expect(parseRoute('')).toEqual({ area: 'clients', recordId: null, params: {} });
    expect(routeHash({ area: 'replacements', recordId: 'a/b' })).toBe('#/replacements/a%2Fb');
  });

  it('opens audited records where their area says, and labels every audited entity', () => {
    expect(recordArea('staffing_request')).toBe('staffing');
    expect(recordArea('replacement_pause')).toBe('replacements');
    expect(recordArea('invoice')).toBeNull();
    expect(recordArea('dataset')).toBeNull();
    expect(hasRecords('allocations')).toBe(true);
    expect(hasRecords('audit')).toBe(false);
    expect(Object.keys(ENTITY_LABELS).sort()).toEqual([...AUDITED_ENTITIES].sort());
    expect(ENTITY_LABELS.replacement_pause).toBe('SLA pause');
    expect(ENTITY_LABELS.month_close).toBe('Month close');
  });
});

function withBackend(answers: Record<string, unknown>, ui: React.ReactNode) {
  const client = createClient(
    async (name): Promise<Result<unknown>> =>
      name in answers ? { ok: true, value: answers[name] } : { ok: false, error: { code: 'internal', message: `No ${name} here.` } },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </ClientContext.Provider>,
  );
}

describe('screens loaded on first visit', () => {
  it('makes every entry’s screen a lazy chunk, so the first screen does not carry the others', () => {
    expect(ENTRIES.filter((e) => !isLazyScreen(e.screen)).map((e) => e.id)).toEqual([]);
  });

  it('shows the navigation at once and “Loading…” where the screen goes until its chunk has arrived', async () => {
    window.history.replaceState(null, '', '/#/audit');
    useNav.getState().sync();
    withBackend({ 'reference.get': {}, 'audit.list': { rows: [], total: 0 } }, <App />);
    expect(screen.getByRole('navigation', { name: 'Areas' })).toBeTruthy();
    const main = screen.getByRole('main');
    expect(within(main).getByText('Loading…').className).toBe('list-status');
    // The first import of the screen's module is transformed on the spot here: it may take longer than a second.
    expect(await within(main).findByRole('heading', { name: 'Audit log' }, { timeout: 10_000 })).toBeTruthy();
    expect(within(main).queryByText('Loading…')).toBeNull();
  });
});

describe('slots', () => {
  it('fills the engagement page with the continuity area’s requests and the specialist page with the plan’s time off', async () => {
    withBackend(
      { 'replacements.list': { rows: [], total: 0 }, 'absences.list': { rows: [], total: 0 } },
      <>
        <Slot name="engagement.sections" props={{ engagement: { id: 'e1', slaBusinessDays: 5 } as never }} />
        <Slot name="specialist.sections" props={{ specialist: { id: 's1', archivedAt: null } as never }} />
      </>,
    );
    expect(await screen.findByRole('heading', { name: 'Replacement requests' })).toBeTruthy();
    expect(screen.getByText(/SLA: a replacement within 5 business days/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Capacity and time off' })).toBeTruthy();
    expect(await screen.findByText('No absences recorded.')).toBeTruthy();
  });
});

describe('navigation badges', () => {
  const summary = summaryOf;

  it('shows the most severe item’s count, with every item in words', () => {
    expect(
      badgeOf(
        summaryOf('continuity', [
          { label: 'breached promises', one: 'breached promise', count: 2, tone: 'critical' },
          { label: 'promises at risk', one: 'promise at risk', count: 3, tone: 'attention' },
        ]).items,
      ),
    ).toEqual({ tone: 'critical', count: 2, words: '2 breached promises, 3 promises at risk' });
    expect(
      badgeOf(summaryOf('billing', [{ label: 'past months still open', one: 'past month still open', count: 0, tone: 'attention' }]).items),
    ).toBeNull();
  });

  it('puts the badge on the area’s entry without changing the link’s name', async () => {
    withBackend(
      {
        'app.summaries': [
          summary('continuity', [
            { label: 'breached promises', one: 'breached promise', count: 1, tone: 'critical' },
            { label: 'promises at risk', one: 'promise at risk', count: 4, tone: 'attention' },
          ]),
          summary('billing', [{ label: 'past months still open', one: 'past month still open', count: 0, tone: 'attention' }]),
          summary('plan', [
            { label: 'overdue staffing requests', one: 'overdue staffing request', count: 1, tone: 'critical', entry: 'staffing' },
            { label: 'roll-offs within 6 weeks', one: 'roll-off within 6 weeks', count: 3, tone: 'attention', entry: 'allocations' },
          ]),
        ],
      },
      <App />,
    );
    const nav = screen.getByRole('navigation', { name: 'Areas' });
    const continuity = within(nav).getByRole('link', { name: 'Continuity & SLAs' });
    await within(continuity).findByText('1');
    expect(continuity.querySelector('.nav__badge--critical')?.getAttribute('title')).toBe('1 breached promise, 4 promises at risk');
    expect(continuity.getAttribute('aria-describedby')).toBe('nav-badge-replacements');
    expect(document.getElementById('nav-badge-replacements')?.textContent).toBe('1 breached promise, 4 promises at risk');
    const plan = within(nav).getByRole('link', { name: 'Allocation plan' });
    expect(plan.querySelector('.nav__badge--attention')?.textContent).toBe('3');
    // An item that names its entry sits on it: the overdue request on Staffing requests, not on the plan.
    const staffing = within(nav).getByRole('link', { name: 'Staffing requests' });
    expect(staffing.querySelector('.nav__badge--critical')?.getAttribute('title')).toBe('1 overdue staffing request');
    expect(within(nav).getByRole('link', { name: 'Hours & billing' }).querySelector('.nav__badge')).toBeNull();
    // The start screen still says what is wrong when the data cannot be reached.
    expect(await screen.findByText('Keel cannot reach its data')).toBeTruthy();
  });
});

describe('a badge with a large count', () => {
  it('shows 999+ beside the label and the whole count in its words', async () => {
    const { NavBadgeCount } = await import('@renderer/app/NavBadges');
    render(<NavBadgeCount badge={{ tone: 'critical', count: 11016, words: '11016 ownership errors' }} />);
    const badge = document.querySelector('.nav__badge--critical');
    expect(badge?.textContent).toBe('999+');
    expect(badge?.getAttribute('title')).toBe('11016 ownership errors');
  });
});
