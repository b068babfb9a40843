import { paramOf, shapeOf, withoutDefaults } from '@renderer/app/address';
import { now } from '@renderer/app/clock';
import { bindAddress } from '@renderer/app/stores';
import type { InputOf } from '@shared/contract';
import { timelineInput } from '@shared/plan/contract/plan';
import type { PlanScale } from '@shared/plan/rules/plan';
import { format, startOfISOWeek } from 'date-fns';
import { z } from 'zod';
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

const PLAN_VIEWS = ['timeline', 'rollOff', 'forecast', 'allocations'] as const satisfies readonly PlanView[];
const timeline = shapeOf(timelineInput);

/** The plan's address: `#/allocations?tab=forecast&scale=month&from=2026-11-30&role=ml_engineer…` (defaults left out). */
bindAddress(usePlan, {
  areas: ['allocations'],
  read: (p) => ({
    view: paramOf(z.enum(PLAN_VIEWS), p.tab, 'timeline') as PlanView,
    scale: paramOf(timeline.scale, p.scale, 'week') as PlanScale,
    from: paramOf(timeline.from, p.from, thisMonday()),
    filters: Object.fromEntries(Object.entries(EMPTY_FILTERS).map(([k, d]) => [k, paramOf(timeline[k], p[k], d)])) as PlanFilters,
  }),
  write: (s) =>
    withoutDefaults({ tab: s.view, scale: s.scale, from: s.from, ...s.filters }, { tab: 'timeline', scale: 'week', from: thisMonday() }),
});

/** The filters as the contract takes them: empty means "any". */
export function planFilterInput(filters: PlanFilters) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value) out[key] = value;
  // The selects only offer values from the reference data; the backend validates them again.
  return out as Pick<InputOf<'plan.timeline'>, keyof PlanFilters>;
}

/** Two years either way: 26 weeks or 24 months on screen, moved by half a window. */
export const periodsFor = (scale: PlanScale) => (scale === 'week' ? 26 : 24);
