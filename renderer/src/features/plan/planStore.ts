import { now } from '@renderer/app/clock';
import type { InputOf } from '@shared/contract';
import type { PlanScale } from '@shared/plan/rules/plan';
import { format, startOfISOWeek } from 'date-fns';
import { create } from 'zustand';

export type PlanView = 'timeline' | 'rollOff' | 'forecast' | 'allocations';

export type PlanFilters = {
  clientId: string;
  engagementId: string;
  role: string;
  sourcingRegion: string;
  skill: string;
  status: string;
};

const EMPTY_FILTERS: PlanFilters = { clientId: '', engagementId: '', role: '', sourcingRegion: '', skill: '', status: '' };

/** The plan screen's UI state: which view, which window, which filters. Server data stays in the query cache. */
type PlanState = {
  view: PlanView;
  from: string;
  scale: PlanScale;
  filters: PlanFilters;
  weeks: number;
  setView(view: PlanView): void;
  setFrom(from: string): void;
  setScale(scale: PlanScale): void;
  setFilter<K extends keyof PlanFilters>(key: K, value: PlanFilters[K]): void;
  clearFilters(): void;
  setWeeks(weeks: number): void;
};

export const thisMonday = () => format(startOfISOWeek(now()), 'yyyy-MM-dd');

export const usePlan = create<PlanState>((set, get) => ({
  view: 'timeline',
  from: thisMonday(),
  scale: 'week',
  filters: EMPTY_FILTERS,
  weeks: 6,
  setView: (view) => set({ view }),
  setFrom: (from) => set({ from }),
  setScale: (scale) => set({ scale }),
  setFilter: (key, value) => set({ filters: { ...get().filters, [key]: value } }),
  clearFilters: () => set({ filters: EMPTY_FILTERS }),
  setWeeks: (weeks) => set({ weeks }),
}));

/** The filters as the contract takes them: empty means "any". */
export function planFilterInput(filters: PlanFilters) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value) out[key] = value;
  // The selects only offer values from the reference data; the backend validates them again.
  return out as Pick<InputOf<'plan.timeline'>, keyof PlanFilters>;
}

/** Two years either way: 26 weeks or 24 months on screen, moved by half a window. */
export const periodsFor = (scale: PlanScale) => (scale === 'week' ? 26 : 24);
