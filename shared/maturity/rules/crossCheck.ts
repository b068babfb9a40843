import { ANSWER_LABELS, type Answer, MEASURE_LABELS, MEASURES, type MeasureKey } from './vocabulary';

/**
 * What Keel sees of one production model, from the portfolio and the ownership matrix: the facts the measured
 * criteria are checked against.
 */
export type ProductionModelFacts = {
  modelId: string;
  name: string;
  /** At least one version registered, and the version serving (else the newest) names its training-data snapshot. */
  lineage: boolean;
  /** A champion serves production and its version has an approval (approved, or approved with conditions). */
  approvedChampion: boolean;
  /** The matrix shows no error on the model (every duty in force has an Accountable). */
  ownershipDocumented: boolean;
  /** The model-level sections of its card are complete. */
  cardComplete: boolean;
  /** An approved version other than the one serving exists to roll back to. */
  rollbackPossible: boolean;
  /** At least one SLO watches it (monitoring). */
  hasSlos: boolean;
  /** Its newest reading is within the unmonitored limit (monitoring's silent-failure rule). */
  monitoredRecently: boolean;
  /** A drift SLO (PSI or KS) watches it. */
  driftWatched: boolean;
  /** Its retraining policy enables the degradation or the drift trigger (operations). */
  retrainingTriggers: boolean;
  /** Retrained on a schedule or on new data, and not overdue on its cadence (operations). */
  retrainedOnCadence: boolean;
  /** An earlier approved version to roll back to, and every rollback it had went to an approved version. */
  rollbacksApproved: boolean;
};

const FACT: Record<MeasureKey, keyof Omit<ProductionModelFacts, 'modelId' | 'name'>> = {
  lineage: 'lineage',
  approved_releases: 'approvedChampion',
  ownership_documented: 'ownershipDocumented',
  model_cards: 'cardComplete',
  rollback_possible: 'rollbackPossible',
  slo_coverage: 'hasSlos',
  monitored_recently: 'monitoredRecently',
  drift_watched: 'driftWatched',
  retraining_triggers: 'retrainingTriggers',
  retrained_on_cadence: 'retrainedOnCadence',
  rollbacks_approved: 'rollbacksApproved',
};

/** How a failing model is described in a sentence ("3 of 9 production models without an approved champion"). */
const FAILING: Record<MeasureKey, string> = {
  lineage: 'without registered versions and a training-data snapshot',
  approved_releases: 'without an approved champion',
  ownership_documented: 'with ownership gaps in the matrix',
  model_cards: 'without a complete model card',
  rollback_possible: 'without an earlier approved version to roll back to',
  slo_coverage: 'without an SLO',
  monitored_recently: 'without a recent reading (unmonitored)',
  drift_watched: 'without a drift SLO',
  retraining_triggers: 'without a degradation or drift retraining trigger',
  retrained_on_cadence: 'not retrained on a schedule or on new data, or overdue',
  rollbacks_approved: 'without an approved version to roll back to, or rolled back to an unapproved one',
};

export type Measurement = {
  measure: MeasureKey;
  label: string;
  /** Production models that show it. */
  met: number;
  /** Production models measured. */
  of: number;
  /** The models that do not show it, by name (at most 10 named). */
  failing: { modelId: string; name: string }[];
  failingCount: number;
  /** "6 of 9 production models have …", or why nothing can be measured. */
  sentence: string;
};

/** Each measure over the client's production models. */
export function measure(models: readonly ProductionModelFacts[]): Measurement[] {
  return MEASURES.map((key) => {
    const fact = FACT[key];
    const failingAll = models.filter((m) => !m[fact]);
    const of = models.length;
    const met = of - failingAll.length;
    const sentence =
      of === 0
        ? 'Keel cannot tell: the client has no model in production.'
        : failingAll.length === 0
          ? of === 1
            ? 'The one production model shows it.'
            : `All ${of} production models show it.`
          : `${failingAll.length} of ${of} production ${of === 1 ? 'model' : 'models'} ${FAILING[key]}.`;
    return {
      measure: key,
      label: MEASURE_LABELS[key],
      met,
      of,
      failing: failingAll.slice(0, 10).map(({ modelId, name }) => ({ modelId, name })),
      failingCount: failingAll.length,
      sentence,
    };
  });
}

/**
 * What Keel's measurement says about an answer:
 * - contradicts: answered yes (or not applicable) while some production model does not show it;
 * - understated: answered partly or no while every production model shows it;
 * - agrees: the answer and the measurement tell the same story (or the answer is partly and some do);
 * - unanswered: nothing to compare yet; no_data: no model in production to measure.
 */
export type Verdict = 'agrees' | 'contradicts' | 'understated' | 'unanswered' | 'no_data';

export type CrossCheck = {
  criterionId: string;
  measure: MeasureKey;
  answer: Answer | null;
  verdict: Verdict;
  measurement: Measurement;
  /** The flag in words, e.g. "Answered yes; Keel shows 3 of 9 production models without an approved champion." */
  message: string;
};

export function verdictOf(answer: Answer | null, m: Pick<Measurement, 'met' | 'of'>): Verdict {
  if (m.of === 0) return 'no_data';
  if (answer === null) return 'unanswered';
  const all = m.met === m.of;
  if ((answer === 'yes' || answer === 'not_applicable') && !all) return 'contradicts';
  if ((answer === 'partly' || answer === 'no') && all) return 'understated';
  return 'agrees';
}

/** Cross-checks every measured criterion's answer against Keel's measurement. */
export function crossCheck(
  criteria: readonly { id: string; measure: MeasureKey | null }[],
  answers: ReadonlyMap<string, Answer>,
  measurements: readonly Measurement[],
): CrossCheck[] {
  const byKey = new Map(measurements.map((m) => [m.measure, m]));
  const checks: CrossCheck[] = [];
  for (const c of criteria) {
    if (c.measure === null) continue;
    const m = byKey.get(c.measure);
    if (!m) continue;
    const answer = answers.get(c.id) ?? null;
    const verdict = verdictOf(answer, m);
    const said = answer === null ? 'Not answered yet' : `Answered ${ANSWER_LABELS[answer].toLowerCase()}`;
    const message =
      verdict === 'contradicts'
        ? `${said}; Keel shows ${m.sentence.charAt(0).toLowerCase()}${m.sentence.slice(1)}`
        : verdict === 'understated'
          ? `${said}; Keel shows it on every production model (${m.met} of ${m.of}).`
          : verdict === 'agrees'
            ? `${said}; Keel agrees: ${m.sentence.charAt(0).toLowerCase()}${m.sentence.slice(1)}`
            : `${said}; ${m.sentence}`;
    checks.push({ criterionId: c.id, measure: c.measure, answer, verdict, measurement: m, message });
  }
  return checks;
}
