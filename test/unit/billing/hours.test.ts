import { ACTIVITIES, ACTIVITY_LABELS, activityFromLabel } from '@shared/billing/rules/activities';
import { DURATION_HELP, formatDuration, formatHours, hoursOf, parseDuration } from '@shared/billing/rules/duration';
import {
  type EntryTarget,
  entryRefusals,
  entryWarnings,
  type GridEntry,
  isWeekendDate,
  monthsOf,
  refusalSentence,
  weekDates,
  weekGrid,
} from '@shared/billing/rules/entries';
import { describe, expect, it } from 'vitest';

describe('parseDuration', () => {
  it.each([
    // decimal hours, dot or comma
    ['7.5', 450],
    ['7,5', 450],
    ['7', 420],
    ['.5', 30],
    ['0.25', 15],
    ['0.1', 6], // 0.1 × 60 = 6.000000000000001 → rounded to 6
    ['7.333', 440], // 0.333 × 60 = 19.98 → 20
    ['0.01', 1], // 0.6 → 1
    ['24', 1_440],
    // hours:minutes
    ['7:30', 450],
    ['0:05', 5],
    ['24:00', 1_440],
    // minutes
    ['450m', 450],
    ['450 min', 450],
    ['1440m', 1_440],
    // hours and minutes
    ['7h', 420],
    ['7.5h', 450],
    ['7,25 h', 435],
    ['7.', 420],
    ['7h30', 450],
    ['7h 30m', 450],
    ['7h30m', 450],
    ['7 h 30 m', 450],
    ['7h 5', 425],
    // case and surrounding spaces do not matter
    ['  7H30  ', 450],
    ['450M', 450],
  ])('%j → %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toEqual({ ok: true, minutes });
  });

  const notUnderstood = (text: string) => `“${text}” is not a duration Keel understands. ${DURATION_HELP}`;

  it.each([
    ['', `Enter a duration. ${DURATION_HELP}`],
    ['   ', `Enter a duration. ${DURATION_HELP}`],
    ['-1', 'A duration cannot be negative.'],
    ['-7:30', 'A duration cannot be negative.'],
    [' -7h', 'A duration cannot be negative.'],
    ['0', 'A duration must be more than zero. Clear the cell to remove the entry.'],
    ['0:00', 'A duration must be more than zero. Clear the cell to remove the entry.'],
    ['0m', 'A duration must be more than zero. Clear the cell to remove the entry.'],
    ['0.001', 'A duration must be more than zero. Clear the cell to remove the entry.'], // 0.06 min → 0
    ['24.5', 'A day has at most 24 hours.'],
    ['25', 'A day has at most 24 hours.'],
    ['24:01', 'A day has at most 24 hours.'],
    ['1441m', 'A day has at most 24 hours.'],
    ['24h 1m', 'A day has at most 24 hours.'],
    ['7:75', notUnderstood('7:75')],
    ['abc', notUnderstood('abc')],
    ['1.2.3', notUnderstood('1.2.3')],
    ['7.12345', notUnderstood('7.12345')],
    ['100', notUnderstood('100')],
    ['7h75', `“7h75” has more than 59 minutes after the hours. ${DURATION_HELP}`],
  ])('%j is refused: %s', (text, message) => {
    expect(parseDuration(text)).toEqual({ ok: false, message });
  });
});

describe('formatting durations', () => {
  it.each([
    [450, '7:30'],
    [0, '0:00'],
    [5, '0:05'],
    [60, '1:00'],
    [1_440, '24:00'],
    [-90, '-1:30'],
  ])('formatDuration(%i) = %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it.each([
    [450, '7.50 h'],
    [0, '0.00 h'],
    [20, '0.33 h'], // 0.333…
    [1, '0.02 h'], // 0.0167
    [1_440, '24.00 h'],
  ])('formatHours(%i) = %s', (minutes, text) => {
    expect(formatHours(minutes)).toBe(text);
  });

  it('hoursOf keeps full precision', () => {
    expect(hoursOf(450)).toBe(7.5);
    expect(hoursOf(20)).toBe(20 / 60);
  });

  it('round-trips what it formats', () => {
    for (const minutes of [1, 5, 59, 60, 450, 1_439, 1_440]) expect(parseDuration(formatDuration(minutes))).toEqual({ ok: true, minutes });
  });
});

describe('entryRefusals', () => {
  const target = (over: Partial<EntryTarget> = {}): EntryTarget => ({
    date: '2026-10-15',
    minutes: 480,
    engagement: { id: 'e1', name: 'Acme MLOps', startDate: '2026-03-01', endDate: '2026-12-31' },
    specialist: { fullName: 'Alice Martin', startDate: '2026-05-01' },
    otherMinutesThatDay: 0,
    ...over,
  });

  it('accepts a valid entry, including on the first and last day of the engagement', () => {
    expect(entryRefusals(target())).toEqual([]);
    expect(entryRefusals(target({ date: '2026-12-31' }))).toEqual([]);
    expect(entryRefusals(target({ date: '2026-05-01' }))).toEqual([]); // the day the specialist joined
    expect(
      entryRefusals(target({ date: '2030-01-01', engagement: { id: 'e1', name: 'Open', startDate: '2026-01-01', endDate: null } })),
    ).toEqual([]);
  });

  it.each([0, -30])('refuses %d minutes', (minutes) => {
    expect(entryRefusals(target({ minutes }))).toEqual([{ path: 'minutes', message: 'must be more than zero minutes' }]);
  });

  it('refuses a fraction of a minute', () => {
    expect(entryRefusals(target({ minutes: 7.5 }))).toEqual([{ path: 'minutes', message: 'must be whole minutes' }]);
  });

  it('refuses a date outside the engagement', () => {
    expect(entryRefusals(target({ date: '2027-01-01' }))).toEqual([{ path: 'date', message: 'is after Acme MLOps ends (31 Dec 2026)' }]);
    // Before the engagement starts AND before the specialist joined: both reasons are given.
    expect(entryRefusals(target({ date: '2026-02-28' }))).toEqual([
      { path: 'date', message: 'is before Acme MLOps starts (1 Mar 2026)' },
      { path: 'date', message: 'is before Alice Martin joined (1 May 2026)' },
    ]);
  });

  it('refuses a date before the specialist joined', () => {
    expect(entryRefusals(target({ date: '2026-04-30' }))).toEqual([
      { path: 'date', message: 'is before Alice Martin joined (1 May 2026)' },
    ]);
  });

  it('says the join date in the clients area’s sentence when it is the only reason, and names the day otherwise', () => {
    const early = target({ date: '2026-04-30' });
    expect(refusalSentence(early, entryRefusals(early))).toBe('Alice Martin joins on 1 May 2026; no hours can be recorded before that.');
    const both = target({ date: '2026-02-28' });
    expect(refusalSentence(both, entryRefusals(both))).toBe(
      'Keel cannot record hours for Alice Martin on Acme MLOps on 28 Feb 2026: the date is before Acme MLOps starts (1 Mar 2026); the date is before Alice Martin joined (1 May 2026).',
    );
  });

  it('allows exactly 24 h a day across engagements and refuses one minute more', () => {
    // 23 h elsewhere + 1 h here = 24 h: allowed.
    expect(entryRefusals(target({ minutes: 60, otherMinutesThatDay: 1_380 }))).toEqual([]);
    expect(entryRefusals(target({ minutes: 1_440 }))).toEqual([]);
    // 23 h 01 elsewhere + 1 h = 24 h 01 = 24.02 h; 59 min = 0.98 h still fit.
    expect(entryRefusals(target({ minutes: 60, otherMinutesThatDay: 1_381 }))).toEqual([
      {
        path: 'minutes',
        message: 'would make 24.02 h on 15 Oct 2026 across engagements; a day has 24 h, so at most 0.98 h more fit',
      },
    ]);
    expect(entryRefusals(target({ minutes: 1_441 }))[0]?.message).toContain('at most 24.00 h more fit');
    // Already full: nothing fits (never a negative amount).
    expect(entryRefusals(target({ minutes: 30, otherMinutesThatDay: 1_440 }))[0]?.message).toContain('at most 0.00 h more fit');
  });

  it('says all the reasons in one sentence', () => {
    const t = target({ date: '2027-01-01', minutes: 0 });
    expect(refusalSentence(t, entryRefusals(t))).toBe(
      'Keel cannot record hours for Alice Martin on Acme MLOps on 1 Jan 2027: the hours must be more than zero minutes; the date is after Acme MLOps ends (31 Dec 2026).',
    );
  });
});

describe('entryWarnings', () => {
  const w = {
    date: '2026-10-15',
    dayTotalMinutes: 480,
    dailyThresholdMinutes: 600,
    usesAllocations: true,
    coveredByAllocation: true,
    engagementName: 'Acme MLOps',
  };

  it('warns about a day no allocation covers only when the engagement uses allocations', () => {
    expect(entryWarnings(w)).toEqual([]);
    expect(entryWarnings({ ...w, coveredByAllocation: false })).toEqual([
      'No allocation to Acme MLOps covers 15 Oct 2026. The hours are kept; check the plan or the engagement.',
    ]);
    expect(entryWarnings({ ...w, usesAllocations: false, coveredByAllocation: false })).toEqual([]);
  });

  it('warns above the daily threshold, not at it', () => {
    expect(entryWarnings({ ...w, dayTotalMinutes: 600 })).toEqual([]);
    expect(entryWarnings({ ...w, dayTotalMinutes: 601 })).toEqual(['10.02 h on 15 Oct 2026 is above the daily threshold of 10.00 h.']);
  });
});

describe('weeks', () => {
  it.each([
    // 2026-12-31 is a Thursday: the ISO week runs Monday 28 Dec 2026 to Sunday 3 Jan 2027.
    ['2026-12-31', ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']],
    ['2026-12-28', ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']],
    ['2027-01-03', ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']],
    // 2026-03-01 is a Sunday: its week started in February.
    ['2026-03-01', ['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01']],
    // 2028-03-01 is a Wednesday; 2028 is a leap year.
    ['2028-03-01', ['2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02', '2028-03-03', '2028-03-04', '2028-03-05']],
  ])('weekDates(%s)', (date, expected) => {
    expect(weekDates(date)).toEqual(expected);
  });

  it('knows weekends and the months a set of dates touches', () => {
    expect(isWeekendDate('2026-10-03')).toBe(true); // Saturday
    expect(isWeekendDate('2026-10-04')).toBe(true); // Sunday
    expect(isWeekendDate('2026-10-05')).toBe(false); // Monday
    expect(monthsOf(weekDates('2026-12-31'))).toEqual(['2026-12', '2027-01']);
    expect(monthsOf(['2026-10-31', '2026-11-01', '2026-10-01'])).toEqual(['2026-10', '2026-11']);
    expect(monthsOf([])).toEqual([]);
  });
});

describe('weekGrid', () => {
  const dates = weekDates('2026-10-14'); // Mon 12 … Sun 18 Oct 2026
  const e = (id: string, engagementId: string, activity: GridEntry['activity'], date: string, minutes: number, note = ''): GridEntry => ({
    id,
    engagementId,
    activity,
    date,
    minutes,
    note,
  });

  it('sums cells, rows, days and the week, ordering rows by engagement order then activity list', () => {
    const grid = weekGrid(
      dates,
      [
        e('1', 'e1', 'retraining', '2026-10-12', 120),
        e('2', 'e1', 'operate_monitoring', '2026-10-12', 240, 'on call'),
        e('3', 'e2', 'deployment', '2026-10-13', 480),
        e('4', 'e1', 'operate_monitoring', '2026-10-12', 30, 'alert'),
        e('5', 'e3', 'incident_response', '2026-10-17', 60),
        e('6', 'e1', 'retraining', '2026-10-14', 90),
      ],
      ['e2', 'e1'],
    );
    expect(grid.dates).toEqual(dates);
    // e2 first (engagement order), then e1's rows in ACTIVITIES order, then the unknown e3.
    expect(grid.rows.map((r) => [r.engagementId, r.activity, r.totalMinutes])).toEqual([
      ['e2', 'deployment', 480],
      ['e1', 'operate_monitoring', 270], // 240 + 30
      ['e1', 'retraining', 210], // 120 + 90
      ['e3', 'incident_response', 60],
    ]);
    expect(grid.rows[1]?.cells).toEqual({ '2026-10-12': { minutes: 270, entryIds: ['2', '4'], note: 'on call; alert' } });
    expect(grid.rows[2]?.cells).toEqual({
      '2026-10-12': { minutes: 120, entryIds: ['1'], note: '' },
      '2026-10-14': { minutes: 90, entryIds: ['6'], note: '' },
    });
    // Mon 120 + 240 + 30 = 390; Tue 480; Wed 90; Sat 60; other days 0.
    expect(grid.dayTotals).toEqual({
      '2026-10-12': 390,
      '2026-10-13': 480,
      '2026-10-14': 90,
      '2026-10-15': 0,
      '2026-10-16': 0,
      '2026-10-17': 60,
      '2026-10-18': 0,
    });
    expect(grid.totalMinutes).toBe(1_020);
  });

  it('an empty week has zero totals and no rows', () => {
    const grid = weekGrid(dates, [], ['e1']);
    expect(grid.rows).toEqual([]);
    expect(grid.totalMinutes).toBe(0);
    expect(Object.values(grid.dayTotals)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('activityFromLabel', () => {
  it.each([
    ['Operate & monitoring', 'operate_monitoring'],
    ['  operate   &   MONITORING ', 'operate_monitoring'],
    ['operate_monitoring', 'operate_monitoring'],
    ['Incident response', 'incident_response'],
    ['INCIDENT_RESPONSE', 'incident_response'],
    ['Onboarding & hand-over', 'onboarding_handover'],
    ['Ceremonies & meetings', 'ceremonies_meetings'],
    ['Governance & audit', 'governance_audit'],
  ])('%j → %s', (text, activity) => {
    expect(activityFromLabel(text)).toBe(activity);
  });

  it.each(['', 'Monitoring', 'Onboarding & handover', 'incident-response'])('%j matches nothing', (text) => {
    expect(activityFromLabel(text)).toBeNull();
  });

  it('finds every activity from its own label', () => {
    for (const a of ACTIVITIES) expect(activityFromLabel(ACTIVITY_LABELS[a])).toBe(a);
  });
});
