import { paramOf, withoutDefaults } from '@renderer/app/address';
import { today } from '@renderer/app/clock';
import { bindAddress } from '@renderer/app/stores';
import { id } from '@shared/kernel/fields';
import { z } from 'zod';
import { create } from 'zustand';

export type MonitoringTab = 'board' | 'attainment' | 'inbox';
const TABS = ['board', 'attainment', 'inbox'] as const satisfies readonly MonitoringTab[];

/** The tab, the client looked at ('' = every client on the board) and the attainment's month. */
type MonitoringState = {
  tab: MonitoringTab;
  clientId: string;
  month: string;
  set(patch: Partial<Omit<MonitoringState, 'set'>>): void;
};

const thisMonth = () => today().slice(0, 7);

export const useMonitoring = create<MonitoringState>((set) => ({
  tab: 'board',
  clientId: '',
  month: thisMonth(),
  set: (patch) => set(patch),
}));

/** `#/monitoring?tab=attainment&client=…&month=2026-11` (defaults left out). */
bindAddress(useMonitoring, {
  areas: ['monitoring'],
  read: (p) => ({
    tab: paramOf(z.enum(TABS), p.tab, 'board') as MonitoringTab,
    clientId: paramOf(id, p.client, ''),
    month: paramOf(z.string().regex(/^(199\d|20\d\d|2100)-(0[1-9]|1[0-2])$/), p.month, thisMonth()),
  }),
  write: (s) => withoutDefaults({ tab: s.tab, client: s.clientId, month: s.month }, { tab: 'board', month: thisMonth() }),
});
