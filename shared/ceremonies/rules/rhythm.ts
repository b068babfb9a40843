import type { Occurrence } from './recurrence';
import { type ActionStatus, type CeremonyType, HEALTH_WINDOW_DAYS, type OccurrenceState, type OutcomeStatus } from './vocabulary';

const DAY_MS = 86_400_000;

/**
 * Where an occurrence stands at `now`: cancelled; held or not held as recorded (not held is missed: the rhythm
 * broke); otherwise planned until it starts, to record until `missedAfterDays` after its end, then missed.
 */
export function stateOf(
  occurrence: Pick<Occurrence, 'startsAt' | 'endsAt' | 'cancelled'> & Partial<Pick<Occurrence, 'at' | 'endAt'>>,
  outcome: OutcomeStatus | null,
  now: number,
  missedAfterDays: number,
): OccurrenceState {
  if (occurrence.cancelled) return 'cancelled';
  if (outcome === 'held') return 'held';
  if (outcome === 'not_held') return 'missed';
  if ((occurrence.at ?? Date.parse(occurrence.startsAt)) > now) return 'planned';
  if ((occurrence.endAt ?? Date.parse(occurrence.endsAt)) + missedAfterDays * DAY_MS <= now) return 'missed';
  return 'due';
}

/** The day a missed finding is raised: `missedAfterDays` after the occurrence ended (or when it was recorded not held). */
export function missedSince(occurrence: Pick<Occurrence, 'endsAt'>, missedAfterDays: number): string {
  return new Date(Date.parse(occurrence.endsAt) + missedAfterDays * DAY_MS).toISOString();
}

export type JudgedOccurrence = { type: CeremonyType; startsAt: string; state: OccurrenceState; at?: number };

export type HealthFigure = { held: number; planned: number; ratio: number | null };

/** One 30-day slice of the trend, oldest first. */
export type HealthPoint = HealthFigure & { from: string; to: string };

export type RhythmHealth = HealthFigure & {
  /** The 90 days before these 90 days, to tell the trend. */
  previous: HealthFigure;
  byType: (HealthFigure & { type: CeremonyType })[];
  /** Six 30-day slices ending now. */
  trend: HealthPoint[];
};

type Timed = { type: CeremonyType; at: number; state: OccurrenceState };

const figure = (rows: readonly Timed[]): HealthFigure => {
  let held = 0;
  let planned = 0;
  for (const r of rows) {
    if (r.state === 'held') held += 1;
    if (r.state === 'held' || r.state === 'missed') planned += 1;
  }
  return { held, planned, ratio: planned === 0 ? null : held / planned };
};

const within = (rows: readonly Timed[], from: number, to: number) => rows.filter((r) => r.at >= from && r.at < to);

/**
 * Rhythm health: held ÷ planned over the last 90 days, overall and per type, beside the 90 days before and six
 * 30-day slices. Planned counts the occurrences that are judged — held or missed; cancelled ones were taken off
 * the plan, and those still inside their grace days are not judged yet.
 */
export function rhythmHealth(rows: readonly JudgedOccurrence[], now: number): RhythmHealth {
  const window = HEALTH_WINDOW_DAYS * DAY_MS;
  const timed: Timed[] = rows.map((r) => ({ type: r.type, at: r.at ?? Date.parse(r.startsAt), state: r.state }));
  const current = within(timed, now - window, now);
  const types = [...new Set(current.map((r) => r.type))].sort();
  const trend: HealthPoint[] = [];
  for (let i = 5; i >= 0; i--) {
    const to = now - i * 30 * DAY_MS;
    const from = to - 30 * DAY_MS;
    trend.push({ ...figure(within(timed, from, to)), from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  }
  return {
    ...figure(current),
    previous: figure(within(timed, now - 2 * window, now - window)),
    byType: types.map((type) => ({ type, ...figure(current.filter((r) => r.type === type)) })),
    trend,
  };
}

export type FreezeSpan = { id: string; startsOn: string; endsOn: string; reason: string };

/** The freeze a local date falls in (inclusive at both ends), if any. */
export function freezeOn(date: string, freezes: readonly FreezeSpan[]): FreezeSpan | null {
  return freezes.find((f) => f.startsOn <= date && date <= f.endsOn) ?? null;
}

export type ActionFacts = { raisedAt: string; status: ActionStatus; closedAt: string | null; dueDate: string };

/**
 * Whether an action item is on an occurrence's agenda as carried forward: raised at an earlier occurrence of the
 * series and still open when this one starts (done or dropped later, it still was open then).
 */
export function isCarriedTo(item: ActionFacts, occurrenceStartsAt: string): boolean {
  if (item.raisedAt >= occurrenceStartsAt) return false;
  return item.status === 'open' || (item.closedAt !== null && item.closedAt > occurrenceStartsAt);
}

/** Overdue: still open after its due date. */
export function isOverdue(item: Pick<ActionFacts, 'status' | 'dueDate'>, today: string): boolean {
  return item.status === 'open' && item.dueDate < today;
}

export type AvailabilityFlag = { kind: 'holiday'; name: string } | { kind: 'accountable_away'; names: string[] };

/**
 * What stands in an occurrence's way before it happens: a public holiday of the client's calendar, or every
 * Accountable participant away (time off or their own public holiday). Nobody Accountable, nothing to flag.
 */
export function availabilityFlags(holiday: string | null, accountables: readonly { name: string; away: boolean }[]): AvailabilityFlag[] {
  const flags: AvailabilityFlag[] = [];
  if (holiday !== null) flags.push({ kind: 'holiday', name: holiday });
  if (accountables.length > 0 && accountables.every((a) => a.away))
    flags.push({ kind: 'accountable_away', names: accountables.map((a) => a.name) });
  return flags;
}
