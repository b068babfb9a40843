import type { Migration } from './types';

/**
 * Ceremonies: the engagement's operating rhythm.
 *
 * - ceremony_series: per engagement, a type and title, the zone it is planned in (the client's), the first
 *   start as a local date and time, a duration, and either an RFC 5545 RRULE or NULL for a one-off; where and
 *   how people meet, the agenda template; `uid` is the stable iCalendar UID (re-importing updates), `sequence`
 *   the iCalendar SEQUENCE; a series split "this and following" names the one it came from.
 * - ceremony_participant / ceremony_model: who takes part (a specialist or a client contact, Accountable or
 *   attending) and which models it is about.
 * - ceremony_exception: one occurrence cancelled (EXDATE) or moved (RECURRENCE-ID with its own date, time and
 *   duration), keyed by its original local start.
 * - ceremony_occurrence: what happened at one occurrence (held or not held), its attendance and notes;
 *   ceremony_decision: the decisions it took (the one home of decisions).
 * - ceremony_action: action items raised at an occurrence: owner, due date, status, the model they concern.
 * - ceremony_freeze: an engagement's change freezes.
 */
export const m0013Ceremonies: Migration = {
  version: 13,
  name: 'ceremony series, exceptions, outcomes, decisions, action items, freezes',
  up: `
    CREATE TABLE ceremony_series (
      id TEXT PRIMARY KEY NOT NULL,
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      type TEXT NOT NULL CHECK (type IN ('model_review', 'retraining_window', 'deployment_window', 'incident_review',
        'governance_review', 'billing_review', 'steering', 'custom')),
      title TEXT NOT NULL CHECK (title <> ''),
      time_zone TEXT NOT NULL CHECK (time_zone <> ''),
      start_date TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
      duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
      rrule TEXT CHECK (rrule IS NULL OR rrule LIKE 'FREQ=%' OR rrule LIKE '%;FREQ=%'),
      location TEXT NOT NULL DEFAULT '',
      meeting_url TEXT NOT NULL DEFAULT '',
      agenda TEXT NOT NULL DEFAULT '',
      uid TEXT NOT NULL UNIQUE,
      sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
      split_from TEXT REFERENCES ceremony_series (id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ceremony_series_engagement ON ceremony_series (engagement_id);

    CREATE TABLE ceremony_participant (
      series_id TEXT NOT NULL REFERENCES ceremony_series (id) ON DELETE CASCADE,
      person_kind TEXT NOT NULL CHECK (person_kind IN ('specialist', 'contact')),
      person_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('accountable', 'attendee')),
      PRIMARY KEY (series_id, person_kind, person_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE ceremony_model (
      series_id TEXT NOT NULL REFERENCES ceremony_series (id) ON DELETE CASCADE,
      model_id TEXT NOT NULL REFERENCES model (id),
      PRIMARY KEY (series_id, model_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX ceremony_model_model ON ceremony_model (model_id);

    CREATE TABLE ceremony_exception (
      series_id TEXT NOT NULL REFERENCES ceremony_series (id) ON DELETE CASCADE,
      occurrence_key TEXT NOT NULL,
      cancelled INTEGER NOT NULL CHECK (cancelled IN (0, 1)),
      moved_date TEXT,
      moved_time TEXT,
      duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 1440),
      reason TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (series_id, occurrence_key),
      CHECK (cancelled = 1 OR (moved_date IS NOT NULL AND moved_time IS NOT NULL))
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX ceremony_exception_moved ON ceremony_exception (moved_date) WHERE moved_date IS NOT NULL;

    CREATE TABLE ceremony_occurrence (
      id TEXT PRIMARY KEY NOT NULL,
      series_id TEXT NOT NULL REFERENCES ceremony_series (id),
      occurrence_key TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('held', 'not_held')),
      notes TEXT NOT NULL DEFAULT '',
      attendance TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attendance) AND json_type(attendance) = 'array'),
      recorded_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (series_id, occurrence_key)
    ) STRICT;
    CREATE INDEX ceremony_occurrence_start ON ceremony_occurrence (starts_at);

    CREATE TABLE ceremony_decision (
      id TEXT PRIMARY KEY NOT NULL,
      occurrence_id TEXT NOT NULL REFERENCES ceremony_occurrence (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      text TEXT NOT NULL CHECK (text <> ''),
      model_id TEXT REFERENCES model (id)
    ) STRICT;
    CREATE INDEX ceremony_decision_occurrence ON ceremony_decision (occurrence_id, position);

    CREATE TABLE ceremony_action (
      id TEXT PRIMARY KEY NOT NULL,
      series_id TEXT NOT NULL REFERENCES ceremony_series (id),
      occurrence_key TEXT NOT NULL,
      raised_at TEXT NOT NULL,
      title TEXT NOT NULL CHECK (title <> ''),
      owner_kind TEXT NOT NULL CHECK (owner_kind IN ('specialist', 'contact')),
      owner_id TEXT NOT NULL,
      due_date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
      model_id TEXT REFERENCES model (id),
      closed_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((status = 'open') = (closed_at IS NULL))
    ) STRICT;
    CREATE INDEX ceremony_action_series ON ceremony_action (series_id, raised_at);
    CREATE INDEX ceremony_action_open ON ceremony_action (status, due_date);

    CREATE TABLE ceremony_freeze (
      id TEXT PRIMARY KEY NOT NULL,
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      starts_on TEXT NOT NULL,
      ends_on TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason <> ''),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (ends_on >= starts_on)
    ) STRICT;
    CREATE INDEX ceremony_freeze_engagement ON ceremony_freeze (engagement_id, starts_on);
  `,
};
