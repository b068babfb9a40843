import { assessmentLevels, frameworkLevels, isMet, median, overallLevel, progressOf } from '@shared/maturity/rules/levels';
import { describe, expect, it } from 'vitest';
import { all, answers, CRITERIA, GOOGLE, MS, SET } from './fixtures';

const levelsOf = (l: ReturnType<typeof frameworkLevels>) => l.dimensions.map((d) => [d.dimension, d.level]);

describe('what counts as met', () => {
  it('yes and not applicable are met; partly, no and no answer are not', () => {
    expect(isMet('yes')).toBe(true);
    expect(isMet('not_applicable')).toBe(true);
    expect(isMet('partly')).toBe(false);
    expect(isMet('no')).toBe(false);
    expect(isMet(null)).toBe(false);
    expect(isMet(undefined)).toBe(false);
  });
});

describe('gated levels per dimension', () => {
  it('reaches the top level of every dimension when everything is met, with no next level', () => {
    const l = frameworkLevels(MS, CRITERIA, all('yes'), 'lowest');
    expect(l.dimensions).toEqual([
      { dimension: 'people', dimensionName: 'People', level: 2, levelName: 'Much', next: null },
      { dimension: 'release', dimensionName: 'Release', level: 2, levelName: 'Much', next: null },
    ]);
    expect([l.framework, l.frameworkName, l.overall, l.overallName]).toEqual(['microsoft', 'MS', 2, 'Much']);
    const g = frameworkLevels(GOOGLE, CRITERIA, all('not_applicable'), 'lowest');
    expect([g.dimensions[0]?.level, g.dimensions[0]?.next, g.overall, g.overallName]).toEqual([2, null, 2, 'CI/CD']);
  });

  it('starts at level 0 with level 1 next when nothing is answered', () => {
    const l = frameworkLevels(MS, CRITERIA, new Map(), 'lowest');
    expect(l.dimensions[1]).toEqual({
      dimension: 'release',
      dimensionName: 'Release',
      level: 0,
      levelName: 'None',
      next: {
        level: 1,
        name: 'Some',
        descriptor: 'r1',
        blockers: [
          { criterionId: 'b1', title: 'Question b1', descriptor: 'What yes looks like for b1', answer: null },
          { criterionId: 'b2', title: 'Question b2', descriptor: 'What yes looks like for b2', answer: null },
        ],
      },
    });
    expect([l.overall, l.overallName]).toEqual([0, 'None']);
  });

  it('a level-1 criterion answered partly keeps the dimension at 0 and is named as the blocker', () => {
    const l = frameworkLevels(MS, CRITERIA, answers({ a1: 'yes', a2: 'partly', a3: 'yes', a4: 'yes', m1: 'yes' }), 'lowest');
    expect(l.dimensions[0]).toEqual({
      dimension: 'people',
      dimensionName: 'People',
      level: 0,
      levelName: 'None',
      next: {
        level: 1,
        name: 'Some',
        descriptor: 'p1',
        blockers: [{ criterionId: 'a2', title: 'Question a2', descriptor: 'What yes looks like for a2', answer: 'partly' }],
      },
    });
  });

  it('never counts a higher level over an unmet lower one', () => {
    // Level 2 of people (a3, a4, m1) is met; level 1 is not (a1 unanswered): people stays at 0.
    const l = frameworkLevels(MS, CRITERIA, answers({ a2: 'yes', a3: 'yes', a4: 'yes', m1: 'yes' }), 'lowest');
    expect(l.dimensions[0]?.level).toBe(0);
    expect(l.dimensions[0]?.levelName).toBe('None');
    expect(l.dimensions[0]?.next?.level).toBe(1);
    expect(l.dimensions[0]?.next?.blockers.map((b) => [b.criterionId, b.answer])).toEqual([['a1', null]]);
  });

  it('lists every unmet criterion of the first unmet level, in the cell’s order, and nothing of the levels above', () => {
    // Google level 1 is a1, d1, p1; level 2 (a3, b3, e1) is unanswered too but is not listed.
    const g = frameworkLevels(GOOGLE, CRITERIA, answers({ a1: 'no', d1: 'yes', p1: 'partly' }), 'lowest');
    expect(g.dimensions[0]?.level).toBe(0);
    expect(g.dimensions[0]?.next?.blockers.map((b) => [b.criterionId, b.answer])).toEqual([
      ['a1', 'no'],
      ['p1', 'partly'],
    ]);
    // People level 1 met; level 2 blocked by a3 (no) and a4 (unanswered), m1 met.
    const p = frameworkLevels(MS, CRITERIA, answers({ a1: 'yes', a2: 'not_applicable', a3: 'no', m1: 'yes' }), 'lowest');
    expect(p.dimensions[0]?.level).toBe(1);
    expect(p.dimensions[0]?.levelName).toBe('Some');
    expect([p.dimensions[0]?.next?.level, p.dimensions[0]?.next?.name, p.dimensions[0]?.next?.descriptor]).toEqual([2, 'Much', 'p2']);
    expect(p.dimensions[0]?.next?.blockers.map((b) => [b.criterionId, b.answer])).toEqual([
      ['a3', 'no'],
      ['a4', null],
    ]);
  });

  it('a criterion shared by two levels counts in both (b1 shows release 1 and 2)', () => {
    const met = frameworkLevels(MS, CRITERIA, answers({ b1: 'not_applicable', b2: 'yes', b3: 'yes' }), 'lowest');
    expect(met.dimensions[1]?.level).toBe(2);
    const unmet = frameworkLevels(MS, CRITERIA, answers({ b1: 'partly', b2: 'yes', b3: 'yes' }), 'lowest');
    expect(unmet.dimensions[1]?.level).toBe(0);
    expect(unmet.dimensions[1]?.next?.blockers.map((b) => b.criterionId)).toEqual(['b1']);
  });

  it('ignores answers to criteria the framework does not use', () => {
    const l = frameworkLevels(MS, CRITERIA, answers({ d1: 'yes', p1: 'yes', e1: 'yes', zz: 'yes' }), 'lowest');
    expect(levelsOf(l)).toEqual([
      ['people', 0],
      ['release', 0],
    ]);
  });
});

describe('the overall level', () => {
  it('is the lowest dimension, or the median rounded down', () => {
    expect(overallLevel([1, 2, 4, 4], 'lowest')).toBe(1);
    expect(overallLevel([1, 2, 4, 4], 'median')).toBe(3);
    expect(overallLevel([4, 1, 4, 2], 'median')).toBe(3);
    expect(overallLevel([1, 2, 3], 'median')).toBe(2);
    expect(overallLevel([3, 1, 2], 'lowest')).toBe(1);
    expect(overallLevel([1, 2], 'median')).toBe(1);
    expect(overallLevel([2], 'median')).toBe(2);
    expect(overallLevel([], 'lowest')).toBe(0);
    expect(overallLevel([], 'median')).toBe(0);
    expect(median([1, 2])).toBe(1.5);
    expect(median([5, 1, 3])).toBe(3);
  });

  it('follows the rule on a worked assessment and states it in words', () => {
    // people reaches 2, release stays at 0.
    const given = answers({ a1: 'yes', a2: 'yes', a3: 'yes', a4: 'yes', m1: 'not_applicable' });
    const lowest = frameworkLevels(MS, CRITERIA, given, 'lowest');
    expect(levelsOf(lowest)).toEqual([
      ['people', 2],
      ['release', 0],
    ]);
    expect([lowest.overall, lowest.overallName, lowest.overallRule]).toEqual([0, 'None', 'the lowest dimension']);
    const med = frameworkLevels(MS, CRITERIA, given, 'median');
    expect([med.overall, med.overallName, med.overallRule]).toEqual([1, 'Some', 'the median of the dimensions, rounded down']);
  });
});

describe('an assessment read against its frameworks', () => {
  it('returns only the frameworks asked for, in the set’s order', () => {
    expect(assessmentLevels(SET, ['google'], all('yes'), 'lowest').map((l) => l.framework)).toEqual(['google']);
    expect(assessmentLevels(SET, ['microsoft'], all('yes'), 'lowest').map((l) => l.framework)).toEqual(['microsoft']);
    expect(assessmentLevels(SET, ['google', 'microsoft'], all('yes'), 'lowest').map((l) => l.framework)).toEqual(['microsoft', 'google']);
    expect(assessmentLevels(SET, [], all('yes'), 'lowest')).toEqual([]);
  });

  it('computes each framework with the same answers', () => {
    // a1, d1, p1 met: google 1; people needs a2 too: microsoft stays 0.
    const l = assessmentLevels(SET, ['microsoft', 'google'], answers({ a1: 'yes', d1: 'yes', p1: 'not_applicable' }), 'lowest');
    expect(l.map((f) => [f.framework, f.overall, f.overallName])).toEqual([
      ['microsoft', 0, 'None'],
      ['google', 1, 'Pipelines'],
    ]);
  });
});

describe('progress through the form', () => {
  it('counts answered criteria per section and overall, any answer counting', () => {
    const p = progressOf(SET, answers({ a1: 'no', d1: 'yes', a2: 'yes', b3: 'partly', e1: 'not_applicable', zz: 'yes' }));
    expect(p).toEqual({
      answered: 5,
      total: 11,
      sections: [
        { section: 'documentation', answered: 2, total: 2 },
        { section: 'traceability', answered: 1, total: 1 },
        { section: 'code_quality', answered: 0, total: 1 },
        { section: 'monitoring', answered: 0, total: 2 },
        { section: 'data_pipelines', answered: 0, total: 2 },
        { section: 'explainability', answered: 0, total: 1 },
        { section: 'experimentation', answered: 2, total: 2 },
      ],
    });
    expect([progressOf(SET, new Map()).answered, progressOf(SET, all('no')).answered]).toEqual([0, 11]);
  });
});
