// The app's area registry: routes, record links and labels come from it.
import '@renderer/app/areas';
import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { AuditScreen } from '@renderer/features/audit/AuditScreen';
import type { AuditEntry, Result } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

/** An in-memory audit log behind the real client: newest first, keyset paging like the backend. */
function fakeLog(count: number) {
  let seq = 0;
  const entry = (label: string, action: AuditEntry['action']): AuditEntry => {
    seq += 1;
    return {
      id: `01a20bb9-cb5c-7026-b14e-${String(seq).padStart(12, '0')}`,
      at: new Date(Date.UTC(2026, 10, 24, 9, 0, seq)).toISOString(),
      actor: 'tester',
      entity: 'client',
      entityId: `client-${seq}`,
      label,
      action,
      before: null,
      after: null,
      undoable: action === 'archive',
    };
  };
  const entries: AuditEntry[] = [];
  for (let i = 1; i <= count; i++) entries.unshift(entry(`Client ${i}`, i === count ? 'archive' : 'create'));
  const transport = async (name: string, input: unknown): Promise<Result<unknown>> => {
    if (name === 'audit.list') {
      const { beforeId, limit } = input as { beforeId?: string; limit: number };
      const older = entries.filter((e) => beforeId === undefined || e.id < beforeId);
      return { ok: true, value: { rows: older.slice(0, limit), hasMore: older.length > limit } };
    }
    if (name === 'audit.undo') {
      entries.unshift(entry('Client undone', 'restore'));
      return { ok: true, value: entries[0] };
    }
    return { ok: false, error: { code: 'unknown_procedure', message: name } };
  };
  return { client: createClient(transport) };
}

function renderAudit(count: number) {
  const { client } = fakeLog(count);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        <AuditScreen />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
}

/** How many entries the table holds (its rows are virtualised: only those in view are in the DOM). */
const rowCount = () => Number(screen.getByRole('table', { name: 'Audit log' }).getAttribute('aria-rowcount')) - 1;

/** Every entry's record label in order, read by scrolling the table's frame from top to bottom. */
async function labels(): Promise<string[]> {
  const frame = document.querySelector('.ui-table') as HTMLElement;
  const total = rowCount();
  const byIndex = new Map<number, string>();
  for (let top = 0; byIndex.size < total && top <= total * 41; top += 300) {
    frame.scrollTop = top;
    fireEvent.scroll(frame);
    await act(async () => {});
    for (const row of document.querySelectorAll('tr.ui-table__row')) {
      const label = row.querySelector('button.link')?.textContent;
      if (label) byIndex.set(Number(row.getAttribute('aria-rowindex')), label);
    }
  }
  frame.scrollTop = 0;
  fireEvent.scroll(frame);
  await act(async () => {});
  return [...byIndex].sort(([a], [b]) => a - b).map(([, label]) => label);
}

describe('AuditScreen paging', () => {
  it('shows older pages on request and loses no row when an undo adds one at the top', async () => {
    renderAudit(120);
    await waitFor(() => expect(rowCount()).toBe(50));
    // Virtualised: a long page puts only the rows in view into the DOM.
    expect(document.querySelectorAll('tr.ui-table__row').length).toBeLessThan(50);
    await userEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    await waitFor(() => expect(rowCount()).toBe(100));
    const shown = await labels();
    expect(shown).toHaveLength(100);
    expect(shown[0]).toBe('Client 120');
    expect(shown[99]).toBe('Client 21');

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Client / })[0]?.textContent).toBe('Client undone'));
    // The rows stay contiguous: the row that was last on page 1 ("Client 71") moved to page 2
    // instead of falling between the pages; "Client 21" moved on to the next page.
    expect(await labels()).toEqual(['Client undone', ...Array.from({ length: 99 }, (_, i) => `Client ${120 - i}`)]);

    await userEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    await waitFor(() => expect(rowCount()).toBe(121));
    expect(screen.queryByRole('button', { name: 'Show older changes' })).toBeNull();
    // Role queries over 121 rows take about 4 s in jsdom alone; on a busy machine the default 5 s is not enough.
  }, 20_000);
});
