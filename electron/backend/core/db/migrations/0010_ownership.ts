import type { Migration } from './types';

/**
 * The ownership matrix.
 * - client_contact.archived_at: a contact who left the client is archived, not deleted; the matrix flags
 *   an archived contact still named on a duty.
 * - asset: the things around a model someone must own (type vocabulary in shared/ownership/rules/vocabulary.ts),
 *   with an in-service period; asset_model lists the models it serves, position 0 the primary one it inherits from.
 * - duty: an engagement's own duties (key custom-<n>) and the eight defaults it retired or renamed; a default
 *   duty with no row is in force.
 * - duty_applicability: an engagement's exceptions to the default table of duties that do not apply to an
 *   asset type (applicable 1 switches a default-off pair on, 0 switches one off).
 * - assignment: a person (specialist or contact, person_kind + person_id, no foreign key across two tables)
 *   in a RACI-plus-backup role on a duty of a model (target_kind 'model', every asset of it inherits) or of one
 *   asset (an override), effective from_date to to_date inclusive (NULL: open-ended). Two Accountables
 *   overlapping on one target-duty are refused by the service before anything is written.
 * - ownership_snapshot: the matrix and its findings as JSON, taken when a month is approved; never updated
 *   (a re-approval after a reopen adds a newer row).
 */
export const m0010Ownership: Migration = {
  version: 10,
  name: 'the ownership matrix',
  up: `
    ALTER TABLE client_contact ADD COLUMN archived_at TEXT;

    CREATE TABLE asset (
      id TEXT PRIMARY KEY NOT NULL,
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      name TEXT NOT NULL CHECK (name <> '' AND length(name) <= 120),
      type TEXT NOT NULL CHECK (type IN ('data_ingestion', 'feature_pipeline', 'training_pipeline', 'serving_endpoint',
        'monitoring', 'registry_entry', 'dashboard')),
      links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links) AND json_type(links) = 'array'),
      in_service_from TEXT NOT NULL,
      in_service_to TEXT,
      notes TEXT NOT NULL DEFAULT '',
      archived_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (in_service_to IS NULL OR in_service_to >= in_service_from)
    ) STRICT;
    CREATE UNIQUE INDEX asset_name ON asset (engagement_id, name COLLATE NOCASE);

    CREATE TABLE asset_model (
      asset_id TEXT NOT NULL REFERENCES asset (id),
      model_id TEXT NOT NULL REFERENCES model (id),
      position INTEGER NOT NULL CHECK (position >= 0),
      PRIMARY KEY (asset_id, model_id),
      UNIQUE (asset_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX asset_model_model ON asset_model (model_id);

    CREATE TABLE duty (
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      key TEXT NOT NULL CHECK (key <> ''),
      name TEXT NOT NULL CHECK (name <> '' AND length(name) <= 60),
      custom INTEGER NOT NULL CHECK (custom IN (0, 1)),
      cover_required INTEGER NOT NULL DEFAULT 0 CHECK (cover_required IN (0, 1)),
      position INTEGER NOT NULL,
      retired_on TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (engagement_id, key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE duty_applicability (
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      asset_type TEXT NOT NULL,
      duty_key TEXT NOT NULL,
      applicable INTEGER NOT NULL CHECK (applicable IN (0, 1)),
      PRIMARY KEY (engagement_id, asset_type, duty_key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE assignment (
      id TEXT PRIMARY KEY NOT NULL,
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      target_kind TEXT NOT NULL CHECK (target_kind IN ('model', 'asset')),
      target_id TEXT NOT NULL,
      duty_key TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('accountable', 'responsible', 'consulted', 'informed', 'backup')),
      person_kind TEXT NOT NULL CHECK (person_kind IN ('specialist', 'contact')),
      person_id TEXT NOT NULL,
      from_date TEXT NOT NULL,
      to_date TEXT,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      CHECK (to_date IS NULL OR to_date >= from_date)
    ) STRICT;
    CREATE INDEX assignment_engagement ON assignment (engagement_id, from_date);
    CREATE INDEX assignment_target ON assignment (target_id, duty_key, from_date);
    CREATE INDEX assignment_person ON assignment (person_id, from_date);
    -- What is in force on a day, read from the index alone (it holds every column the checks use), so the read
    -- grows with what is in force, not with years of history.
    CREATE INDEX assignment_in_force ON assignment (to_date, from_date, engagement_id, target_kind, target_id, duty_key, role,
      person_kind, person_id, id);

    CREATE TABLE ownership_snapshot (
      id TEXT PRIMARY KEY NOT NULL,
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      month TEXT NOT NULL,
      taken_at TEXT NOT NULL,
      taken_by TEXT NOT NULL,
      errors INTEGER NOT NULL,
      warnings INTEGER NOT NULL,
      notices INTEGER NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data))
    ) STRICT;
    CREATE INDEX ownership_snapshot_month ON ownership_snapshot (engagement_id, month, taken_at);
  `,
};
