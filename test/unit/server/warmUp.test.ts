import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const loaded: string[] = [];
let calendarsFail = false;
vi.mock('@backend/core/calendars', () => ({
  warmCalendars: () => {
    if (calendarsFail) throw new Error('no calendars here');
    loaded.push('calendars');
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

  it('loads nothing once cancelled (the server stopped first)', () => {
    warmUp()();
    vi.runAllTimers();
    expect(loaded).toEqual([]);
  });
});
