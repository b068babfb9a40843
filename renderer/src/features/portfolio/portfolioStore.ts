import { paramOf, withoutDefaults } from '@renderer/app/address';
import { bindAddress, createListStore } from '@renderer/app/stores';
import { modelListInput } from '@shared/portfolio/contract/models';
import { z } from 'zod';
import { create } from 'zustand';

/** The portfolio list: search, filters and sort in the address (`#/portfolio?q=…&stage=pilot&riskTier=high`). */
export const usePortfolioList = createListStore('portfolio', modelListInput, {
  clientId: '',
  stage: '',
  riskTier: '',
  aiActCategory: '',
  kind: '',
});

export const MODEL_TABS = [
  'overview',
  'versions',
  'deployments',
  'stages',
  'card',
  'monitoring',
  'ceremonies',
  'retraining',
  'incidents',
  'cost',
  'hours',
  'history',
] as const;
export type ModelTab = (typeof MODEL_TABS)[number];

type ModelPageState = { tab: ModelTab; setTab(tab: ModelTab): void };

/** The model page's tab, in the address (`#/portfolio/<id>?tab=stages`). */
export const useModelPage = create<ModelPageState>((set) => ({ tab: 'overview', setTab: (tab) => set({ tab }) }));

bindAddress(useModelPage, {
  areas: ['portfolio'],
  read: (p) => ({ tab: paramOf(z.enum(MODEL_TABS), p.tab, 'overview') as ModelTab }),
  write: (s) => withoutDefaults({ tab: s.tab }, { tab: 'overview' }),
});
