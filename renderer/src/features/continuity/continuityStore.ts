import { paramOf, withoutDefaults } from '@renderer/app/address';
import { today } from '@renderer/app/clock';
import { bindAddress } from '@renderer/app/stores';
import { quarterOf } from '@shared/continuity/rules/report';
import { id, search } from '@shared/kernel/fields';
import { z } from 'zod';
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

const CONTINUITY_VIEWS = ['board', 'requests', 'report', 'settings'] as const satisfies readonly ContinuityView[];
const quarterParam = z.string().regex(/^(199\d|20\d\d|2100)-Q[1-4]$/);

/** The area's address: `#/replacements?tab=report&client=…&quarter=2026-Q3`, `?tab=requests&state=all&q=…` (defaults left out). */
bindAddress(useContinuity, {
  areas: ['replacements'],
  read: (p) => {
    const now = currentQuarter();
    const [year, quarter] = paramOf(quarterParam, p.quarter, `${now.year}-Q${now.quarter}`).split('-Q').map(Number);
    return {
      view: paramOf(z.enum(CONTINUITY_VIEWS), p.tab, 'board') as ContinuityView,
      clientId: paramOf(id, p.client, ''),
      state: paramOf(z.enum(['open', 'closed', 'all']), p.state, 'open') as RequestState,
      search: paramOf(search, p.q, ''),
      year: year ?? now.year,
      quarter: quarter ?? now.quarter,
    };
  },
  write: (s) => {
    const now = currentQuarter();
    return withoutDefaults(
      { tab: s.view, client: s.clientId, state: s.state, q: s.search, quarter: `${s.year}-Q${s.quarter}` },
      { tab: 'board', state: 'open', quarter: `${now.year}-Q${now.quarter}` },
    );
  },
});
