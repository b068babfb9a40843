import { create } from 'zustand';
import { parseRoute, type Route, routeHash } from './routes';

/**
 * Unsaved edits: an open form reports whether it differs from what it loaded,
 * and navigation asks before throwing such changes away.
 */
type UnsavedState = { dirty: boolean; setDirty(dirty: boolean): void };

export const useUnsaved = create<UnsavedState>((set) => ({ dirty: false, setDirty: (dirty) => set({ dirty }) }));

export function confirmDiscard(): boolean {
  if (!useUnsaved.getState().dirty) return true;
  const discard = window.confirm('You have unsaved changes in this form. Discard them?');
  if (discard) useUnsaved.getState().setDirty(false);
  return discard;
}

/** Navigation: the URL hash is the source of truth, so reloads and back/forward work. */
type NavState = { route: Route; go(route: Route): void; sync(): void };

export const useNav = create<NavState>((set, get) => ({
  // The start screen until the area registry (app/areas.ts) has registered the routes and read the address.
  route: { area: 'clients', recordId: null },
  go(route) {
    const current = get().route;
    const leaving = current.area !== route.area || current.recordId !== route.recordId;
    if (leaving && !confirmDiscard()) return;
    const hash = routeHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
  sync() {
    set({ route: parseRoute(window.location.hash) });
  },
}));

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

export function createListStore<F extends object>(defaultSort: string, filters: F) {
  return create<ListState<F>>((set, get) => ({
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
}
