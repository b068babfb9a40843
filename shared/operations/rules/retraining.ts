/**
 * When a model is due for retraining: its cadence (the schedule trigger) and the four triggers that watch the world —
 * a performance degradation or a concept drift breached on an SLO, new data available, a person asking.
 * Pure: dates are YYYY-MM-DD in the client's calendar, instants ISO-8601 UTC; nothing is stored that could drift.
 */

import type { MetricKind } from '@shared/monitoring/rules/vocabulary';
import { addDays, addMonths } from 'date-fns';
import {
  type CadenceUnit,
  DEGRADATION_KINDS,
  DRIFT_TRIGGER_KINDS,
  type RunOutcome,
  TRIGGER_LABELS,
  TRIGGERS,
  type Trigger,
} from './vocabulary';

export type Cadence = { every: number; unit: CadenceUnit };
export type Triggers = Record<Trigger, boolean>;
export type RetrainingPolicy = { cadence: Cadence | null; triggers: Triggers };

/** A model without a policy may be retrained on demand and nothing else. */
export const DEFAULT_POLICY: RetrainingPolicy = {
  cadence: null,
  triggers: { on_demand: true, schedule: false, new_data: false, degradation: false, drift: false },
};

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** The day a cadence comes round after `from`: N days, N weeks, or N calendar months (31 January + 1 month = 28 or 29 February). */
export function addCadence(from: string, cadence: Cadence): string {
  const start = utc(from);
  if (cadence.unit === 'month') return dateOf(addMonths(start, cadence.every));
  return dateOf(addDays(start, cadence.unit === 'week' ? cadence.every * 7 : cadence.every));
}

export function cadenceWords(c: Cadence | null): string {
  if (!c) return 'no cadence';
  const unit = c.every === 1 ? c.unit : `${c.unit}s`;
  return c.every === 1 ? `every ${unit}` : `every ${c.every} ${unit}`;
}

/** Why a policy cannot be kept — the field and what is wrong with it, read after the field's name; null when it can. */
export function policyRefusal(p: RetrainingPolicy): { path: 'cadence' | 'triggers'; message: string } | null {
  if (p.triggers.schedule && !p.cadence)
    return {
      path: 'cadence',
      message: 'is needed to retrain on schedule: say every how many days, weeks or months the cadence comes round',
    };
  if (!TRIGGERS.some((t) => p.triggers[t])) return { path: 'triggers', message: 'need at least one enabled (on demand, if nothing else)' };
  return null;
}

/** The trigger an SLO's breach speaks to: degradation for quality metrics, drift for PSI and KS; none for the rest. */
export function triggerOfKind(kind: MetricKind): 'degradation' | 'drift' | null {
  if (DRIFT_TRIGGER_KINDS.includes(kind)) return 'drift';
  if (DEGRADATION_KINDS.includes(kind)) return 'degradation';
  return null;
}

/** A run of the log as the rules read it. */
export type RunFact = { runOn: string; trigger: Trigger; outcome: RunOutcome };

/** An SLO breached now, with the instant its first breaching reading was taken. */
export type BreachFact = { sloId: string; kind: MetricKind; metric: string; value: number | null; unit: string; since: string };

export type DueReason = {
  trigger: Trigger;
  /** "Retraining due (trigger: concept drift): drift.psi at 0.31 since 2 Dec". */
  text: string;
  /** The day the reason arose (client's calendar is the caller's business: instants are cut to their UTC day). */
  since: string;
  sloId: string | null;
};

export type RetrainingState = {
  /** The day the cadence comes round next (schedule trigger on), else null. */
  nextDueOn: string | null;
  /** The cadence's day has passed without a run. */
  overdue: boolean;
  /** Every trigger that asks for a retraining now. */
  due: DueReason[];
  /** The last run that completed (a new version or no change), if any. */
  lastRunOn: string | null;
};

/** A run that completed resets the clocks; a failed run does not. */
export const completed = (r: Pick<RunFact, 'outcome'>) => r.outcome !== 'failed';

/** The day of the last completed run of a log, if any (the repository asks SQL the same question: `outcome <> 'failed'`). */
export function lastCompletedOn(runs: readonly RunFact[]): string | null {
  let last: string | null = null;
  for (const r of runs) if (completed(r) && (last === null || r.runOn > last)) last = r.runOn;
  return last;
}

/**
 * What a model's policy, log and world say today:
 * - schedule: due on the last completed run (else `startOn`) + the cadence; overdue the day after;
 * - degradation / drift: an SLO of that kind in breach now, with no completed run on or after the day its first
 *   breaching reading was taken;
 * - new data: a new-data reading after the last completed run's day.
 * A trigger that is not enabled raises nothing.
 */
export function retrainingState(input: {
  policy: RetrainingPolicy;
  /** The day of the last completed run (`lastCompletedOn`), null when it never completed one. */
  lastCompletedOn: string | null;
  /** Where the cadence counts from without a run: the day the model entered production, else the policy's day. */
  startOn: string;
  breaches: readonly BreachFact[];
  /** The newest new-data reading's instant, if any. */
  newDataAt: string | null;
  today: string;
}): RetrainingState {
  const { policy, today } = input;
  const lastRunOn = input.lastCompletedOn;
  const due: DueReason[] = [];
  let nextDueOn: string | null = null;
  let overdue = false;
  if (policy.triggers.schedule && policy.cadence) {
    nextDueOn = addCadence(lastRunOn ?? input.startOn, policy.cadence);
    overdue = today > nextDueOn;
    if (today >= nextDueOn) {
      due.push({
        trigger: 'schedule',
        text: `${overdue ? 'Overdue' : 'Due'} on its cadence (${cadenceWords(policy.cadence)}) since ${nextDueOn}.`,
        since: nextDueOn,
        sloId: null,
      });
    }
  }
  for (const b of input.breaches) {
    const trigger = triggerOfKind(b.kind);
    if (!trigger || !policy.triggers[trigger]) continue;
    const since = b.since.slice(0, 10);
    if (lastRunOn !== null && lastRunOn >= since) continue;
    const value = b.value === null ? '' : ` at ${Number(b.value.toPrecision(4))}${b.unit ? ` ${b.unit}` : ''}`;
    due.push({ trigger, text: `${b.metric}${value}, in breach since ${since}.`, since, sloId: b.sloId });
  }
  if (policy.triggers.new_data && input.newDataAt !== null) {
    const since = input.newDataAt.slice(0, 10);
    if (lastRunOn === null || lastRunOn < since)
      due.push({ trigger: 'new_data', text: `New data available since ${since}.`, since, sloId: null });
  }
  return { nextDueOn, overdue, due, lastRunOn };
}

/** "Retraining due (trigger: concept drift)". */
export function dueHeadline(reason: Pick<DueReason, 'trigger'>): string {
  return `Retraining due (trigger: ${TRIGGER_LABELS[reason.trigger].replace(/^On /, '').toLowerCase()})`;
}
