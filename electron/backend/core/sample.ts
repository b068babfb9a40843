import { addDays, fromDay, mondayOf, toDay } from '@shared/kernel/days';
import type { Context } from './context';

/**
 * The sample dataset is authored against one day, SAMPLE_ANCHOR, and loaded
 * relative to the load day: every authored date moves by the same whole
 * number of weeks, so weekdays stay weekdays and a newcomer's demo always
 * shows the mix the sample was written to show (promises on track, at risk
 * and breached; months invoiced, approved and open), never a board where
 * everything is years late. Loaded on the anchor day, the dates are exactly
 * the authored ones.
 */
export const SAMPLE_ANCHOR = '2026-11-24';

/**
 * Whole weeks, in days, between the anchor and `today`. Counted from the
 * Monday of the day before, not of the day itself: the sample records things
 * done up to the anchor week's Monday (a candidate proposed and rejected that
 * day), and on a Monday that may not yet have begun in a client's time zone,
 * so on a Monday the sample reads as it did a week after the anchor.
 */
export function sampleShiftDays(today: string): number {
  const weekOf = (day: string) => mondayOf(toDay(addDays(day, -1)));
  return weekOf(today) - weekOf(SAMPLE_ANCHOR);
}

/** An authored date moved by the shift. */
export function shiftSampleDate(authored: string, shiftDays: number): string {
  return fromDay(toDay(authored) + shiftDays);
}

/** A `YYYY-MM` month as a count of months since year 0, and back. */
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const fromMonthIndex = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** One load of the sample: the load day, the shift, and the ids earlier steps gave named records. */
export type SampleRun = {
  /** The load day, from the context's clock. */
  readonly today: string;
  /** Days every authored date moves (a multiple of 7; 0 on the anchor day). */
  readonly shiftDays: number;
  /** Name → id of the records loaded by earlier steps (clients and engagements by name, specialists by full name). */
  readonly ids: Map<string, string>;
  /** An authored date, moved to the load day. */
  date(authored: string): string;
  /**
   * An authored month (`YYYY-MM`) as the same number of months before or after
   * today's month as it was before or after the anchor's: month closes follow
   * the calendar, not the week shift, so they always form whole months.
   */
  month(authored: string): string;
  /** Authored text with every `YYYY-MM-DD` date in it moved like the dates (a note saying “last day 2026-12-11”). */
  text(authored: string): string;
  /** The id of a record an earlier step loaded; a name the sample does not define is a bug in the sample. */
  id(name: string): string;
  /** Records a loaded record's id under its name, for the later steps. */
  remember(name: string, id: string): void;
};

/** One area's part of the sample, loaded through its ordinary services inside the loader's transaction. */
export type SampleStep = {
  readonly area: string;
  /** Loads the area's sample records; returns counts for the load result (added to other steps' counts of the same name). */
  load(ctx: Context, run: SampleRun): Record<string, number>;
};

export function createSampleRun(today: string): SampleRun {
  const shiftDays = sampleShiftDays(today);
  const ids = new Map<string, string>();
  const monthOffset = monthIndex(today.slice(0, 7)) - monthIndex(SAMPLE_ANCHOR.slice(0, 7));
  return {
    today,
    shiftDays,
    ids,
    date: (authored) => shiftSampleDate(authored, shiftDays),
    month: (authored) => fromMonthIndex(monthIndex(authored) + monthOffset),
    text: (authored) => authored.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => shiftSampleDate(date, shiftDays)),
    id(name) {
      const id = ids.get(name);
      if (!id) throw new Error(`The sample data names “${name}”, which it does not define.`);
      return id;
    },
    remember(name, id) {
      if (ids.has(name)) throw new Error(`The sample data defines “${name}” twice.`);
      ids.set(name, id);
    },
  };
}
