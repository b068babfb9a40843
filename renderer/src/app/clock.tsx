import { format } from 'date-fns';
import { create } from 'zustand';

/**
 * The renderer's one clock: the only place in renderer/ that reads the wall
 * clock. Screens ask `useNow()` / `useToday()`, stores and plain functions ask
 * `now()` / `today()`, and tests pin it with `pinClock` so "today" never
 * depends on the day the suite runs.
 */
type ClockState = { now: () => Date };

const systemNow = () => new Date();

export const useClock = create<ClockState>(() => ({ now: systemNow }));

/** The current instant, for code outside React components (stores, event handlers, defaults). */
export const now = (): Date => useClock.getState().now();

/** Today's local calendar date, `YYYY-MM-DD`. */
export const today = (): string => format(now(), 'yyyy-MM-dd');

/** The current instant; a component re-renders when the clock is pinned or released. */
export function useNow(): Date {
  const read = useClock((s) => s.now);
  return read();
}

/** Today's local calendar date, `YYYY-MM-DD`. */
export function useToday(): string {
  return format(useNow(), 'yyyy-MM-dd');
}

/**
 * Stops the clock at one instant (tests). A bare date means local noon of that
 * day, so the day is the same in every time zone the suite runs in.
 */
export function pinClock(at: Date | string): void {
  const instant = typeof at === 'string' ? new Date(/T/.test(at) ? at : `${at}T12:00:00`) : new Date(at.getTime());
  useClock.setState({ now: () => new Date(instant.getTime()) });
}

/** Lets the clock run on the wall clock again. */
export function unpinClock(): void {
  useClock.setState({ now: systemNow });
}
