import type { InputOf, KeelError, OutputOf, ProcedureName } from '@shared/contract';
import { keepPreviousData, type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { KeelClient } from './client';
import { refreshStale, staleOf } from './stale';

export const ClientContext = createContext<KeelClient | null>(null);

export function useKeel(): KeelClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useKeel must be used inside <ClientContext.Provider>.');
  return client;
}

/** A failed call, carrying the typed error so screens can show its message and field issues. */
export class CallError extends Error {
  constructor(readonly error: KeelError) {
    super(error.message);
  }
}

export async function unwrap<N extends ProcedureName>(client: KeelClient, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const call = client.call as (n: N, i: InputOf<N>) => ReturnType<KeelClient['call']>;
  const result = await call(name, input);
  if (!result.ok) throw new CallError(result.error);
  return result.value as OutputOf<N>;
}

/** Server data lives in the query cache, keyed by procedure and input; never copied into stores. */
export function useProcedure<N extends ProcedureName>(name: N, input: InputOf<N>, enabled = true): UseQueryResult<OutputOf<N>, CallError> {
  const client = useKeel();
  // Lists keep showing their previous rows while a new search or filter loads, instead of
  // flashing empty; a single record never shows another record's data while it loads.
  const placeholderData = name.endsWith('.list') ? keepPreviousData : undefined;
  return useQuery({ queryKey: [name, input], queryFn: () => unwrap(client, name, input), enabled, placeholderData });
}

/** A command; on success the queries it declared stale (features/<area>/stale.ts) are refreshed, and only those. */
export function useCommand<N extends ProcedureName>(name: N) {
  const client = useKeel();
  const queryClient = useQueryClient();
  return useMutation<OutputOf<N>, CallError, InputOf<N>>({
    mutationFn: (input) => unwrap(client, name, input),
    onSuccess: () => refreshStale(queryClient, staleOf(name)),
  });
}
