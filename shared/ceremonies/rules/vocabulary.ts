/** The kinds of ceremony the operating rhythm is made of. */
export const CEREMONY_TYPES = [
  'model_review',
  'retraining_window',
  'deployment_window',
  'incident_review',
  'governance_review',
  'billing_review',
  'steering',
  'custom',
] as const;
export type CeremonyType = (typeof CEREMONY_TYPES)[number];

export const CEREMONY_TYPE_LABELS: Record<CeremonyType, string> = {
  model_review: 'Model performance review',
  retraining_window: 'Retraining window',
  deployment_window: 'Deployment window',
  incident_review: 'Incident review',
  governance_review: 'Governance review',
  billing_review: 'Monthly billing review',
  steering: 'Steering',
  custom: 'Custom',
};

/** What an occurrence's record says happened. */
export const OUTCOME_STATUSES = ['held', 'not_held'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** Where an occurrence stands, derived from the schedule, its exception and its record. */
export const OCCURRENCE_STATES = ['planned', 'due', 'held', 'missed', 'cancelled'] as const;
export type OccurrenceState = (typeof OCCURRENCE_STATES)[number];

export const OCCURRENCE_STATE_LABELS: Record<OccurrenceState, string> = {
  planned: 'Planned',
  due: 'To record',
  held: 'Held',
  missed: 'Missed',
  cancelled: 'Cancelled',
};

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

/** A participant or an owner is one of the team (specialist) or one of the client's people (contact). */
export const PERSON_KINDS = ['specialist', 'contact'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Accountable participants must be there for the ceremony to count; the others attend. */
export const PARTICIPANT_ROLES = ['accountable', 'attendee'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Days after an occurrence ends before an unrecorded one counts as missed (the default). */
export const DEFAULT_MISSED_AFTER_DAYS = 2;
export const MAX_MISSED_AFTER_DAYS = 30;
/** Rhythm health looks this far back. */
export const HEALTH_WINDOW_DAYS = 90;
/** A ceremony lasts at most a day. */
export const MAX_DURATION_MINUTES = 24 * 60;
