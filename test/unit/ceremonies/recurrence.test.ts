import {
  countBefore,
  endedOn,
  expand,
  hasOccurrenceFrom,
  isOccurrenceOf,
  originalStarts,
  type Schedule,
  scheduleProblem,
  splitAt,
} from '@shared/ceremonies/rules/recurrence';
import { describe, expect, it } from 'vitest';

const zurich = (rrule: string | null, startDate = '2026-10-15', startTime = '10:00'): Schedule => ({
  timeZone: 'Europe/Zurich',
  startDate,
  startTime,
  durationMinutes: 60,
  rrule,
});
const keys = (s: Schedule, from: string, to: string) => originalStarts(s, from, to).map((o) => o.key);

describe('expansion keeps the wall-clock time across daylight-saving changes', () => {
  it('a bi-weekly Thursday review in Zurich stays at 10:00 when summer time ends (25 October 2026)', () => {
    const occ = expand('s', zurich('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH'), [], '2026-10-01T00:00:00Z', '2026-11-20T00:00:00Z');
    expect(occ.map((o) => `${o.date} ${o.time}`)).toEqual(['2026-10-15 10:00', '2026-10-29 10:00', '2026-11-12 10:00']);
    // 10:00 CEST is 08:00 UTC; 10:00 CET is 09:00 UTC.
    expect(occ.map((o) => o.startsAt.slice(11, 16))).toEqual(['08:00', '09:00', '09:00']);
  });

  it('a weekly New York stand-up moves in UTC when summer time starts (8 March 2026) and ends (1 November 2026)', () => {
    const ny: Schedule = {
      timeZone: 'America/New_York',
      startDate: '2026-03-02',
      startTime: '09:30',
      durationMinutes: 30,
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    };
    const march = expand('s', ny, [], '2026-03-01T00:00:00Z', '2026-03-17T00:00:00Z');
    expect(march.map((o) => o.startsAt)).toEqual(['2026-03-02T14:30:00.000Z', '2026-03-09T13:30:00.000Z', '2026-03-16T13:30:00.000Z']);
    const november = expand('s', ny, [], '2026-10-25T00:00:00Z', '2026-11-10T00:00:00Z');
    expect(november.map((o) => o.startsAt)).toEqual(['2026-10-26T13:30:00.000Z', '2026-11-02T14:30:00.000Z', '2026-11-09T14:30:00.000Z']);
  });

  it('a local time that does not exist on the spring-forward day has no occurrence that week (the library skips it; the README says so)', () => {
    const s: Schedule = {
      timeZone: 'Europe/Zurich',
      startDate: '2026-03-22',
      startTime: '02:30',
      durationMinutes: 30,
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
    };
    expect(keys(s, '2026-03-20T00:00:00Z', '2026-04-10T00:00:00Z')).toEqual(['2026-03-22T02:30', '2026-04-05T02:30']);
  });
});

describe('month ends and leap days', () => {
  it('BYMONTHDAY=31 skips the months without a 31st', () => {
    const s = zurich('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31', '15:00');
    expect(keys(s, '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z')).toEqual(['2026-01-31T15:00', '2026-03-31T15:00', '2026-05-31T15:00']);
  });

  it('the last working day of the month (BYDAY=MO…FR with BYSETPOS=-1)', () => {
    const s = zurich('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '2026-01-30', '16:00');
    // May 2026 ends on a Sunday; its last working day is Friday the 29th. October 2026 ends on a Saturday.
    expect(keys(s, '2026-05-01T00:00:00Z', '2026-11-01T00:00:00Z')).toEqual([
      '2026-05-29T16:00',
      '2026-06-30T16:00',
      '2026-07-31T16:00',
      '2026-08-31T16:00',
      '2026-09-30T16:00',
      '2026-10-30T16:00',
    ]);
  });

  it('a yearly ceremony on 29 February happens only in leap years', () => {
    const s = zurich('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2028-02-29', '09:00');
    expect(keys(s, '2028-01-01T00:00:00Z', '2037-01-01T00:00:00Z')).toEqual(['2028-02-29T09:00', '2032-02-29T09:00', '2036-02-29T09:00']);
  });

  it('quarterly on the first Monday', () => {
    const s = zurich('FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO', '2026-01-05', '09:00');
    expect(keys(s, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-01-05T09:00',
      '2026-04-06T09:00',
      '2026-07-06T09:00',
      '2026-10-05T09:00',
    ]);
  });
});

describe('exceptions', () => {
  const s = zurich('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
  it('a cancelled occurrence stays in the span, marked; a moved one appears where it was moved to', () => {
    const occ = expand(
      's',
      s,
      [
        { key: '2026-10-29T10:00', cancelled: true, date: null, time: null, durationMinutes: null },
        { key: '2026-11-12T10:00', cancelled: false, date: '2026-11-13', time: '14:00', durationMinutes: 30 },
      ],
      '2026-10-01T00:00:00Z',
      '2026-11-20T00:00:00Z',
    );
    expect(occ.map((o) => [o.key, o.date, o.time, o.cancelled, o.moved, o.durationMinutes])).toEqual([
      ['2026-10-15T10:00', '2026-10-15', '10:00', false, false, 60],
      ['2026-10-29T10:00', '2026-10-29', '10:00', true, false, 60],
      ['2026-11-12T10:00', '2026-11-13', '14:00', false, true, 30],
    ]);
  });

  it('an occurrence moved out of the span leaves it, and one moved into it arrives', () => {
    const moved = [{ key: '2026-10-29T10:00', cancelled: false, date: '2026-11-03', time: '09:00', durationMinutes: null }];
    expect(expand('s', s, moved, '2026-10-26T00:00:00Z', '2026-11-01T00:00:00Z')).toEqual([]);
    expect(expand('s', s, moved, '2026-11-01T00:00:00Z', '2026-11-08T00:00:00Z').map((o) => o.key)).toEqual(['2026-10-29T10:00']);
  });

  it('knows which keys are the schedule’s own occurrences', () => {
    expect(isOccurrenceOf(s, '2026-10-29T10:00')).toBe(true);
    expect(isOccurrenceOf(s, '2026-10-22T10:00')).toBe(false);
    expect(isOccurrenceOf(s, 'nonsense')).toBe(false);
  });
});

describe('splitting and ending', () => {
  it('"this and following" ends the old part just before the cut and starts the new part there', () => {
    const s = zurich('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    const { before, after } = splitAt(s, '2026-11-26T10:00', { ...s, startDate: '2026-11-26', startTime: '11:00' });
    expect(keys(before, '2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-10-15T10:00',
      '2026-10-29T10:00',
      '2026-11-12T10:00',
    ]);
    expect(keys(after, '2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-11-26T11:00',
      '2026-12-10T11:00',
      '2026-12-24T11:00',
    ]);
  });

  it('a COUNT carries what remains of it to the new part', () => {
    const s = zurich('FREQ=WEEKLY;BYDAY=TH;COUNT=6');
    expect(countBefore(s, '2026-11-05T09:00:00Z')).toBe(3);
    const { before, after } = splitAt(s, '2026-11-05T10:00', { ...s, startDate: '2026-11-05' });
    expect(keys(before, '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).toHaveLength(3);
    expect(after.rrule).toBe('FREQ=WEEKLY;BYDAY=TH;COUNT=3');
    expect(keys(after, '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual([
      '2026-11-05T10:00',
      '2026-11-12T10:00',
      '2026-11-19T10:00',
    ]);
  });

  it('ending a series keeps the occurrences up to and including its last day', () => {
    const ended = endedOn(zurich('FREQ=WEEKLY;BYDAY=TH'), '2026-10-29');
    expect(keys(ended, '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual([
      '2026-10-15T10:00',
      '2026-10-22T10:00',
      '2026-10-29T10:00',
    ]);
  });

  it('expands a daily rule that started decades ago (more periods than the library walks by default)', () => {
    const daily = zurich('FREQ=DAILY', '1995-01-02', '08:00');
    expect(keys(daily, '2026-12-06T00:00:00Z', '2026-12-09T00:00:00Z')).toEqual([
      '2026-12-06T08:00',
      '2026-12-07T08:00',
      '2026-12-08T08:00',
    ]);
  });

  it('knows whether a schedule still has an occurrence from an instant (a series that starts in the past)', () => {
    expect(hasOccurrenceFrom(zurich('FREQ=WEEKLY;BYDAY=TH', '2025-01-02'), '2026-12-06T00:00:00Z')).toBe(true);
    expect(hasOccurrenceFrom(zurich('FREQ=WEEKLY;BYDAY=TH;COUNT=3', '2025-01-02'), '2026-12-06T00:00:00Z')).toBe(false);
    expect(hasOccurrenceFrom(zurich(null, '2026-12-07'), '2026-12-06T00:00:00Z')).toBe(true);
  });
});

describe('schedules refused with a sentence', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=XX', /cannot be read/],
    ['BYDAY=MO', /needs a FREQ/],
    ['FREQ=HOURLY', /at most once a day/],
    ['DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', /rule alone/],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', /yields no occurrence/],
  ])('%s', (rrule, message) => {
    expect(scheduleProblem(zurich(rrule))).toMatch(message);
  });

  it('durations of zero and above 24 hours', () => {
    expect(scheduleProblem({ ...zurich(null), durationMinutes: 0 })).toMatch(/more than zero minutes/);
    expect(scheduleProblem({ ...zurich(null), durationMinutes: 24 * 60 + 1 })).toMatch(/at most 24 hours/);
    expect(scheduleProblem({ ...zurich(null), durationMinutes: 24 * 60 })).toBeNull();
  });
});
