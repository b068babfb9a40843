import { type FrameworkLevels, median } from './levels';
import type { FrameworkKey } from './vocabulary';

/** An assessment's levels in brief: the overall and each dimension's level per framework (no blockers, no names). */
export type BriefLevels = { framework: FrameworkKey; overall: number; dimensions: { dimension: string; level: number }[] }[];

export function briefOf(levels: readonly FrameworkLevels[]): BriefLevels {
  return levels.map((l) => ({
    framework: l.framework,
    overall: l.overall,
    dimensions: l.dimensions.map((d) => ({ dimension: d.dimension, level: d.level })),
  }));
}

/** A final assessment's kept levels in brief, as the trends and the comparison read them. */
export type FinalLevels = { id: string; clientId: string; assessedOn: string; levels: BriefLevels };

export type Axis = { key: FrameworkKey; dimensions: readonly { key: string; name: string }[] };

export type TrendLine = {
  framework: FrameworkKey;
  dimension: string;
  dimensionName: string;
  points: { assessmentId: string; assessedOn: string; level: number }[];
};

/** Per framework and dimension, the level at each final assessment that was read against it, oldest first. */
export function trendOf(finals: readonly FinalLevels[], axes: readonly Axis[]): TrendLine[] {
  const ordered = [...finals].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.id.localeCompare(b.id));
  return axes.flatMap((axis) =>
    axis.dimensions.map((d) => ({
      framework: axis.key,
      dimension: d.key,
      dimensionName: d.name,
      points: ordered.flatMap((f) => {
        const level = f.levels.find((l) => l.framework === axis.key)?.dimensions.find((x) => x.dimension === d.key)?.level;
        return level === undefined ? [] : [{ assessmentId: f.id, assessedOn: f.assessedOn, level }];
      }),
    })),
  );
}

/** Each client's latest final assessment (by date, then by id). */
export function latestPerClient(finals: readonly FinalLevels[]): Map<string, FinalLevels> {
  const latest = new Map<string, FinalLevels>();
  for (const f of finals) {
    const seen = latest.get(f.clientId);
    if (!seen || f.assessedOn > seen.assessedOn || (f.assessedOn === seen.assessedOn && f.id > seen.id)) latest.set(f.clientId, f);
  }
  return latest;
}

export type Comparison = {
  framework: FrameworkKey;
  dimension: string;
  dimensionName: string;
  yours: number | null;
  median: number | null;
  clients: number;
};

/**
 * A client's level vs the median of the other clients' latest final assessments, per framework and dimension.
 * Anonymised: the median is given only over at least `minClients` other clients, so no one client can be read
 * from it; the names of the others never leave this function.
 */
export function comparisonOf(
  clientId: string,
  latest: ReadonlyMap<string, FinalLevels>,
  axes: readonly Axis[],
  minClients: number,
): Comparison[] {
  const levelOf = (f: FinalLevels | undefined, framework: FrameworkKey, dimension: string) =>
    f?.levels.find((l) => l.framework === framework)?.dimensions.find((d) => d.dimension === dimension)?.level ?? null;
  const mine = latest.get(clientId);
  const others = [...latest.values()].filter((f) => f.clientId !== clientId);
  return axes.flatMap((axis) =>
    axis.dimensions.map((d) => {
      const levels = others.map((o) => levelOf(o, axis.key, d.key)).filter((l): l is number => l !== null);
      return {
        framework: axis.key,
        dimension: d.key,
        dimensionName: d.name,
        yours: levelOf(mine, axis.key, d.key),
        median: levels.length >= minClients ? median(levels) : null,
        clients: levels.length,
      };
    }),
  );
}
