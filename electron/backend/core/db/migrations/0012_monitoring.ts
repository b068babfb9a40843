import type { Migration } from './types';

/**
 * Model monitoring.
 *
 * - monitoring_slo: an objective on a model (optionally one version, one segment: '' is every segment): the
 *   metric's kind and name, unit, direction, target and warning threshold, evaluation window in minutes,
 *   aggregation, the playbook (ordered steps) and the ownership duty whose holder responds. One SLO per model,
 *   metric, segment and version.
 * - reading_series: one per model, metric and segment that has readings. Its integer key is a storage detail
 *   that never leaves this file (readings are exchanged by model, metric, segment and timestamp), so it may be
 *   local: ten million readings keyed by a UUID would take four times the space and time.
 * - reading: one value per series and instant — the idempotency key (model, metric, segment, timestamp) the
 *   imports rely on. `at` is Unix milliseconds (UTC), for the same reason; the version that produced it, if
 *   known; the import that brought it.
 * - reading_import: every file or typed reading taken (or refused, with its problems): source, name, sha-256 of
 *   the bytes, counts, the span of instants. A file's hash lets the inbox recognise a file it already took after
 *   a crash between the commit and the file's move.
 * - monitoring_mapping: per client, which Prometheus labels name the model, metric, segment and version.
 */
export const m0012Monitoring: Migration = {
  version: 12,
  name: 'monitoring SLOs, readings, imports, Prometheus mappings',
  up: `
    CREATE TABLE monitoring_slo (
      id TEXT PRIMARY KEY NOT NULL,
      model_id TEXT NOT NULL REFERENCES model (id),
      version_id TEXT REFERENCES model_version (id),
      segment TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL CHECK (kind IN ('availability', 'latency_p95', 'error_rate', 'precision', 'recall', 'f1', 'auc',
        'calibration_error', 'drift_psi', 'drift_ks', 'business_kpi', 'cost_per_1k', 'custom')),
      metric TEXT NOT NULL CHECK (metric <> ''),
      unit TEXT NOT NULL DEFAULT '',
      direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
      target REAL NOT NULL,
      warning REAL NOT NULL,
      window_minutes INTEGER NOT NULL CHECK (window_minutes BETWEEN 5 AND 129600),
      aggregation TEXT NOT NULL CHECK (aggregation IN ('mean', 'p95', 'min', 'max', 'last')),
      playbook TEXT NOT NULL CHECK (json_valid(playbook) AND json_type(playbook) = 'array' AND json_array_length(playbook) >= 1),
      duty_key TEXT NOT NULL CHECK (duty_key <> ''),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((direction = 'higher' AND warning <= target) OR (direction = 'lower' AND warning >= target))
    ) STRICT;
    CREATE UNIQUE INDEX monitoring_slo_metric ON monitoring_slo (model_id, metric, segment, coalesce(version_id, ''));

    CREATE TABLE reading_series (
      id INTEGER PRIMARY KEY,
      model_id TEXT NOT NULL REFERENCES model (id),
      metric TEXT NOT NULL CHECK (metric <> ''),
      segment TEXT NOT NULL DEFAULT '',
      UNIQUE (model_id, metric, segment)
    ) STRICT;

    CREATE TABLE reading_import (
      id TEXT PRIMARY KEY NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('csv', 'xlsx', 'prometheus', 'keel', 'manual')),
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      via_inbox INTEGER NOT NULL CHECK (via_inbox IN (0, 1)),
      status TEXT NOT NULL CHECK (status IN ('imported', 'rejected')),
      readings INTEGER NOT NULL CHECK (readings >= 0),
      added INTEGER NOT NULL CHECK (added >= 0),
      changed INTEGER NOT NULL CHECK (changed >= 0),
      models INTEGER NOT NULL CHECK (models >= 0),
      first_at INTEGER,
      last_at INTEGER,
      problems TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(problems) AND json_type(problems) = 'array'),
      at TEXT NOT NULL,
      actor TEXT NOT NULL
    ) STRICT;
    CREATE INDEX reading_import_at ON reading_import (at);
    CREATE INDEX reading_import_sha ON reading_import (sha256, status);

    CREATE TABLE reading (
      series_id INTEGER NOT NULL REFERENCES reading_series (id),
      at INTEGER NOT NULL,
      value REAL NOT NULL,
      version_id TEXT,
      import_id TEXT NOT NULL,
      PRIMARY KEY (series_id, at)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE monitoring_mapping (
      client_id TEXT PRIMARY KEY NOT NULL REFERENCES client (id),
      model_label TEXT NOT NULL CHECK (model_label <> ''),
      metric_label TEXT NOT NULL CHECK (metric_label <> ''),
      segment_label TEXT NOT NULL DEFAULT '',
      version_label TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
