import { daysSince } from './lifecycle';
import { STAGES, type Stage } from './vocabulary';

/** The stages where the prototype graveyard's models wait. */
export const GRAVEYARD_STAGES: readonly Stage[] = ['prototype', 'pilot'];

/** A model is in the graveyard after this many days in prototype or pilot unless the setting says otherwise. */
export const DEFAULT_GRAVEYARD_DAYS = 90;
export const GRAVEYARD_DAYS_RANGE = { min: 7, max: 730 } as const;

/** Counts per stage, every stage present (0 when none). */
export function stageFunnel(models: readonly { stage: Stage }[]): Record<Stage, number> {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const m of models) counts[m.stage] += 1;
  return counts;
}

/**
 * The prototype graveyard: models in prototype or pilot for more than `days`
 * days, the longest-waiting first.
 */
export function graveyard<M extends { stage: Stage; stageSince: string; name: string }>(
  models: readonly M[],
  today: string,
  days: number,
): (M & { daysInStage: number })[] {
  return models
    .filter((m) => GRAVEYARD_STAGES.includes(m.stage))
    .map((m) => ({ ...m, daysInStage: daysSince(m.stageSince, today) }))
    .filter((m) => m.daysInStage > days)
    .sort((a, b) => b.daysInStage - a.daysInStage || a.name.localeCompare(b.name));
}

/** The later of two ISO strings compared as text (dates and instants both sort that way). */
export function latest(a: string, b: string): string {
  return a > b ? a : b;
}
