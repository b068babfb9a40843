import { warmCalendars } from '@backend/core/calendars';
import { excel } from '@backend/core/excel';

/**
 * How long after start-up exceljs is loaded. Requiring it blocks the process
 * for ~250 ms and no first screen needs it, so it waits until the first
 * screen's requests have most likely been answered.
 */
export const EXCEL_WARM_DELAY_MS = 2_000;

type Log = (message: string, error: unknown) => void;

/**
 * Loads in the background what would otherwise be loaded on first use: the
 * holiday calendars at once (the reference data of the first screen and the
 * plan's business days need them), exceljs a little later (the first export).
 * Never delays start-up; a failure is logged and the library loads on first
 * use as before. Returns a function that cancels what has not run yet.
 */
export function warmUp(log: Log = (message, error) => console.error(message, error)): () => void {
  const attempt = (what: string, load: () => unknown) => {
    try {
      load();
    } catch (error) {
      log(`Keel: could not load ${what} in advance (it loads on first use instead):`, error);
    }
  };
  const calendars = setImmediate(() => attempt('the holiday calendars', warmCalendars));
  const exports = setTimeout(() => attempt('exceljs', excel), EXCEL_WARM_DELAY_MS);
  // A warm-up never keeps a process alive that is otherwise done.
  exports.unref();
  return () => {
    clearImmediate(calendars);
    clearTimeout(exports);
  };
}
