/**
 * The monitoring area's vocabularies. String unions, never enums: the values are what SQLite stores
 * and the contract carries; the labels are what people read.
 */

/** What an SLO measures. A drift score is kept per feature group (the metric's name says which). */
export const METRIC_KINDS = [
  'availability',
  'latency_p95',
  'error_rate',
  'precision',
  'recall',
  'f1',
  'auc',
  'calibration_error',
  'drift_psi',
  'drift_ks',
  'business_kpi',
  'cost_per_1k',
  'custom',
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const METRIC_KIND_LABELS: Record<MetricKind, string> = {
  availability: 'Availability',
  latency_p95: 'Latency (p95)',
  error_rate: 'Error rate',
  precision: 'Precision',
  recall: 'Recall',
  f1: 'F1 score',
  auc: 'AUC',
  calibration_error: 'Calibration error',
  drift_psi: 'Drift (PSI)',
  drift_ks: 'Drift (KS)',
  business_kpi: 'Business KPI',
  cost_per_1k: 'Cost per 1,000 predictions',
  custom: 'Custom metric',
};

/** The unit and direction a new SLO of a kind starts with (a person may change both). */
export const METRIC_DEFAULTS: Record<MetricKind, { unit: string; direction: Direction }> = {
  availability: { unit: '%', direction: 'higher' },
  latency_p95: { unit: 'ms', direction: 'lower' },
  error_rate: { unit: '%', direction: 'lower' },
  precision: { unit: 'ratio', direction: 'higher' },
  recall: { unit: 'ratio', direction: 'higher' },
  f1: { unit: 'ratio', direction: 'higher' },
  auc: { unit: 'ratio', direction: 'higher' },
  calibration_error: { unit: 'ratio', direction: 'lower' },
  drift_psi: { unit: 'PSI', direction: 'lower' },
  drift_ks: { unit: 'KS', direction: 'lower' },
  business_kpi: { unit: '', direction: 'higher' },
  cost_per_1k: { unit: 'CHF', direction: 'lower' },
  custom: { unit: '', direction: 'higher' },
};

/**
 * Signals: metrics kept without an SLO, for other areas to act on. A reading of `new_data_available` above zero
 * says new training data has arrived (the retraining trigger "on new data availability"); `predictions` counts the
 * predictions served since the reading before (summed per month: the volume behind the cost per 1,000 predictions).
 */
export const NEW_DATA_METRIC = 'new_data_available';
export const PREDICTIONS_METRIC = 'predictions';
export const SIGNAL_METRICS: readonly string[] = [NEW_DATA_METRIC, PREDICTIONS_METRIC];

/** Drift metrics give a model its drift status, apart from its health. */
export const DRIFT_KINDS: readonly MetricKind[] = ['drift_psi', 'drift_ks'];
export const isDriftKind = (kind: MetricKind) => DRIFT_KINDS.includes(kind);

/** Whether a higher or a lower value is the better one. */
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = { higher: 'Higher is better', lower: 'Lower is better' };

/** How the readings in a window become the one value compared with the target. */
export const AGGREGATIONS = ['mean', 'p95', 'min', 'max', 'last'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const AGGREGATION_LABELS: Record<Aggregation, string> = {
  mean: 'Mean',
  p95: '95th percentile',
  min: 'Minimum',
  max: 'Maximum',
  last: 'Last reading',
};

/** One SLO over its window. `no_data`: no reading fell in the window. */
export const SLO_STATUSES = ['ok', 'warning', 'breach', 'no_data'] as const;
export type SloStatus = (typeof SLO_STATUSES)[number];
export const SLO_STATUS_LABELS: Record<SloStatus, string> = { ok: 'Met', warning: 'Warning', breach: 'Breach', no_data: 'No data' };

/**
 * A model's health: its worst SLO, unless it is silent. `unmonitored`: a production model with no
 * reading for more than the allowed days (the silent failure); `no_slos`: nothing is watched.
 */
export const HEALTHS = ['breach', 'unmonitored', 'warning', 'no_data', 'ok', 'no_slos'] as const;
export type Health = (typeof HEALTHS)[number];
export const HEALTH_LABELS: Record<Health, string> = {
  breach: 'Breach',
  unmonitored: 'Unmonitored',
  warning: 'Warning',
  no_data: 'Waiting for readings',
  ok: 'Healthy',
  no_slos: 'No SLOs',
};

/** Drift, from the drift SLOs alone. */
export const DRIFT_STATUSES = ['drifting', 'watch', 'stable', 'unknown'] as const;
export type DriftStatus = (typeof DRIFT_STATUSES)[number];
export const DRIFT_STATUS_LABELS: Record<DriftStatus, string> = {
  drifting: 'Drifting',
  watch: 'Watch',
  stable: 'Stable',
  unknown: 'Not measured',
};

/** Where a batch of readings came from. */
export const READING_SOURCES = ['csv', 'xlsx', 'prometheus', 'keel', 'manual'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];
export const READING_SOURCE_LABELS: Record<ReadingSource, string> = {
  csv: 'CSV file',
  xlsx: 'Excel workbook',
  prometheus: 'Prometheus answer',
  keel: 'Keel readings export',
  manual: 'Typed by hand',
};

/** A production model with no reading for more than this many days is unmonitored (a setting). */
export const DEFAULT_UNMONITORED_DAYS = 3;
export const MAX_UNMONITORED_DAYS = 90;

/** Evaluation windows, in minutes: from five minutes to ninety days. */
export const MIN_WINDOW_MINUTES = 5;
export const MAX_WINDOW_MINUTES = 90 * 24 * 60;
