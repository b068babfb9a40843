import {
  GRAVEYARD_SIGN_AT,
  HANDFUL,
  READINESS_ITEMS,
  READINESS_LABELS,
  type ReadinessFacts,
  readinessOf,
} from '@shared/maturity/rules/readiness';
import { describe, expect, it } from 'vitest';

const NOBODY: ReadinessFacts = {
  activeModels: 0,
  beyondPrototype: 0,
  graveyard: 0,
  graveyardDays: 90,
  highStakes: 0,
  lowStakes: 0,
  simple: 0,
  production: 0,
  silentProduction: 0,
};

/** Twelve active models, four waiting in the graveyard, two high-stakes, three low-stakes, eight simple, five past prototype. */
const BUSY: ReadinessFacts = {
  activeModels: 12,
  beyondPrototype: 5,
  graveyard: 4,
  graveyardDays: 90,
  highStakes: 2,
  lowStakes: 3,
  simple: 8,
  production: 0,
  silentProduction: 0,
};

/** One simple low-stakes model, still a prototype. */
const PROTOTYPE: ReadinessFacts = {
  activeModels: 1,
  beyondPrototype: 0,
  graveyard: 0,
  graveyardDays: 90,
  highStakes: 0,
  lowStakes: 1,
  simple: 1,
  production: 0,
  silentProduction: 0,
};

const holding = (r: ReturnType<typeof readinessOf>) => r.lines.filter((l) => l.holds === true).map((l) => l.item);

describe('the readiness check', () => {
  it('is undecided with no model and no answer', () => {
    const r = readinessOf(NOBODY, {});
    expect(r.recommendation).toBe('undecided');
    expect(r.lines.map((l) => [l.item, l.computed, l.holds])).toEqual(READINESS_ITEMS.map((item) => [item, null, null]));
    expect(r.lines.find((l) => l.item === 'growing_portfolio')?.computedReason).toBe('No model is recorded for the client yet.');
    expect(r.reasons).toEqual(['No item is answered and the portfolio holds no model.']);
    expect(r.headline).toBe('Not enough to go on: answer the questions or record the portfolio — 0 signs of 4, 0 “not yet” cases of 3.');
  });

  it('recommends investing on three signs from the portfolio, with the three reasons', () => {
    const r = readinessOf(BUSY, {});
    expect(r.recommendation).toBe('invest');
    expect(holding(r)).toEqual(['prototype_graveyard', 'regulatory_pressure', 'growing_portfolio']);
    expect(r.lines.map((l) => [l.item, l.kind, l.computed])).toEqual([
      ['prototype_graveyard', 'sign', true],
      ['silent_failures', 'sign', null],
      ['regulatory_pressure', 'sign', true],
      ['growing_portfolio', 'sign', true],
      ['exploration_phase', 'not_yet', false],
      ['low_stakes_only', 'not_yet', false],
      ['few_simple_models', 'not_yet', false],
    ]);
    expect(r.reasons).toEqual([
      `${READINESS_LABELS.prototype_graveyard} (from the portfolio: 4 models have waited more than 90 days in prototype or pilot (a sign from 3).)`,
      `${READINESS_LABELS.regulatory_pressure} (from the portfolio: 2 models are high-stakes (high or critical risk, high-risk under the AI Act, or in a regulated domain).)`,
      `${READINESS_LABELS.growing_portfolio} (from the portfolio: 12 models are active (a handful is 5).)`,
    ]);
    expect(r.headline).toBe('Invest now: a dedicated MLOps team pays off — 3 signs of 4, 0 “not yet” cases of 3.');
  });

  it('computes silent failures from monitoring: a production model without an SLO or unmonitored; an answer still counts', () => {
    for (const facts of [NOBODY, BUSY, PROTOTYPE]) {
      const line = readinessOf(facts, {}).lines.find((l) => l.item === 'silent_failures');
      expect([line?.computed, line?.holds]).toEqual([null, null]);
      expect(line?.computedReason).toBe('No model is in production, so none can fail silently yet.');
    }
    const silentOne = readinessOf({ ...BUSY, production: 3, silentProduction: 1 }, {}).lines.find((l) => l.item === 'silent_failures');
    expect(silentOne).toMatchObject({ computed: true, holds: true });
    expect(silentOne?.computedReason).toBe(
      '1 of 3 production models are unmonitored or without an SLO: predictions could degrade with no alert firing.',
    );
    const watched = readinessOf({ ...BUSY, production: 2, silentProduction: 0 }, { silent_failures: 'yes' }).lines.find(
      (l) => l.item === 'silent_failures',
    );
    expect(watched).toMatchObject({ computed: false, holds: true, disagrees: true });
    const r = readinessOf({ ...BUSY, graveyard: 0, activeModels: 4, lowStakes: 1 }, { silent_failures: 'yes' });
    expect(holding(r)).toEqual(['silent_failures', 'regulatory_pressure']);
    expect(r.recommendation).toBe('invest');
    const silent = r.lines.find((l) => l.item === 'silent_failures');
    expect(silent).toMatchObject({ answer: 'yes', computed: null, holds: true, disagrees: false });
    expect(r.reasons[0]).toBe(`${READINESS_LABELS.silent_failures} (answered)`);
  });

  it('says not yet for one simple low-stakes prototype', () => {
    const r = readinessOf(PROTOTYPE, {});
    expect(r.recommendation).toBe('not_yet');
    expect(holding(r)).toEqual(['exploration_phase', 'low_stakes_only', 'few_simple_models']);
    expect(r.lines.filter((l) => l.kind === 'sign').map((l) => l.holds)).toEqual([false, null, false, false]);
    expect(r.reasons).toEqual([
      `${READINESS_LABELS.exploration_phase} (from the portfolio: No model has reached pilot or production.)`,
      `${READINESS_LABELS.low_stakes_only} (from the portfolio: 1 of 1 active model is low-stakes.)`,
      `${READINESS_LABELS.few_simple_models} (from the portfolio: 1 active model, 1 of them classical ML or rules.)`,
    ]);
    expect(r.headline).toBe('Not yet: revisit when the signs appear — 0 signs of 4, 3 “not yet” cases of 3.');
  });

  it('says not yet, with that reason, when no sign shows and no "not yet" case does either', () => {
    // Four active models, one past prototype, mixed stakes, none high: nothing holds but it is known.
    const r = readinessOf({ ...BUSY, activeModels: 4, beyondPrototype: 1, graveyard: 0, highStakes: 0, lowStakes: 2 }, {});
    expect(holding(r)).toEqual([]);
    expect(r.recommendation).toBe('not_yet');
    expect(r.reasons).toEqual(['None of the four signs shows.']);
  });

  it('starts small on one sign with one "not yet" case, and on two signs with a "not yet" case', () => {
    // Two simple models, one past prototype, one high-stakes: regulatory pressure and few simple models.
    const two: ReadinessFacts = { ...PROTOTYPE, activeModels: 2, beyondPrototype: 1, highStakes: 1, lowStakes: 1, simple: 2 };
    const r = readinessOf(two, {});
    expect(holding(r)).toEqual(['regulatory_pressure', 'few_simple_models']);
    expect(r.recommendation).toBe('start_small');
    expect(r.headline).toBe('Start small: one or two specialists on what presses most — 1 sign of 4, 1 “not yet” case of 3.');
    expect(r.reasons).toHaveLength(2);
    const twoSigns = readinessOf(two, { silent_failures: 'yes' });
    expect(twoSigns.recommendation).toBe('start_small');
    expect(readinessOf(PROTOTYPE, { regulatory_pressure: 'yes' }).recommendation).toBe('start_small');
  });

  it('lets an answer override the portfolio, showing the disagreement', () => {
    const r = readinessOf(BUSY, { prototype_graveyard: 'no', regulatory_pressure: 'yes', exploration_phase: 'yes' });
    expect(r.lines.find((l) => l.item === 'prototype_graveyard')).toMatchObject({
      answer: 'no',
      computed: true,
      holds: false,
      disagrees: true,
    });
    expect(r.lines.find((l) => l.item === 'regulatory_pressure')).toMatchObject({
      answer: 'yes',
      computed: true,
      holds: true,
      disagrees: false,
    });
    expect(r.lines.find((l) => l.item === 'exploration_phase')).toMatchObject({
      answer: 'yes',
      computed: false,
      holds: true,
      disagrees: true,
    });
    // Two signs left (regulatory, growing) but a "not yet" case answered yes: start small.
    expect(holding(r)).toEqual(['regulatory_pressure', 'growing_portfolio', 'exploration_phase']);
    expect(r.recommendation).toBe('start_small');
    expect(r.reasons[0]).toBe(`${READINESS_LABELS.regulatory_pressure} (answered)`);
  });

  it('decides on answers alone when the portfolio holds no model', () => {
    const r = readinessOf(NOBODY, { silent_failures: 'yes', regulatory_pressure: 'yes' });
    expect(r.recommendation).toBe('invest');
    expect(r.lines.every((l) => !l.disagrees)).toBe(true);
    expect(readinessOf(NOBODY, { growing_portfolio: 'no' }).recommendation).toBe('not_yet');
  });

  it('counts the graveyard from GRAVEYARD_SIGN_AT and a growing portfolio above HANDFUL', () => {
    const at = (graveyard: number, activeModels: number) => holding(readinessOf({ ...BUSY, graveyard, activeModels, highStakes: 0 }, {}));
    expect(GRAVEYARD_SIGN_AT).toBe(3);
    expect(HANDFUL).toBe(5);
    expect(at(3, 5)).toEqual(['prototype_graveyard']);
    expect(at(2, 5)).toEqual([]);
    expect(at(0, 6)).toEqual(['growing_portfolio']);
    expect(at(3, 6)).toEqual(['prototype_graveyard', 'growing_portfolio']);
  });
});
