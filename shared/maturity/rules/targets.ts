import { toDay } from '@shared/kernel/days';
import type { Criterion, Framework, FrameworkSet } from './framework';
import { type Answers, isMet } from './levels';
import type { Answer, FrameworkKey } from './vocabulary';

/** A level a client aims for on one dimension of a framework, by a date. */
export type TargetLike = { framework: FrameworkKey; dimension: string; level: number; dueOn: string };

/** A step towards a target: an unmet criterion of a level between the current one and the target. */
export type NextStep = { level: number; criterionId: string; title: string; descriptor: string; answer: Answer | null };

export type Gap = {
  framework: FrameworkKey;
  dimension: string;
  dimensionName: string;
  current: number;
  target: number;
  dueOn: string;
  /** Levels still to climb (0 when reached). */
  gap: number;
  /** Days until the due date from today (negative: overdue). */
  daysLeft: number;
  /** The unmet criteria of every level from the next one up to the target, lowest level first. */
  nextSteps: NextStep[];
};

/**
 * Why a target is refused, or null: a level the framework does not have, or a target below the level already
 * reached without a reason (lowering the bar must be explained).
 */
export function targetProblem(
  framework: Pick<Framework, 'levels' | 'dimensions' | 'name'>,
  target: { dimension: string; level: number; reason: string },
  current: number | null,
): { path: string; message: string } | null {
  if (!framework.dimensions.some((d) => d.key === target.dimension)) {
    return { path: 'dimension', message: `is not a dimension of ${framework.name}` };
  }
  const top = framework.levels.length - 1;
  if (target.level > top) return { path: 'level', message: `must be at most ${top} (${framework.name} has levels 0 to ${top})` };
  if (current !== null && target.level < current && target.reason.trim() === '') {
    return {
      path: 'reason',
      message: `is required: the target (level ${target.level}) is below the level already reached (${current})`,
    };
  }
  return null;
}

/** The gap from the current level to the target and the steps that close it. */
export function gapOf(
  framework: Framework,
  criteria: ReadonlyMap<string, Criterion>,
  answers: Answers,
  target: TargetLike,
  current: number,
  daysLeft: number,
): Gap {
  const nextSteps: NextStep[] = [];
  for (const cell of framework.cells
    .filter((c) => c.dimension === target.dimension && c.level > current && c.level <= target.level)
    .sort((a, b) => a.level - b.level)) {
    for (const id of cell.criteria) {
      if (isMet(answers.get(id)) || nextSteps.some((s) => s.criterionId === id)) continue;
      const c = criteria.get(id);
      nextSteps.push({
        level: cell.level,
        criterionId: id,
        title: c?.title ?? id,
        descriptor: c?.descriptor ?? '',
        answer: answers.get(id) ?? null,
      });
    }
  }
  return {
    framework: target.framework,
    dimension: target.dimension,
    dimensionName: framework.dimensions.find((d) => d.key === target.dimension)?.name ?? target.dimension,
    current,
    target: target.level,
    dueOn: target.dueOn,
    gap: Math.max(0, target.level - current),
    daysLeft,
    nextSteps,
  };
}

/**
 * The gaps of a client's targets measured from one assessment (its framework copy, levels and answers), widest
 * first, then the soonest due. A target on a framework the assessment was not read against has no gap to show.
 */
export function gapsOf(
  set: Pick<FrameworkSet, 'frameworks' | 'criteria'>,
  levels: readonly { framework: string; dimensions: readonly { dimension: string; level: number }[] }[],
  answers: Answers,
  targets: readonly TargetLike[],
  today: string,
): Gap[] {
  const criteria = new Map(set.criteria.map((c) => [c.id, c]));
  return targets
    .flatMap((t) => {
      const framework = set.frameworks.find((f) => f.key === t.framework);
      const current = levels.find((l) => l.framework === t.framework)?.dimensions.find((d) => d.dimension === t.dimension)?.level;
      if (!framework || current === undefined) return [];
      return [gapOf(framework, criteria, answers, t, current, toDay(t.dueOn) - toDay(today))];
    })
    .sort((a, b) => b.gap - a.gap || a.dueOn.localeCompare(b.dueOn));
}
