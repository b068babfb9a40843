import { create } from 'zustand';

export type MaturityTab = 'overview' | 'assessments' | 'readiness' | 'clients';

type MaturityState = {
  tab: MaturityTab;
  /** The client the overview, assessments and readiness are about ('' until one is chosen). */
  clientId: string;
  set(patch: Partial<Omit<MaturityState, 'set'>>): void;
};

/** What the maturity screen shows; the data itself lives in the query cache. */
export const useMaturity = create<MaturityState>((set) => ({
  tab: 'overview',
  clientId: '',
  set: (patch) => set(patch),
}));
