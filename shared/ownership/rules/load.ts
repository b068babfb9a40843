/**
 * How many asset-duties each person is Accountable for, and the single points of failure that makes:
 * a person Accountable for more than the threshold across all engagements.
 */
import type { MatrixCell, MatrixPerson, OwnershipFinding } from '../contract/matrix';
import { makeFinding } from './checkContext';

/**
 * Per person key: the applicable cells where they are Accountable. An inherited cell counts for its
 * asset too (a model's Accountable answers for each of its assets).
 */
export function accountableLoad(cells: readonly MatrixCell[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const cell of cells) {
    if (!cell.applicable) continue;
    const counted = new Set<string>();
    for (const h of cell.holders) {
      if (h.role !== 'accountable' || counted.has(h.personKey)) continue;
      counted.add(h.personKey);
      load.set(h.personKey, (load.get(h.personKey) ?? 0) + 1);
    }
  }
  return load;
}

/** One engagement's Accountable load, from `accountableLoad` of its cells. */
export type EngagementLoad = { engagementId: string; engagementLoad: ReadonlyMap<string, number> };

/**
 * Overloaded Accountable: a person whose total across the engagements is above the threshold gets one
 * finding on each engagement where they are Accountable, saying the total and that engagement's part.
 */
export function overloadFindings(
  loads: readonly EngagementLoad[],
  people: ReadonlyMap<string, MatrixPerson>,
  threshold: number,
): OwnershipFinding[] {
  const totals = new Map<string, number>();
  for (const { engagementLoad } of loads) for (const [key, n] of engagementLoad) totals.set(key, (totals.get(key) ?? 0) + n);
  const out: OwnershipFinding[] = [];
  for (const { engagementId, engagementLoad } of loads) {
    for (const [key, here] of engagementLoad) {
      const total = totals.get(key) ?? 0;
      if (here === 0 || total <= threshold) continue;
      const name = people.get(key)?.name ?? 'Someone no longer on file';
      const reason =
        `${name} is Accountable for ${total} asset-duties (${here} on this engagement); ` +
        `more than ${threshold} makes one person a single point of failure.`;
      out.push(makeFinding(engagementId, 'overloaded_accountable', null, null, key, null, reason));
    }
  }
  return out;
}
