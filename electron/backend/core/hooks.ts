import type { Context, HookEvent, HookEvents, HookRegistry } from './context';

/**
 * Backend hooks: how a higher area takes part in a lower area's change without
 * the lower area importing it. The area that owns an event declares it in
 * `HookEvents` by declaration merging (`declare module '@backend/core/context'`,
 * in its `events.ts`) and emits it with `ctx.emit` inside its `ctx.write`; other
 * areas register hooks for it in their area declaration. Hooks run synchronously,
 * in registry order, inside the same transaction: a hook that throws a
 * DomainError refuses the whole change and nothing is written.
 */
export type Hook<E extends HookEvent> = (ctx: Context, payload: HookEvents[E]) => void;
/** What an area registers: at most one hook per event. */
export type AreaHooks = { [E in HookEvent]?: Hook<E> };

export function createHookRegistry(areas: readonly { id: string; hooks?: AreaHooks }[]): HookRegistry {
  const registry = new Map<HookEvent, { area: string; run: (ctx: Context, payload: unknown) => void }[]>();
  for (const area of areas) {
    for (const [event, run] of Object.entries(area.hooks ?? {}) as [HookEvent, (ctx: Context, payload: unknown) => void][]) {
      registry.set(event, [...(registry.get(event) ?? []), { area: area.id, run }]);
    }
  }
  return registry;
}
