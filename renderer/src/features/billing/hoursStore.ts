import { today } from '@renderer/app/clock';
import { weekDates } from '@shared/billing/rules/entries';
import { nextMonth } from '@shared/billing/rules/months';
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
