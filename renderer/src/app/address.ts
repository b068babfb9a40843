import { z } from 'zod';
import type { StoreApi } from 'zustand';
import type { AreaId, Params } from './routes';

/**
 * How a screen's UI state (its tab, filters, search, sort) lives in the
 * address, so a reload, back/forward and a shared link restore the exact view.
 * The store stays the screens' source of truth; the binding reads the
 * address's parameters into it (bad values fall back to the defaults) and
 * writes its state back as parameters (defaults left out, so a plain view has
 * a plain address).
 */
export type AddressBinding<S> = {
  /** The screens (navigation entries) whose address carries this state. */
  areas: readonly AreaId[];
  /** The state a set of parameters describes; what is missing or bad takes its default. */
  read(params: Params): Partial<S>;
  /** The state as parameters, leaving out what equals its default. */
  write(state: S): Record<string, string>;
};

type Bound = { areas: readonly AreaId[]; apply(params: Params): void; write(): Record<string, string> };

const bound: Bound[] = [];
let applying = false;
let onChange: (areas: readonly AreaId[]) => void = () => {};
let current: () => { area: AreaId; params: Params } | null = () => null;

export function sameParams(a: Params, b: Params): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Binds a store to the address. A screen's store may be created after the
 * address was read (screens load on first visit): it then takes the open
 * view's parameters at once.
 */
export function bindAddress<S>(store: StoreApi<S>, binding: AddressBinding<S>): void {
  const entry: Bound = {
    areas: binding.areas,
    apply: (params) => store.setState(binding.read(params)),
    write: () => binding.write(store.getState()),
  };
  bound.push(entry);
  const view = current();
  if (view && binding.areas.includes(view.area)) applyingDo(() => entry.apply(view.params));
  store.subscribe((state, previous) => {
    if (applying) return;
    if (!sameParams(binding.write(state), binding.write(previous))) onChange(binding.areas);
  });
}

function applyingDo(run: () => void): void {
  applying = true;
  try {
    run();
  } finally {
    applying = false;
  }
}

/** Whether a loaded store keeps its state in this screen's address. */
export function hasBinding(area: AreaId): boolean {
  return bound.some((b) => b.areas.includes(area));
}

/** The parameters a screen's address carries for its stores' current state. */
export function addressParams(area: AreaId): Record<string, string> {
  return Object.assign({}, ...bound.filter((b) => b.areas.includes(area)).map((b) => b.write()));
}

/** Puts an address's parameters into the screen's stores (a reload, back/forward, a link). */
export function applyAddressParams(area: AreaId, params: Params): void {
  applyingDo(() => {
    for (const b of bound) if (b.areas.includes(area)) b.apply(params);
  });
}

/** The navigation store connects itself: it learns when a bound state changes and tells which view is open. */
export function connectAddress(hooks: { changed(areas: readonly AreaId[]): void; view(): { area: AreaId; params: Params } | null }): void {
  onChange = hooks.changed;
  current = hooks.view;
}

/** The fields of an object schema (unwrapping `.default(…)`/`.optional()`), to check parameters one by one. */
export function shapeOf(schema: z.ZodType): Readonly<Record<string, z.ZodType>> {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : {};
}

/**
 * One parameter read through the schema the contract checks it with (the list
 * input's `status`, `sort`…): missing, empty or refused gives the fallback.
 */
export function paramOf(schema: z.ZodType | undefined, raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw === '') return fallback;
  const checked = (schema ?? z.string().max(200)).safeParse(raw);
  return checked.success && typeof checked.data === 'string' && checked.data !== '' ? checked.data : fallback;
}

/** The parameters of a state, leaving out the values equal to their defaults. */
export function withoutDefaults(values: Record<string, string>, defaults: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== '' && v !== defaults[k]));
}
