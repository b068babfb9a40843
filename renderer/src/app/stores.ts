import { askConfirm } from '@renderer/ui/ConfirmDialog';
import type { z } from 'zod';
import { create } from 'zustand';
import {
  addressParams,
  applyAddressParams,
  bindAddress,
  connectAddress,
  hasBinding,
  paramOf,
  sameParams,
  shapeOf,
  withoutDefaults,
} from './address';
import { type AreaId, type Params, parseAddress, type Route, type RouteTarget, routeHash } from './routes';

/**
 * Unsaved edits: an open form reports whether it differs from what it loaded,
 * and navigation asks before throwing such changes away.
 */
type UnsavedState = { dirty: boolean; setDirty(dirty: boolean): void };

export const useUnsaved = create<UnsavedState>((set) => ({ dirty: false, setDirty: (dirty) => set({ dirty }) }));

/** Asks, in the app's own dialog, before unsaved changes are thrown away; resolves whether to go on. */
export async function confirmDiscard(): Promise<boolean> {
  if (!useUnsaved.getState().dirty) return true;
  const discard = await askConfirm({
    title: 'Discard your unsaved changes?',
    message: 'The form has changes that are not saved yet.',
    confirmLabel: 'Discard changes',
    cancelLabel: 'Keep editing',
    tone: 'danger',
  });
  if (discard) useUnsaved.getState().setDirty(false);
  return discard;
}

/** Runs `next` now when nothing is unsaved, or after the user agreed to discard the changes. */
export function whenDiscarded(next: () => void): void {
  if (!useUnsaved.getState().dirty) {
    next();
    return;
  }
  void confirmDiscard().then((discard) => {
    if (discard) next();
  });
}

/** An address naming an area Keel does not have: one that is coming, or a mistyped link. */
export type UnknownArea = { path: string; coming: string | null };

/**
 * Navigation: the address (URL hash) is the source of truth, so reloads,
 * back/forward and links restore the exact view — screen, record, tab,
 * filters, search and sort (the screens' stores are bound to it, app/address.ts).
 */
type NavState = { route: Route; unknown: UnknownArea | null; go(to: RouteTarget): void; sync(): void };

/** The parameters to show for a screen: its stores' state once they are loaded, else what the address said. */
function canonical(area: AreaId, params: Params): Params {
  return hasBinding(area) ? addressParams(area) : params;
}

function writeAddress(route: Route, how: 'push' | 'replace'): void {
  const hash = routeHash(route);
  if (window.location.hash === hash) return;
  if (how === 'push') window.history.pushState(null, '', hash);
  else window.history.replaceState(null, '', hash);
}

export const useNav = create<NavState>((set, get) => ({
  // The start screen until the area registry (app/areas.ts) has registered the routes and read the address.
  route: { area: 'clients', recordId: null, params: {} },
  unknown: null,
  go(to) {
    const { route, unknown } = get();
    const leaving = unknown !== null || route.area !== to.area || route.recordId !== to.recordId;
    const navigate = () => {
      if (to.params) applyAddressParams(to.area, to.params);
      const params = to.params ? canonical(to.area, to.params) : addressParams(to.area);
      const next: Route = { area: to.area, recordId: to.recordId, params };
      writeAddress(next, 'push');
      set({ route: next, unknown: null });
    };
    if (leaving) whenDiscarded(navigate);
    else navigate();
  },
  sync() {
    const address = parseAddress(window.location.hash);
    if (address.kind === 'unknown') {
      set({ unknown: { path: address.path, coming: address.coming } });
      return;
    }
    const to = address.route;
    const { route, unknown } = get();
    const leaving = unknown === null && (route.area !== to.area || route.recordId !== to.recordId);
    if (leaving && useUnsaved.getState().dirty) {
      // Back/forward has already moved the address: put the form's back, and go only if the user agrees.
      writeAddress(route, 'push');
      void confirmDiscard().then((discard) => {
        if (discard) get().go(to);
      });
      return;
    }
    applyAddressParams(to.area, to.params);
    const next: Route = { ...to, params: canonical(to.area, to.params) };
    // Bad or redundant parameters leave the address: it shows the view as it is.
    if (!sameParams(next.params, to.params)) writeAddress(next, 'replace');
    set({ route: next, unknown: null });
  },
}));

connectAddress({
  changed(areas) {
    const { route, unknown } = useNav.getState();
    if (unknown || !areas.includes(route.area)) return;
    const params = addressParams(route.area);
    if (sameParams(params, route.params)) return;
    // Typing a search replaces the address; a new tab, filter or sort is a step back/forward returns to.
    const changedKeys = [...new Set([...Object.keys(params), ...Object.keys(route.params)])].filter((k) => params[k] !== route.params[k]);
    const next: Route = { ...route, params };
    writeAddress(next, changedKeys.every((k) => k === 'q') ? 'replace' : 'push');
    useNav.setState({ route: next });
  },
  view() {
    const { route, unknown } = useNav.getState();
    return unknown ? null : route;
  },
});

export { bindAddress };

export type Toast = { id: number; message: string; tone: 'info' | 'error'; action?: { label: string; run(): void } };

type ToastState = { toasts: Toast[]; show(toast: Omit<Toast, 'id'>): void; dismiss(id: number): void };

let nextToast = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show(toast) {
    const id = nextToast++;
    // Names may end in a full stop (“Lumen Telecom S.A.”): never print two.
    const message = toast.message.replace(/\.\.$/, '.');
    set({ toasts: [...get().toasts, { ...toast, message, id }].slice(-4) });
    setTimeout(() => get().dismiss(id), toast.action ? 10000 : 5000);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

/** List screen state per area: search text, filters and sort — UI state only, no server data. */
export type ListState<F> = {
  search: string;
  archived: 'active' | 'archived' | 'all';
  filters: F;
  sort: string;
  direction: 'asc' | 'desc';
  setSearch(search: string): void;
  setArchived(archived: 'active' | 'archived' | 'all'): void;
  setFilter<K extends keyof F>(key: K, value: F[K]): void;
  toggleSort(field: string): void;
};

type ListShape = Pick<ListState<Record<string, string>>, 'search' | 'archived' | 'filters' | 'sort' | 'direction'>;

/**
 * A list screen's store, bound to its address: `#/<area>?q=…&archived=…&sort=…&dir=desc&<filter>=…`.
 * Each parameter is checked with the list procedure's own input schema (`input`),
 * so a value the backend would refuse falls back to its default instead.
 */
export function createListStore<F extends Record<string, string>>(area: AreaId, input: z.ZodType, filters: F) {
  const shape = shapeOf(input);
  const base = input.safeParse(undefined);
  const defaults = (base.success ? base.data : {}) as Partial<Record<'sort' | 'direction' | 'archived', string>>;
  const defaultSort = defaults.sort ?? '';
  const store = create<ListState<F>>((set, get) => ({
    search: '',
    archived: 'active',
    filters,
    sort: defaultSort,
    direction: 'asc',
    setSearch: (search) => set({ search }),
    setArchived: (archived) => set({ archived }),
    setFilter: (key, value) => set({ filters: { ...get().filters, [key]: value } }),
    toggleSort: (field) =>
      set(get().sort === field ? { direction: get().direction === 'asc' ? 'desc' : 'asc' } : { sort: field, direction: 'asc' }),
  }));
  const toParams = (s: ListShape) => ({ q: s.search, archived: s.archived, sort: s.sort, dir: s.direction, ...s.filters });
  const defaultParams = toParams({ search: '', archived: 'active', sort: defaultSort, direction: 'asc', filters });
  bindAddress<ListState<F>>(store, {
    areas: [area],
    read: (p) => ({
      search: paramOf(shape.search, p.q, ''),
      archived: paramOf(shape.archived, p.archived, 'active') as ListShape['archived'],
      sort: paramOf(shape.sort, p.sort, defaultSort),
      direction: paramOf(shape.direction, p.dir, 'asc') as ListShape['direction'],
      filters: Object.fromEntries(Object.entries(filters).map(([k, d]) => [k, paramOf(shape[k], p[k], d)])) as F,
    }),
    write: (s) => withoutDefaults(toParams(s), defaultParams),
  });
  return store;
}
