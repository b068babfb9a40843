/**
 * SLO attainment over a month: each SLO is evaluated once per day, at the end of the day (UTC
 * midnight, over the window that ends there); attainment is the share of evaluated days on which it
 * was met. Days with no reading at all for a model are its unmonitored days.
 */
import { DAY_MS, type EvaluatedSlo, type Evaluation, evaluate, type Reading } from './evaluate';

/** The days of a month (`YYYY-MM`) that have ended by `now` (ms), in order. */
export function endedDaysOf(month: string, now: number): string[] {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const days: string[] = [];
  for (let t = Date.UTC(y, m - 1, 1); new Date(t).getUTCMonth() === m - 1; t += DAY_MS) {
    if (t + DAY_MS > now) break;
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The instant a day's evaluation is taken: the end of the day, UTC. */
export const endOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`) + DAY_MS;

export type DailyEvaluation = { day: string; evaluation: Evaluation };

/** One SLO evaluated at the end of each day. Readings in time order; those outside every window are ignored. */
export function dailyEvaluations(slo: EvaluatedSlo, readings: readonly Reading[], days: readonly string[]): DailyEvaluation[] {
  return days.map((day) => ({ day, evaluation: evaluate(slo, readings, endOfDay(day)) }));
}

export type Attainment = {
  /** Days with readings in the window. */
  evaluated: number;
  met: number;
  warnings: number;
  breaches: number;
  noData: number;
  /** met ÷ evaluated, null when nothing was evaluated. */
  attainment: number | null;
};

export function attainmentOf(daily: readonly DailyEvaluation[]): Attainment {
  const count = (s: string) => daily.filter((d) => d.evaluation.status === s).length;
  const met = count('ok');
  const warnings = count('warning');
  const breaches = count('breach');
  const noData = count('no_data');
  const evaluated = met + warnings + breaches;
  return { evaluated, met, warnings, breaches, noData, attainment: evaluated === 0 ? null : met / evaluated };
}

/** The days on which a model had no reading at all (reading instants in any order). */
export function silentDays(readingTimes: readonly number[], days: readonly string[]): string[] {
  const seen = new Set(readingTimes.map((t) => new Date(t).toISOString().slice(0, 10)));
  return days.filter((d) => !seen.has(d));
}
