import type { Duty } from '../contract/duties';
import { ALWAYS_COVERED, DEFAULT_DUTIES, DEFAULT_DUTY_LABELS } from './vocabulary';

/** What an engagement stored about a duty: its own duty, or a default it retired. */
export type StoredDuty = { key: string; name: string; custom: boolean; coverRequired: boolean; position: number; retiredOn: string | null };

/**
 * An engagement's duties: the eight defaults (unless it stored a row for one, which may retire it),
 * then its own, in position order. Incident response and rollback always require cover.
 */
export function dutiesOf(stored: readonly StoredDuty[]): Duty[] {
  const byKey = new Map(stored.map((d) => [d.key, d]));
  const defaults: Duty[] = DEFAULT_DUTIES.map((key, position) => {
    const row = byKey.get(key);
    return {
      key,
      name: row?.name ?? DEFAULT_DUTY_LABELS[key],
      custom: false,
      coverRequired: ALWAYS_COVERED.includes(key) || (row?.coverRequired ?? false),
      retiredOn: row?.retiredOn ?? null,
      position,
    };
  });
  const own = stored
    .filter((d) => d.custom)
    .sort((a, b) => a.position - b.position || a.key.localeCompare(b.key))
    .map(
      (d): Duty => ({
        key: d.key,
        name: d.name,
        custom: true,
        coverRequired: d.coverRequired,
        retiredOn: d.retiredOn,
        position: d.position,
      }),
    );
  return [...defaults, ...own];
}

/** The key of an engagement's next own duty: custom-1, custom-2… */
export function nextCustomKey(stored: readonly StoredDuty[]): string {
  const used = stored.filter((d) => d.custom).map((d) => Number(d.key.replace(/^custom-/, '')) || 0);
  return `custom-${Math.max(0, ...used) + 1}`;
}
