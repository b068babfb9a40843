import type { OutputOf, ParsedInputOf, ProcedureName } from '@shared/contract';
import { procedureNames } from '@shared/contract';
import type { BackendArea, HostServices } from './core/area';
import type { Context } from './core/context';

export type { HostServices } from './core/area';
export type Handler<N extends ProcedureName> = (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>;
/** One handler per contract procedure. */
export type Handlers = { [N in ProcedureName]: Handler<N> };

/**
 * Joins the areas' handlers into one map. Each area's handlers are type-checked
 * against its own procedures (core/area.ts); here the whole is checked against
 * the contract at start-up: a procedure no area implements, one implemented
 * twice, or a handler for no procedure stops the backend before it serves anything.
 */
export function createHandlers(ctx: Context, host: HostServices, areas: readonly BackendArea[]): Handlers {
  const joined: Record<string, unknown> = {};
  for (const area of areas) {
    for (const [name, handler] of Object.entries(area.handlers(ctx, host))) {
      if (Object.hasOwn(joined, name)) throw new Error(`The procedure ${name} is implemented twice (again by the ${area.id} area).`);
      if (!Object.hasOwn(area.procedures, name)) throw new Error(`The ${area.id} area implements ${name}, which it does not declare.`);
      joined[name] = handler;
    }
  }
  const missing = procedureNames.filter((name) => !Object.hasOwn(joined, name));
  if (missing.length) throw new Error(`No area implements ${missing.join(', ')}.`);
  const extra = Object.keys(joined).filter((name) => !(procedureNames as string[]).includes(name));
  if (extra.length) throw new Error(`${extra.join(', ')} ${extra.length > 1 ? 'are' : 'is'} implemented but not in the contract.`);
  return joined as Handlers;
}
