import type { Db } from '@backend/core/db/connection';
import type { SpecialistRole } from '@shared/clients/rules/reference';
import type { ForecastRow } from '@shared/plan/rules/plan';

/**
 * The plan views' numbers written by hand as one SQL statement each: the
 * floor the backend's plan procedures are compared against. They compute the
 * same figures as shared/domain/planning/plan.ts from the same rows (checked
 * before anything is timed), but in SQLite, on day numbers (days since
 * 1970-01-01, as the domain counts them).
 *
 * SQL has no holiday library: the public holidays come in as a parameter,
 * JSON `{ "<country>-<subdivision>": [day, …] }`, computed once beforehand
 * with the same date-holidays calendars the backend uses.
 *
 * Weekdays in a range [f, t] are counted in closed form, not day by day:
 * 5 per whole week, plus those among the remaining r = n % 7 days, which
 * start on weekday k = (f + 3) % 7 (Monday = 0, since day 0 was a Thursday):
 * max(0, min(k + r, 5) − k) before the weekend, max(0, k + r − 7) after it.
 */

const weekdaysBetween = (f: string, t: string) =>
  `(CASE WHEN ${t} < ${f} THEN 0 ELSE ((${t}) - (${f}) + 1) / 7 * 5
     + max(0, min((${f} + 3) % 7 + ((${t}) - (${f}) + 1) % 7, 5) - (${f} + 3) % 7)
     + max(0, (${f} + 3) % 7 + ((${t}) - (${f}) + 1) % 7 - 7) END)`;

/** The specialists the plan shows (as SpecialistRepository.forPlan without filters). */
const PLAN_PEOPLE = `SELECT id, full_name, role, daily_minutes, unixepoch(start_date) / 86400 AS joined,
    home_country || '-' || home_subdivision AS calendar
  FROM specialist WHERE archived_at IS NULL AND status <> 'left'`;

const dayNumber = (column: string) => `(unixepoch(${column}) / 86400)`;

/**
 * Per specialist × week (weeks start on Monday @fromDay): capacity minutes =
 * available days × daily minutes, where an available day is a weekday while
 * employed that is neither a public holiday of the person's calendar nor
 * absent; utilisation = booked load summed over the available days ÷ their
 * number, rounded, or null with no available day.
 *
 * Instead of one row per person × day it counts in ranges: a week's weekdays
 * (closed form, clipped to the start of employment) minus the "lost" days
 * (holidays and absences on weekdays, each day once); and per allocation ×
 * week, load × its weekdays in the week, minus load × the lost days it covers.
 */
const TIMELINE_SQL = `
WITH RECURSIVE
  week(period, mon, fri, sun) AS (
    SELECT 0, @fromDay, @fromDay + 4, @fromDay + 6
    UNION ALL SELECT period + 1, mon + 7, fri + 7, sun + 7 FROM week WHERE period + 1 < @weeks
  ),
  person AS MATERIALIZED (${PLAN_PEOPLE}),
  absent_day(specialist_id, d, last) AS (
    SELECT specialist_id, max(${dayNumber('start_date')}, @fromDay), min(${dayNumber('end_date')}, @toDay)
      FROM absence WHERE end_date >= @from AND start_date <= @to
    UNION ALL SELECT specialist_id, d + 1, last FROM absent_day WHERE d < last
  ),
  holiday(calendar, d) AS (SELECT c.key, h.value FROM json_each(@holidays) AS c, json_each(c.value) AS h),
  lost(specialist_id, d) AS MATERIALIZED (
    SELECT p.id, h.d FROM person p JOIN holiday h ON h.calendar = p.calendar
      WHERE h.d BETWEEN max(@fromDay, p.joined) AND @toDay AND (h.d + 3) % 7 < 5
    UNION
    SELECT a.specialist_id, a.d FROM absent_day a JOIN person p ON p.id = a.specialist_id
      WHERE a.d >= p.joined AND (a.d + 3) % 7 < 5
  ),
  lost_week(specialist_id, period, days) AS MATERIALIZED (
    SELECT specialist_id, (d - @fromDay) / 7, count(*) FROM lost GROUP BY 1, 2
  ),
  alloc AS MATERIALIZED (
    SELECT a.specialist_id, a.load_percent AS load, max(${dayNumber('a.start_date')}, p.joined) AS f, ${dayNumber('a.end_date')} AS t
      FROM allocation a JOIN person p ON p.id = a.specialist_id
      WHERE a.end_date >= @from AND a.start_date <= @to AND a.status <> 'cancelled'
  ),
  booked_part(specialist_id, period, load_days) AS (
    SELECT al.specialist_id, w.period, al.load * max(0, min(al.t, w.fri) - max(al.f, w.mon) + 1)
      FROM alloc al JOIN week w ON w.mon <= al.t AND w.sun >= al.f
    UNION ALL
    SELECT l.specialist_id, (l.d - @fromDay) / 7, -al.load
      FROM lost l JOIN alloc al ON al.specialist_id = l.specialist_id AND l.d BETWEEN al.f AND al.t
  ),
  booked(specialist_id, period, load_days) AS MATERIALIZED (
    SELECT specialist_id, period, sum(load_days) FROM booked_part GROUP BY 1, 2
  ),
  cell AS (
    SELECT p.id, p.full_name, p.daily_minutes, w.period,
        max(0, w.fri - max(w.mon, p.joined) + 1) - coalesce(lw.days, 0) AS available,
        coalesce(b.load_days, 0) AS load_days
      FROM person p CROSS JOIN week w
      LEFT JOIN lost_week lw ON lw.specialist_id = p.id AND lw.period = w.period
      LEFT JOIN booked b ON b.specialist_id = p.id AND b.period = w.period
  )
SELECT id,
    json_group_array(available * daily_minutes ORDER BY period) AS capacity,
    json_group_array(CASE WHEN available = 0 THEN NULL ELSE CAST(round(load_days * 1.0 / available) AS INTEGER) END ORDER BY period)
      AS utilisation
  FROM cell GROUP BY id ORDER BY full_name COLLATE NOCASE, id`;

/**
 * Per month × role, in FTE (a share of the month's weekdays, holidays left
 * out): supply = employed weekdays minus absent weekdays per person (never
 * below zero); confirmed and tentative = load × allocated weekdays; open
 * requests = load × weekdays from the request's start to its engagement's end.
 *
 * Summed exactly, as whole days and percent-days; divided once, in JS.
 */
const FORECAST_SQL = `
WITH RECURSIVE
  month(i, start) AS (SELECT 0, @from UNION ALL SELECT i + 1, date(start, '+1 month') FROM month WHERE i + 1 < @months),
  span AS MATERIALIZED (
    SELECT i, start, ${dayNumber('start')} AS f, ${dayNumber("date(start, '+1 month', '-1 day')")} AS t FROM month
  ),
  m AS MATERIALIZED (SELECT i, start, f, t, ${weekdaysBetween('f', 't')} AS weekdays FROM span),
  person AS MATERIALIZED (${PLAN_PEOPLE}),
  -- Materialized so each date is turned into a day number once, not once per month it is compared with.
  absent AS MATERIALIZED (
    SELECT specialist_id, ${dayNumber('start_date')} AS f, ${dayNumber('end_date')} AS t FROM absence
      WHERE end_date >= @from AND start_date <= @to
  ),
  booked AS MATERIALIZED (
    SELECT specialist_id, status, load_percent, ${dayNumber('start_date')} AS f, ${dayNumber('end_date')} AS t FROM allocation
      WHERE end_date >= @from AND start_date <= @to AND status <> 'cancelled'
  ),
  requested AS MATERIALIZED (
    SELECT r.role, r.load_percent, ${dayNumber('r.start_date')} AS f, ${dayNumber('e.end_date')} AS t
      FROM staffing_request r JOIN engagement e ON e.id = r.engagement_id
      WHERE r.stage IN ('defined', 'sourcing', 'candidates_presented')
  ),
  part(month, role, specialist_id, kind, weight, f, t) AS (
    SELECT m.i, p.role, p.id, 'supply', 1, max(m.f, p.joined), m.t FROM person p JOIN m ON p.joined <= m.t
    UNION ALL
    SELECT m.i, p.role, p.id, 'supply', -1, max(m.f, p.joined, a.f), min(m.t, a.t)
      FROM absent a JOIN person p ON p.id = a.specialist_id JOIN m ON a.f <= m.t AND a.t >= m.f AND p.joined <= m.t
    UNION ALL
    SELECT m.i, p.role, NULL, b.status, b.load_percent, max(m.f, b.f), min(m.t, b.t)
      FROM booked b JOIN person p ON p.id = b.specialist_id JOIN m ON b.f <= m.t AND b.t >= m.f
    UNION ALL
    SELECT m.i, r.role, NULL, 'open', r.load_percent, max(m.f, r.f), min(m.t, coalesce(r.t, m.t))
      FROM requested r JOIN m ON r.f <= m.t AND coalesce(r.t, m.t) >= m.f
  ),
  counted AS (SELECT month, role, specialist_id, kind, weight * ${weekdaysBetween('f', 't')} AS amount FROM part),
  amount(month, role, kind, amount) AS (
    SELECT month, role, 'supply', max(0, sum(amount)) FROM counted WHERE kind = 'supply' GROUP BY month, specialist_id
    UNION ALL
    SELECT month, role, kind, amount FROM counted WHERE kind <> 'supply'
  )
SELECT m.start AS month, a.role, m.weekdays,
    coalesce(sum(a.amount) FILTER (WHERE a.kind = 'supply'), 0) AS supply_days,
    coalesce(sum(a.amount) FILTER (WHERE a.kind = 'confirmed'), 0) AS confirmed,
    coalesce(sum(a.amount) FILTER (WHERE a.kind = 'tentative'), 0) AS tentative,
    coalesce(sum(a.amount) FILTER (WHERE a.kind = 'open'), 0) AS open_requests
  FROM amount a JOIN m ON m.i = a.month
  GROUP BY a.month, a.role ORDER BY a.month, a.role`;

type TimelineSqlRow = { id: string; capacity: string; utilisation: string };
/** Exact sums: supply in days, the rest in percent-days (load % × weekdays), over the month's weekdays. */
export type ForecastSums = {
  month: string;
  role: SpecialistRole;
  weekdays: number;
  supply_days: number;
  confirmed: number;
  tentative: number;
  open_requests: number;
};

/** The numbers of one timeline row: what the SQL statement is checked against. */
export type TimelineNumbers = { specialistId: string; capacityMinutes: number[]; utilisation: (number | null)[] };

/** Rounded to 1/100 FTE as the domain rounds (Math.round, half up). */
const fte = (n: number) => Math.round(n * 100) / 100;

/** The exact sums as the forecast's FTE figures, each divided once. */
export function forecastRow(r: ForecastSums): ForecastRow {
  const percentDays = 100 * r.weekdays;
  const demand = r.confirmed + r.tentative + r.open_requests;
  return {
    month: r.month,
    role: r.role,
    supply: fte(r.supply_days / r.weekdays),
    confirmed: fte(r.confirmed / percentDays),
    tentative: fte(r.tentative / percentDays),
    openRequests: fte(r.open_requests / percentDays),
    demand: fte(demand / percentDays),
    gap: fte((100 * r.supply_days - demand) / percentDays),
  };
}

/**
 * The fields of a row whose exact value lies on a tie, half a hundredth
 * (e.g. −4.255 FTE): rounding those depends on the last bit of a float, so a
 * sum taken in another order may round to the neighbouring hundredth.
 */
export function forecastTies(r: ForecastSums): Set<keyof ForecastRow> {
  const percentDays = 100 * r.weekdays;
  const demand = r.confirmed + r.tentative + r.open_requests;
  const exact: [keyof ForecastRow, number, number][] = [
    ['supply', r.supply_days, r.weekdays],
    ['confirmed', r.confirmed, percentDays],
    ['tentative', r.tentative, percentDays],
    ['openRequests', r.open_requests, percentDays],
    ['demand', demand, percentDays],
    ['gap', 100 * r.supply_days - demand, percentDays],
  ];
  // value × 100 = 100n/d has a fractional part of exactly one half when 200n ≡ d (mod 2d).
  return new Set(exact.filter(([, n, d]) => (((200 * n) % (2 * d)) + 2 * d) % (2 * d) === d).map(([field]) => field));
}

/** Public holidays per calendar as the SQL parameter; only days inside [fromDay, toDay]. */
export function holidayParameter(calendars: ReadonlyMap<string, ReadonlySet<number>>, fromDay: number, toDay: number): string {
  const out: Record<string, number[]> = {};
  for (const [calendar, days] of calendars) out[calendar] = [...days].filter((d) => d >= fromDay && d <= toDay).sort((a, b) => a - b);
  return JSON.stringify(out);
}

/** The statements are prepared here, once; each returned function only binds, steps and maps. */
export function planBareQueries(db: Db) {
  const timeline = db.prepare<Record<string, string | number | bigint>, TimelineSqlRow>(TIMELINE_SQL);
  const forecast = db.prepare<Record<string, string | number>, ForecastSums>(FORECAST_SQL);
  /** `from` is the first of a month. */
  const forecastSums = (from: string, months: number): ForecastSums[] => {
    const end = new Date(Date.parse(`${from}T00:00:00Z`));
    end.setUTCMonth(end.getUTCMonth() + months, 0);
    return forecast.all({ from, to: end.toISOString().slice(0, 10), months });
  };
  return {
    /** `from` is a Monday; `holidays` from holidayParameter(). */
    timeline(from: string, weeks: number, holidays: string): TimelineNumbers[] {
      const fromDay = Date.parse(`${from}T00:00:00Z`) / 86_400_000;
      const toDay = fromDay + weeks * 7 - 1;
      const to = new Date(toDay * 86_400_000).toISOString().slice(0, 10);
      // Day numbers bound as BigInt: better-sqlite3 binds a JS number as REAL, and (d - @fromDay) / 7 must divide integers.
      const days = { fromDay: BigInt(fromDay), toDay: BigInt(toDay) };
      return timeline.all({ from, to, ...days, weeks, holidays }).map((r) => ({
        specialistId: r.id,
        capacityMinutes: JSON.parse(r.capacity) as number[],
        utilisation: JSON.parse(r.utilisation) as (number | null)[],
      }));
    },
    forecastSums,
    forecast: (from: string, months: number): ForecastRow[] => forecastSums(from, months).map(forecastRow),
  };
}
