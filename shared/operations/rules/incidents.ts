/**
 * An incident's clock and its review: where it stands, how long each step took, when the post-incident review is
 * due on the client's business calendar, and whether it is overdue. Pure: instants are ISO-8601 UTC, days YYYY-MM-DD.
 */
import { BusinessDayWalk, type HolidaysOfYear } from '@shared/kernel/businessDays';
import type { IncidentState, ReviewState } from './vocabulary';

export type IncidentInstants = {
  detectedAt: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
};

export function incidentState(t: IncidentInstants): IncidentState {
  if (t.resolvedAt) return 'resolved';
  if (t.mitigatedAt) return 'mitigated';
  if (t.acknowledgedAt) return 'acknowledged';
  return 'open';
}

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

export type IncidentTimes = {
  /** Minutes from detection to each step; null until the step is taken. */
  toAcknowledge: number | null;
  toMitigate: number | null;
  toResolve: number | null;
  /** Minutes it has been open: to its resolution, or to `now` while unresolved. */
  open: number;
};

export function incidentTimes(t: IncidentInstants, now: string): IncidentTimes {
  return {
    toAcknowledge: t.acknowledgedAt ? minutesBetween(t.detectedAt, t.acknowledgedAt) : null,
    toMitigate: t.mitigatedAt ? minutesBetween(t.detectedAt, t.mitigatedAt) : null,
    toResolve: t.resolvedAt ? minutesBetween(t.detectedAt, t.resolvedAt) : null,
    open: Math.max(0, minutesBetween(t.detectedAt, t.resolvedAt ?? now)),
  };
}

/** "2 d 3 h", "45 min". */
export function durationWords(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
}

const STEP_WORDS = { acknowledgedAt: 'acknowledged', mitigatedAt: 'mitigated', resolvedAt: 'resolved' } as const;

/**
 * Why a step's instant cannot be recorded, in a sentence; null when it can. No step comes before the detection
 * or after now; an incident is resolved only after it was mitigated when it was mitigated.
 */
export function stepRefusal(t: IncidentInstants, step: keyof typeof STEP_WORDS, at: string, now: string): string | null {
  const word = STEP_WORDS[step];
  if (Date.parse(at) > Date.parse(now)) return `An incident cannot be ${word} in the future.`;
  if (Date.parse(at) < Date.parse(t.detectedAt)) return `An incident cannot be ${word} before it was detected (${t.detectedAt}).`;
  if (step === 'resolvedAt' && t.mitigatedAt && Date.parse(at) < Date.parse(t.mitigatedAt))
    return `The incident was mitigated at ${t.mitigatedAt}; it cannot be resolved before that.`;
  if (step === 'mitigatedAt' && t.resolvedAt) return 'The incident is resolved already.';
  if (t[step] !== null) return `The incident was ${word} already (${t[step]}).`;
  return null;
}

/** The day the review is due: the Nth business day (Monday–Friday, minus the client calendar's holidays) after resolution. */
export function reviewDueOn(resolvedOn: string, businessDays: number, holidays: HolidaysOfYear): string {
  const walk = new BusinessDayWalk(resolvedOn, holidays, []);
  let counted = 0;
  while (counted < businessDays) if (walk.next() === 'counts') counted += 1;
  return walk.date;
}

/**
 * Where the review stands: not due until the incident is resolved; held once its occurrence is recorded as held;
 * overdue when the due day has passed without it; planned otherwise.
 */
export function reviewState(input: { dueOn: string | null; held: boolean }, today: string): ReviewState {
  if (input.dueOn === null) return 'not_due';
  if (input.held) return 'held';
  return today > input.dueOn ? 'overdue' : 'planned';
}
