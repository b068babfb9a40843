import {
  daysInStages,
  daysSince,
  joinWords,
  type StageSubject,
  stageMoveRefusal,
  wasInStageDuring,
} from '@shared/portfolio/rules/lifecycle';
import { graveyard, stageFunnel } from '@shared/portfolio/rules/portfolio';
import { describe, expect, it } from 'vitest';

const TODAY = '2026-11-24';
const GAP = ['an approved version deployed as champion to the production environment'];

const model = (over: Partial<StageSubject> = {}): StageSubject => ({
  name: 'Churn model',
  aiActCategory: 'minimal',
  stage: 'prototype',
  stageSince: '2026-03-02',
  inServiceSince: '2026-01-05',
  ...over,
});

describe('stage moves', () => {
  it('go forward one stage at a time', () => {
    expect(stageMoveRefusal(model(), { to: 'pilot', on: '2026-06-01', reason: '' }, TODAY, GAP)).toBeNull();
    expect(stageMoveRefusal(model({ stage: 'idea' }), { to: 'pilot', on: '2026-06-01', reason: '' }, TODAY, GAP)).toBe(
      'Churn model moves forward one stage at a time: from Idea the next stage is Prototype.',
    );
    expect(stageMoveRefusal(model(), { to: 'prototype', on: '2026-06-01', reason: '' }, TODAY, GAP)).toBe(
      'Churn model is already in Prototype.',
    );
  });

  it('go back to any earlier stage, and into retirement from any stage, only with a reason', () => {
    const pilot = model({ stage: 'pilot', stageSince: '2026-06-01' });
    expect(stageMoveRefusal(pilot, { to: 'idea', on: '2026-07-01', reason: '' }, TODAY, GAP)).toBe(
      'Moving Churn model back from Pilot to Idea needs a reason.',
    );
    expect(stageMoveRefusal(pilot, { to: 'idea', on: '2026-07-01', reason: 'Rethink' }, TODAY, GAP)).toBeNull();
    expect(stageMoveRefusal(model({ stage: 'idea' }), { to: 'retired', on: '2026-07-01', reason: '' }, TODAY, GAP)).toBe(
      'Retiring Churn model needs a reason.',
    );
    expect(stageMoveRefusal(model({ stage: 'idea' }), { to: 'retired', on: '2026-07-01', reason: 'No data' }, TODAY, GAP)).toBeNull();
    // Brought back from retirement: a move back, so a reason.
    const retired = model({ stage: 'retired', stageSince: '2026-07-01' });
    expect(stageMoveRefusal(retired, { to: 'pilot', on: '2026-08-01', reason: '' }, TODAY, GAP)).toBe(
      'Moving Churn model back from Retired to Pilot needs a reason.',
    );
  });

  it('enter production only when nothing is missing, each gap named', () => {
    const pilot = model({ stage: 'pilot', stageSince: '2026-06-01' });
    expect(
      stageMoveRefusal(pilot, { to: 'production', on: '2026-07-01', reason: '' }, TODAY, ['a fairness test', 'an access review']),
    ).toBe('Churn model cannot enter Production: it needs a fairness test and an access review.');
    expect(stageMoveRefusal(pilot, { to: 'production', on: '2026-07-01', reason: '' }, TODAY, [])).toBeNull();
  });

  it('never take a prohibited system to pilot or production', () => {
    const banned = model({ aiActCategory: 'prohibited' });
    expect(stageMoveRefusal(banned, { to: 'pilot', on: '2026-06-01', reason: '' }, TODAY, [])).toBe(
      'Churn model is a prohibited system under the EU AI Act and can never reach Pilot.',
    );
    expect(
      stageMoveRefusal(
        model({ aiActCategory: 'prohibited', stage: 'pilot' }),
        { to: 'production', on: '2026-06-01', reason: '' },
        TODAY,
        [],
      ),
    ).toBe('Churn model is a prohibited system under the EU AI Act and can never reach Production.');
    expect(stageMoveRefusal(banned, { to: 'retired', on: '2026-06-01', reason: 'Banned' }, TODAY, [])).toBeNull();
  });

  it('register a model as an idea, a prototype or a pilot only', () => {
    const fresh = model({ stage: null, stageSince: null });
    expect(stageMoveRefusal(fresh, { to: 'pilot', on: '2026-01-05', reason: '' }, TODAY, GAP)).toBeNull();
    expect(stageMoveRefusal(fresh, { to: 'production', on: '2026-01-05', reason: '' }, TODAY, [])).toBe(
      'A model is registered as an idea, a prototype or a pilot; Churn model reaches Production by moving it there.',
    );
  });

  it('are dated from the in-service date, not before the current stage began, and not after today', () => {
    expect(stageMoveRefusal(model({ stageSince: '2026-01-05' }), { to: 'pilot', on: '2026-01-04', reason: '' }, TODAY, GAP)).toBe(
      'Churn model entered service on 5 Jan 2026; a stage change cannot be dated before that (4 Jan 2026).',
    );
    expect(stageMoveRefusal(model(), { to: 'pilot', on: '2026-03-01', reason: '' }, TODAY, GAP)).toBe(
      'Churn model entered Prototype on 2 Mar 2026; the next stage change cannot be dated before it.',
    );
    expect(stageMoveRefusal(model(), { to: 'pilot', on: '2026-11-25', reason: '' }, TODAY, GAP)).toBe(
      'A stage change cannot be dated after today (24 Nov 2026).',
    );
    // The same day as the last change is allowed (a model can move twice in a day).
    expect(stageMoveRefusal(model(), { to: 'pilot', on: '2026-03-02', reason: '' }, TODAY, GAP)).toBeNull();
  });
});

describe('days in each stage', () => {
  const history = [
    { toStage: 'idea', on: '2026-01-05' },
    { toStage: 'prototype', on: '2026-03-02' },
    { toStage: 'pilot', on: '2026-06-01' },
    { toStage: 'prototype', on: '2026-09-01' },
  ] as const;

  it('run from each change to the next, the current stage up to today, repeated stages added up', () => {
    // idea 5 Jan–2 Mar: 56; prototype 2 Mar–1 Jun: 91, then 1 Sep–24 Nov: 84; pilot 1 Jun–1 Sep: 92.
    expect(daysInStages(history, TODAY)).toEqual({ idea: 56, prototype: 175, pilot: 92, production: 0, retired: 0 });
    expect(daysSince('2026-09-01', TODAY)).toBe(84);
    expect(daysSince(TODAY, TODAY)).toBe(0);
  });

  it('say whether a model was in a stage during a period', () => {
    expect(wasInStageDuring(history, 'pilot', '2026-08-31', TODAY)).toBe(true);
    // Left pilot on 1 Sep: not in it from that day on.
    expect(wasInStageDuring(history, 'pilot', '2026-09-01', TODAY)).toBe(false);
    expect(wasInStageDuring(history, 'pilot', '2025-01-01', '2026-05-31')).toBe(false);
    expect(wasInStageDuring(history, 'prototype', '2026-11-01', TODAY)).toBe(true);
    // Entered and left on one day: never in it.
    expect(
      wasInStageDuring(
        [
          { toStage: 'pilot', on: '2026-06-01' },
          { toStage: 'idea', on: '2026-06-01' },
        ],
        'pilot',
        '2026-01-01',
        TODAY,
      ),
    ).toBe(false);
  });
});

describe('funnel and graveyard', () => {
  const models = [
    { name: 'B', stage: 'prototype', stageSince: '2026-08-26' },
    { name: 'A', stage: 'pilot', stageSince: '2026-08-25' },
    { name: 'C', stage: 'idea', stageSince: '2025-01-01' },
    { name: 'D', stage: 'production', stageSince: '2025-01-01' },
    { name: 'E', stage: 'prototype', stageSince: '2025-11-24' },
  ] as const;

  it('counts every stage, zero included', () => {
    expect(stageFunnel(models)).toEqual({ idea: 1, prototype: 2, pilot: 1, production: 1, retired: 0 });
  });

  it('buries prototypes and pilots waiting more than N days, the longest first', () => {
    // A: 91 days, B: 90 (not more than 90), E: 365; ideas and production never count.
    expect(graveyard(models, TODAY, 90).map((m) => [m.name, m.daysInStage])).toEqual([
      ['E', 365],
      ['A', 91],
    ]);
    expect(graveyard(models, TODAY, 89).map((m) => m.name)).toEqual(['E', 'A', 'B']);
  });

  it('joins words as a sentence does', () => {
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinWords(['a', 'b'], 'or')).toBe('a or b');
  });
});
