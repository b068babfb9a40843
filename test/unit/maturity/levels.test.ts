import { frameworkSetProblems } from '@shared/maturity/rules/framework';
import { assessmentLevels, frameworkLevels, isMet, overallLevel, progressOf } from '@shared/maturity/rules/levels';
import { describe, expect, it } from 'vitest';
import { all, answers, SET } from './fixtures';

const criteria = new Map(SET.criteria.map((c) => [c.id, c]));
const ms = SET.frameworks[0];
if (!ms) throw new Error('fixture');

describe('gated levels', () => {
  it('the fixture is a valid framework set', () => {
    expect(frameworkSetProblems(SET)).toEqual([]);
  });

  it('counts yes and not applicable as met; partly, no and no answer as not', () => {
    expect([isMet('yes'), isMet('not_applicable'), isMet('partly'), isMet('no'), isMet(null), isMet(undefined)]).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('reaches the top level when everything is met, with nothing blocking', () => {
    const l = frameworkLevels(ms, criteria, all('yes'), 'lowest');
    expect(l.dimensions.map((d) => [d.dimension, d.level, d.next])).toEqual([
      ['people', 2, null],
      ['release', 2, null],
    ]);
    expect(l.overall).toBe(2);
    expect(l.overallName).toBe('Much');
  });

  it('names the criterion that blocks the next level, with its answer and descriptor', () => {
    const l = frameworkLevels(ms, criteria, answers({ a1: 'yes', a2: 'partly', a3: 'yes', a4: 'yes' }), 'lowest');
    const people = l.dimensions[0];
    expect(people?.level).toBe(0);
    expect(people?.next?.level).toBe(1);
    expect(people?.next?.blockers).toEqual([
      { criterionId: 'a2', title: 'Question a2', descriptor: 'What yes looks like for a2', answer: 'partly' },
    ]);
  });

  it('never counts a higher level over an unmet lower one', () => {
    // Level 2 of people is fully met, level 1 is not (a1 unanswered): people stays at 0.
    const l = frameworkLevels(ms, criteria, answers({ a2: 'yes', a3: 'yes', a4: 'yes' }), 'lowest');
    expect(l.dimensions[0]?.level).toBe(0);
    expect(l.dimensions[0]?.next?.blockers.map((b) => [b.criterionId, b.answer])).toEqual([['a1', null]]);
  });

  it('lists every unmet criterion of the first unmet level, and only that level', () => {
    const l = frameworkLevels(ms, criteria, answers({ a1: 'yes', a2: 'yes', a3: 'no' }), 'lowest');
    expect(l.dimensions[0]?.level).toBe(1);
    expect(l.dimensions[0]?.next?.blockers.map((b) => b.criterionId)).toEqual(['a3', 'a4']);
  });

  it('a criterion shared by two levels counts in both (b1 shows release 1 and 2)', () => {
    const l = frameworkLevels(ms, criteria, answers({ b1: 'not_applicable', b2: 'yes', b3: 'yes' }), 'lowest');
    expect(l.dimensions[1]?.level).toBe(2);
    const without = frameworkLevels(ms, criteria, answers({ b2: 'yes', b3: 'yes' }), 'lowest');
    expect(without.dimensions[1]?.level).toBe(0);
  });

  it('takes the overall level by the rule stated beside it', () => {
    expect(overallLevel([1, 2, 4, 4], 'lowest')).toBe(1);
    expect(overallLevel([1, 2, 4, 4], 'median')).toBe(3);
    expect(overallLevel([1, 2, 3], 'median')).toBe(2);
    expect(overallLevel([1, 2], 'median')).toBe(1);
    expect(overallLevel([], 'lowest')).toBe(0);
    const l = frameworkLevels(ms, criteria, answers({ a1: 'yes', a2: 'yes', a3: 'yes', a4: 'yes' }), 'median');
    expect([l.overall, l.overallRule]).toEqual([1, 'the median of the dimensions, rounded down']);
    expect(frameworkLevels(ms, criteria, new Map(), 'lowest').overallRule).toBe('the lowest dimension');
  });

  it('reads an assessment against the frameworks it names, in the set’s order', () => {
    expect(assessmentLevels(SET, ['google'], all('yes'), 'lowest').map((l) => l.framework)).toEqual(['google']);
    expect(assessmentLevels(SET, ['google', 'microsoft'], all('yes'), 'lowest').map((l) => l.framework)).toEqual(['microsoft', 'google']);
  });

  it('counts progress per section', () => {
    const p = progressOf(SET, answers({ a1: 'no', a2: 'yes', b3: 'partly' }));
    expect([p.answered, p.total]).toEqual([3, 7]);
    expect(p.sections.find((s) => s.section === 'documentation')).toEqual({ section: 'documentation', answered: 1, total: 1 });
    expect(p.sections.find((s) => s.section === 'monitoring')).toEqual({ section: 'monitoring', answered: 0, total: 1 });
  });
});
