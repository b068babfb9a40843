import { warmCalendars, warmHolidays } from '@backend/core/calendars';
import { excel } from '@backend/core/excel';

/**
 * How long after start-up exceljs is loaded. Requiring it blocks the process
 * for ~250 ms and no first screen needs it, so it waits until the first
 * screen's requests have most likely been answered.
 */
export const EXCEL_WARM_DELAY_MS = 2_000;

type Log = (message: string, error: unknown) => void;

/** The calendar codes the data uses (people's homes, clients), each with a year to compute its holidays for. */
export type HolidaysInUse = () => readonly (readonly [code: string, year: number])[];

/**
 * Loads in the background what would otherwise be loaded on first use: the
 * holiday calendars at once (the reference data of the first screen and the
 * plan's business days need them), then the public holidays of the calendars in
 * use, one calendar-year per turn of the event loop so a request that arrives
 * meanwhile waits for one calendar-year at most, and exceljs a little later (the
 * first export). Never delays start-up; a failure is logged and the library
 * loads on first use as before. Returns a function that cancels what has not run yet.
 */
export function warmUp(log: Log = (message, error) => console.error(message, error), holidaysInUse?: HolidaysInUse): () => void {
  const attempt = (what: string, load: () => unknown) => {
    try {
      load();
    } catch (error) {
      log(`Keel: could not load ${what} in advance (it loads on first use instead):`, error);
    }
  };
  let next: NodeJS.Immediate | null = null;
  const holidays = () => {
    if (!holidaysInUse) return;
    let pending: (readonly [string, number])[] = [];
    attempt('the calendars in use', () => {
      pending = [...holidaysInUse()];
    });
    const step = () => {
      const job = pending.shift();
      if (!job) return;
      attempt(`the holidays of ${job[0]} in ${job[1]}`, () => warmHolidays(job[0], job[1]));
      next = setImmediate(step);
    };
    next = setImmediate(step);
  };
  next = setImmediate(() => {
    attempt('the holiday calendars', warmCalendars);
    holidays();
  });
  const exports = setTimeout(() => attempt('exceljs', excel), EXCEL_WARM_DELAY_MS);
  // A warm-up never keeps a process alive that is otherwise done.
  exports.unref();
  return () => {
    if (next) clearImmediate(next);
    clearTimeout(exports);
  };
}
