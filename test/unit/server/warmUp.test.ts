import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const loaded: string[] = [];
let calendarsFail = false;
vi.mock('@backend/core/calendars', () => ({
  warmCalendars: () => {
    if (calendarsFail) throw new Error('no calendars here');
    loaded.push('calendars');
  },
  warmHolidays: (code: string, year: number) => {
    if (code === 'XX') throw new Error('no such calendar');
    loaded.push(`${code} ${year}`);
  },
}));
vi.mock('@backend/core/excel', () => ({ excel: () => loaded.push('exceljs') }));

const { EXCEL_WARM_DELAY_MS, warmUp } = await import('../../../electron/server/warmUp');

beforeEach(() => {
  vi.useFakeTimers();
  loaded.length = 0;
  calendarsFail = false;
});
afterEach(() => vi.useRealTimers());

describe('warm-up after start', () => {
  it('loads nothing while start-up runs, the calendars right after it, exceljs once the first screen has had its turn', () => {
    warmUp();
    expect(loaded).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(loaded).toEqual(['calendars']);
    vi.advanceTimersByTime(EXCEL_WARM_DELAY_MS);
    expect(loaded).toEqual(['calendars', 'exceljs']);
  });

  it('logs a failure and carries on: the library loads on first use instead', () => {
    calendarsFail = true;
    const log = vi.fn();
    warmUp(log);
    vi.runAllTimers();
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('holiday calendars'),
      expect.objectContaining({ message: 'no calendars here' }),
    );
    expect(loaded).toEqual(['exceljs']);
  });

  // One turn of the real event loop: a request arriving now would be handled before the next calendar-year.
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('computes the holidays in use one calendar-year per turn after the calendars, so a request waits for one at most', async () => {
    vi.useRealTimers();
    const stop = warmUp(undefined, () => [
      ['RO', 2026],
      ['CH-ZH', 2025],
      ['CH-ZH', 2026],
    ]);
    await turn();
    expect(loaded).toEqual(['calendars']);
    await turn();
    expect(loaded).toEqual(['calendars', 'RO 2026']);
    await turn();
    await turn();
    expect(loaded).toEqual(['calendars', 'RO 2026', 'CH-ZH 2025', 'CH-ZH 2026']);
    stop();
  });

  it('logs a calendar-year that fails and goes on with the next; cancelling stops the rest', async () => {
    vi.useRealTimers();
    const log = vi.fn();
    const stop = warmUp(log, () => [
      ['XX', 2026],
      ['RO', 2026],
      ['PL', 2026],
    ]);
    await turn();
    await turn();
    await turn();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('XX in 2026'), expect.objectContaining({ message: 'no such calendar' }));
    expect(loaded).toEqual(['calendars', 'RO 2026']);
    stop();
    await turn();
    await turn();
    expect(loaded).toEqual(['calendars', 'RO 2026']);
  });

  it('loads nothing once cancelled (the server stopped first)', () => {
    warmUp()();
    vi.runAllTimers();
    expect(loaded).toEqual([]);
  });
});
