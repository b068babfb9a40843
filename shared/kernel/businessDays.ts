import { type Day, fromDay, isWeekend, toDay } from './days';

/**
 * A business calendar: Monday to Friday minus the public holidays of the
 * calendar agreed for the engagement. Holidays are asked for one year at a
 * time, as the walk reaches that year, so a clock that runs over New Year
 * (or is extended by a long pause) still sees the next year's holidays and a
 * clock inside one year asks once.
 */
export type HolidaysOfYear = (year: number) => ReadonlySet<Day>;

/** A documented client-side wait, inclusive dates in the client's calendar. */
export type PauseRange = { startDate: string; endDate: string };

const yearStarts = new Map<number, Day>();
function yearStart(year: number): Day {
  let day = yearStarts.get(year);
  if (day === undefined) {
    day = toDay(`${String(year).padStart(4, '0')}-01-01`);
    yearStarts.set(year, day);
  }
  return day;
}

/**
 * Walks the days after a start date and says which of them count on the
 * clock: business days that fall in no pause. Pauses must be sorted and
 * must not overlap (see `pauseRefusal`); the walk keeps one cursor into them.
 */
export class BusinessDayWalk {
  private day: Day;
  private year: number;
  private nextYear: Day;
  private holidays: ReadonlySet<Day>;
  private pauseIndex = 0;
  private readonly pauses: readonly { from: Day; to: Day }[];

  constructor(
    after: string,
    private readonly holidaysOf: HolidaysOfYear,
    pauses: readonly PauseRange[],
  ) {
    this.day = toDay(after);
    this.year = Number(after.slice(0, 4));
    this.nextYear = yearStart(this.year + 1);
    this.holidays = holidaysOf(this.year);
    this.pauses = pauses.map((p) => ({ from: toDay(p.startDate), to: toDay(p.endDate) }));
  }

  /** Moves to the next day; returns what that day is on the clock. */
  next(): 'counts' | 'paused' | 'off' {
    this.day += 1;
    if (this.day >= this.nextYear) {
      this.year += 1;
      this.nextYear = yearStart(this.year + 1);
      this.holidays = this.holidaysOf(this.year);
    }
    if (isWeekend(this.day) || this.holidays.has(this.day)) return 'off';
    while (this.pauseIndex < this.pauses.length && (this.pauses[this.pauseIndex]?.to ?? 0) < this.day) this.pauseIndex += 1;
    const pause = this.pauses[this.pauseIndex];
    return pause !== undefined && pause.from <= this.day ? 'paused' : 'counts';
  }

  get current(): Day {
    return this.day;
  }

  get date(): string {
    return fromDay(this.day);
  }
}

/** No holidays: weekends only. For calendars without public holidays and for tests. */
export const NO_HOLIDAYS: HolidaysOfYear = () => new Set();
