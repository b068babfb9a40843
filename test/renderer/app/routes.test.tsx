// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { App } from '@renderer/app/App';
import { pinClock, unpinClock } from '@renderer/app/clock';
import { parseAddress, type Route, routeHash } from '@renderer/app/routes';
import { useNav, useUnsaved } from '@renderer/app/stores';
import { useAuditLog } from '@renderer/features/audit/auditStore';
import { useHours } from '@renderer/features/billing/hoursStore';
import { useClientList } from '@renderer/features/clients/ClientsScreen';
import { useSpecialistList } from '@renderer/features/clients/specialists/SpecialistsScreen';
import { useContinuity } from '@renderer/features/continuity/continuityStore';
import { usePlan } from '@renderer/features/plan/planStore';
import { useStaffingList } from '@renderer/features/plan/staffing/staffingStore';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ID = '0192f3a4-5b6c-7d8e-9f01-23456789abcd';

/** Opens an address the way a reload or a followed link does. */
function open(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
  act(() => useNav.getState().sync());
}

/** Back/forward: the browser moves, then tells the app (popstate), which reads the address again. */
async function traverse(step: -1 | 1) {
  const moved = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  window.history.go(step);
  await moved;
  act(() => useNav.getState().sync());
}

beforeEach(() => pinClock('2026-12-02T10:00:00Z'));
afterEach(() => {
  cleanup();
  unpinClock();
  useUnsaved.getState().setDirty(false);
  open('#/clients');
});

describe('reading and writing an address', () => {
  it('round-trips a view: area, record, and its tab, filters, search and sort', () => {
    const views: Route[] = [
      { area: 'clients', recordId: null, params: {} },
      { area: 'specialists', recordId: 'new', params: {} },
      { area: 'engagements', recordId: ID, params: { q: 'credit risk & co', status: 'active', sort: 'name', dir: 'desc' } },
      { area: 'hours', recordId: null, params: { tab: 'close', month: '2026-10' } },
      { area: 'replacements', recordId: ID, params: { tab: 'requests', state: 'all', q: 'Zürich' } },
    ];
    for (const route of views) expect(parseAddress(routeHash(route))).toEqual({ kind: 'view', route });
    expect(routeHash({ area: 'engagements', recordId: ID, params: { q: 'a b', dir: 'desc' } })).toBe(`#/engagements/${ID}?q=a+b&dir=desc`);
  });

  it('never crashes on a bad address: bad records and parameters fall back to none', () => {
    expect(parseAddress('#/clients/<img src=x>')).toEqual({ kind: 'view', route: { area: 'clients', recordId: null, params: {} } });
    expect(parseAddress('#/clients/%E0%A4%A')).toEqual({ kind: 'view', route: { area: 'clients', recordId: null, params: {} } });
    expect(parseAddress('#/clients?q=%E0%A4%A&=x&sort')).toEqual({ kind: 'view', route: { area: 'clients', recordId: null, params: {} } });
    expect(parseAddress(`#/clients?q=${'x'.repeat(201)}&sort=name`)).toEqual({
      kind: 'view',
      route: { area: 'clients', recordId: null, params: { sort: 'name' } },
    });
    expect(parseAddress('')).toEqual({ kind: 'view', route: { area: 'clients', recordId: null, params: {} } });
    expect(parseAddress('#/')).toEqual({ kind: 'view', route: { area: 'clients', recordId: null, params: {} } });
  });

  it('says an area is unknown instead of opening another one (every area is built: none is named as coming)', () => {
    expect(parseAddress('#/runcost')).toEqual({ kind: 'unknown', path: 'runcost', coming: null });
    expect(parseAddress('#/runcost/x?tab=risk')).toEqual({ kind: 'unknown', path: 'runcost', coming: null });
    expect(parseAddress('#/invoicez')).toEqual({ kind: 'unknown', path: 'invoicez', coming: null });
    expect(parseAddress('#/%3Cb%3E')).toEqual({ kind: 'unknown', path: '<b>', coming: null });
  });
});

describe('the screens’ state lives in the address', () => {
  it('a deep link sets a list’s search, filters, archived switch and sort; bad values take their defaults and leave the address', () => {
    open(`#/specialists/${ID}?q=Ana&role=ml_engineer&archived=all&sort=startDate&dir=desc`);
    expect(useNav.getState().route).toEqual({
      area: 'specialists',
      recordId: ID,
      params: { q: 'Ana', archived: 'all', sort: 'startDate', dir: 'desc', role: 'ml_engineer' },
    });
    const list = useSpecialistList.getState();
    expect([list.search, list.archived, list.sort, list.direction, list.filters.role]).toEqual([
      'Ana',
      'all',
      'startDate',
      'desc',
      'ml_engineer',
    ]);

    open('#/clients?q=acme&sort=DROP%20TABLE&dir=sideways&archived=maybe&currency=XX1');
    const clients = useClientList.getState();
    expect([clients.search, clients.sort, clients.direction, clients.archived, clients.filters.currency]).toEqual([
      'acme',
      'name',
      'asc',
      'active',
      '',
    ]);
    expect(window.location.hash).toBe('#/clients?q=acme');
    expect(useNav.getState().route.params).toEqual({ q: 'acme' });
  });

  it('a change on screen writes the address: a sort or filter is a history step, typing a search replaces it', () => {
    open('#/clients');
    const before = window.history.length;
    act(() => useClientList.getState().toggleSort('country'));
    expect(window.location.hash).toBe('#/clients?sort=country');
    expect(window.history.length).toBe(before + 1);
    act(() => useClientList.getState().setSearch('lumen'));
    expect(window.location.hash).toBe('#/clients?q=lumen&sort=country');
    expect(window.history.length).toBe(before + 1);
    act(() => useClientList.getState().setFilter('currency', 'CHF'));
    expect(useNav.getState().route.params).toEqual({ q: 'lumen', sort: 'country', currency: 'CHF' });
  });

  it('each screen’s tab and its own state: plan, hours and billing, continuity', () => {
    open('#/allocations?tab=forecast&scale=month&role=ml_engineer');
    expect([usePlan.getState().view, usePlan.getState().scale, usePlan.getState().filters.role]).toEqual([
      'forecast',
      'month',
      'ml_engineer',
    ]);
    open('#/hours?tab=close&month=2026-10');
    expect([useHours.getState().view, useHours.getState().month]).toEqual(['close', '2026-10']);
    open('#/hours?tab=payroll&month=2026-13&week=2026-12-03');
    // An unknown tab and an impossible month take the defaults; a week is read as its Monday.
    expect([useHours.getState().view, useHours.getState().month, useHours.getState().weekStart]).toEqual([
      'timesheet',
      '2026-11',
      '2026-11-30',
    ]);
    expect(window.location.hash).toBe('#/hours');
    open('#/replacements?tab=report&quarter=2026-Q3');
    expect([useContinuity.getState().view, useContinuity.getState().year, useContinuity.getState().quarter]).toEqual(['report', 2026, 3]);
    open('#/staffing?state=all&q=lead');
    expect([useStaffingList.getState().state, useStaffingList.getState().search]).toEqual(['all', 'lead']);
    open('#/audit?entity=invoice');
    expect(useAuditLog.getState().entity).toBe('invoice');
    open('#/audit?entity=payroll');
    expect(useAuditLog.getState().entity).toBe('');
    expect(window.location.hash).toBe('#/audit');
  });

  it('back and forward restore the exact view, and leaving an area remembers its state', async () => {
    open('#/clients');
    act(() => useClientList.getState().toggleSort('country'));
    act(() => useNav.getState().go({ area: 'clients', recordId: ID }));
    expect(window.location.hash).toBe(`#/clients/${ID}?sort=country`);
    act(() => useNav.getState().go({ area: 'specialists', recordId: null }));
    act(() => useNav.getState().go({ area: 'clients', recordId: null }));
    expect(window.location.hash).toBe('#/clients?sort=country');

    await traverse(-1);
    expect(useNav.getState().route.area).toBe('specialists');
    await traverse(-1);
    expect(useNav.getState().route).toEqual({ area: 'clients', recordId: ID, params: { sort: 'country' } });
    await traverse(-1);
    await traverse(-1);
    expect(useNav.getState().route).toEqual({ area: 'clients', recordId: null, params: {} });
    expect(useClientList.getState().sort).toBe('name');
    await traverse(1);
    expect(useClientList.getState().sort).toBe('country');
  });

  it('asks in the app’s dialog before leaving a form with changes, and stays when the user keeps editing', async () => {
    render(<ConfirmHost />);
    const user = userEvent.setup();
    open('#/clients/new');
    act(() => useUnsaved.getState().setDirty(true));
    act(() => useNav.getState().go({ area: 'clients', recordId: null }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard your unsaved changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(useNav.getState().route).toEqual({ area: 'clients', recordId: 'new', params: {} });
    expect(useUnsaved.getState().dirty).toBe(true);

    act(() => useNav.getState().go({ area: 'audit', recordId: null }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    expect(useNav.getState().route.area).toBe('audit');
    expect(useUnsaved.getState().dirty).toBe(false);
  });
});

describe('an area that does not exist', () => {
  function renderApp() {
    // The backend never answers here: the message does not wait for data.
    const client = createClient(() => new Promise(() => {}));
    render(
      <ClientContext.Provider value={client}>
        <QueryClientProvider client={new QueryClient()}>
          <App />
        </QueryClientProvider>
      </ClientContext.Provider>,
    );
  }

  it('says a mistyped area does not exist', () => {
    open('#/invoicez');
    renderApp();
    expect(within(screen.getByRole('main')).getByRole('heading', { name: 'There is no such page' })).toBeTruthy();
    expect(screen.getByText(/Keel has no area called “invoicez”/)).toBeTruthy();
  });

  it('offers “Skip to content” as the first thing Tab reaches, moving focus to the main region', async () => {
    open('#/invoicez');
    renderApp();
    const user = userEvent.setup();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(document.activeElement).toBe(skip);
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('main'));
    // The address is the route: skipping never changes it.
    expect(window.location.hash).toBe('#/invoicez');
  });
});
