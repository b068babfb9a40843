/**
 * The operations area's vocabularies. String unions, never enums: the values are what SQLite stores and the
 * contract carries; the labels are what people read.
 */
import type { MetricKind } from '@shared/monitoring/rules/vocabulary';

/** The five retraining triggers. */
export const TRIGGERS = ['on_demand', 'schedule', 'new_data', 'degradation', 'drift'] as const;
export type Trigger = (typeof TRIGGERS)[number];
export const TRIGGER_LABELS: Record<Trigger, string> = {
  on_demand: 'On demand',
  schedule: 'On schedule',
  new_data: 'On new data availability',
  degradation: 'On performance degradation',
  drift: 'On concept drift',
};

/** A cadence's unit: every N days, weeks or months. */
export const CADENCE_UNITS = ['day', 'week', 'month'] as const;
export type CadenceUnit = (typeof CADENCE_UNITS)[number];
export const MAX_CADENCE_EVERY = 999;

/** What a retraining run came to. */
export const RUN_OUTCOMES = ['new_version', 'no_change', 'failed'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];
export const RUN_OUTCOME_LABELS: Record<RunOutcome, string> = {
  new_version: 'New version registered',
  no_change: 'No change',
  failed: 'Failed',
};

/**
 * The SLO kinds whose breach is a performance degradation (the model's quality), and those that are concept
 * drift. Service metrics (availability, latency, errors) and cost are incidents, not reasons to retrain.
 */
export const DEGRADATION_KINDS: readonly MetricKind[] = ['precision', 'recall', 'f1', 'auc', 'calibration_error', 'business_kpi'];
export const DRIFT_TRIGGER_KINDS: readonly MetricKind[] = ['drift_psi', 'drift_ks'];

/**
 * The reading that says new training data is available: a reading of this signal on the model (typed, imported
 * or dropped in the monitoring inbox) with a value above zero.
 */
export { NEW_DATA_METRIC } from '@shared/monitoring/rules/vocabulary';

export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export type IncidentSeverity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<IncidentSeverity, string> = {
  sev1: 'SEV1 — critical',
  sev2: 'SEV2 — major',
  sev3: 'SEV3 — minor',
  sev4: 'SEV4 — low',
};
export const SEVERITY_SHORT: Record<IncidentSeverity, string> = { sev1: 'SEV1', sev2: 'SEV2', sev3: 'SEV3', sev4: 'SEV4' };

/** How an incident was detected. */
export const DETECTION_SOURCES = ['slo_breach', 'alert', 'user_report', 'audit_finding'] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];
export const DETECTION_LABELS: Record<DetectionSource, string> = {
  slo_breach: 'SLO breach',
  alert: 'Monitoring alert',
  user_report: 'User report',
  audit_finding: 'Audit finding',
};

/** How it was detected, in a sentence ("detected by an SLO breach"). */
export const DETECTION_WORDS: Record<DetectionSource, string> = {
  slo_breach: 'an SLO breach',
  alert: 'a monitoring alert',
  user_report: 'a user report',
  audit_finding: 'an audit finding',
};

/** An incident's timeline entries. */
export const ENTRY_KINDS = ['opened', 'acknowledged', 'note', 'responder', 'mitigated', 'rollback', 'resolved', 'review'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_LABELS: Record<EntryKind, string> = {
  opened: 'Opened',
  acknowledged: 'Acknowledged',
  note: 'Note',
  responder: 'Responder changed',
  mitigated: 'Mitigated',
  rollback: 'Rolled back',
  resolved: 'Resolved',
  review: 'Review planned',
};

/** Where an incident stands, derived from its instants. */
export const INCIDENT_STATES = ['open', 'acknowledged', 'mitigated', 'resolved'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export const INCIDENT_STATE_LABELS: Record<IncidentState, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

/** Where the post-incident review stands. */
export const REVIEW_STATES = ['not_due', 'planned', 'held', 'overdue'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Business days after resolution by which the post-incident review is due (a setting). */
export const DEFAULT_REVIEW_BUSINESS_DAYS = 5;
export const MAX_REVIEW_BUSINESS_DAYS = 30;
