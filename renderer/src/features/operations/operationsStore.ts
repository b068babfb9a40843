import { paramOf, withoutDefaults } from '@renderer/app/address';
import { bindAddress } from '@renderer/app/stores';
import { id } from '@shared/kernel/fields';
import { z } from 'zod';
import { create } from 'zustand';

export const OPERATIONS_TABS = ['overview', 'incidents', 'retraining', 'cost'] as const;
export type OperationsTab = (typeof OPERATIONS_TABS)[number];

/** The tab, the client looked at ('' = all), whether only open incidents are listed, the incident open in the drawer. */
type OperationsState = {
  tab: OperationsTab;
  clientId: string;
  openOnly: boolean;
  open: string;
  set(patch: Partial<Omit<OperationsState, 'set'>>): void;
};

export const useOperations = create<OperationsState>((set) => ({
  tab: 'overview',
  clientId: '',
  openOnly: true,
  open: '',
  set: (patch) => set(patch),
}));

/** `#/operations?tab=incidents&client=…&all=1&open=<incident>` (defaults left out). */
bindAddress(useOperations, {
  areas: ['operations'],
  read: (p) => ({
    tab: paramOf(z.enum(OPERATIONS_TABS), p.tab, 'overview') as OperationsTab,
    clientId: paramOf(id, p.client, ''),
    openOnly: p.all !== '1',
    open: paramOf(id, p.open, ''),
  }),
  write: (s) => withoutDefaults({ tab: s.tab, client: s.clientId, all: s.openOnly ? '' : '1', open: s.open }, { tab: 'overview' }),
});
