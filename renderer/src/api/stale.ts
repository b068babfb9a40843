import type { CommandName, ProcedureName, QueryName } from '@shared/contract';
import type { Query, QueryClient } from '@tanstack/react-query';

/**
 * What a command makes stale: the queries (by name, whatever their input) whose
 * answers it may change, or `'everything'` for the few commands that replace the
 * data wholesale (a restore, the sample dataset, an undo). Each area declares
 * its commands in `features/<area>/stale.ts`; the registry joins them and a
 * command without a declaration is a type error there.
 */
export type Stale = 'everything' | readonly QueryName[];

/** One area's declarations: exactly its commands, each with what it makes stale. */
export type StaleDeclarations<C extends CommandName> = { readonly [N in C]: Stale };

let declared: Readonly<Record<CommandName, Stale>> | null = null;

/** Called once by the area registry (`app/areas.ts`) with every command's declaration. */
export function registerStale(all: Readonly<Record<CommandName, Stale>>): void {
  declared = all;
}

/**
 * What a call makes stale. A query called imperatively (a backup's facts, an
 * export's download) changes nothing. Before the registry is loaded (a
 * component rendered alone in a test) every command refreshes everything: the
 * safe answer, never a stale screen.
 */
export function staleOf(name: ProcedureName): Stale {
  if (!declared) return 'everything';
  return Object.hasOwn(declared, name) ? declared[name as CommandName] : [];
}

/**
 * Refreshes what a command made stale: matching queries on screen refetch,
 * matching ones not on screen are dropped rather than shown, stale, on the way
 * back (a week just invoiced must not reappear editable until its refetch
 * lands); everything else keeps its cached answer.
 */
export function refreshStale(queryClient: QueryClient, stale: Stale): Promise<void> {
  if (stale === 'everything') {
    queryClient.removeQueries({ type: 'inactive' });
    return queryClient.invalidateQueries();
  }
  if (stale.length === 0) return Promise.resolve();
  const names: ReadonlySet<string> = new Set(stale);
  const predicate = (query: Query) => names.has(String(query.queryKey[0]));
  queryClient.removeQueries({ type: 'inactive', predicate });
  return queryClient.invalidateQueries({ predicate });
}
