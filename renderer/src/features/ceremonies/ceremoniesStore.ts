import { paramOf, withoutDefaults } from '@renderer/app/address';
import { today } from '@renderer/app/clock';
import { bindAddress } from '@renderer/app/stores';
import { id } from '@shared/kernel/fields';
import { z } from 'zod';
import { create } from 'zustand';

export const CEREMONY_TABS = ['calendar', 'series', 'actions', 'health', 'freezes'] as const;
export type CeremoniesTab = (typeof CEREMONY_TABS)[number];
export const CALENDAR_VIEWS = ['month', 'week', 'agenda'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** The tab, who is looked at (client, engagement; '' = all), the calendar's view and the day it is on, the open occurrence. */
type CeremoniesState = {
  tab: CeremoniesTab;
  clientId: string;
  engagementId: string;
  view: CalendarView;
  day: string;
  /** The occurrence open in the drawer: series id and key, '' when none. */
  open: string;
  set(patch: Partial<Omit<CeremoniesState, 'set'>>): void;
};

export const useCeremonies = create<CeremoniesState>((set) => ({
  tab: 'calendar',
  clientId: '',
  engagementId: '',
  view: 'month',
  day: today(),
  open: '',
  set: (patch) => set(patch),
}));

/** `#/ceremonies?tab=calendar&view=week&day=2026-12-07&engagement=…&open=<series>|<key>` (defaults left out). */
bindAddress(useCeremonies, {
  areas: ['ceremonies'],
  read: (p) => ({
    tab: paramOf(z.enum(CEREMONY_TABS), p.tab, 'calendar') as CeremoniesTab,
    clientId: paramOf(id, p.client, ''),
    engagementId: paramOf(id, p.engagement, ''),
    view: paramOf(z.enum(CALENDAR_VIEWS), p.view, 'month') as CalendarView,
    day: paramOf(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), p.day, today()),
    open: paramOf(z.string().regex(/^[0-9a-f-]{36}\|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/), p.open, ''),
  }),
  write: (s) =>
    withoutDefaults(
      { tab: s.tab, client: s.clientId, engagement: s.engagementId, view: s.view, day: s.day, open: s.open },
      { tab: 'calendar', view: 'month', day: today() },
    ),
});

export const openKey = (seriesId: string, key: string) => `${seriesId}|${key}`;
export const parseOpen = (open: string): { seriesId: string; key: string } | null => {
  const [seriesId, key] = open.split('|');
  return seriesId && key ? { seriesId, key } : null;
};
