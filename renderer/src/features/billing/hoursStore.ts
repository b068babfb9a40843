import { paramOf, withoutDefaults } from '@renderer/app/address';
import { today } from '@renderer/app/clock';
import { bindAddress } from '@renderer/app/stores';
import { weekDates } from '@shared/billing/rules/entries';
import { nextMonth } from '@shared/billing/rules/months';
import { id, isoDate } from '@shared/kernel/fields';
import { z } from 'zod';
import { create } from 'zustand';

export type HoursView = 'timesheet' | 'month' | 'close' | 'invoices' | 'rates';

/** UI state of the Hours & billing area: which tab, whose week, which month. Server data stays in the query cache. */
type HoursState = {
  view: HoursView;
  specialistId: string | null;
  weekStart: string;
  engagementId: string | null;
  month: string;
  setView(view: HoursView): void;
  setSpecialist(id: string | null): void;
  setWeek(weekStart: string): void;
  setEngagement(id: string | null): void;
  setMonth(month: string): void;
};

/** Today's local date from the renderer's clock (kept here for the screens of this area). */
export { today };
export const mondayOfToday = () => weekDates(today())[0] as string;
/** Finance closes the month that just ended. */
export const lastMonth = () => nextMonth(today().slice(0, 7), -1);

export const useHours = create<HoursState>((set) => ({
  view: 'timesheet',
  specialistId: null,
  weekStart: mondayOfToday(),
  engagementId: null,
  month: lastMonth(),
  setView: (view) => set({ view }),
  setSpecialist: (specialistId) => set({ specialistId }),
  setWeek: (weekStart) => set({ weekStart: weekDates(weekStart)[0] as string }),
  setEngagement: (engagementId) => set({ engagementId }),
  setMonth: (month) => set({ month }),
}));

const HOURS_VIEWS = ['timesheet', 'month', 'close', 'invoices', 'rates'] as const satisfies readonly HoursView[];
const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** The area's address: `#/hours?tab=close&month=2026-10&engagement=…&specialist=…&week=…` (defaults left out). */
bindAddress(useHours, {
  areas: ['hours'],
  read: (p) => ({
    view: paramOf(z.enum(HOURS_VIEWS), p.tab, 'timesheet') as HoursView,
    specialistId: paramOf(id, p.specialist, '') || null,
    weekStart: weekDates(paramOf(isoDate, p.week, mondayOfToday()))[0] as string,
    engagementId: paramOf(id, p.engagement, '') || null,
    month: paramOf(monthParam, p.month, lastMonth()),
  }),
  write: (s) =>
    withoutDefaults(
      { tab: s.view, specialist: s.specialistId ?? '', week: s.weekStart, engagement: s.engagementId ?? '', month: s.month },
      { tab: 'timesheet', week: mondayOfToday(), month: lastMonth() },
    ),
});
