import { type Day, type DayRange, intersect, isWeekend } from '@shared/kernel/days';

/**
 * Capacity of one specialist: working days (Monday–Friday) × daily hours,
 * minus public holidays of their home calendar, minus recorded absences, and
 * nothing before they joined. The day states are kept apart so a screen can
 * say why capacity dropped (an absence on a holiday or a weekend is not
 * subtracted twice).
 */
export const DAY_WEEKEND = 0;
export const DAY_HOLIDAY = 1;
export const DAY_ABSENT = 2;
export const DAY_NOT_EMPLOYED = 3;
export const DAY_AVAILABLE = 4;

export type AvailabilityInput = {
  range: DayRange;
  /** Public holidays of the specialist's home calendar, as day numbers. */
  holidays: ReadonlySet<Day>;
  absences: readonly DayRange[];
  /** First day of employment; earlier days have no capacity. */
  employedFrom: Day;
};

/** One state per day of the range (index 0 = range.from). */
export function dayStates({ range, holidays, absences, employedFrom }: AvailabilityInput): Uint8Array {
  const length = Math.max(0, range.to - range.from + 1);
  const states = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const day = range.from + i;
    states[i] = isWeekend(day) ? DAY_WEEKEND : day < employedFrom ? DAY_NOT_EMPLOYED : holidays.has(day) ? DAY_HOLIDAY : DAY_AVAILABLE;
  }
  for (const absence of absences) {
    const part = intersect(absence, range);
    if (!part) continue;
    for (let day = part.from; day <= part.to; day++) {
      const i = day - range.from;
      if (states[i] === DAY_AVAILABLE) states[i] = DAY_ABSENT;
    }
  }
  return states;
}

export type CapacityBreakdown = {
  /** Monday–Friday days in the period (while employed). */
  workingDays: number;
  holidayDays: number;
  absenceDays: number;
  availableDays: number;
  /** availableDays × daily minutes. */
  capacityMinutes: number;
};

/** Sums the day states of `part` (a sub-range of the states' range). */
export function capacityOf(states: Uint8Array, statesFrom: Day, part: DayRange, dailyMinutes: number): CapacityBreakdown {
  let holidayDays = 0;
  let absenceDays = 0;
  let availableDays = 0;
  for (let day = part.from; day <= part.to; day++) {
    const state = states[day - statesFrom];
    if (state === DAY_HOLIDAY) holidayDays++;
    else if (state === DAY_ABSENT) absenceDays++;
    else if (state === DAY_AVAILABLE) availableDays++;
  }
  const workingDays = holidayDays + absenceDays + availableDays;
  return { workingDays, holidayDays, absenceDays, availableDays, capacityMinutes: availableDays * dailyMinutes };
}

/** Monday–Friday days in a range, ignoring anyone's holidays: the FTE denominator. */
export function weekdaysIn(range: DayRange): number {
  if (range.to < range.from) return 0;
  const days = range.to - range.from + 1;
  let n = Math.floor(days / 7) * 5;
  for (let day = range.from + Math.floor(days / 7) * 7; day <= range.to; day++) if (!isWeekend(day)) n++;
  return n;
}
