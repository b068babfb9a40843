/**
 * The maturity area's vocabularies. String unions, never enums: the values are what SQLite stores and the
 * contract carries; the labels are what people read.
 */

/** How a criterion is answered. Met: yes, or not applicable. Not met: partly, no, and no answer at all. */
export const ANSWERS = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ANSWER_LABELS: Record<Answer, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  not_applicable: 'Not applicable',
};

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const CONFIDENCE_LABELS: Record<Confidence, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** A draft is answered and changed; a final one is immutable (a correction is a new assessment citing it). */
export const ASSESSMENT_STATUSES = ['draft', 'final'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** The seven sections of Keel's capability criteria, in the order the form shows them. */
export const SECTIONS = [
  'documentation',
  'traceability',
  'code_quality',
  'monitoring',
  'data_pipelines',
  'explainability',
  'experimentation',
] as const;
export type SectionKey = (typeof SECTIONS)[number];

/** The public frameworks an assessment can be read against, each a mapping onto the criteria. */
export const FRAMEWORK_KEYS = ['microsoft', 'google'] as const;
export type FrameworkKey = (typeof FRAMEWORK_KEYS)[number];

/**
 * How the overall level follows from the dimensions' levels, stated beside it. The lowest dimension by default:
 * a chain is as strong as its weakest link; the median reads the typical dimension.
 */
export const OVERALL_RULES = ['lowest', 'median'] as const;
export type OverallRule = (typeof OVERALL_RULES)[number];
export const OVERALL_RULE_LABELS: Record<OverallRule, string> = {
  lowest: 'the lowest dimension',
  median: 'the median of the dimensions, rounded down',
};

/**
 * What Keel can measure from its own data for a criterion (a criterion names one in the framework file).
 * The monitoring and retraining areas add theirs.
 */
export const MEASURES = [
  'lineage',
  'approved_releases',
  'ownership_documented',
  'model_cards',
  'rollback_possible',
  'slo_coverage',
  'monitored_recently',
  'drift_watched',
  'retraining_triggers',
  'retrained_on_cadence',
  'rollbacks_approved',
] as const;
export type MeasureKey = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<MeasureKey, string> = {
  lineage: 'Production models with registered versions and a training-data snapshot',
  approved_releases: 'Production models whose champion has an approval',
  ownership_documented: 'Production models whose ownership shows no error in the matrix',
  model_cards: 'Production models with a complete model card',
  rollback_possible: 'Production models with an earlier approved version to roll back to',
  slo_coverage: 'Production models with SLOs',
  monitored_recently: 'Production models with a reading within the unmonitored limit (3 days by default)',
  drift_watched: 'Production models with a drift SLO',
  retraining_triggers: 'Production models whose retraining is triggered by a degradation or drift SLO',
  retrained_on_cadence: 'Production models retrained on a schedule or on new data, and not overdue',
  rollbacks_approved: 'Production models with an earlier approved version to roll back to, every rollback to an approved version',
};
