import type { Criterion, Framework, FrameworkSet } from './framework';
import { type Answer, type FrameworkKey, OVERALL_RULE_LABELS, type OverallRule } from './vocabulary';

/**
 * Levels are computed, gated: a criterion is met when answered yes or not applicable (partly, no and no answer
 * are not met); a level counts for a dimension only when every criterion of it and of every level below it is
 * met. The first unmet level names the criteria that block it.
 */
export function isMet(answer: Answer | null | undefined): boolean {
  return answer === 'yes' || answer === 'not_applicable';
}

/** A criterion that keeps a dimension from its next level, with what "yes" looks like. */
export type Blocker = { criterionId: string; title: string; descriptor: string; answer: Answer | null };

export type DimensionLevel = {
  dimension: string;
  dimensionName: string;
  /** The highest level whose criteria, and those of every level below, are all met (0 at least). */
  level: number;
  levelName: string;
  /** The next level, or null at the top. */
  next: { level: number; name: string; descriptor: string; blockers: Blocker[] } | null;
};

export type FrameworkLevels = {
  framework: FrameworkKey;
  frameworkName: string;
  dimensions: DimensionLevel[];
  overall: number;
  overallName: string;
  /** The rule the overall level follows, in words ("the lowest dimension"). */
  overallRule: string;
};

export type Answers = ReadonlyMap<string, Answer>;

/** The levels of every dimension of one framework, and the overall level by the rule. */
export function frameworkLevels(
  framework: Framework,
  criteria: ReadonlyMap<string, Criterion>,
  answers: Answers,
  rule: OverallRule,
): FrameworkLevels {
  const top = framework.levels.length - 1;
  const dimensions = framework.dimensions.map((d): DimensionLevel => {
    const cells = new Map(framework.cells.filter((c) => c.dimension === d.key).map((c) => [c.level, c]));
    let level = 0;
    let next: DimensionLevel['next'] = null;
    for (let l = 1; l <= top; l += 1) {
      const cell = cells.get(l);
      const unmet = (cell?.criteria ?? []).filter((id) => !isMet(answers.get(id)));
      if (unmet.length > 0) {
        next = {
          level: l,
          name: framework.levels[l]?.name ?? `Level ${l}`,
          descriptor: cell?.descriptor ?? '',
          blockers: unmet.map((id) => {
            const c = criteria.get(id);
            return { criterionId: id, title: c?.title ?? id, descriptor: c?.descriptor ?? '', answer: answers.get(id) ?? null };
          }),
        };
        break;
      }
      level = l;
    }
    return { dimension: d.key, dimensionName: d.name, level, levelName: framework.levels[level]?.name ?? '', next };
  });
  const overall = overallLevel(
    dimensions.map((d) => d.level),
    rule,
  );
  return {
    framework: framework.key,
    frameworkName: framework.name,
    dimensions,
    overall,
    overallName: framework.levels[overall]?.name ?? '',
    overallRule: OVERALL_RULE_LABELS[rule],
  };
}

/** The overall level: the lowest dimension (default), or the median rounded down. */
export function overallLevel(levels: readonly number[], rule: OverallRule): number {
  if (levels.length === 0) return 0;
  if (rule === 'lowest') return Math.min(...levels);
  return Math.floor(median(levels));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The levels of an assessment under each framework it is read against, in the set's order. */
export function assessmentLevels(
  set: FrameworkSet,
  frameworks: readonly FrameworkKey[],
  answers: Answers,
  rule: OverallRule,
): FrameworkLevels[] {
  const criteria = new Map(set.criteria.map((c) => [c.id, c]));
  return set.frameworks.filter((f) => frameworks.includes(f.key)).map((f) => frameworkLevels(f, criteria, answers, rule));
}

/** How far the form is: answered criteria per section and overall. */
export function progressOf(
  set: Pick<FrameworkSet, 'criteria' | 'sections'>,
  answers: Answers,
): { answered: number; total: number; sections: { section: string; answered: number; total: number }[] } {
  const sections = set.sections.map((s) => {
    const ids = set.criteria.filter((c) => c.section === s.key).map((c) => c.id);
    return { section: s.key, answered: ids.filter((id) => answers.has(id)).length, total: ids.length };
  });
  return {
    answered: sections.reduce((n, s) => n + s.answered, 0),
    total: sections.reduce((n, s) => n + s.total, 0),
    sections,
  };
}
