import { type HolidaysOfYear, NO_HOLIDAYS } from '@shared/kernel/businessDays';
import { addDays, daysIn, fromDay, intersect, isWeekend, mondayOf, monthEnd, monthStart, toDay, weekday } from '@shared/kernel/days';
import {
  type AllocationSpan,
  allocationRangeIssues,
  dedicationRefusal,
  handoverFlags,
  overloadFlags,
  planFlags,
} from '@shared/plan/rules/allocations';
import {
  capacityOf,
  DAY_ABSENT,
  DAY_AVAILABLE,
  DAY_HOLIDAY,
  DAY_NOT_EMPLOYED,
  DAY_WEEKEND,
  dayStates,
  weekdaysIn,
} from '@shared/plan/rules/capacity';
import {
  bench,
  capacityByPeriod,
  capacityForecast,
  type PlanAbsence,
  type PlanAllocation,
  type PlanSpecialist,
  planPeriods,
  rollOffs,
  timelineRows,
} from '@shared/plan/rules/plan';
import { fillClock, stageChangeRefusal } from '@shared/plan/rules/staffing';
import { describe, expect, it } from 'vitest';

/**
 * The planning rules, with expected values worked out by hand (and checked
 * against a calendar): month and year boundaries, the 2028 leap day,
 * weekends and public holidays, which are passed in explicitly here.
 */

const d = toDay;
const holidays = (...dates: string[]) => new Set(dates.map(toDay));

/** A small deterministic generator, so a failing random case can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('day numbers', () => {
  it('count days from 1 Jan 1970, before it too, and round-trip across leap days', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('1969-12-31')).toBe(-1);
    expect(toDay('1900-01-01')).toBe(-25_567);
    expect(toDay('2028-02-29')).toBe(21_243);
    expect(toDay('2028-03-01') - toDay('2028-02-28')).toBe(2);
    expect(toDay('2100-03-01') - toDay('2100-02-28')).toBe(1); // 2100 is not a leap year
    expect(fromDay(21_243)).toBe('2028-02-29');
    expect(fromDay(-1)).toBe('1969-12-31');
  });

  it('round-trip every kind of date the contract accepts, years 0001 to 9999', () => {
    expect(toDay('0050-01-01')).toBe(-701_265); // not 1950: Date.UTC's two-digit-year trap
    expect(fromDay(toDay('0001-01-01'))).toBe('0001-01-01');
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const day = Math.floor(next() * 3_652_059) - 719_162; // 0001-01-01 … 9999-12-31
      const iso = fromDay(day);
      expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(toDay(iso), iso).toBe(day);
    }
  });

  it('know the weekday, including before 1970', () => {
    expect(weekday(0)).toBe(4); // Thursday
    expect(weekday(-1)).toBe(3); // Wednesday 1969-12-31
    expect(weekday(-3)).toBe(1); // Monday 1969-12-29
    expect(weekday(d('1900-01-01'))).toBe(1);
    expect(weekday(d('2028-02-29'))).toBe(2);
    expect(weekday(d('2027-01-03'))).toBe(0);
    expect([d('2027-01-02'), d('2027-01-03'), d('1969-12-28')].map(isWeekend)).toEqual([true, true, true]);
    expect([d('2027-01-01'), d('2027-01-04'), -1].map(isWeekend)).toEqual([false, false, false]);
  });

  it('find the Monday on or before a day, across a year end and before 1970', () => {
    expect(fromDay(mondayOf(d('2027-01-03')))).toBe('2026-12-28'); // Sunday → previous Monday
    expect(fromDay(mondayOf(d('2027-01-01')))).toBe('2026-12-28');
    expect(fromDay(mondayOf(d('2026-12-28')))).toBe('2026-12-28'); // a Monday is its own
    expect(fromDay(mondayOf(d('2028-03-01')))).toBe('2028-02-28');
    expect(fromDay(mondayOf(0))).toBe('1969-12-29');
    expect(fromDay(mondayOf(-1))).toBe('1969-12-29');
    expect(fromDay(mondayOf(d('1969-12-28')))).toBe('1969-12-22');
  });

  it('move by days and months across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -366)).toBe('2025-12-31');
    expect(monthStart('2026-12-15')).toBe('2026-12-01');
    expect(monthStart('2026-12-15', 1)).toBe('2027-01-01');
    expect(monthStart('2027-01-31', -1)).toBe('2026-12-01');
    expect(monthStart('2026-03-10', -14)).toBe('2025-01-01');
    expect(monthStart('2026-01-01', -12)).toBe('2025-01-01');
    expect(monthStart('2026-01-01', 25)).toBe('2028-02-01');
    expect(monthStart('2028-02-29')).toBe('2028-02-01');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2027-02-10')).toBe('2027-02-28');
    expect(monthEnd('2100-02-01')).toBe('2100-02-28');
    expect(monthEnd('2026-12-05')).toBe('2026-12-31');
  });

  it('count and intersect inclusive ranges', () => {
    expect(daysIn(d('2028-02-01'), d('2028-02-29'))).toBe(29);
    expect(daysIn(d('2026-12-31'), d('2026-12-31'))).toBe(1);
    expect(daysIn(d('2027-01-01'), d('2026-12-31'))).toBe(0);
    const a = { from: d('2026-12-20'), to: d('2027-01-10') };
    expect(intersect(a, { from: d('2027-01-10'), to: d('2027-02-01') })).toEqual({ from: d('2027-01-10'), to: d('2027-01-10') });
    expect(intersect(a, { from: d('2027-01-11'), to: d('2027-02-01') })).toBeNull();
  });
});

describe('weekdays in a range', () => {
  it('counts Monday to Friday, by hand', () => {
    expect(weekdaysIn({ from: d('2026-12-01'), to: d('2026-12-31') })).toBe(23);
    expect(weekdaysIn({ from: d('2027-01-01'), to: d('2027-01-31') })).toBe(21);
    expect(weekdaysIn({ from: d('2027-02-01'), to: d('2027-02-28') })).toBe(20);
    expect(weekdaysIn({ from: d('2028-02-01'), to: d('2028-02-29') })).toBe(21);
    expect(weekdaysIn({ from: d('2027-01-02'), to: d('2027-01-03') })).toBe(0); // a weekend
    expect(weekdaysIn({ from: d('2027-01-03'), to: d('2027-01-02') })).toBe(0); // reversed
  });

  it('equals a naive day-by-day count over many random ranges', () => {
    const next = random(42);
    for (let i = 0; i < 500; i++) {
      const from = Math.floor(next() * 40_000) - 10_000;
      const to = from + Math.floor(next() * 800) - 5;
      let naive = 0;
      for (let day = from; day <= to; day++) {
        const w = new Date(day * 86_400_000).getUTCDay();
        if (w !== 0 && w !== 6) naive++;
      }
      expect(weekdaysIn({ from, to }), `${fromDay(from)} … ${fromDay(to)}`).toBe(naive);
    }
  });
});

describe('capacity', () => {
  it('counts an absence over a holiday and a weekend only once, and nothing before employment', () => {
    // December 2026: 23 weekdays. Christmas (Fri 25th) is a holiday; the absence runs
    // Thu 24th to Tue 29th over the holiday and a weekend; employment starts Mon 7th.
    const range = { from: d('2026-12-01'), to: d('2026-12-31') };
    const states = dayStates({
      range,
      holidays: holidays('2026-12-25', '2026-12-02' /* before employment: not a holiday for them */),
      absences: [{ from: d('2026-12-24'), to: d('2026-12-29') }],
      employedFrom: d('2026-12-07'),
    });
    const at = (iso: string) => states[d(iso) - range.from];
    expect([at('2026-12-02'), at('2026-12-05'), at('2026-12-07')]).toEqual([DAY_NOT_EMPLOYED, DAY_WEEKEND, DAY_AVAILABLE]);
    expect([at('2026-12-24'), at('2026-12-25'), at('2026-12-26'), at('2026-12-28'), at('2026-12-30')]).toEqual([
      DAY_ABSENT,
      DAY_HOLIDAY,
      DAY_WEEKEND,
      DAY_ABSENT,
      DAY_AVAILABLE,
    ]);
    // From the 7th: 19 weekdays; 1 holiday; absent Thu 24th, Mon 28th, Tue 29th.
    expect(capacityOf(states, range.from, range, 480)).toEqual({
      workingDays: 19,
      holidayDays: 1,
      absenceDays: 3,
      availableDays: 15,
      capacityMinutes: 15 * 480,
    });
    // A part of the range: the last week only.
    expect(capacityOf(states, range.from, { from: d('2026-12-28'), to: d('2026-12-31') }, 450)).toEqual({
      workingDays: 4,
      holidayDays: 0,
      absenceDays: 2,
      availableDays: 2,
      capacityMinutes: 900,
    });
  });

  it('ignores absences outside the range and handles an empty range', () => {
    const range = { from: d('2027-01-04'), to: d('2027-01-08') };
    const states = dayStates({
      range,
      holidays: holidays(),
      absences: [
        { from: d('2026-12-01'), to: d('2027-01-04') },
        { from: d('2027-01-08'), to: d('2027-03-01') },
      ],
      employedFrom: d('2020-01-01'),
    });
    expect(Array.from(states)).toEqual([DAY_ABSENT, DAY_AVAILABLE, DAY_AVAILABLE, DAY_AVAILABLE, DAY_ABSENT]);
    expect(dayStates({ range: { from: 10, to: 9 }, holidays: holidays(), absences: [], employedFrom: 0 })).toHaveLength(0);
  });

  it('gives capacity per month over the leap February, with a part-time day', () => {
    const specialist = spec('p', { startDate: '2020-01-06', dailyMinutes: 450 });
    const periods = planPeriods('2028-02-10', 'month', 2);
    expect(periods).toEqual([
      { start: '2028-02-01', end: '2028-02-29' },
      { start: '2028-03-01', end: '2028-03-31' },
    ]);
    // Absent Fri 25 Feb to Wed 1 Mar; Mon 28 Feb is a holiday inside the absence.
    const absences: PlanAbsence[] = [{ id: 'x', specialistId: 'p', kind: 'vacation', startDate: '2028-02-25', endDate: '2028-03-01' }];
    const [feb, mar] = capacityByPeriod(specialist, periods, absences, holidays('2028-02-28'));
    expect(feb).toEqual({
      start: '2028-02-01',
      end: '2028-02-29',
      workingDays: 21,
      holidayDays: 1,
      absenceDays: 2,
      availableDays: 18,
      capacityMinutes: 18 * 450,
    });
    expect(mar).toMatchObject({ workingDays: 23, holidayDays: 0, absenceDays: 1, availableDays: 22 });
    // Joining on Wed 16 Feb leaves 10 working days in February.
    const [late] = capacityByPeriod({ ...specialist, startDate: '2028-02-16' }, periods, [], holidays());
    expect(late).toMatchObject({ workingDays: 10, availableDays: 10, capacityMinutes: 4500 });
    expect(capacityByPeriod(specialist, [], absences, holidays())).toEqual([]);
  });
});

let seq = 0;
function alloc(over: Partial<PlanAllocation> & { startDate: string; endDate: string }): PlanAllocation {
  seq++;
  return {
    id: `a${seq}`,
    specialistId: 'p1',
    clientId: 'c1',
    clientName: 'Alpenbank',
    engagementId: 'e1',
    engagementName: 'Credit risk',
    loadPercent: 100,
    status: 'confirmed',
    ...over,
  };
}

function spec(id: string, over: Partial<PlanSpecialist> = {}): PlanSpecialist {
  return {
    id,
    fullName: `Person ${id}`,
    role: 'mlops_engineer',
    sourcingRegion: 'romania',
    startDate: '2024-01-01',
    dailyMinutes: 480,
    ...over,
  };
}

const nordhafen = { clientId: 'c2', clientName: 'Nordhafen', engagementId: 'e2', engagementName: 'Demand forecasting' };

describe('dedication rule', () => {
  const existing = alloc({ id: 'x1', startDate: '2026-12-01', endDate: '2027-01-15' });
  const candidate = (over: Partial<AllocationSpan>): AllocationSpan => ({
    ...alloc({ id: 'new', ...nordhafen, startDate: '2027-01-10', endDate: '2027-03-31' }),
    ...over,
  });

  it('refuses a confirmed allocation overlapping a confirmed one at another client, naming it and its dates', () => {
    expect(dedicationRefusal(candidate({}), [existing], 'Ana Ionescu')).toBe(
      'Ana Ionescu is already confirmed at Alpenbank (Credit risk) from 1 Dec 2026 to 15 Jan 2027. ' +
        'A specialist is dedicated to one client at a time: end or move that allocation first, or keep this one tentative.',
    );
  });

  it('refuses a one-day overlap and names the earliest of several conflicts', () => {
    const later = alloc({ id: 'x2', clientName: 'Cascade', clientId: 'c3', startDate: '2027-02-01', endDate: '2027-02-28' });
    const refusal = dedicationRefusal(candidate({ startDate: '2027-01-15' }), [later, existing], 'Ana');
    expect(refusal).toMatch(/^Ana is already confirmed at Alpenbank \(Credit risk\) from 1 Dec 2026 to 15 Jan 2027\./);
  });

  it('allows tentative, same-client, cancelled, adjacent, other people and the allocation itself', () => {
    expect(dedicationRefusal(candidate({ status: 'tentative' }), [existing], 'Ana')).toBeNull();
    expect(dedicationRefusal(candidate({}), [{ ...existing, status: 'tentative' }], 'Ana')).toBeNull();
    expect(dedicationRefusal(candidate({}), [{ ...existing, status: 'cancelled' }], 'Ana')).toBeNull();
    expect(dedicationRefusal(candidate({ clientId: 'c1', clientName: 'Alpenbank' }), [existing], 'Ana')).toBeNull();
    expect(dedicationRefusal(candidate({ startDate: '2027-01-16' }), [existing], 'Ana')).toBeNull(); // the day after
    expect(dedicationRefusal(candidate({ endDate: '2027-01-09', startDate: '2026-11-01' }), [existing], 'Ana')).not.toBeNull(); // the other side still overlaps
    expect(dedicationRefusal(candidate({ startDate: '2026-10-01', endDate: '2026-11-30' }), [existing], 'Ana')).toBeNull(); // the day before
    expect(dedicationRefusal(candidate({}), [{ ...existing, specialistId: 'p2' }], 'Ana')).toBeNull();
    expect(dedicationRefusal(candidate({ id: 'x1' }), [{ ...existing, ...nordhafen, id: 'x1' }], 'Ana')).toBeNull();
  });
});

describe('overloads', () => {
  it('flags days above 100%: an error when confirmed alone exceed it, a warning when tentative ones tip it', () => {
    const base = alloc({ id: 'base', startDate: '2026-12-28', endDate: '2027-01-15' });
    const extra = alloc({ id: 'extra', loadPercent: 20, startDate: '2026-12-30', endDate: '2027-01-05' });
    const maybe = alloc({ id: 'maybe', loadPercent: 50, status: 'tentative', startDate: '2027-01-06', endDate: '2027-01-08' });
    expect(overloadFlags([base, extra, maybe])).toEqual([
      {
        severity: 'error',
        kind: 'overload',
        startDate: '2026-12-30',
        endDate: '2027-01-05',
        loadPercent: 120,
        allocationIds: ['base', 'extra'],
        message: 'Booked at 120% from 30 Dec 2026 to 5 Jan 2027: confirmed allocations add up to more than 100%.',
      },
      {
        severity: 'warning',
        kind: 'overload',
        startDate: '2027-01-06',
        endDate: '2027-01-08',
        loadPercent: 150,
        allocationIds: ['base', 'maybe'],
        message: 'Booked at 150% from 6 Jan 2027 to 8 Jan 2027: allocations (counting tentative ones) add up to more than 100%.',
      },
    ]);
  });

  it('merges adjacent overloaded days into one period with the highest load', () => {
    const base = alloc({ id: 'base', startDate: '2028-02-01', endDate: '2028-03-31' });
    const b = alloc({ id: 'b', loadPercent: 30, startDate: '2028-02-27', endDate: '2028-02-29' });
    const c = alloc({ id: 'c', loadPercent: 40, startDate: '2028-02-29', endDate: '2028-03-02' });
    const [flag, ...rest] = overloadFlags([base, b, c]);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ severity: 'error', startDate: '2028-02-27', endDate: '2028-03-02', loadPercent: 170 });
    expect(flag?.allocationIds.sort()).toEqual(['b', 'base', 'c']);
  });

  it('keeps separate periods apart when a day in between is within 100%', () => {
    const base = alloc({ startDate: '2027-01-01', endDate: '2027-01-31' });
    const one = alloc({ loadPercent: 10, startDate: '2027-01-04', endDate: '2027-01-05' });
    const two = alloc({ loadPercent: 10, startDate: '2027-01-07', endDate: '2027-01-07' });
    expect(overloadFlags([base, one, two]).map((f) => [f.startDate, f.endDate])).toEqual([
      ['2027-01-04', '2027-01-05'],
      ['2027-01-07', '2027-01-07'],
    ]);
  });

  it('does not flag exactly 100%, cancelled allocations, or nothing at all', () => {
    const a = alloc({ loadPercent: 60, startDate: '2027-01-01', endDate: '2027-01-31' });
    const b = alloc({ loadPercent: 40, startDate: '2027-01-10', endDate: '2027-02-10' });
    const c = alloc({ loadPercent: 40, status: 'cancelled', startDate: '2027-01-10', endDate: '2027-02-10' });
    expect(overloadFlags([a, b, c])).toEqual([]);
    expect(overloadFlags([])).toEqual([]);
  });
});

describe('hand-overs', () => {
  it('shows overlaps within one client as information, counting the days', () => {
    const a = alloc({ id: 'old', startDate: '2026-09-01', endDate: '2027-01-05', loadPercent: 50 });
    const b = alloc({ id: 'new', engagementName: 'AML monitoring', startDate: '2027-01-05', endDate: '2027-06-30', loadPercent: 50 });
    expect(handoverFlags([b, a])).toEqual([
      {
        severity: 'info',
        kind: 'handover',
        startDate: '2027-01-05',
        endDate: '2027-01-05',
        loadPercent: 100,
        allocationIds: ['old', 'new'],
        message:
          'Overlap at Alpenbank: Credit risk and AML monitoring run together for 1 day (5 Jan 2027 to 5 Jan 2027); allowed within one client, as a hand-over or a split.',
      },
    ]);
    const longer = handoverFlags([a, { ...b, startDate: '2026-12-30' }]);
    expect(longer[0]?.message).toMatch(/run together for 7 days \(30 Dec 2026 to 5 Jan 2027\)/);
  });

  it('ignores other clients, other people, cancelled and non-overlapping allocations', () => {
    const a = alloc({ startDate: '2027-01-01', endDate: '2027-01-31' });
    expect(handoverFlags([a, alloc({ ...nordhafen, startDate: '2027-01-10', endDate: '2027-02-10', status: 'tentative' })])).toEqual([]);
    expect(handoverFlags([a, alloc({ specialistId: 'p2', startDate: '2027-01-10', endDate: '2027-02-10' })])).toEqual([]);
    expect(handoverFlags([a, alloc({ status: 'cancelled', startDate: '2027-01-10', endDate: '2027-02-10' })])).toEqual([]);
    expect(handoverFlags([a, alloc({ startDate: '2027-02-01', endDate: '2027-02-10' })])).toEqual([]);
  });

  it('are listed after errors and warnings', () => {
    const a = alloc({ startDate: '2027-01-01', endDate: '2027-01-31' });
    const b = alloc({ startDate: '2027-01-20', endDate: '2027-02-10' }); // same client, 200%: error and hand-over
    const c = alloc({ ...nordhafen, status: 'tentative', startDate: '2027-03-01', endDate: '2027-03-05' });
    const spring = alloc({ startDate: '2027-02-15', endDate: '2027-03-10' });
    expect(planFlags([a, b, c, spring]).map((f) => [f.severity, f.kind, f.startDate])).toEqual([
      ['error', 'overload', '2027-01-20'],
      ['warning', 'overload', '2027-03-01'],
      ['info', 'handover', '2027-01-20'],
    ]);
  });
});

describe('allocation dates against the engagement and the specialist', () => {
  const engagement = { name: 'Claims triage', startDate: '2026-02-01', endDate: '2026-12-31' };
  const specialist = { fullName: 'Ana Ionescu', startDate: '2026-03-02' };

  it('accepts dates inside both, up to the last day', () => {
    expect(allocationRangeIssues({ startDate: '2026-03-02', endDate: '2026-12-31' }, engagement, specialist)).toEqual([]);
    expect(allocationRangeIssues({ startDate: '2026-03-02', endDate: '2030-01-01' }, { ...engagement, endDate: null }, specialist)).toEqual(
      [],
    );
  });

  it('names each boundary that is crossed', () => {
    expect(allocationRangeIssues({ startDate: '2026-01-31', endDate: '2027-01-01' }, engagement, specialist)).toEqual([
      { path: 'startDate', message: 'must be on or after the engagement’s start (1 Feb 2026)' },
      { path: 'endDate', message: 'must be on or before the engagement’s end (31 Dec 2026)' },
      { path: 'startDate', message: 'must be on or after 2 Mar 2026, when Ana Ionescu joins' },
    ]);
    expect(allocationRangeIssues({ startDate: '2026-03-01', endDate: '2026-06-30' }, engagement, specialist)).toEqual([
      { path: 'startDate', message: 'must be on or after 2 Mar 2026, when Ana Ionescu joins' },
    ]);
  });
});

describe('staffing requests', () => {
  it('moves freely between open stages; filled and declined are final', () => {
    expect(stageChangeRefusal('MLOps', 'defined', 'sourcing')).toBeNull();
    expect(stageChangeRefusal('MLOps', 'candidates_presented', 'defined')).toBeNull();
    expect(stageChangeRefusal('MLOps', 'sourcing', 'sourcing')).toBe('“MLOps” is already at sourcing.');
    expect(stageChangeRefusal('MLOps', 'sourcing', 'filled')).toBe(
      'Use Fill or Decline to close “MLOps”; they record the allocation or the reason.',
    );
    expect(stageChangeRefusal('MLOps', 'defined', 'declined')).toMatch(/^Use Fill or Decline/);
    expect(stageChangeRefusal('MLOps', 'filled', 'sourcing')).toBe('“MLOps” is already filled; it cannot change stage any more.');
    expect(stageChangeRefusal('MLOps', 'declined', 'defined')).toBe('“MLOps” is already declined; it cannot change stage any more.');
  });

  // Opened Mon 21 Dec 2026, 4 weeks = 20 business days. Zurich's holidays over the year end,
  // passed in explicitly: Fri 25 and Sat 26 Dec, Fri 1 Jan. Counting from Tue 22 Dec:
  // 22 23 24 | 28 29 30 31 | 4 5 6 7 8 | 11 12 13 14 15 | 18 19 20 → the 20th is Wed 20 Jan.
  const open = { openedOn: '2026-12-21', targetWeeks: 4, stage: 'sourcing' as const, filledOn: null, declinedOn: null };
  const yearEnd: HolidaysOfYear = (year) =>
    new Set(year === 2026 ? [d('2026-12-25'), d('2026-12-26')] : year === 2027 ? [d('2027-01-01')] : []);

  it('runs the time-to-fill clock in business days across the year end: overdue only after the target date, only while open', () => {
    expect(fillClock(open, '2027-01-20', yearEnd)).toEqual({
      submittedOn: '2026-12-21',
      allowance: 20,
      dueDate: '2027-01-20',
      targetDate: '2027-01-20',
      elapsed: 20,
      daysOpen: 20,
      remaining: 0,
      late: 0,
      percentUsed: 100,
      state: 'at_risk',
      urgent: true,
      pausedToday: false,
      pausedDays: 0,
      overdue: false,
      filledLate: false,
    });
    expect(fillClock(open, '2027-01-21', yearEnd)).toMatchObject({
      daysOpen: 21,
      late: 1,
      state: 'breached',
      overdue: true,
      filledLate: false,
    });
    // Without the holidays the 20th business day is two days earlier, Mon 18 Jan.
    expect(fillClock(open, '2027-01-19', NO_HOLIDAYS)).toMatchObject({ targetDate: '2027-01-18', daysOpen: 21, overdue: true });
    // 3 weeks = 15 business days: the 15th in the list above is Wed 13 Jan.
    expect(fillClock({ ...open, targetWeeks: 3 }, '2027-01-12', yearEnd)).toMatchObject({ targetDate: '2027-01-13', daysOpen: 14 });
    // Tue 1 Feb 2028: 4 full weeks Wed 2 – Tue 29 Feb, the leap day.
    expect(fillClock({ ...open, openedOn: '2028-02-01' }, '2028-02-10', NO_HOLIDAYS)).toMatchObject({
      targetDate: '2028-02-29',
      daysOpen: 7,
    });
    // Before it was opened: nothing used, never negative.
    expect(fillClock(open, '2026-12-20', yearEnd)).toMatchObject({ daysOpen: 0, remaining: 20, state: 'on_track', overdue: false });
    // At risk from half the allowance: Mon 4 Jan is the 8th day (40%), Wed 6 Jan the 10th (50%); or per the thresholds given.
    expect(fillClock(open, '2027-01-04', yearEnd)).toMatchObject({ daysOpen: 8, state: 'on_track' });
    expect(fillClock(open, '2027-01-06', yearEnd)).toMatchObject({ daysOpen: 10, state: 'at_risk', urgent: false });
    expect(fillClock(open, '2027-01-04', yearEnd, { atRiskPercent: 40, urgentPercent: 90 })).toMatchObject({ state: 'at_risk' });
  });

  it('stops the clock when filled (on time or late) or declined', () => {
    // Filled Fri 22 Jan: Thu 21 and Fri 22 are the 21st and 22nd business days, two late.
    const filled = { ...open, stage: 'filled' as const, filledOn: '2027-01-22' };
    expect(fillClock(filled, '2027-03-01', yearEnd)).toMatchObject({
      targetDate: '2027-01-20',
      daysOpen: 22,
      late: 2,
      state: 'breached',
      overdue: false,
      filledLate: true,
    });
    expect(fillClock({ ...filled, filledOn: '2027-01-20' }, '2027-03-01', yearEnd)).toMatchObject({
      daysOpen: 20,
      state: 'met',
      filledLate: false,
    });
    // Declined Tue 5 Jan, the 9th business day; it stays declined, never overdue.
    const declined = { ...open, stage: 'declined' as const, declinedOn: '2027-01-05' };
    expect(fillClock(declined, '2027-03-01', yearEnd)).toMatchObject({
      targetDate: '2027-01-20',
      daysOpen: 9,
      state: 'cancelled',
      overdue: false,
      filledLate: false,
    });
  });
});

describe('plan periods', () => {
  it('start weeks on the Monday and months on the 1st, across the year end and the leap day', () => {
    expect(planPeriods('2026-12-31', 'week', 2)).toEqual([
      { start: '2026-12-28', end: '2027-01-03' },
      { start: '2027-01-04', end: '2027-01-10' },
    ]);
    expect(planPeriods('2027-12-15', 'month', 3)).toEqual([
      { start: '2027-12-01', end: '2027-12-31' },
      { start: '2028-01-01', end: '2028-01-31' },
      { start: '2028-02-01', end: '2028-02-29' },
    ]);
    expect(planPeriods('2027-01-01', 'week', 104).at(-1)).toEqual({ start: '2028-12-18', end: '2028-12-24' });
  });
});

describe('timeline rows', () => {
  const p = spec('p1', { fullName: 'Ana Ionescu' });

  it('a 50% allocation over a week with a holiday: utilisation 50, capacity 4 × 480', () => {
    const [row] = timelineRows(planPeriods('2026-12-21', 'week', 1), {
      specialists: [p],
      allocations: [alloc({ loadPercent: 50, startDate: '2026-12-01', endDate: '2027-01-31' })],
      absences: [],
      holidaysOf: () => holidays('2026-12-25'),
    });
    expect(row?.capacityMinutes).toEqual([1920]);
    expect(row?.utilisation).toEqual([50]);
  });

  it('by month: averages booked load over available days only, and says null when none is available', () => {
    const allocations = [
      alloc({ id: 'full', startDate: '2026-12-01', endDate: '2026-12-15' }),
      alloc({ id: 'half', loadPercent: 50, startDate: '2026-12-16', endDate: '2027-01-15' }),
      alloc({ id: 'gone', status: 'cancelled', startDate: '2026-12-01', endDate: '2027-01-31' }),
      alloc({ id: 'before', startDate: '2026-06-01', endDate: '2026-11-30' }),
      alloc({ id: 'other person', specialistId: 'p2', startDate: '2026-12-01', endDate: '2026-12-31' }),
    ];
    const absences: PlanAbsence[] = [
      { id: 'v', specialistId: 'p1', kind: 'vacation', startDate: '2026-12-28', endDate: '2026-12-31' },
      { id: 'old', specialistId: 'p1', kind: 'sick', startDate: '2026-10-01', endDate: '2026-10-02' },
      { id: 'long', specialistId: 'p3', kind: 'other', startDate: '2027-02-01', endDate: '2027-02-28' },
    ];
    const rows = timelineRows(planPeriods('2026-12-10', 'month', 3), {
      specialists: [p, spec('p3', { startDate: '2027-01-18' })],
      allocations,
      absences,
      holidaysOf: (s) => (s.id === 'p1' ? holidays('2026-12-25', '2027-01-01') : holidays()),
    });
    const [ana, late] = rows;
    // December: 23 weekdays − holiday − 4 absent = 18 available; booked 11 × 100 + 7 × 50 = 1,450 → 80.6%.
    // January: 21 weekdays − New Year = 20; booked 10 × 50 = 500 → 25%. February: nothing booked.
    expect(ana?.capacityMinutes).toEqual([18 * 480, 20 * 480, 20 * 480]);
    expect(ana?.utilisation).toEqual([81, 25, 0]);
    expect(ana?.allocations.map((a) => a.id)).toEqual(['full', 'half']);
    expect(ana?.absences.map((a) => a.id)).toEqual(['v']);
    // Joins on 18 January, absent all February.
    expect(late?.capacityMinutes).toEqual([0, 10 * 480, 0]);
    expect(late?.utilisation).toEqual([null, 0, null]);
  });

  it('carries the person’s flags that touch the window', () => {
    const rows = timelineRows(planPeriods('2027-01-04', 'week', 2), {
      specialists: [p],
      allocations: [
        alloc({ startDate: '2026-11-02', endDate: '2027-03-31' }),
        alloc({ loadPercent: 10, startDate: '2026-11-02', endDate: '2026-11-06' }), // overload long before the window
        alloc({ ...nordhafen, loadPercent: 10, status: 'tentative', startDate: '2027-01-12', endDate: '2027-01-13' }),
      ],
      absences: [],
      holidaysOf: () => holidays(),
    });
    expect(rows[0]?.flags.map((f) => [f.severity, f.startDate])).toEqual([['warning', '2027-01-12']]);
    expect(rows[0]?.utilisation).toEqual([100, 104]); // second week: (5 × 100 + 2 × 10) / 5
  });
});

describe('roll-off radar', () => {
  // Today is Monday 28 December 2026; two weeks ahead is Monday 11 January 2027.
  const today = '2026-12-28';
  const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((id) => spec(id, { fullName: `Person ${id.toUpperCase()}` }));
  const ending = (specialistId: string, endDate: string, over: Partial<PlanAllocation> = {}) =>
    alloc({ id: `${specialistId}-end`, specialistId, startDate: '2026-06-01', endDate, ...over });

  it('lists confirmed allocations ending from today to the horizon, soonest first', () => {
    const list = rollOffs(
      people,
      [
        ending('a', '2027-01-08'),
        ending('b', '2027-01-11'), // on the horizon
        ending('c', '2027-01-12'), // after it
        ending('d', '2026-12-27'), // already ended
        ending('e', '2026-12-28'), // ends today
        ending('f', '2027-01-04', { status: 'tentative' }),
        ending('g', '2027-01-04', { status: 'cancelled' }),
        ending('nobody', '2027-01-04'), // not a known (plan) specialist
      ],
      today,
      2,
    );
    expect(list.map((r) => [r.specialist.id, r.allocation.endDate, r.daysLeft, r.tentativeFollowOn])).toEqual([
      ['e', '2026-12-28', 0, null],
      ['a', '2027-01-08', 11, null],
      ['b', '2027-01-11', 14, null],
    ]);
  });

  it('drops a roll-off when a confirmed follow-on starts within 7 days of the end', () => {
    const allocations = [
      ending('a', '2027-01-01'),
      alloc({ specialistId: 'a', ...nordhafen, startDate: '2027-01-08', endDate: '2027-06-30' }), // 7 days after
      ending('b', '2027-01-01'),
      alloc({ specialistId: 'b', ...nordhafen, startDate: '2027-01-09', endDate: '2027-06-30' }), // 8 days after: a gap
      ending('c', '2027-01-01', { loadPercent: 50 }),
      alloc({ specialistId: 'c', startDate: '2026-12-01', endDate: '2027-03-31', loadPercent: 50 }), // runs on past the end
      ending('d', '2027-01-01'),
      alloc({ specialistId: 'd', ...nordhafen, status: 'cancelled', startDate: '2027-01-04', endDate: '2027-06-30' }),
    ];
    // c keeps 50 % of 100 %: a partial roll-off of the 50 % that ends.
    expect(rollOffs(people, allocations, today, 6).map((r) => [r.specialist.id, r.continuingLoad])).toEqual([
      ['b', 0],
      ['c', 50],
      ['d', 0],
    ]);
  });

  it('shows a partial roll-off when part of the load ends and the rest continues, not when a follow-on takes it up', () => {
    const partial = rollOffs(
      people,
      [
        ending('a', '2027-01-08', { loadPercent: 50 }),
        alloc({ specialistId: 'a', ...nordhafen, startDate: '2026-09-01', endDate: '2027-06-30', loadPercent: 50 }),
      ],
      today,
      6,
    );
    expect(partial.map((r) => [r.specialist.id, r.allocation.loadPercent, r.continuingLoad])).toEqual([['a', 50, 50]]);
    const takenUp = rollOffs(
      people,
      [
        ending('a', '2027-01-08', { loadPercent: 50 }),
        alloc({ specialistId: 'a', ...nordhafen, startDate: '2026-09-01', endDate: '2027-06-30', loadPercent: 50 }),
        alloc({ specialistId: 'a', ...nordhafen, startDate: '2027-01-11', endDate: '2027-03-31', loadPercent: 50 }),
      ],
      today,
      6,
    );
    expect(takenUp).toEqual([]);
    // A smaller follow-on takes up only part: 100 % ends, 50 % follows.
    const smaller = rollOffs(
      people,
      [
        ending('b', '2027-01-08'),
        alloc({ specialistId: 'b', ...nordhafen, startDate: '2027-01-11', endDate: '2027-03-31', loadPercent: 50 }),
      ],
      today,
      6,
    );
    expect(smaller.map((r) => r.continuingLoad)).toEqual([50]);
  });

  it('keeps a roll-off with only a tentative follow-on, naming the earliest one', () => {
    const later = alloc({
      id: 'later',
      specialistId: 'a',
      ...nordhafen,
      status: 'tentative',
      startDate: '2027-03-01',
      endDate: '2027-06-30',
    });
    const next = alloc({
      id: 'next',
      specialistId: 'a',
      ...nordhafen,
      status: 'tentative',
      startDate: '2027-01-11',
      endDate: '2027-02-26',
    });
    const [radar, ...rest] = rollOffs(people, [later, ending('a', '2026-12-31'), next], today, 6);
    expect(rest).toEqual([]);
    expect(radar?.allocation.id).toBe('a-end');
    expect(radar?.tentativeFollowOn?.id).toBe('next'); // eleven days after the end, over the holidays
  });
});

describe('bench', () => {
  const today = '2027-01-04';

  it('lists people without a live allocation today, with days on bench, the last end and the next start', () => {
    const people = [
      spec('ended', { fullName: 'Ended Recently', startDate: '2026-06-01' }),
      spec('new', { fullName: 'New Joiner', startDate: '2026-12-20' }),
      spec('future', { fullName: 'Not Yet Joined', startDate: '2027-02-01' }),
      spec('busy', { fullName: 'Busy Tentatively' }),
      spec('ends-today', { fullName: 'Ends Today' }),
      spec('cancelled', { fullName: 'Cancelled Only', startDate: '2026-12-21' }),
      spec('rehired', { fullName: 'Rehired', startDate: '2026-12-01' }),
    ];
    const allocations = [
      alloc({ specialistId: 'ended', startDate: '2026-06-01', endDate: '2026-11-30' }),
      alloc({ specialistId: 'ended', startDate: '2026-12-01', endDate: '2026-12-31' }),
      alloc({ id: 'march', specialistId: 'ended', ...nordhafen, startDate: '2027-03-01', endDate: '2027-06-30' }),
      alloc({ id: 'feb', specialistId: 'ended', ...nordhafen, status: 'tentative', startDate: '2027-02-01', endDate: '2027-02-26' }),
      alloc({ specialistId: 'busy', status: 'tentative', startDate: '2027-01-04', endDate: '2027-01-04' }),
      alloc({ specialistId: 'ends-today', startDate: '2026-01-05', endDate: '2027-01-04' }),
      alloc({ specialistId: 'cancelled', status: 'cancelled', startDate: '2026-12-21', endDate: '2027-06-30' }),
      alloc({ specialistId: 'rehired', startDate: '2026-01-05', endDate: '2026-11-15' }), // before the current start date
    ];
    const list = bench(people, allocations, today);
    expect(list.map((b) => [b.specialist.id, b.daysOnBench, b.lastEndDate, b.next?.id ?? null])).toEqual([
      ['rehired', 34, '2026-11-15', null],
      ['new', 15, null, null],
      ['cancelled', 14, null, null],
      ['ended', 3, '2026-12-31', 'feb'],
    ]);
  });

  it('counts from the day someone joins when they join today', () => {
    expect(bench([spec('x', { startDate: today })], [], today)).toMatchObject([{ daysOnBench: 0, lastEndDate: null, next: null }]);
  });
});

describe('capacity forecast', () => {
  const months = planPeriods('2027-01-01', 'month', 2); // January: 21 weekdays; February: 20
  const people = [
    spec('p1', { startDate: '2020-01-06' }),
    spec('p2', { startDate: '2027-01-18' }), // 10 weekdays in January
    spec('p3', { role: 'sre', startDate: '2020-01-06' }),
  ];
  const rows = capacityForecast(months, {
    specialists: people,
    allocations: [
      alloc({ specialistId: 'p1', startDate: '2026-06-01', endDate: '2027-12-31' }),
      alloc({ specialistId: 'p2', loadPercent: 60, status: 'tentative', startDate: '2027-01-18', endDate: '2027-02-12' }),
      alloc({ specialistId: 'p3', status: 'cancelled', startDate: '2027-01-01', endDate: '2027-12-31' }),
      alloc({ specialistId: 'gone', startDate: '2027-01-01', endDate: '2027-12-31' }), // not in the plan's people
    ],
    absences: [
      { id: 'v', specialistId: 'p1', kind: 'vacation', startDate: '2027-01-23', endDate: '2027-01-29' }, // 5 weekdays
      { id: 'w', specialistId: 'p3', kind: 'other', startDate: '2027-02-06', endDate: '2027-02-07' }, // a weekend
    ],
    openRequests: [
      { role: 'mlops_engineer', loadPercent: 100, startDate: '2027-02-15', endDate: null },
      { role: 'sre', loadPercent: 100, startDate: '2026-12-01', endDate: '2027-01-15' }, // 11 weekdays in January
      { role: 'data_scientist', loadPercent: 100, startDate: '2027-01-25', endDate: null },
    ],
  });
  const row = (month: string, role: string) => rows.find((r) => r.month === month && r.role === role);

  it('has one row per month and role that has supply or demand, in order', () => {
    expect(rows.map((r) => `${r.month} ${r.role}`)).toEqual([
      '2027-01-01 data_scientist',
      '2027-01-01 mlops_engineer',
      '2027-01-01 sre',
      '2027-02-01 data_scientist',
      '2027-02-01 mlops_engineer',
      '2027-02-01 sre',
    ]);
  });

  it('reduces supply by absences and late joiners, and splits demand by status', () => {
    // Supply: p1 16/21 + p2 10/21 = 26/21. Demand: 1 confirmed + 0.6 × 10/21 tentative = 27/21.
    expect(row('2027-01-01', 'mlops_engineer')).toEqual({
      month: '2027-01-01',
      role: 'mlops_engineer',
      supply: 1.24,
      confirmed: 1,
      tentative: 0.29,
      openRequests: 0,
      demand: 1.29,
      gap: -0.05,
    });
    // Open request from 15 February: 10 of 20 weekdays.
    expect(row('2027-02-01', 'mlops_engineer')).toMatchObject({
      supply: 2,
      confirmed: 1,
      tentative: 0.3,
      openRequests: 0.5,
      demand: 1.8,
      gap: 0.2,
    });
  });

  it('counts open requests from their start to the engagement’s end; a gap is positive when people are spare', () => {
    expect(row('2027-01-01', 'sre')).toMatchObject({ supply: 1, confirmed: 0, openRequests: 0.52, demand: 0.52, gap: 0.48 });
    expect(row('2027-02-01', 'sre')).toMatchObject({ supply: 1, demand: 0, gap: 1 }); // a weekend absence costs nothing
    expect(row('2027-01-01', 'data_scientist')).toMatchObject({ supply: 0, openRequests: 0.24, gap: -0.24 });
    expect(row('2027-02-01', 'data_scientist')).toMatchObject({ supply: 0, openRequests: 1, gap: -1 });
  });
});
