import { format } from 'date-fns';
import { AuditRepository, type NewAuditEntry } from './auditRepository';
import { type Clock, systemClock } from './clock';
import type { Db } from './db/connection';
import { SettingsRepository } from './settingsRepository';

/** Appends one audit row inside the current write. */
export type Audit = (entry: NewAuditEntry) => void;

/**
 * The repositories a service can reach through `ctx.repos`. Core declares its
 * own; each area adds its repositories by declaration merging in its
 * `repositories.ts` (`declare module '@backend/core/context'`) and builds them
 * in its area declaration, so this file never lists an area.
 */
// An interface, not a type: areas extend it by declaration merging.
export interface Repositories {
  audit: AuditRepository;
  settings: SettingsRepository;
}

/**
 * The events areas offer each other's hooks (see core/hooks.ts). Each area that
 * emits events adds them by declaration merging in its `events.ts`.
 */
// An interface, not a type: areas add their events by declaration merging.
// biome-ignore lint/suspicious/noEmptyInterface: empty here; each area that emits events adds its own.
export interface HookEvents {}
export type HookEvent = keyof HookEvents;
/** The hooks registered per event, in registry order (built by core/hooks.ts). */
export type HookRegistry = ReadonlyMap<HookEvent, readonly { area: string; run: (ctx: Context, payload: unknown) => void }[]>;

/** Builds one area's repositories on a connection. */
export type RepositoryFactory = (db: Db) => Partial<Repositories>;

/**
 * What a service needs: the repositories, who is acting, the clock, and
 * `write`, which runs a change in one IMMEDIATE transaction so a failure
 * anywhere leaves nothing behind; `emit` runs other areas' hooks inside it.
 */
export type Context = {
  readonly db: Db;
  readonly repos: Repositories;
  readonly actor: string;
  /** The current instant, ISO-8601 UTC. Injected so tests control time. */
  now(): string;
  /** Today's date on this machine's calendar (YYYY-MM-DD): what "today" means to the person at the desk. */
  today(): string;
  write<T>(change: (audit: Audit, at: string) => T): T;
  /** Runs every hook other areas registered on this event, in this transaction (see core/hooks.ts). */
  emit<E extends HookEvent>(event: E, payload: HookEvents[E]): void;
  /** The same context (actor, clock, areas, hooks) on another connection, e.g. a background export's reader. */
  on(db: Db): Context;
};

export type ContextSetup = {
  actor: string;
  clock?: Clock;
  /** One factory per area, from the area registry (electron/backend/areas.ts). */
  repositories: readonly RepositoryFactory[];
  hooks: HookRegistry;
};

export function createContext(db: Db, setup: ContextSetup): Context {
  const clock = setup.clock ?? systemClock;
  const core = { audit: new AuditRepository(db), settings: new SettingsRepository(db) };
  // Every area's factory contributes its part; together they are the whole Repositories type (checked by the registry).
  const repos = Object.assign(core, ...setup.repositories.map((make) => make(db))) as Repositories;
  const now = () => clock().toISOString();
  const ctx: Context = {
    db,
    repos,
    actor: setup.actor,
    now,
    today: () => format(clock(), 'yyyy-MM-dd'),
    write(change) {
      return db
        .transaction(() => {
          const at = now();
          return change((entry) => repos.audit.append(entry, setup.actor, at), at);
        })
        .immediate();
    },
    emit(event, payload) {
      if (!db.inTransaction) throw new Error(`Hook event ${event} must be emitted inside ctx.write, so its hooks share the transaction.`);
      for (const hook of setup.hooks.get(event) ?? []) hook.run(ctx, payload);
    },
    on: (other) => createContext(other, { ...setup, clock }),
  };
  return ctx;
}
