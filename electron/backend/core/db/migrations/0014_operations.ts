import type { Migration } from './types';

/**
 * Operations: acting on what monitoring sees.
 *
 * - retraining_policy: per model, a cadence (every N days, weeks or months) and which of the five triggers are
 *   enabled (on demand, on schedule, on new data, on performance degradation, on concept drift).
 * - retraining_run: the retraining log: the day, the trigger, the outcome (a new version registered — linked to
 *   the portfolio —, no change, failed), the SLO breach that raised it when one did.
 * - incident: a model's incident: severity, when and how it was detected (an SLO breach with its reading, an alert,
 *   a user report, an audit finding), the responder (from the ownership matrix at detection, or chosen with a
 *   reason), acknowledged / mitigated / resolved instants, the rollback deployment that mitigated it, the
 *   post-incident review (a one-off ceremony) and the day it is due.
 * - incident_entry: the incident's timeline.
 * - cost_line: a model's run cost of a month in one category (compute, storage, API / tokens, licences, other), in the
 *   client's currency, typed or from a provider's cost export (one line per model, month, category and source).
 * - cost_import: each cost export read (all or nothing), with what it covered.
 * - cost_mapping: a client's resource tags (key = value) that name a model.
 * - cost_budget: a model's monthly budget.
 */
export const m0014Operations: Migration = {
  version: 14,
  name: 'retraining policies and log, incidents and their timelines, run cost, tag mappings and budgets',
  up: `
    CREATE TABLE retraining_policy (
      model_id TEXT PRIMARY KEY NOT NULL REFERENCES model (id),
      cadence_every INTEGER CHECK (cadence_every IS NULL OR cadence_every BETWEEN 1 AND 999),
      cadence_unit TEXT CHECK (cadence_unit IS NULL OR cadence_unit IN ('day', 'week', 'month')),
      on_demand INTEGER NOT NULL DEFAULT 1 CHECK (on_demand IN (0, 1)),
      on_schedule INTEGER NOT NULL DEFAULT 0 CHECK (on_schedule IN (0, 1)),
      on_new_data INTEGER NOT NULL DEFAULT 0 CHECK (on_new_data IN (0, 1)),
      on_degradation INTEGER NOT NULL DEFAULT 0 CHECK (on_degradation IN (0, 1)),
      on_drift INTEGER NOT NULL DEFAULT 0 CHECK (on_drift IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((cadence_every IS NULL) = (cadence_unit IS NULL)),
      CHECK (on_schedule = 0 OR cadence_every IS NOT NULL)
    ) STRICT;

    CREATE TABLE retraining_run (
      id TEXT PRIMARY KEY NOT NULL,
      model_id TEXT NOT NULL REFERENCES model (id),
      run_on TEXT NOT NULL CHECK (run_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      trigger TEXT NOT NULL CHECK (trigger IN ('on_demand', 'schedule', 'new_data', 'degradation', 'drift')),
      outcome TEXT NOT NULL CHECK (outcome IN ('new_version', 'no_change', 'failed')),
      version_id TEXT REFERENCES model_version (id),
      slo_id TEXT REFERENCES monitoring_slo (id) ON DELETE SET NULL,
      breach TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      CHECK ((outcome = 'new_version') = (version_id IS NOT NULL))
    ) STRICT;
    CREATE INDEX retraining_run_model ON retraining_run (model_id, run_on);
    CREATE INDEX retraining_run_completed ON retraining_run (model_id, run_on) WHERE outcome <> 'failed';

    CREATE TABLE incident (
      id TEXT PRIMARY KEY NOT NULL,
      model_id TEXT NOT NULL REFERENCES model (id),
      severity TEXT NOT NULL CHECK (severity IN ('sev1', 'sev2', 'sev3', 'sev4')),
      title TEXT NOT NULL CHECK (title <> ''),
      detected_at TEXT NOT NULL,
      detected_by TEXT NOT NULL CHECK (detected_by IN ('slo_breach', 'alert', 'user_report', 'audit_finding')),
      slo_id TEXT REFERENCES monitoring_slo (id) ON DELETE SET NULL,
      reading_at TEXT,
      reading_value REAL,
      detail TEXT NOT NULL DEFAULT '',
      responder_kind TEXT CHECK (responder_kind IS NULL OR responder_kind IN ('specialist', 'contact')),
      responder_id TEXT,
      responder_reason TEXT NOT NULL DEFAULT '',
      acknowledged_at TEXT,
      mitigated_at TEXT,
      resolved_at TEXT,
      rollback_deployment_id TEXT REFERENCES deployment (id),
      review_series_id TEXT REFERENCES ceremony_series (id),
      review_due_on TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((responder_kind IS NULL) = (responder_id IS NULL)),
      CHECK (acknowledged_at IS NULL OR acknowledged_at >= detected_at),
      CHECK (mitigated_at IS NULL OR mitigated_at >= detected_at),
      CHECK (resolved_at IS NULL OR resolved_at >= detected_at),
      CHECK ((resolved_at IS NULL) = (review_due_on IS NULL))
    ) STRICT;
    CREATE INDEX incident_model ON incident (model_id, detected_at);
    CREATE INDEX incident_detected ON incident (detected_at);
    CREATE INDEX incident_open ON incident (resolved_at) WHERE resolved_at IS NULL;

    CREATE TABLE incident_entry (
      id TEXT PRIMARY KEY NOT NULL,
      incident_id TEXT NOT NULL REFERENCES incident (id),
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('opened', 'acknowledged', 'note', 'responder', 'mitigated', 'rollback', 'resolved', 'review')),
      text TEXT NOT NULL,
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX incident_entry_incident ON incident_entry (incident_id, at);

    CREATE TABLE cost_import (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client (id),
      provider TEXT NOT NULL CHECK (provider IN ('aws', 'azure', 'gcp')),
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      lines INTEGER NOT NULL CHECK (lines >= 0),
      skipped INTEGER NOT NULL CHECK (skipped >= 0),
      months TEXT NOT NULL CHECK (json_valid(months) AND json_type(months) = 'array'),
      total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
      at TEXT NOT NULL,
      actor TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cost_import_client ON cost_import (client_id, at);

    CREATE TABLE cost_line (
      model_id TEXT NOT NULL REFERENCES model (id),
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      category TEXT NOT NULL CHECK (category IN ('compute', 'storage', 'api', 'licences', 'other')),
      source TEXT NOT NULL CHECK (source IN ('typed', 'aws', 'azure', 'gcp')),
      amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
      import_id TEXT REFERENCES cost_import (id),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (model_id, month, category, source),
      CHECK ((source = 'typed') = (import_id IS NULL))
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX cost_line_month ON cost_line (month, model_id);

    CREATE TABLE cost_mapping (
      client_id TEXT NOT NULL REFERENCES client (id),
      tag_key TEXT NOT NULL CHECK (tag_key <> ''),
      tag_value TEXT NOT NULL CHECK (tag_value <> ''),
      model_id TEXT NOT NULL REFERENCES model (id),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (client_id, tag_key, tag_value)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE cost_budget (
      model_id TEXT PRIMARY KEY NOT NULL REFERENCES model (id),
      monthly_minor INTEGER NOT NULL CHECK (monthly_minor >= 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
