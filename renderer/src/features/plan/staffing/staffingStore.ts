import { paramOf, shapeOf, withoutDefaults } from '@renderer/app/address';
import { bindAddress } from '@renderer/app/stores';
import { staffingListInput } from '@shared/plan/contract/staffing';
import { create } from 'zustand';

export type StaffingState = 'open' | 'closed' | 'all';

/** The staffing list's UI state: which requests and the search. Server data stays in the query cache. */
type StaffingListState = {
  state: StaffingState;
  search: string;
  setState(state: StaffingState): void;
  setSearch(search: string): void;
};

export const useStaffingList = create<StaffingListState>((set) => ({
  state: 'open',
  search: '',
  setState: (state) => set({ state }),
  setSearch: (search) => set({ search }),
}));

const shape = shapeOf(staffingListInput);

/** The list's address: `#/staffing?state=all&q=…` (defaults left out), checked with the list procedure's schema. */
bindAddress(useStaffingList, {
  areas: ['staffing'],
  read: (p) => ({ state: paramOf(shape.state, p.state, 'open') as StaffingState, search: paramOf(shape.search, p.q, '') }),
  write: (s) => withoutDefaults({ state: s.state, q: s.search }, { state: 'open' }),
});
