import { createClient } from '@renderer/api/client';
import { ClientContext, useCommand, useProcedure } from '@renderer/api/queries';
import { STALE } from '@renderer/app/areas';
import { type CommandName, contract, type InputOf, procedureNames, type QueryName } from '@shared/contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);

const commands = procedureNames.filter((n): n is CommandName => contract[n].kind === 'command');
const queries = procedureNames.filter((n): n is QueryName => contract[n].kind === 'query');

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } } });
  const transport = vi.fn(async (name: string) => ({ ok: true as const, value: { name } }));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ClientContext.Provider value={createClient(transport)}>{children}</ClientContext.Provider>
    </QueryClientProvider>
  );
  return { queryClient, transport, wrapper };
}

/** Runs a command the way a screen does and returns the query names whose cached answers it dropped. */
async function dropped(command: CommandName): Promise<string[]> {
  const { queryClient, wrapper } = setup();
  // Two cached answers per query (different inputs): a declaration covers every input of a query.
  for (const q of queries) {
    queryClient.setQueryData([q, {}], { cached: q });
    queryClient.setQueryData([q, { id: 'x' }], { cached: q });
  }
  const { result } = renderHook(() => useCommand(command), { wrapper });
  await act(() => result.current.mutateAsync({} as InputOf<typeof command>));
  const kept = new Set(
    queryClient
      .getQueryCache()
      .getAll()
      .map((q) => String(q.queryKey[0])),
  );
  return queries.filter((q) => !kept.has(q)).sort();
}

describe('what a command makes stale', () => {
  it('every command of the contract has a declaration, and every declaration names queries only', () => {
    expect(Object.keys(STALE).sort()).toEqual([...commands].sort());
    for (const [command, stale] of Object.entries(STALE)) {
      if (stale === 'everything') continue;
      expect(
        stale.filter((n) => contract[n].kind !== 'query'),
        command,
      ).toEqual([]);
    }
  });

  it.each(commands)('%s refreshes exactly what it declares', async (command) => {
    const declared = STALE[command];
    const expected = declared === 'everything' ? [...queries].sort() : [...new Set(declared)].sort();
    expect(await dropped(command)).toEqual(expected);
  });

  it('a query on screen that the command declared refetches; one it did not declare keeps its answer', async () => {
    const { transport, wrapper } = setup();
    const { result } = renderHook(
      () => ({
        clients: useProcedure('clients.list', {}),
        timesheet: useProcedure('time.week', { specialistId: 'x', weekStart: '2026-11-30' }),
        approve: useCommand('clients.create'),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.clients.data && result.current.timesheet.data).toBeTruthy());
    const calls = (name: string) => transport.mock.calls.filter(([n]) => n === name).length;
    expect([calls('clients.list'), calls('time.week')]).toEqual([1, 1]);
    await act(() => result.current.approve.mutateAsync({} as InputOf<'clients.create'>));
    await waitFor(() => expect(calls('clients.list')).toBe(2));
    expect(calls('time.week')).toBe(1);
  });

  it('a narrow declaration stays narrow: a backup refreshes the backups list and nothing else', async () => {
    expect(await dropped('db.backup')).toEqual(['backups.list']);
    expect(await dropped('plan.export')).toEqual([]);
  });
});
