import { today } from '@renderer/app/clock';
import { quarterOf } from '@shared/continuity/rules/report';
import { create } from 'zustand';

export type ContinuityView = 'board' | 'requests' | 'report' | 'settings';
export type RequestState = 'open' | 'closed' | 'all';

/** The report opens on the quarter today falls in. */
export const currentQuarter = (on = today()) => quarterOf(on);

/**
 * UI state of the continuity area: which tab, the client looked at (one filter
 * shared by the board, the list and the report, so a manager focused on one
 * client stays on it), the list's filters and the report's quarter.
 * Server data stays in the query cache.
 */
type ContinuityState = {
  view: ContinuityView;
  clientId: string;
  state: RequestState;
  search: string;
  year: number;
  quarter: number;
  /** The engagement a new request starts on when recorded from the engagement's page ('' = choose). */
  draftEngagementId: string;
  setView(view: ContinuityView): void;
  setClient(clientId: string): void;
  setState(state: RequestState): void;
  setSearch(search: string): void;
  setQuarter(year: number, quarter: number): void;
  setDraftEngagement(engagementId: string): void;
};

export const useContinuity = create<ContinuityState>((set) => ({
  view: 'board',
  clientId: '',
  state: 'open',
  search: '',
  ...currentQuarter(),
  draftEngagementId: '',
  setView: (view) => set({ view }),
  setClient: (clientId) => set({ clientId }),
  setState: (state) => set({ state }),
  setSearch: (search) => set({ search }),
  setQuarter: (year, quarter) => set({ year, quarter }),
  setDraftEngagement: (draftEngagementId) => set({ draftEngagementId }),
}));
