import { comparisonOf, latestPerClient, trendOf } from '@shared/maturity/rules/compare';
import { crossCheck, measure, type ProductionModelFacts, verdictOf } from '@shared/maturity/rules/crossCheck';
import { frameworkSetProblems } from '@shared/maturity/rules/framework';
import { frameworkLevels } from '@shared/maturity/rules/levels';
import { GRAVEYARD_SIGN_AT, HANDFUL, type ReadinessFacts, readinessOf } from '@shared/maturity/rules/readiness';
import { gapOf, targetProblem } from '@shared/maturity/rules/targets';
import { futureDateProblem, unknownCriteria } from '@shared/maturity/rules/validate';
import { describe, expect, it } from 'vitest';
import { answers, SET } from './fixtures';

const criteria = new Map(SET.criteria.map((c) => [c.id, c]));
const ms = SET.frameworks[0];
if (!ms) throw new Error('fixture');

describe('targets and gaps', () => {
  it('refuses a target below the level reached without a reason, a level or dimension the framework lacks', () => {
    expect(targetProblem(ms, { dimension: 'people', level: 1, reason: '' }, 2)?.path).toBe('reason');
    expect(targetProblem(ms, { dimension: 'people', level: 1, reason: 'Team halved' }, 2)).toBeNull();
    expect(targetProblem(ms, { dimension: 'people', level: 1, reason: '' }, null)).toBeNull();
    expect(targetProblem(ms, { dimension: 'people', level: 3, reason: '' }, 0)).toEqual({
      path: 'level',
      message: 'must be at most 2 (MS has levels 0 to 2)',
    });
    expect(targetProblem(ms, { dimension: 'culture', level: 1, reason: '' }, 0)?.path).toBe('dimension');
  });

  it('lists the unmet criteria of every level up to the target, lowest first, each once', () => {
    const g = gapOf(
      ms,
      criteria,
      answers({ b2: 'yes' }),
      { framework: 'microsoft', dimension: 'release', level: 2, dueOn: '2027-06-30' },
      0,
      30,
    );
    expect([g.gap, g.daysLeft, g.dimensionName]).toEqual([2, 30, 'Release']);
    expect(g.nextSteps.map((s) => [s.level, s.criterionId])).toEqual([
      [1, 'b1'],
      [2, 'b3'],
    ]);
    const reached = gapOf(
      ms,
      criteria,
      answers({}),
      { framework: 'microsoft', dimension: 'release', level: 1, dueOn: '2027-06-30' },
      2,
      -3,
    );
    expect([reached.gap, reached.nextSteps, reached.daysLeft]).toEqual([0, [], -3]);
  });
});

const model = (name: string, over: Partial<ProductionModelFacts> = {}): ProductionModelFacts => ({
  modelId: name,
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

describe('the cross-check against Keel’s data', () => {
  const nine = Array.from({ length: 9 }, (_, i) => model(`M${i}`, { approvedChampion: i >= 3 }));

  it('measures each criterion over the production models, naming the ones that fail', () => {
    const m = measure(nine).find((x) => x.measure === 'approved_releases');
    expect([m?.met, m?.of, m?.failingCount]).toEqual([6, 9, 3]);
    expect(m?.failing.map((f) => f.name)).toEqual(['M0', 'M1', 'M2']);
    expect(m?.sentence).toBe('3 of 9 production models without an approved champion.');
    expect(measure(nine).find((x) => x.measure === 'lineage')?.sentence).toBe('All 9 production models show it.');
    expect(measure([model('A')]).find((x) => x.measure === 'lineage')?.sentence).toBe('The one production model shows it.');
    expect(measure([])[0]?.sentence).toBe('Keel cannot tell: the client has no model in production.');
    const many = measure(Array.from({ length: 14 }, (_, i) => model(`X${i}`, { cardComplete: false }))).find(
      (x) => x.measure === 'model_cards',
    );
    expect([many?.failing.length, many?.failingCount]).toEqual([10, 14]);
  });

  it('judges each answer against the measurement', () => {
    const some = { met: 6, of: 9 };
    const every = { met: 9, of: 9 };
    expect(verdictOf('yes', some)).toBe('contradicts');
    expect(verdictOf('not_applicable', some)).toBe('contradicts');
    expect(verdictOf('yes', every)).toBe('agrees');
    expect(verdictOf('partly', every)).toBe('understated');
    expect(verdictOf('no', every)).toBe('understated');
    expect(verdictOf('partly', some)).toBe('agrees');
    expect(verdictOf('no', some)).toBe('agrees');
    expect(verdictOf(null, some)).toBe('unanswered');
    expect(verdictOf('yes', { met: 0, of: 0 })).toBe('no_data');
  });

  it('flags a contradiction in words, only on measured criteria', () => {
    const checks = crossCheck(SET.criteria, answers({ b1: 'yes', a2: 'no' }), measure(nine));
    expect(checks.map((c) => [c.criterionId, c.verdict])).toEqual([
      ['a2', 'understated'],
      ['b1', 'contradicts'],
    ]);
    expect(checks[1]?.message).toBe('Answered yes; Keel shows 3 of 9 production models without an approved champion.');
    expect(checks[0]?.message).toBe('Answered no; Keel shows it on every production model (9 of 9).');
  });
});

const facts = (over: Partial<ReadinessFacts> = {}): ReadinessFacts => ({
  activeModels: 12,
  beyondPrototype: 5,
  graveyard: 4,
  graveyardDays: 90,
  highStakes: 2,
  lowStakes: 3,
  simple: 8,
  production: 0,
  silentProduction: 0,
  ...over,
});

describe('the readiness check', () => {
  it('recommends investing on two signs or more and no "not yet" case, with the reasons', () => {
    const r = readinessOf(facts(), {});
    expect(r.recommendation).toBe('invest');
    expect(r.lines.filter((l) => l.holds).map((l) => l.item)).toEqual(['prototype_graveyard', 'regulatory_pressure', 'growing_portfolio']);
    expect(r.reasons).toHaveLength(3);
    expect(r.lines.find((l) => l.item === 'silent_failures')?.computed).toBeNull();
  });

  it('counts an answered sign, and an answer has the last word (disagreeing is shown)', () => {
    const r = readinessOf(facts({ graveyard: 0, highStakes: 0, activeModels: 4, lowStakes: 2 }), {
      silent_failures: 'yes',
      regulatory_pressure: 'yes',
    });
    expect(r.recommendation).toBe('invest');
    expect(r.lines.find((l) => l.item === 'regulatory_pressure')).toMatchObject({
      answer: 'yes',
      computed: false,
      holds: true,
      disagrees: true,
    });
  });

  it('says not yet for one simple low-stakes prototype, start small on one sign, undecided with nothing to go on', () => {
    const prototype = facts({ activeModels: 1, beyondPrototype: 0, graveyard: 0, highStakes: 0, lowStakes: 1, simple: 1 });
    const r = readinessOf(prototype, {});
    expect(r.recommendation).toBe('not_yet');
    expect(r.lines.filter((l) => l.kind === 'not_yet' && l.holds).length).toBe(3);
    expect(readinessOf(prototype, { regulatory_pressure: 'yes' }).recommendation).toBe('start_small');
    const none = readinessOf(facts({ activeModels: 0, beyondPrototype: 0, graveyard: 0, highStakes: 0, lowStakes: 0, simple: 0 }), {});
    expect(none.recommendation).toBe('undecided');
  });

  it('draws the lines where the rule says', () => {
    const at = (graveyard: number, activeModels: number) =>
      readinessOf(facts({ graveyard, activeModels, lowStakes: 0 }), {})
        .lines.filter((l) => l.holds)
        .map((l) => l.item);
    expect(at(GRAVEYARD_SIGN_AT, HANDFUL)).toContain('prototype_graveyard');
    expect(at(GRAVEYARD_SIGN_AT - 1, HANDFUL)).not.toContain('prototype_graveyard');
    expect(at(0, HANDFUL)).not.toContain('growing_portfolio');
    expect(at(0, HANDFUL + 1)).toContain('growing_portfolio');
  });
});

describe('trends and the comparison with other clients', () => {
  const levels = (people: number, release: number) =>
    [frameworkLevels(ms, criteria, new Map(), 'lowest')].map((l) => ({
      ...l,
      dimensions: l.dimensions.map((d) => ({ ...d, level: d.dimension === 'people' ? people : release })),
    }));
  const finals = [
    { id: 'x2', clientId: 'c1', assessedOn: '2026-06-01', levels: levels(2, 1) },
    { id: 'x1', clientId: 'c1', assessedOn: '2026-01-01', levels: levels(1, 0) },
    { id: 'y1', clientId: 'c2', assessedOn: '2026-03-01', levels: levels(0, 0) },
    { id: 'z1', clientId: 'c3', assessedOn: '2026-03-01', levels: levels(2, 2) },
    { id: 'w1', clientId: 'c4', assessedOn: '2026-03-01', levels: levels(1, 1) },
    { id: 'w0', clientId: 'c4', assessedOn: '2025-03-01', levels: levels(0, 0) },
  ];
  const axes = [{ key: 'microsoft' as const, dimensions: ms.dimensions }];

  it('orders each dimension’s points by date', () => {
    const t = trendOf(
      finals.filter((f) => f.clientId === 'c1'),
      axes,
    );
    expect(t.find((l) => l.dimension === 'people')?.points.map((p) => [p.assessedOn, p.level])).toEqual([
      ['2026-01-01', 1],
      ['2026-06-01', 2],
    ]);
  });

  it('compares with the median of the other clients’ latest, only over enough clients', () => {
    const latest = latestPerClient(finals);
    expect(latest.get('c4')?.id).toBe('w1');
    const c = comparisonOf('c1', latest, axes, 3);
    expect(c.find((x) => x.dimension === 'people')).toMatchObject({ yours: 2, median: 1, clients: 3 });
    expect(comparisonOf('c1', latest, axes, 4).find((x) => x.dimension === 'people')?.median).toBeNull();
  });
});

describe('the framework file’s own checks and the assessment refusals', () => {
  it('says what is wrong with a set, in words', () => {
    const broken = structuredClone(SET);
    const cell = broken.frameworks[0]?.cells.find((x) => x.level === 2);
    if (cell) cell.criteria = ['a3'];
    broken.frameworks[0]?.cells.push({ dimension: 'people', level: 0, descriptor: 'again', criteria: [] });
    broken.criteria.push({ ...SET.criteria[0], id: 'orphan', title: 'Orphan', descriptor: 'x', section: 'documentation', measure: null });
    const problems = frameworkSetProblems(broken).join(' ');
    expect(problems).toContain('needs at least two criteria that show it');
    expect(problems).toContain('declared twice');
    expect(problems).toContain('The criterion orphan shows no level of any framework.');
    const unknown = structuredClone(SET);
    unknown.frameworks[1]?.cells[1]?.criteria.push('zz');
    expect(frameworkSetProblems(unknown).join(' ')).toContain('the criterion zz is not declared');
  });

  it('refuses a date in the future and criteria of another version', () => {
    expect(futureDateProblem('2026-11-25', '2026-11-24')).toBe('cannot be in the future (today is 24 Nov 2026)');
    expect(futureDateProblem('2026-11-24', '2026-11-24')).toBeNull();
    expect(unknownCriteria(['a1', 'zz', 'zz', 'yy'], new Set(['a1']))).toEqual(['zz', 'yy']);
  });
});
