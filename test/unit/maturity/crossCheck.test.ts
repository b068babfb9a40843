import { crossCheck, type Measurement, measure, type ProductionModelFacts, verdictOf } from '@shared/maturity/rules/crossCheck';
import { MEASURES } from '@shared/maturity/rules/vocabulary';
import { describe, expect, it } from 'vitest';
import { answers, SET } from './fixtures';

const model = (name: string, over: Partial<ProductionModelFacts> = {}): ProductionModelFacts => ({
  modelId: `id-${name}`,
  name,
  lineage: true,
  approvedChampion: true,
  ownershipDocumented: true,
  cardComplete: true,
  hasSlos: true,
  monitoredRecently: true,
  driftWatched: true,
  retrainingTriggers: true,
  retrainedOnCadence: true,
  rollbacksApproved: true,
  rollbackPossible: true,
  ...over,
});

/** Nine production models; M0, M1 and M2 have no approved champion, everything else holds. */
const NINE = Array.from({ length: 9 }, (_, i) => model(`M${i}`, { approvedChampion: i >= 3 }));

const of = (ms: Measurement[], key: Measurement['measure']): Measurement => {
  const m = ms.find((x) => x.measure === key);
  if (!m) throw new Error(`no measurement ${key}`);
  return m;
};

describe('measuring the production models', () => {
  it('measures every measure, in the vocabulary’s order', () => {
    expect(measure(NINE).map((m) => m.measure)).toEqual([...MEASURES]);
  });

  it('counts and names the models that do not show it', () => {
    expect(of(measure(NINE), 'approved_releases')).toEqual({
      measure: 'approved_releases',
      label: 'Production models whose champion has an approval',
      met: 6,
      of: 9,
      failing: [
        { modelId: 'id-M0', name: 'M0' },
        { modelId: 'id-M1', name: 'M1' },
        { modelId: 'id-M2', name: 'M2' },
      ],
      failingCount: 3,
      sentence: '3 of 9 production models without an approved champion.',
    });
  });

  it('says when every model shows it', () => {
    const lineage = of(measure(NINE), 'lineage');
    expect([lineage.met, lineage.of, lineage.failingCount, lineage.failing]).toEqual([9, 9, 0, []]);
    expect(lineage.sentence).toBe('All 9 production models show it.');
    expect(of(measure([model('A')]), 'lineage').sentence).toBe('The one production model shows it.');
    expect(of(measure([model('A', { lineage: false })]), 'lineage').sentence).toBe(
      '1 of 1 production model without registered versions and a training-data snapshot.',
    );
  });

  it('cannot tell without production models', () => {
    for (const m of measure([])) {
      expect([m.met, m.of, m.failingCount, m.failing]).toEqual([0, 0, 0, []]);
      expect(m.sentence).toBe('Keel cannot tell: the client has no model in production.');
    }
  });

  it('names at most ten failing models but counts them all', () => {
    const many = of(measure(Array.from({ length: 14 }, (_, i) => model(`X${i}`, { cardComplete: i === 13 }))), 'model_cards');
    expect([many.met, many.of, many.failingCount, many.failing.length]).toEqual([1, 14, 13, 10]);
    expect(many.failing.map((f) => f.name)).toEqual(['X0', 'X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'X8', 'X9']);
    expect(many.sentence).toBe('13 of 14 production models without a complete model card.');
  });

  it('reads each fact for its own measure', () => {
    const ms = measure([
      model('A', { ownershipDocumented: false }),
      model('B', { rollbackPossible: false }),
      model('C', { rollbackPossible: false }),
    ]);
    expect(ms.map((m) => [m.measure, m.met, m.of])).toEqual([
      ['lineage', 3, 3],
      ['approved_releases', 3, 3],
      ['ownership_documented', 2, 3],
      ['model_cards', 3, 3],
      ['rollback_possible', 1, 3],
      ['slo_coverage', 3, 3],
      ['monitored_recently', 3, 3],
      ['drift_watched', 3, 3],
      ['retraining_triggers', 3, 3],
      ['retrained_on_cadence', 3, 3],
      ['rollbacks_approved', 3, 3],
    ]);
    expect(of(ms, 'ownership_documented').sentence).toBe('1 of 3 production models with ownership gaps in the matrix.');
    expect(of(ms, 'rollback_possible').sentence).toBe('2 of 3 production models without an earlier approved version to roll back to.');
  });
});

describe('the verdict on an answer', () => {
  const some = { met: 6, of: 9 };
  const every = { met: 9, of: 9 };
  const none = { met: 0, of: 0 };

  it.each([
    ['yes', some, 'contradicts'],
    ['not_applicable', some, 'contradicts'],
    ['yes', every, 'agrees'],
    ['not_applicable', every, 'agrees'],
    ['partly', every, 'understated'],
    ['no', every, 'understated'],
    ['partly', some, 'agrees'],
    ['no', some, 'agrees'],
    ['no', { met: 0, of: 9 }, 'agrees'],
    ['yes', { met: 0, of: 9 }, 'contradicts'],
    [null, some, 'unanswered'],
    [null, every, 'unanswered'],
    ['yes', none, 'no_data'],
    [null, none, 'no_data'],
  ] as const)('%s with %o is %s', (answer, m, verdict) => {
    expect(verdictOf(answer, m)).toBe(verdict);
  });
});

describe('the cross-check', () => {
  it('checks only the measured criteria, in the set’s order', () => {
    const checks = crossCheck(SET.criteria, answers({ a1: 'yes', a2: 'no', b1: 'yes', b2: 'no' }), measure(NINE));
    expect(checks.map((c) => [c.criterionId, c.measure, c.answer, c.verdict])).toEqual([
      ['a2', 'lineage', 'no', 'understated'],
      ['b1', 'approved_releases', 'yes', 'contradicts'],
    ]);
    expect(checks[1]?.measurement).toEqual(of(measure(NINE), 'approved_releases'));
  });

  it('flags a contradiction and an understatement in words', () => {
    const checks = crossCheck(SET.criteria, answers({ a2: 'no', b1: 'yes' }), measure(NINE));
    expect(checks.map((c) => c.message)).toEqual([
      'Answered no; Keel shows it on every production model (9 of 9).',
      'Answered yes; Keel shows 3 of 9 production models without an approved champion.',
    ]);
    const na = crossCheck(SET.criteria, answers({ b1: 'not_applicable' }), measure(NINE));
    expect(na[1]?.message).toBe('Answered not applicable; Keel shows 3 of 9 production models without an approved champion.');
  });

  it('words agreement, no answer and no data', () => {
    const checks = crossCheck(SET.criteria, answers({ a2: 'yes', b1: 'partly' }), measure(NINE));
    expect(checks.map((c) => [c.verdict, c.message])).toEqual([
      ['agrees', 'Answered yes; Keel agrees: all 9 production models show it.'],
      ['agrees', 'Answered partly; Keel agrees: 3 of 9 production models without an approved champion.'],
    ]);
    const unanswered = crossCheck(SET.criteria, answers({}), measure(NINE));
    expect(unanswered.map((c) => [c.verdict, c.message])).toEqual([
      ['unanswered', 'Not answered yet; All 9 production models show it.'],
      ['unanswered', 'Not answered yet; 3 of 9 production models without an approved champion.'],
    ]);
    const noData = crossCheck(SET.criteria, answers({ a2: 'yes' }), measure([]));
    expect(noData.map((c) => [c.verdict, c.message])).toEqual([
      ['no_data', 'Answered yes; Keel cannot tell: the client has no model in production.'],
      ['no_data', 'Not answered yet; Keel cannot tell: the client has no model in production.'],
    ]);
  });

  it('skips a measured criterion whose measurement is missing', () => {
    const onlyLineage = measure(NINE).filter((m) => m.measure === 'lineage');
    expect(crossCheck(SET.criteria, answers({ b1: 'yes' }), onlyLineage).map((c) => c.criterionId)).toEqual(['a2']);
    expect(crossCheck(SET.criteria, answers({ b1: 'yes' }), [])).toEqual([]);
  });
});
