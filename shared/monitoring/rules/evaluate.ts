/**
 * How Keel judges a model from its readings: each SLO over its evaluation window, the model's health
 * (its worst SLO, unless it has gone silent), and its drift status. Pure: instants are milliseconds
 * since the epoch (UTC), so time zones and daylight-saving changes cannot move a window.
 */
import type { Aggregation, Direction, DriftStatus, Health, SloStatus } from './vocabulary';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** A window [from, to): the reading at `from` is in it, the one at `to` is not. */
export type Window = { from: number; to: number };

/** The window of an SLO evaluated at instant `at`: [at − w, at) in UTC. */
export function windowAt(at: number, windowMinutes: number): Window {
  return { from: at - windowMinutes * MINUTE_MS, to: at };
}

export const inWindow = (t: number, w: Window) => t >= w.from && t < w.to;

/** A reading: when it was taken and its value. */
export type Reading = { at: number; value: number };

/**
 * The one value the readings of a window amount to. `values` in time order (for `last`).
 * The 95th percentile is the nearest rank: the smallest value at or above which 95 % of the readings lie.
 * Null when there are no values.
 */
export function aggregate(values: readonly number[], how: Aggregation): number | null {
  if (values.length === 0) return null;
  switch (how) {
    case 'mean': {
      let sum = 0;
      for (const v of values) sum += v;
      return sum / values.length;
    }
    case 'min':
      return values.reduce((a, b) => (b < a ? b : a));
    case 'max':
      return values.reduce((a, b) => (b > a ? b : a));
    case 'last':
      return values[values.length - 1] ?? null;
    case 'p95': {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? null;
    }
  }
}

/** What an SLO promises: the value it must reach and the one that warns before a breach. */
export type Objective = { direction: Direction; target: number; warning: number };

/** Met when the value reaches the target; a warning between the target and the warning threshold; a breach beyond. */
export function statusOf(value: number, o: Objective): Exclude<SloStatus, 'no_data'> {
  if (o.direction === 'higher') return value >= o.target ? 'ok' : value >= o.warning ? 'warning' : 'breach';
  return value <= o.target ? 'ok' : value <= o.warning ? 'warning' : 'breach';
}

/** The thresholds must sit the right way round: for higher-is-better the warning is at or below the target. */
export function objectiveProblem(o: Objective): string | null {
  if (!Number.isFinite(o.target) || !Number.isFinite(o.warning)) return 'The target and the warning threshold must be numbers.';
  if (o.direction === 'higher' && o.warning > o.target) {
    return 'When higher is better, the warning threshold must be at or below the target (it warns before the target is missed).';
  }
  if (o.direction === 'lower' && o.warning < o.target) {
    return 'When lower is better, the warning threshold must be at or above the target (it warns before the target is missed).';
  }
  return null;
}

export type EvaluatedSlo = Objective & { windowMinutes: number; aggregation: Aggregation };

export type Evaluation = {
  status: SloStatus;
  /** The aggregated value compared with the target; null without readings. */
  value: number | null;
  window: Window;
  /** Readings in the window. */
  readings: number;
  /** The readings that decided it: those on the wrong side of the target, worst first (at most five). */
  deciding: Reading[];
};

/** One SLO at instant `at` over readings in time order (readings outside the window are ignored). */
export function evaluate(slo: EvaluatedSlo, readings: readonly Reading[], at: number): Evaluation {
  const window = windowAt(at, slo.windowMinutes);
  const inside = readings.filter((r) => inWindow(r.at, window));
  return judge(
    slo,
    window,
    inside,
    aggregate(
      inside.map((r) => r.value),
      slo.aggregation,
    ),
  );
}

/** The status and the deciding readings once the window's value is known (the repository may aggregate in SQL). */
export function judge(
  slo: EvaluatedSlo,
  window: Window,
  inside: readonly Reading[],
  value: number | null,
  count = inside.length,
): Evaluation {
  if (value === null || count === 0) return { status: 'no_data', value: null, window, readings: 0, deciding: [] };
  const status = statusOf(value, slo);
  const worse = (a: Reading, b: Reading) => (slo.direction === 'higher' ? a.value - b.value : b.value - a.value);
  const deciding =
    status === 'ok'
      ? []
      : inside
          .filter((r) => statusOf(r.value, slo) !== 'ok')
          .sort(worse)
          .slice(0, 5);
  return { status, value, window, readings: count, deciding };
}

const SLO_RANK: Record<SloStatus, number> = { breach: 3, warning: 2, no_data: 1, ok: 0 };

/** The worst of several SLO statuses (null when there are none). */
export function worstStatus(statuses: readonly SloStatus[]): SloStatus | null {
  let worst: SloStatus | null = null;
  for (const s of statuses) if (worst === null || SLO_RANK[s] > SLO_RANK[worst]) worst = s;
  return worst;
}

/**
 * A production model is silent — unmonitored — when its newest reading (or, without any, the day it
 * reached production) is more than `days` days before now. Predictions may be degrading and no alert fires.
 */
export function isSilent(
  m: { production: boolean; lastReadingAt: number | null; productionSince: number | null },
  now: number,
  days: number,
) {
  if (!m.production) return false;
  const since = m.lastReadingAt ?? m.productionSince;
  return since === null || now - since > days * DAY_MS;
}

/**
 * A model's health. A silent production model is unmonitored whatever its last readings said: the state
 * they described is no longer known. Otherwise its worst SLO; without SLOs, `no_slos`.
 */
export function healthOf(statuses: readonly SloStatus[], silent: boolean): Health {
  if (silent) return 'unmonitored';
  const worst = worstStatus(statuses);
  return worst === null ? 'no_slos' : worst;
}

/** Drift from the drift SLOs alone: a breach drifts, a warning is watched; no drift SLO or no data is unknown. */
export function driftOf(driftStatuses: readonly SloStatus[]): DriftStatus {
  const measured = driftStatuses.filter((s) => s !== 'no_data');
  if (measured.length === 0) return 'unknown';
  const worst = worstStatus(measured);
  return worst === 'breach' ? 'drifting' : worst === 'warning' ? 'watch' : 'stable';
}

/** Board order: breaches first, then silent models, warnings, waiting, healthy, unwatched. */
export const HEALTH_ORDER: Record<Health, number> = { breach: 0, unmonitored: 1, warning: 2, no_data: 3, ok: 4, no_slos: 5 };
