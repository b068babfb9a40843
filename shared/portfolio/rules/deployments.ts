/**
 * Deployments: which version holds which alias in which environment, from
 * when to when. Instants are ISO-8601 UTC and compare as text; an open
 * deployment has no end. A deployment covers [from, to).
 */
export const ALIASES = ['champion', 'challenger', 'shadow', 'canary'] as const;
export type Alias = (typeof ALIASES)[number];
export const ALIAS_LABELS: Record<Alias, string> = { champion: 'Champion', challenger: 'Challenger', shadow: 'Shadow', canary: 'Canary' };

export type DeploymentSpan = {
  id: string;
  modelId: string;
  versionId: string;
  environmentId: string;
  alias: Alias;
  from: string;
  to: string | null;
};

/** Whether two spans share an instant: [a.from, a.to) and [b.from, b.to). */
export function overlaps(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return (a.to === null || b.from < a.to) && (b.to === null || a.from < b.to);
}

/** The champion of the same model in the same environment whose span overlaps this one, if any. */
export function overlappingChampion<D extends DeploymentSpan>(
  existing: readonly D[],
  next: Omit<DeploymentSpan, 'id'> & { id?: string },
): D | null {
  if (next.alias !== 'champion') return null;
  return (
    existing.find(
      (d) =>
        d.id !== next.id &&
        d.alias === 'champion' &&
        d.modelId === next.modelId &&
        d.environmentId === next.environmentId &&
        overlaps(d, next),
    ) ?? null
  );
}

/** The deployment serving as champion in one of the given (production) environments at an instant, per model. */
export function championsAt<D extends DeploymentSpan>(
  deployments: readonly D[],
  productionEnvironments: ReadonlySet<string>,
  at: string,
): Map<string, D> {
  const served = new Map<string, D>();
  for (const d of deployments) {
    if (d.alias !== 'champion' || !productionEnvironments.has(d.environmentId)) continue;
    if (d.from <= at && (d.to === null || at < d.to)) {
      const before = served.get(d.modelId);
      // Overlaps are refused when recorded; should two meet, the later start served.
      if (!before || before.from < d.from) served.set(d.modelId, d);
    }
  }
  return served;
}

/** The approvals that stood for a version at an instant: decided on or before its day, none after a later rejection. */
export function approvalsStandingAt<A extends { decision: string; decidedOn: string }>(approvals: readonly A[], at: string): A[] {
  const day = at.slice(0, 10);
  const known = approvals
    .filter((a) => a.decidedOn <= day)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0));
  const last = known[known.length - 1];
  if (!last || last.decision === 'rejected') return [];
  return known.filter((a) => a.decision !== 'rejected');
}
