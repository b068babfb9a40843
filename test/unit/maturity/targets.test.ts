import { gapOf, targetProblem } from '@shared/maturity/rules/targets';
import { describe, expect, it } from 'vitest';
import { answers, CRITERIA, GOOGLE, MS } from './fixtures';

const target = (dimension: string, level: number, reason = '') => ({ dimension, level, reason });

describe('a target refused', () => {
  it('names a dimension the framework does not have', () => {
    expect(targetProblem(MS, target('automation', 1), 0)).toEqual({ path: 'dimension', message: 'is not a dimension of MS' });
    expect(targetProblem(GOOGLE, target('people', 1), null)).toEqual({ path: 'dimension', message: 'is not a dimension of G' });
  });

  it('refuses a level above the top, saying the range', () => {
    expect(targetProblem(MS, target('people', 3), 0)).toEqual({ path: 'level', message: 'must be at most 2 (MS has levels 0 to 2)' });
    expect(targetProblem(MS, target('people', 2), 0)).toBeNull();
  });

  it('asks for a reason when the target is below the level already reached', () => {
    expect(targetProblem(MS, target('people', 1), 2)).toEqual({
      path: 'reason',
      message: 'is required: the target (level 1) is below the level already reached (2)',
    });
    expect(targetProblem(MS, target('people', 0, '   '), 1)?.path).toBe('reason');
    expect(targetProblem(MS, target('people', 1, 'The team was halved'), 2)).toBeNull();
  });

  it('takes a target at or above the current level, or for a client never assessed, without a reason', () => {
    expect(targetProblem(MS, target('people', 2), 2)).toBeNull();
    expect(targetProblem(MS, target('release', 1), 0)).toBeNull();
    expect(targetProblem(MS, target('people', 0), null)).toBeNull();
  });
});

describe('the gap to a target', () => {
  const release2 = { framework: 'microsoft' as const, dimension: 'release', level: 2, dueOn: '2027-06-30' };

  it('lists the unmet criteria of each level up to the target, lowest level first, met ones skipped, each once', () => {
    // release L1 = b1, b2; L2 = b3, b1. b2 is met; b1 shows in both levels and is listed once, at level 1.
    const g = gapOf(MS, CRITERIA, answers({ b1: 'partly', b2: 'yes' }), release2, 0, 30);
    expect(g).toEqual({
      framework: 'microsoft',
      dimension: 'release',
      dimensionName: 'Release',
      current: 0,
      target: 2,
      dueOn: '2027-06-30',
      gap: 2,
      daysLeft: 30,
      nextSteps: [
        { level: 1, criterionId: 'b1', title: 'Question b1', descriptor: 'What yes looks like for b1', answer: 'partly' },
        { level: 2, criterionId: 'b3', title: 'Question b3', descriptor: 'What yes looks like for b3', answer: null },
      ],
    });
  });

  it('starts from the level above the current one', () => {
    // people at 1: only level 2 (a3, a4, m1) is left; m1 is met.
    const g = gapOf(
      MS,
      CRITERIA,
      answers({ a1: 'yes', a2: 'yes', m1: 'not_applicable', a4: 'no' }),
      { framework: 'microsoft', dimension: 'people', level: 2, dueOn: '2027-01-31' },
      1,
      -5,
    );
    expect([g.gap, g.daysLeft, g.dimensionName]).toEqual([1, -5, 'People']);
    expect(g.nextSteps.map((s) => [s.level, s.criterionId, s.answer])).toEqual([
      [2, 'a3', null],
      [2, 'a4', 'no'],
    ]);
  });

  it('has no gap and no steps once the target is reached, and passes the days left through', () => {
    const reached = gapOf(MS, CRITERIA, answers({}), { ...release2, level: 1 }, 2, -3);
    expect([reached.gap, reached.nextSteps, reached.daysLeft, reached.current, reached.target]).toEqual([0, [], -3, 2, 1]);
    const equal = gapOf(MS, CRITERIA, answers({}), release2, 2, 12);
    expect([equal.gap, equal.nextSteps, equal.daysLeft]).toEqual([0, [], 12]);
  });
});
