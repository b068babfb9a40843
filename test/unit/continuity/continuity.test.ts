import { holidaysOfCalendar } from '@backend/core/calendars';
import { median, quarterOf, quarterRange, slaFigures } from '@shared/continuity/rules/report';
import {
  byTimeLeft,
  type ClockInput,
  type ClockThresholds,
  DEFAULT_CLOCK_THRESHOLDS,
  DEFAULT_SLA_BUSINESS_DAYS,
  deliveryRefusal,
  pauseRefusal,
  runClock,
  sortPauses,
} from '@shared/kernel/businessClock';
import { type HolidaysOfYear, NO_HOLIDAYS, type PauseRange } from '@shared/kernel/businessDays';
import { toDay } from '@shared/kernel/days';
import { instantOf, isTimeZone, localDateOf, localTimeOf } from '@shared/kernel/timeZone';
import { describe, expect, it } from 'vitest';

/**
 * The continuity clock, with every expected date worked out by hand on a
 * printed calendar and cross-checked with an independent date-fns +
 * date-holidays loop. Public holidays come from the maintained library
 * through the same `holidaysOfCalendar` the backend uses, so a test also
 * fails if the library stops listing a holiday the rule relies on.
 *
 * Calendar used below (2026): 20 Nov Fri, 23 Nov Mon, 26 Nov Thu (US
 * Thanksgiving), 30 Nov Mon, 2 Dec Wed, 25 Dec Fri, 1 Jan 2027 Fri.
 */

const ZH = holidaysOfCalendar('CH-ZH');
const cal = (code: string): HolidaysOfYear => holidaysOfCalendar(code);
const isPublicHoliday = (code: string, date: string) => cal(code)(Number(date.slice(0, 4))).has(toDay(date));
const due = (code: string, submittedOn: string, allowance = 7, pauses: readonly PauseRange[] = []) =>
  dueAfter(submittedOn, allowance, code === '' ? NO_HOLIDAYS : cal(code), pauses);
// Independent of Keel's day arithmetic: the weekday as JavaScript's Date reads it.
const dayName = (date: string) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${date}T00:00:00Z`).getUTCDay()];
const pause = (startDate: string, endDate: string): PauseRange => ({ startDate, endDate });

/**
 * Business-day arithmetic as the clock does it (runClock is the one public
 * entry to the business-day walk): the due date of an allowance of `n` days
 * counted after `after`, and the counting days elapsed in (after, through].
 */
const dueAfter = (after: string, n: number, holidaysOf: HolidaysOfYear, pauses: readonly PauseRange[] = []) =>
  runClock({ submittedOn: after, allowance: n, holidaysOf, pauses, deliveredOn: null, cancelledOn: null }, after).dueDate;
const elapsedThrough = (after: string, through: string, holidaysOf: HolidaysOfYear, pauses: readonly PauseRange[] = []) =>
  runClock({ submittedOn: after, allowance: 1, holidaysOf, pauses, deliveredOn: null, cancelledOn: null }, through).elapsed;

function clock(input: Partial<ClockInput> & { submittedOn: string }, today: string, thresholds?: ClockThresholds) {
  return runClock({ allowance: 7, holidaysOf: ZH, pauses: [], deliveredOn: null, cancelledOn: null, ...input }, today, thresholds);
}

describe('business-day arithmetic', () => {
  it('counts the days after the start date, never the start date itself', () => {
    expect(dayName('2026-11-23')).toBe('Mon');
    expect(dueAfter('2026-11-23', 1, NO_HOLIDAYS)).toBe('2026-11-24'); // Mon → Tue
    expect(dueAfter('2026-11-23', 5, NO_HOLIDAYS)).toBe('2026-11-30'); // Tue–Fri are 1–4, next Mon is 5
    expect(dueAfter('2026-11-23', 7, NO_HOLIDAYS)).toBe('2026-12-02'); // … Tue 1 Dec 6, Wed 2 Dec 7
    expect(dueAfter('2026-11-20', 1, NO_HOLIDAYS)).toBe('2026-11-23'); // Fri → Mon
    expect(dueAfter('2026-11-21', 1, NO_HOLIDAYS)).toBe('2026-11-23'); // Sat → Mon
    expect(dueAfter('2026-11-22', 1, NO_HOLIDAYS)).toBe('2026-11-23'); // Sun → Mon
  });

  it('counts (after, through]: zero for the same day, a weekend, or an end before the start', () => {
    expect(elapsedThrough('2026-11-23', '2026-11-23', NO_HOLIDAYS)).toBe(0);
    expect(elapsedThrough('2026-11-23', '2026-11-20', NO_HOLIDAYS)).toBe(0);
    expect(elapsedThrough('2026-11-20', '2026-11-22', NO_HOLIDAYS)).toBe(0); // Sat + Sun
    expect(elapsedThrough('2026-11-20', '2026-11-23', NO_HOLIDAYS)).toBe(1); // the Monday
    expect(elapsedThrough('2026-11-23', '2026-12-02', NO_HOLIDAYS)).toBe(7);
    expect(elapsedThrough('2026-11-23', '2026-12-31', NO_HOLIDAYS)).toBe(28); // Mon 23 Nov – Fri 1 Jan is 6 weeks (30 days), less those two days
  });

  it('counts exactly the allowance through its due date, with and without holidays and pauses', () => {
    const us = cal('US');
    for (const after of ['2026-11-20', '2026-11-21', '2026-11-25', '2026-12-23', '2026-12-31']) {
      for (const n of [1, 5, 7, 20]) {
        expect(elapsedThrough(after, dueAfter(after, n, us), us)).toBe(n);
        const pauses = [pause('2026-12-28', '2026-12-30')];
        expect(elapsedThrough(after, dueAfter(after, n, ZH, pauses), ZH, pauses)).toBe(n);
      }
    }
  });

  it('skips business days inside a pause', () => {
    expect(dueAfter('2026-11-23', 1, NO_HOLIDAYS, [pause('2026-11-24', '2026-11-24')])).toBe('2026-11-25');
    expect(elapsedThrough('2026-11-23', '2026-11-27', NO_HOLIDAYS, [pause('2026-11-24', '2026-11-25')])).toBe(2); // Thu, Fri
  });
});

describe('public holidays from the maintained library', () => {
  it('lists as public the holidays the tests below rely on', () => {
    const relied: [string, string, string][] = [
      ['CH-ZH', '2026-04-03', 'Fri'], // Good Friday
      ['CH-ZH', '2026-04-06', 'Mon'], // Easter Monday
      ['CH-ZH', '2026-05-14', 'Thu'], // Ascension
      ['CH-ZH', '2026-05-25', 'Mon'], // Whit Monday
      ['CH-ZH', '2025-08-01', 'Fri'], // Swiss National Day
      ['CH-ZH', '2026-08-01', 'Sat'],
      ['CH-ZH', '2026-12-25', 'Fri'], // Christmas
      ['CH-ZH', '2026-12-26', 'Sat'], // St Stephen's
      ['CH-ZH', '2027-01-01', 'Fri'], // New Year
      ['DE-BY', '2026-06-04', 'Thu'], // Corpus Christi (Bavaria)
      ['DE-HH', '2028-10-03', 'Tue'], // German Unity Day
      ['DE-BY', '2028-10-03', 'Tue'],
      ['PL', '2026-11-11', 'Wed'], // Independence Day
      ['PL', '2026-12-24', 'Thu'], // Christmas Eve, a public holiday in Poland since 2025
      ['PL', '2027-01-06', 'Wed'], // Epiphany
      ['RO', '2026-04-10', 'Fri'], // Orthodox Good Friday
      ['RO', '2026-04-13', 'Mon'], // Orthodox Easter Monday
      ['RO', '2026-11-30', 'Mon'], // St Andrew
      ['RO', '2026-12-01', 'Tue'], // National Day
      ['US', '2026-07-03', 'Fri'], // Independence Day observed (4 July is a Saturday)
      ['US', '2026-11-26', 'Thu'], // Thanksgiving, the 4th Thursday (5, 12, 19, 26 Nov)
    ];
    for (const [code, date, weekday] of relied) {
      expect(`${code} ${date} ${dayName(date)}`).toBe(`${code} ${date} ${weekday}`);
      expect(isPublicHoliday(code, date), `${code} ${date}`).toBe(true);
    }
  });

  it('leaves out days that are not public holidays there, which therefore count', () => {
    // Berchtoldstag (2 Jan) is "optional" in the library for Zurich: no law makes it a day off.
    expect(isPublicHoliday('CH-ZH', '2026-01-02')).toBe(false);
    expect(due('CH-ZH', '2025-12-31', 1)).toBe('2026-01-02'); // Thu 1 Jan is off, Fri 2 Jan counts
    expect(isPublicHoliday('CH-ZH', '2026-12-24')).toBe(false); // Christmas Eve is a working day in Zurich
    expect(isPublicHoliday('US', '2026-11-27')).toBe(false); // the day after Thanksgiving is an observance
    expect(isPublicHoliday('DE-HH', '2026-06-04')).toBe(false); // Corpus Christi is Bavarian, not Hamburg's
  });

  it('Switzerland (Zurich): Easter, Ascension and Whitsun push the due date', () => {
    // Thu 2 Apr: Good Friday 3 and Easter Monday 6 are off, so the 1st day is Tue 7 Apr.
    expect(due('CH-ZH', '2026-04-02', 1)).toBe('2026-04-07');
    // Tue 7 … Fri 10 are 1–4, Mon 13 5, Tue 14 6, Wed 15 7.
    expect(due('CH-ZH', '2026-04-02')).toBe('2026-04-15');
    // Wed 13 May: Ascension Thu 14 is off; Fri 15 1, Mon 18–Fri 22 2–6, Whit Monday 25 off, Tue 26 7.
    expect(due('CH-ZH', '2026-05-13', 1)).toBe('2026-05-15');
    expect(due('CH-ZH', '2026-05-13')).toBe('2026-05-26');
  });

  it('a request submitted on the Friday before a public holiday (Whit Monday) is due a day later', () => {
    expect(dayName('2026-05-22')).toBe('Fri');
    // Mon 25 off; Tue 26–Fri 29 are 1–4, Mon 1 Jun 5, Tue 2 6, Wed 3 7.
    expect(due('CH-ZH', '2026-05-22')).toBe('2026-06-03');
    expect(due('', '2026-05-22')).toBe('2026-06-02'); // weekends only: one day earlier
  });

  it('Swiss National Day takes a day only when it falls on a weekday', () => {
    // 1 Aug 2026 is a Saturday: from Fri 31 Jul the 7th day is Tue 11 Aug, as with no holidays.
    expect(due('CH-ZH', '2026-07-31')).toBe('2026-08-11');
    expect(due('', '2026-07-31')).toBe('2026-08-11');
    // 1 Aug 2025 was a Friday: from Thu 31 Jul the 1st day is Mon 4 Aug.
    expect(due('CH-ZH', '2025-07-31', 1)).toBe('2025-08-04');
  });

  it('Germany: the region decides (Corpus Christi in Bavaria, not in Hamburg); Unity Day everywhere', () => {
    // Wed 3 Jun 2026. Bavaria: Thu 4 off, Fri 5 1, Mon 8–Fri 12 2–6, Mon 15 7.
    expect(due('DE-BY', '2026-06-03')).toBe('2026-06-15');
    // Hamburg: Thu 4 1, Fri 5 2, Mon 8–Fri 12 3–7.
    expect(due('DE-HH', '2026-06-03')).toBe('2026-06-12');
    // Fri 29 Sep 2028: Mon 2 Oct 1, Tue 3 Oct off, Wed 4–Fri 6 2–4, Mon 9–Wed 11 5–7.
    expect(due('DE-HH', '2028-09-29')).toBe('2028-10-11');
    expect(due('DE-BY', '2028-09-29')).toBe('2028-10-11');
    expect(due('', '2028-09-29')).toBe('2028-10-10');
  });

  it('Poland: Independence Day, and Christmas Eve to Epiphany across the year end', () => {
    // Tue 10 Nov: Wed 11 off; Thu 12 1, Fri 13 2, Mon 16–Fri 20 3–7.
    expect(due('PL', '2026-11-10')).toBe('2026-11-20');
    // Wed 23 Dec: Thu 24 and Fri 25 off; Mon 28–Thu 31 1–4; Fri 1 Jan off; Mon 4 5, Tue 5 6, Wed 6 off, Thu 7 7.
    expect(due('PL', '2026-12-23')).toBe('2027-01-07');
  });

  it('Romania: St Andrew and National Day back to back; Orthodox Easter on its own dates', () => {
    // Fri 27 Nov: Mon 30 and Tue 1 Dec off; Wed 2–Fri 4 1–3, Mon 7–Thu 10 4–7.
    expect(due('RO', '2026-11-27')).toBe('2026-12-10');
    // Thu 9 Apr 2026: Orthodox Good Friday 10 and Easter Monday 13 are off in Romania…
    expect(due('RO', '2026-04-09', 1)).toBe('2026-04-14');
    // …while in Zurich Easter was the week before and Fri 10 Apr counts.
    expect(due('CH-ZH', '2026-04-09', 1)).toBe('2026-04-10');
  });

  it('United States: Thanksgiving and Independence Day observed on the Friday', () => {
    // Wed 25 Nov: Thu 26 off; Fri 27 1, Mon 30–Fri 4 Dec 2–6, Mon 7 7.
    expect(due('US', '2026-11-25')).toBe('2026-12-07');
    // Thu 2 Jul: Fri 3 (observed for Sat 4) off, so the 1st day is Mon 6 Jul.
    expect(due('US', '2026-07-02', 1)).toBe('2026-07-06');
  });
});

describe('the submission date', () => {
  it('never counts, even for a Monday-morning submission', () => {
    const submittedOn = localDateOf(instantOf('2026-11-23', '08:00', 'Europe/Zurich'), 'Europe/Zurich');
    expect(submittedOn).toBe('2026-11-23');
    expect(clock({ submittedOn }, '2026-11-23')).toMatchObject({ dueDate: '2026-12-02', elapsed: 0, remaining: 7 });
    expect(clock({ submittedOn }, '2026-11-24')).toMatchObject({ elapsed: 1, remaining: 6 });
    expect(DEFAULT_SLA_BUSINESS_DAYS).toBe(7);
  });

  it('on a weekend starts the count on Monday: Friday, Saturday and Sunday submissions are due the same day', () => {
    // Mon 23–Fri 27 are 1–5, Mon 30 6, Tue 1 Dec 7.
    expect(due('CH-ZH', '2026-11-20')).toBe('2026-12-01');
    expect(due('CH-ZH', '2026-11-21')).toBe('2026-12-01');
    expect(due('CH-ZH', '2026-11-22')).toBe('2026-12-01');
    expect(clock({ submittedOn: '2026-11-21' }, '2026-11-23')).toMatchObject({ elapsed: 1, remaining: 6 });
  });

  it('on a public holiday starts the count on the next business day', () => {
    // Ascension Thu 14 May (Zurich): Fri 15 1 … Tue 26 7, the same as a Wednesday submission.
    expect(due('CH-ZH', '2026-05-14')).toBe('2026-05-26');
    // Thanksgiving Thu 26 Nov (US): Fri 27 1 … Mon 7 Dec 7, the same as the day before.
    expect(due('US', '2026-11-26')).toBe('2026-12-07');
    expect(clock({ submittedOn: '2026-11-26', holidaysOf: cal('US') }, '2026-11-27')).toMatchObject({ elapsed: 1, remaining: 6 });
  });
});

describe('the client’s time zone', () => {
  it('23:30 on a Friday in New York is Saturday in UTC, yet a Friday request', () => {
    const submittedAt = instantOf('2026-11-20', '23:30', 'America/New_York'); // EST = UTC−5
    expect(submittedAt).toBe('2026-11-21T04:30:00.000Z');
    expect(localDateOf(submittedAt, 'America/New_York')).toBe('2026-11-20');
    expect(localTimeOf(submittedAt, 'America/New_York')).toBe('23:30');
    // Mon 23–Wed 25 1–3, Thanksgiving off, Fri 27 4, Mon 30 5, Tue 1 6, Wed 2 Dec 7.
    expect(due('US', localDateOf(submittedAt, 'America/New_York'))).toBe('2026-12-02');
  });

  it('late on a Thursday in New York the UTC date would cost a business day', () => {
    const submittedAt = instantOf('2026-11-19', '23:30', 'America/New_York');
    expect(submittedAt.slice(0, 10)).toBe('2026-11-20'); // Friday in UTC
    const submittedOn = localDateOf(submittedAt, 'America/New_York');
    expect(submittedOn).toBe('2026-11-19');
    // Fri 20 1, Mon 23–Wed 25 2–4, Thu 26 off, Fri 27 5, Mon 30 6, Tue 1 Dec 7.
    expect(due('US', submittedOn)).toBe('2026-12-01');
    expect(due('US', '2026-11-20')).toBe('2026-12-02'); // what reading it in UTC would give
  });

  it('00:30 on a Saturday in Zurich is Friday in UTC, yet a Saturday request', () => {
    const submittedAt = instantOf('2026-11-21', '00:30', 'Europe/Zurich'); // CET = UTC+1
    expect(submittedAt).toBe('2026-11-20T23:30:00.000Z');
    expect(localDateOf(submittedAt, 'Europe/Zurich')).toBe('2026-11-21');
    // 00:30 on a Monday: Sunday in UTC, but Monday does not count for a Monday request.
    const monday = instantOf('2026-11-23', '00:30', 'Europe/Zurich');
    expect(monday).toBe('2026-11-22T23:30:00.000Z');
    expect(clock({ submittedOn: localDateOf(monday, 'Europe/Zurich') }, '2026-11-23')).toMatchObject({
      submittedOn: '2026-11-23',
      dueDate: '2026-12-02',
      elapsed: 0,
    });
  });

  it('knows the IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Zurich')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('../etc')).toBe(false);
  });
});

describe('daylight-saving changes', () => {
  // Europe/Zurich 2026: clocks go forward on Sun 29 Mar (last Sunday), back on Sun 25 Oct.
  // America/New_York 2026: forward on Sun 8 Mar (2nd Sunday), back on Sun 1 Nov (1st Sunday).
  it('reads the date with the offset in force at that instant', () => {
    expect(dayName('2026-03-29')).toBe('Sun');
    expect(dayName('2026-10-25')).toBe('Sun');
    expect(dayName('2026-03-08')).toBe('Sun');
    expect(dayName('2026-11-01')).toBe('Sun');
    // 22:30 UTC is 00:30 Monday in summer time (UTC+2), but would be 23:30 Sunday in winter time.
    expect(localDateOf('2026-03-29T22:30:00Z', 'Europe/Zurich')).toBe('2026-03-30');
    expect(localDateOf('2026-10-25T22:30:00Z', 'Europe/Zurich')).toBe('2026-10-25');
    // 04:30 UTC is 00:30 Monday in EDT (UTC−4), but 23:30 Sunday in EST (UTC−5).
    expect(localDateOf('2026-03-09T04:30:00Z', 'America/New_York')).toBe('2026-03-09');
    expect(localDateOf('2026-11-02T04:30:00Z', 'America/New_York')).toBe('2026-11-01');
  });

  it('turns a wall-clock time into the right instant on both sides of the change', () => {
    expect(instantOf('2026-03-29', '00:30', 'Europe/Zurich')).toBe('2026-03-28T23:30:00.000Z'); // still CET
    expect(instantOf('2026-03-30', '00:30', 'Europe/Zurich')).toBe('2026-03-29T22:30:00.000Z'); // now CEST
    expect(instantOf('2026-10-26', '00:30', 'Europe/Zurich')).toBe('2026-10-25T23:30:00.000Z'); // back to CET
    expect(instantOf('2026-03-08', '23:30', 'America/New_York')).toBe('2026-03-09T03:30:00.000Z'); // EDT
    expect(instantOf('2026-11-01', '23:30', 'America/New_York')).toBe('2026-11-02T04:30:00.000Z'); // EST
  });

  it('moves a skipped time (02:30 on the spring-forward night) forward instead of throwing', () => {
    const zurich = instantOf('2026-03-29', '02:30', 'Europe/Zurich');
    expect(zurich).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(localDateOf(zurich, 'Europe/Zurich')).toBe('2026-03-29');
    expect(localTimeOf(zurich, 'Europe/Zurich')).toBe('03:30');
    const newYork = instantOf('2026-03-08', '02:30', 'America/New_York');
    expect(newYork).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(localDateOf(newYork, 'America/New_York')).toBe('2026-03-08');
  });

  it('keeps the date of a repeated time (02:30 on the fall-back night)', () => {
    for (const [date, time, zone] of [
      ['2026-10-25', '02:30', 'Europe/Zurich'],
      ['2026-11-01', '01:30', 'America/New_York'],
    ] as const) {
      const at = instantOf(date, time, zone);
      expect(localDateOf(at, zone)).toBe(date);
      expect(localTimeOf(at, zone)).toBe(time);
    }
  });

  it('a Monday 00:30 submission just after the spring change is a Monday request (and Easter follows)', () => {
    const submittedOn = localDateOf(instantOf('2026-03-30', '00:30', 'Europe/Zurich'), 'Europe/Zurich');
    expect(submittedOn).toBe('2026-03-30');
    // Tue 31 1, Wed 1 Apr 2, Thu 2 3, Good Friday and Easter Monday off, Tue 7–Fri 10 4–7.
    expect(due('CH-ZH', submittedOn)).toBe('2026-04-10');
    expect(due('CH-ZH', '2026-03-29')).toBe('2026-04-09'); // the UTC date (Sunday) would be a day early
    // New York, Mon 9 Mar (EDT): Tue 10–Fri 13 1–4, Mon 16–Wed 18 5–7.
    expect(due('US', localDateOf(instantOf('2026-03-09', '00:30', 'America/New_York'), 'America/New_York'))).toBe('2026-03-18');
  });
});

describe('across the year end', () => {
  it('uses the next year’s holidays, asking for each year once', () => {
    const asked: number[] = [];
    const spy: HolidaysOfYear = (year) => {
      asked.push(year);
      return ZH(year);
    };
    // Wed 23 Dec: Thu 24 1, Fri 25 off, Mon 28–Thu 31 2–5, Fri 1 Jan off (2027's list), Mon 4 6, Tue 5 7.
    expect(dueAfter('2026-12-23', 7, spy)).toBe('2027-01-05');
    expect(asked).toEqual([2026, 2027]);
    asked.length = 0;
    expect(dueAfter('2026-11-23', 7, spy)).toBe('2026-12-02');
    expect(asked).toEqual([2026]);
  });

  it('counts elapsed days over New Year in the client’s calendar', () => {
    expect(clock({ submittedOn: '2026-12-23' }, '2027-01-04')).toMatchObject({ dueDate: '2027-01-05', elapsed: 6, remaining: 1 });
    expect(elapsedThrough('2026-12-23', '2027-01-04', ZH)).toBe(6);
    expect(elapsedThrough('2026-12-23', '2027-01-04', NO_HOLIDAYS)).toBe(8); // Fri 25 and Fri 1 would count
  });
});

describe('pauses', () => {
  // Submitted Mon 23 Nov in Zurich: with no pause the 7th business day is Wed 2 Dec.
  const submittedOn = '2026-11-23';

  it('extend the due date by the business days inside them', () => {
    // Wed 25 and Thu 26 paused: Tue 24 1, Fri 27 2, Mon 30–Fri 4 Dec 3–7.
    const c = clock({ submittedOn, pauses: [pause('2026-11-25', '2026-11-26')] }, '2026-11-27');
    expect(c).toMatchObject({ dueDate: '2026-12-04', elapsed: 2, remaining: 5, pausedDays: 2, pausedToday: false });
  });

  it('do not count a weekend or a holiday inside a pause twice', () => {
    // Fri 27 to Mon 30: only Fri and Mon were business days, so 2 days later → Fri 4 Dec.
    expect(clock({ submittedOn, pauses: [pause('2026-11-27', '2026-11-30')] }, '2026-11-23')).toMatchObject({
      dueDate: '2026-12-04',
      pausedDays: 2,
    });
    // Mon 14 Dec, due Wed 23 Dec with no pause. A pause Tue 22–Tue 29 holds Tue 22, Wed 23,
    // Thu 24, Mon 28, Tue 29 (Christmas and the weekend were off anyway): 5 days → Thu 31 Dec.
    expect(clock({ submittedOn: '2026-12-14' }, '2026-12-14').dueDate).toBe('2026-12-23');
    expect(clock({ submittedOn: '2026-12-14', pauses: [pause('2026-12-22', '2026-12-29')] }, '2026-12-14')).toMatchObject({
      dueDate: '2026-12-31',
      pausedDays: 5,
    });
  });

  it('starting on the submission date only take the business days after it', () => {
    // Mon 23 never counted; Tue 24 paused, so W 25 1 … Thu 3 Dec 7.
    expect(clock({ submittedOn, pauses: [pause('2026-11-23', '2026-11-24')] }, '2026-11-24')).toMatchObject({
      dueDate: '2026-12-03',
      elapsed: 0,
      pausedDays: 1,
      pausedToday: true,
    });
  });

  it('add up when there are several', () => {
    // Tue 24 and Mon 30 + Tue 1 paused: Wed 25 1, Thu 26 2, Fri 27 3, Wed 2 4, Thu 3 5, Fri 4 6, Mon 7 7.
    const pauses = [pause('2026-11-24', '2026-11-24'), pause('2026-11-30', '2026-12-01')];
    expect(clock({ submittedOn, pauses }, '2026-12-01')).toMatchObject({
      dueDate: '2026-12-07',
      elapsed: 3,
      remaining: 4,
      pausedDays: 3,
      pausedToday: true,
    });
  });

  it('can run into the next year', () => {
    // Mon 14 Dec, paused Wed 16 Dec – Fri 8 Jan: Tue 15 1, then Mon 11–Fri 15 Jan 2–6, Mon 18 7.
    // Paused business days: 16–18, 21–24, 28–31 Dec (11) + 4–8 Jan (5) = 16; 25 Dec and 1 Jan are holidays.
    expect(clock({ submittedOn: '2026-12-14', pauses: [pause('2026-12-16', '2027-01-08')] }, '2027-01-18')).toMatchObject({
      dueDate: '2027-01-18',
      elapsed: 7,
      pausedDays: 16,
      state: 'at_risk',
    });
  });

  it('hold the elapsed count while today is inside one', () => {
    const pauses = [pause('2026-11-25', '2026-11-26')];
    expect(clock({ submittedOn, pauses }, '2026-11-24')).toMatchObject({ elapsed: 1, pausedToday: false });
    expect(clock({ submittedOn, pauses }, '2026-11-25')).toMatchObject({ elapsed: 1, pausedToday: true });
    expect(clock({ submittedOn, pauses }, '2026-11-26')).toMatchObject({ elapsed: 1, pausedToday: true });
    expect(clock({ submittedOn, pauses }, '2026-11-27')).toMatchObject({ elapsed: 2, pausedToday: false });
  });

  it('show as paused today on a weekend or holiday inside a pause, but not once the request is closed', () => {
    const weekend = [pause('2026-11-27', '2026-11-30')];
    expect(clock({ submittedOn, pauses: weekend }, '2026-11-28').pausedToday).toBe(true); // Saturday inside Fri–Mon
    expect(clock({ submittedOn, pauses: weekend }, '2026-12-01').pausedToday).toBe(false);
    // Christmas Day inside a Zurich pause.
    expect(clock({ submittedOn: '2026-12-14', pauses: [pause('2026-12-22', '2026-12-29')] }, '2026-12-25').pausedToday).toBe(true);
    expect(clock({ submittedOn, pauses: weekend, deliveredOn: '2026-11-27' }, '2026-11-27').pausedToday).toBe(false);
    expect(clock({ submittedOn, pauses: weekend, cancelledOn: '2026-11-26' }, '2026-11-27').pausedToday).toBe(false);
  });
});

describe('pauseRefusal', () => {
  const submittedOn = '2026-11-23';

  it('accepts none, one-day pauses, adjacent pauses, and valid pauses given out of order', () => {
    expect(pauseRefusal([], submittedOn)).toBeNull();
    expect(pauseRefusal([pause('2026-11-24', '2026-11-24')], submittedOn)).toBeNull();
    expect(pauseRefusal([pause('2026-11-23', '2026-11-24')], submittedOn)).toBeNull(); // from the submission date
    expect(pauseRefusal([pause('2026-11-24', '2026-11-25'), pause('2026-11-26', '2026-11-27')], submittedOn)).toBeNull();
    expect(pauseRefusal([pause('2026-11-30', '2026-12-01'), pause('2026-11-24', '2026-11-24')], submittedOn)).toBeNull();
    expect(pauseRefusal([pause('2026-11-24', '2026-11-27')], submittedOn, '2026-11-24')).toBeNull(); // starts on the start day
  });

  it('refuses a pause that ends before it starts', () => {
    expect(pauseRefusal([pause('2026-11-27', '2026-11-25')], submittedOn)).toBe(
      'A pause must end on or after the day it starts (27 Nov 2026 to 25 Nov 2026 is the wrong way round).',
    );
  });

  it('refuses a pause before the submission', () => {
    expect(pauseRefusal([pause('2026-11-20', '2026-11-24')], submittedOn)).toBe(
      'A pause cannot start (20 Nov 2026) before the request was submitted (23 Nov 2026).',
    );
  });

  it('refuses a pause that begins after the replacement started', () => {
    expect(pauseRefusal([pause('2026-11-30', '2026-12-01')], submittedOn, '2026-11-27')).toBe(
      'The replacement started on 27 Nov 2026; a pause from 30 Nov 2026 would come after the clock stopped.',
    );
  });

  it('refuses overlapping pauses, including two that share a day, in whatever order they come', () => {
    expect(pauseRefusal([pause('2026-11-24', '2026-11-26'), pause('2026-11-26', '2026-11-27')], submittedOn)).toBe(
      'The pause from 26 Nov 2026 to 27 Nov 2026 overlaps the pause from 24 Nov 2026 to 26 Nov 2026; change that pause instead.',
    );
    expect(pauseRefusal([pause('2026-11-26', '2026-11-30'), pause('2026-11-24', '2026-11-27')], submittedOn)).toBe(
      'The pause from 26 Nov 2026 to 30 Nov 2026 overlaps the pause from 24 Nov 2026 to 27 Nov 2026; change that pause instead.',
    );
    // One inside another.
    expect(pauseRefusal([pause('2026-11-24', '2026-12-04'), pause('2026-11-30', '2026-12-01')], submittedOn)).toBe(
      'The pause from 30 Nov 2026 to 1 Dec 2026 overlaps the pause from 24 Nov 2026 to 4 Dec 2026; change that pause instead.',
    );
  });

  it('sortPauses orders by start without touching the input, keeping extra fields', () => {
    const input = [
      { id: 'b', ...pause('2026-11-30', '2026-12-01') },
      { id: 'a', ...pause('2026-11-24', '2026-11-24') },
    ];
    expect(sortPauses(input).map((p) => p.id)).toEqual(['a', 'b']);
    expect(input.map((p) => p.id)).toEqual(['b', 'a']);
  });
});

describe('deliveryRefusal', () => {
  it('refuses a replacement starting before the request was submitted; the same day or later is fine', () => {
    expect(deliveryRefusal('2026-11-23', '2026-11-20')).toBe(
      'The replacement cannot start on 20 Nov 2026: the request was only submitted on 23 Nov 2026.',
    );
    expect(deliveryRefusal('2026-11-23', '2026-11-23')).toBeNull();
    expect(deliveryRefusal('2026-11-23', '2026-12-10')).toBeNull();
  });
});

describe('clock states', () => {
  // Submitted Mon 23 Nov (Zurich), 7 business days, due Wed 2 Dec.
  const submittedOn = '2026-11-23';

  it('moves from on track to at risk at 50% and urgent at 80% of the allowance', () => {
    expect(DEFAULT_CLOCK_THRESHOLDS).toEqual({ atRiskPercent: 50, urgentPercent: 80 });
    const at = (today: string) => clock({ submittedOn }, today);
    expect(at('2026-11-23')).toMatchObject({ elapsed: 0, remaining: 7, percentUsed: 0, state: 'on_track', urgent: false });
    expect(at('2026-11-26')).toMatchObject({ elapsed: 3, percentUsed: 42, state: 'on_track' }); // 3/7
    expect(at('2026-11-27')).toMatchObject({ elapsed: 4, percentUsed: 57, state: 'at_risk', urgent: false }); // 4/7
    expect(at('2026-11-29')).toMatchObject({ elapsed: 4, state: 'at_risk' }); // Sunday: nothing more used
    expect(at('2026-11-30')).toMatchObject({ elapsed: 5, percentUsed: 71, urgent: false });
    expect(at('2026-12-01')).toMatchObject({ elapsed: 6, percentUsed: 85, state: 'at_risk', urgent: true });
    // On the due date itself the promise can still be kept.
    expect(at('2026-12-02')).toMatchObject({ elapsed: 7, remaining: 0, late: 0, percentUsed: 100, state: 'at_risk', urgent: true });
  });

  it('turns at risk exactly at the thresholds', () => {
    // 10 days from Mon 23 Nov: 5 used on Mon 30 Nov (50%), 8 on Thu 3 Dec (80%).
    const at = (today: string) => clock({ submittedOn, allowance: 10 }, today);
    expect(at('2026-11-27')).toMatchObject({ percentUsed: 40, state: 'on_track' });
    expect(at('2026-11-30')).toMatchObject({ percentUsed: 50, state: 'at_risk', urgent: false });
    expect(at('2026-12-02')).toMatchObject({ percentUsed: 70, urgent: false });
    expect(at('2026-12-03')).toMatchObject({ percentUsed: 80, state: 'at_risk', urgent: true });
  });

  it('follows custom thresholds', () => {
    const thresholds = { atRiskPercent: 25, urgentPercent: 60 };
    expect(clock({ submittedOn }, '2026-11-24', thresholds)).toMatchObject({ percentUsed: 14, state: 'on_track' });
    expect(clock({ submittedOn }, '2026-11-25', thresholds)).toMatchObject({ percentUsed: 28, state: 'at_risk', urgent: false });
    expect(clock({ submittedOn }, '2026-11-27', thresholds)).toMatchObject({ percentUsed: 57, urgent: false });
    expect(clock({ submittedOn }, '2026-11-30', thresholds)).toMatchObject({ percentUsed: 71, urgent: true });
  });

  it('is breached the day after the due date while still open, with the days late counted', () => {
    expect(clock({ submittedOn }, '2026-12-03')).toMatchObject({
      dueDate: '2026-12-02',
      state: 'breached',
      elapsed: 8,
      remaining: 0,
      late: 1,
      percentUsed: 114,
      urgent: false,
    });
    expect(clock({ submittedOn }, '2026-12-07')).toMatchObject({ elapsed: 10, remaining: 0, late: 3 });
    // Due Fri 27 Nov (5 days from Fri 20): breached on Saturday already; no business day is lost yet, but a breach is at least one day late.
    expect(clock({ submittedOn: '2026-11-20', allowance: 5 }, '2026-11-28')).toMatchObject({
      dueDate: '2026-11-27',
      state: 'breached',
      late: 1,
      remaining: 0,
    });
    // Monday 30 Nov is the first business day past the due date: still one day late.
    expect(clock({ submittedOn: '2026-11-20', allowance: 5 }, '2026-11-30')).toMatchObject({ state: 'breached', late: 1 });
  });

  it('is met when the replacement starts on or before the due date, whatever today is', () => {
    expect(clock({ submittedOn, deliveredOn: '2026-12-02' }, '2027-02-01')).toMatchObject({
      state: 'met',
      elapsed: 7,
      remaining: 0,
      late: 0,
      percentUsed: 100,
      urgent: false,
      pausedToday: false,
    });
    expect(clock({ submittedOn, deliveredOn: '2026-11-25' }, '2027-02-01')).toMatchObject({ state: 'met', elapsed: 2, remaining: 5 });
    expect(clock({ submittedOn, deliveredOn: submittedOn }, submittedOn)).toMatchObject({ state: 'met', elapsed: 0 });
  });

  it('is breached when the replacement starts one business day late', () => {
    expect(clock({ submittedOn, deliveredOn: '2026-12-03' }, '2027-02-01')).toMatchObject({
      state: 'breached',
      elapsed: 8,
      late: 1,
      remaining: 0,
    });
    // A start on the Saturday after a Friday due date is after the due date too: one day late.
    expect(clock({ submittedOn: '2026-11-20', allowance: 5, deliveredOn: '2026-11-28' }, '2026-12-01')).toMatchObject({
      state: 'breached',
      late: 1,
    });
  });

  it('is cancelled once cancelled in time, with the clock stopped that day; a cancel after the due date does not erase the breach', () => {
    expect(clock({ submittedOn, cancelledOn: '2026-11-26' }, '2027-01-10')).toMatchObject({
      state: 'cancelled',
      elapsed: 3,
      remaining: 4,
      late: 0,
      urgent: false,
    });
    // Cancelled on the due date itself (Wed 2 Dec): still in time.
    expect(clock({ submittedOn, cancelledOn: '2026-12-02' }, '2027-01-10')).toMatchObject({ state: 'cancelled', elapsed: 7, late: 0 });
    // Cancelled Fri 4 Dec, two business days after the due date: it was breached by then, and stays so.
    expect(clock({ submittedOn, cancelledOn: '2026-12-04' }, '2027-01-10')).toMatchObject({ state: 'breached', elapsed: 9, late: 2 });
  });

  it('never shows negative days before the submission date', () => {
    expect(clock({ submittedOn }, '2026-11-20')).toEqual({
      submittedOn,
      allowance: 7,
      dueDate: '2026-12-02',
      elapsed: 0,
      remaining: 7,
      late: 0,
      percentUsed: 0,
      state: 'on_track',
      urgent: false,
      pausedToday: false,
      pausedDays: 0,
    });
  });
});

describe('byTimeLeft', () => {
  it('puts the most overdue first, then the least time left, ties by the earlier due date', () => {
    const today = '2026-12-03'; // Thursday
    const clocks = {
      // Due Mon 30 Nov (from Thu 19 Nov): 3 business days late.
      lateThree: clock({ submittedOn: '2026-11-19' }, today),
      // Due Wed 2 Dec: 1 late.
      lateOne: clock({ submittedOn: '2026-11-23' }, today),
      // Due today (from Tue 24 Nov): 0 left.
      dueToday: clock({ submittedOn: '2026-11-24' }, today),
      // Due Tue 8 Dec (from Fri 27 Nov): Fri 4, Mon 7, Tue 8 left = 3.
      threeLeft: clock({ submittedOn: '2026-11-27' }, today),
      // From Mon 30 Nov, 6 days, Mon 7 Dec paused: due Wed 9 Dec, also 3 left (Fri 4, Tue 8, Wed 9).
      threeLeftLater: clock({ submittedOn: '2026-11-30', allowance: 6, pauses: [pause('2026-12-07', '2026-12-07')] }, today),
      // 10 days from Fri 27 Nov: due Fri 11 Dec, 6 left.
      sixLeft: clock({ submittedOn: '2026-11-27', allowance: 10 }, today),
    };
    expect(clocks.lateThree).toMatchObject({ dueDate: '2026-11-30', late: 3 });
    expect(clocks.dueToday).toMatchObject({ dueDate: '2026-12-03', remaining: 0, late: 0 });
    expect(clocks.threeLeft).toMatchObject({ dueDate: '2026-12-08', remaining: 3 });
    expect(clocks.threeLeftLater).toMatchObject({ dueDate: '2026-12-09', remaining: 3 });
    expect(clocks.sixLeft).toMatchObject({ dueDate: '2026-12-11', remaining: 6 });
    const names = Object.keys(clocks) as (keyof typeof clocks)[];
    const shuffled = [names[4], names[1], names[5], names[0], names[3], names[2]] as (keyof typeof clocks)[];
    const sorted = shuffled.map((name) => ({ name, clock: clocks[name] })).sort((a, b) => byTimeLeft(a.clock, b.clock));
    expect(sorted.map((s) => s.name)).toEqual(['lateThree', 'lateOne', 'dueToday', 'threeLeft', 'threeLeftLater', 'sixLeft']);
  });
});

describe('the SLA report figures', () => {
  // Weekends only: submitted Mon 2026-11-02, 7 business days → due Wed 2026-11-11.
  const weekdays = (deliveredOn: string | null, cancelledOn: string | null = null) =>
    runClock({ submittedOn: '2026-11-02', allowance: 7, holidaysOf: () => new Set(), pauses: [], deliveredOn, cancelledOn }, '2026-11-24');

  it('counts met over decided requests, and days to fulfil over fulfilled ones only', () => {
    const figures = slaFigures([
      { status: 'fulfilled', clock: weekdays('2026-11-05') }, // 3 days, met
      { status: 'fulfilled', clock: weekdays('2026-11-11') }, // 7 days, met on the due date
      { status: 'fulfilled', clock: weekdays('2026-11-13') }, // 9 days, breached
      { status: 'open', clock: weekdays(null) }, // open past due: breached, no days to fulfil
      { status: 'cancelled', clock: weekdays(null, '2026-11-04') },
    ]);
    expect(figures).toEqual({
      requests: 5,
      met: 2,
      breached: 2,
      open: 1,
      cancelled: 1,
      metPercent: 50,
      medianDaysToFulfil: 7,
      worstDaysToFulfil: 9,
    });
  });

  it('has no percentage or days when nothing was decided or fulfilled', () => {
    expect(slaFigures([])).toMatchObject({ requests: 0, metPercent: null, medianDaysToFulfil: null, worstDaysToFulfil: null });
    expect(slaFigures([{ status: 'cancelled', clock: weekdays(null, '2026-11-03') }]).metPercent).toBeNull();
  });

  it('takes the median halfway between the middle two of an even count', () => {
    expect(median([9, 3])).toBe(6);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('knows the quarters', () => {
    expect(quarterRange(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange(2024, 1).to).toBe('2024-03-31');
    expect(quarterRange(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOf('2026-09-30')).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf('2026-10-01')).toEqual({ year: 2026, quarter: 4 });
  });

  it('counts a request cancelled after its due date as breached and as cancelled', () => {
    const figures = slaFigures([
      { status: 'cancelled', clock: weekdays(null, '2026-11-13') }, // due Wed 11 Nov, withdrawn Fri 13: breached
      { status: 'cancelled', clock: weekdays(null, '2026-11-04') }, // withdrawn in time
    ]);
    expect(figures).toMatchObject({ requests: 2, met: 0, breached: 1, cancelled: 2, metPercent: 0 });
  });

  it('refuses pauses and starts more than a year out as typing errors', () => {
    expect(pauseRefusal([{ startDate: '2026-11-25', endDate: '2027-11-26' }], '2026-11-24')).toBe(
      'A pause from 25 Nov 2026 to 26 Nov 2027 is longer than a year; check the dates (a wait that long means the request should be cancelled).',
    );
    expect(pauseRefusal([{ startDate: '2026-11-25', endDate: '2027-11-25' }], '2026-11-24')).toBeNull(); // 365 days later
    expect(deliveryRefusal('2026-11-24', '2027-11-26')).toBe(
      'A start on 26 Nov 2027 is more than a year after the request (24 Nov 2026); check the date.',
    );
    expect(deliveryRefusal('2026-11-24', '2027-11-25')).toBeNull();
  });

  it('refuses a clock without an allowance instead of walking forever', () => {
    expect(() =>
      runClock(
        { submittedOn: '2026-11-02', allowance: 0, holidaysOf: () => new Set(), pauses: [], deliveredOn: null, cancelledOn: null },
        '2026-11-24',
      ),
    ).toThrow(/at least one business day/);
  });
});
