/**
 * The readiness check for prospective or new clients ("when to invest in MLOps"): the four signs a client needs a
 * dedicated team, and the three cases where it does not yet. Each item is answered by the client lead or, where
 * the portfolio can show it, computed from the portfolio's facts; an answer has the last word. It ends in a
 * recommendation with its reasons. The silent-failure sign comes from monitoring: production models without an SLO or unmonitored.
 */
export const READINESS_SIGNS = ['prototype_graveyard', 'silent_failures', 'regulatory_pressure', 'growing_portfolio'] as const;
export const READINESS_NOT_YET = ['exploration_phase', 'low_stakes_only', 'few_simple_models'] as const;
export const READINESS_ITEMS = [...READINESS_SIGNS, ...READINESS_NOT_YET] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

export const READINESS_LABELS: Record<ReadinessItem, string> = {
  prototype_graveyard: 'A growing prototype graveyard: models stall in prototype or pilot and never reach production',
  silent_failures: 'Silent failures in production: predictions degrade and no alert fires',
  regulatory_pressure: 'Regulatory or audit pressure: decisions must be traceable, approved and tested for bias',
  growing_portfolio: 'A portfolio growing past a handful of models',
  exploration_phase: 'Still exploring: no model has gone beyond a prototype',
  low_stakes_only: 'Only low-stakes internal tools',
  few_simple_models: 'One or two simple models',
};

/** How many models waiting in the graveyard make it "growing"; how many active models are more than a handful. */
export const GRAVEYARD_SIGN_AT = 3;
export const HANDFUL = 5;

/** The portfolio facts the check reads (the portfolio area exposes them per client). */
export type ReadinessFacts = {
  /** Models not retired (any stage from idea to production). */
  activeModels: number;
  /** Models that ever reached pilot, production or retirement. */
  beyondPrototype: number;
  graveyard: number;
  graveyardDays: number;
  /** Active models that are high or critical risk, high-risk under the AI Act, or in a regulated domain. */
  highStakes: number;
  /** Active models that are low risk, minimal under the AI Act and in no regulated domain. */
  lowStakes: number;
  /** Active models that are classical ML or rules with ML (not deep learning or LLMs). */
  simple: number;
  /** Models in production, and those of them without an SLO or unmonitored (monitoring's silent-failure rule). */
  production: number;
  silentProduction: number;
};

export type ReadinessAnswer = 'yes' | 'no';

export type ReadinessLine = {
  item: ReadinessItem;
  kind: 'sign' | 'not_yet';
  label: string;
  answer: ReadinessAnswer | null;
  /** What the portfolio shows: true, false, or null when it cannot tell. */
  computed: boolean | null;
  computedReason: string;
  /** The answer when given, else the computed value. */
  holds: boolean | null;
  /** The answer and the portfolio disagree. */
  disagrees: boolean;
};

export type Recommendation = 'invest' | 'start_small' | 'not_yet' | 'undecided';
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  invest: 'Invest now: a dedicated MLOps team pays off',
  start_small: 'Start small: one or two specialists on what presses most',
  not_yet: 'Not yet: revisit when the signs appear',
  undecided: 'Not enough to go on: answer the questions or record the portfolio',
};

export type Readiness = { lines: ReadinessLine[]; recommendation: Recommendation; headline: string; reasons: string[] };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function computedReadiness(f: ReadinessFacts): Record<ReadinessItem, { value: boolean | null; reason: string }> {
  const none = f.activeModels === 0;
  const noModels = 'No model is recorded for the client yet.';
  return {
    prototype_graveyard: {
      value: none ? null : f.graveyard >= GRAVEYARD_SIGN_AT,
      reason: none
        ? noModels
        : `${plural(f.graveyard, 'model has', 'models have')} waited more than ${f.graveyardDays} days in prototype or pilot (a sign from ${GRAVEYARD_SIGN_AT}).`,
    },
    silent_failures:
      f.production === 0
        ? { value: null, reason: 'No model is in production, so none can fail silently yet.' }
        : {
            value: f.silentProduction > 0,
            reason: `${f.silentProduction} of ${plural(f.production, 'production model is', 'production models are')} unmonitored or without an SLO: predictions could degrade with no alert firing.`,
          },
    regulatory_pressure: {
      value: none ? null : f.highStakes > 0,
      reason: none
        ? noModels
        : `${plural(f.highStakes, 'model is', 'models are')} high-stakes (high or critical risk, high-risk under the AI Act, or in a regulated domain).`,
    },
    growing_portfolio: {
      value: none ? null : f.activeModels > HANDFUL,
      reason: none ? noModels : `${plural(f.activeModels, 'model is', 'models are')} active (a handful is ${HANDFUL}).`,
    },
    exploration_phase: {
      value: none ? null : f.beyondPrototype === 0,
      reason: none
        ? noModels
        : f.beyondPrototype === 0
          ? 'No model has reached pilot or production.'
          : `${plural(f.beyondPrototype, 'model has', 'models have')} gone beyond a prototype.`,
    },
    low_stakes_only: {
      value: none ? null : f.lowStakes === f.activeModels,
      reason: none ? noModels : `${f.lowStakes} of ${plural(f.activeModels, 'active model is', 'active models are')} low-stakes.`,
    },
    few_simple_models: {
      value: none ? null : f.activeModels <= 2 && f.simple === f.activeModels,
      reason: none ? noModels : `${plural(f.activeModels, 'active model', 'active models')}, ${f.simple} of them classical ML or rules.`,
    },
  };
}

/** The check: each item's answer, what the portfolio shows, and the recommendation with its reasons. */
export function readinessOf(facts: ReadinessFacts, answers: Partial<Record<ReadinessItem, ReadinessAnswer>>): Readiness {
  const computed = computedReadiness(facts);
  const lines = READINESS_ITEMS.map((item): ReadinessLine => {
    const answer = answers[item] ?? null;
    const c = computed[item];
    const holds = answer === null ? c.value : answer === 'yes';
    return {
      item,
      kind: (READINESS_SIGNS as readonly string[]).includes(item) ? 'sign' : 'not_yet',
      label: READINESS_LABELS[item],
      answer,
      computed: c.value,
      computedReason: c.reason,
      holds,
      disagrees: answer !== null && c.value !== null && c.value !== (answer === 'yes'),
    };
  });
  const signs = lines.filter((l) => l.kind === 'sign' && l.holds === true);
  const notYet = lines.filter((l) => l.kind === 'not_yet' && l.holds === true);
  const known = lines.filter((l) => l.holds !== null).length;
  const reasonOf = (l: ReadinessLine) => `${l.label}${l.answer !== null ? ' (answered)' : ` (from the portfolio: ${l.computedReason})`}`;
  let recommendation: Recommendation;
  if (known === 0) recommendation = 'undecided';
  else if (signs.length >= 2 && notYet.length === 0) recommendation = 'invest';
  else if (signs.length >= 1) recommendation = 'start_small';
  else recommendation = 'not_yet';
  const reasons = [...signs, ...notYet].map(reasonOf);
  if (recommendation === 'not_yet' && notYet.length === 0) reasons.push('None of the four signs shows.');
  if (recommendation === 'undecided') reasons.push('No item is answered and the portfolio holds no model.');
  const headline = `${RECOMMENDATION_LABELS[recommendation]} — ${plural(signs.length, 'sign', 'signs')} of ${READINESS_SIGNS.length}, ${plural(notYet.length, '“not yet” case', '“not yet” cases')} of ${READINESS_NOT_YET.length}.`;
  return { lines, recommendation, headline, reasons };
}
