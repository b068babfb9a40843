import type { Migration } from './types';

/**
 * The model portfolio: client contacts, models and their lifecycle stages.
 *
 * - client_contact: people at a client (business owners, approvers); a model's
 *   business owner is one of its own client's contacts (checked by the service).
 * - model: unique by name within a client (case-insensitive); vocabularies held
 *   by CHECKs; tags, data sources as JSON arrays of text; links https or empty.
 *   `stage` and `stage_since` repeat the latest transition so the list and the
 *   funnel read one row per model.
 * - model_stage_transition: every dated stage change; the first one, from
 *   nothing, registers the model.
 */
export const m0006Portfolio: Migration = {
  version: 6,
  name: 'client contacts, models, lifecycle stages',
  up: `
    CREATE TABLE client_contact (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client (id),
      name TEXT NOT NULL CHECK (name <> ''),
      title TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX client_contact_client ON client_contact (client_id, name);

    CREATE TABLE model (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client (id),
      engagement_id TEXT REFERENCES engagement (id),
      name TEXT NOT NULL CHECK (name <> ''),
      use_case TEXT NOT NULL DEFAULT '',
      business_owner_id TEXT REFERENCES client_contact (id),
      outcome_metric TEXT NOT NULL DEFAULT '',
      outcome_unit TEXT NOT NULL DEFAULT '',
      outcome_baseline REAL,
      outcome_target REAL,
      risk_tier TEXT NOT NULL CHECK (risk_tier IN ('low', 'medium', 'high', 'critical')),
      ai_act_category TEXT NOT NULL CHECK (ai_act_category IN ('minimal', 'limited', 'high', 'prohibited')),
      regulated_domain TEXT NOT NULL DEFAULT 'none' CHECK (regulated_domain IN ('none', 'credit', 'insurance', 'health', 'employment',
        'education', 'critical_infrastructure', 'law_enforcement', 'other')),
      kind TEXT NOT NULL CHECK (kind IN ('classical_ml', 'deep_learning', 'llm', 'rules_ml')),
      serving TEXT NOT NULL CHECK (serving IN ('batch', 'online', 'streaming', 'embedded')),
      data_sources TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(data_sources) AND json_type(data_sources) = 'array'),
      repository_link TEXT NOT NULL DEFAULT '' CHECK (repository_link = '' OR repository_link LIKE 'https://%'),
      registry_link TEXT NOT NULL DEFAULT '' CHECK (registry_link = '' OR registry_link LIKE 'https://%'),
      dashboard_link TEXT NOT NULL DEFAULT '' CHECK (dashboard_link = '' OR dashboard_link LIKE 'https://%'),
      runbook_link TEXT NOT NULL DEFAULT '' CHECK (runbook_link = '' OR runbook_link LIKE 'https://%'),
      tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
      notes TEXT NOT NULL DEFAULT '',
      in_service_since TEXT NOT NULL,
      stage TEXT NOT NULL CHECK (stage IN ('idea', 'prototype', 'pilot', 'production', 'retired')),
      stage_since TEXT NOT NULL CHECK (stage_since >= in_service_since),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (ai_act_category <> 'prohibited' OR stage NOT IN ('pilot', 'production'))
    ) STRICT;
    CREATE UNIQUE INDEX model_client_name ON model (client_id, name COLLATE NOCASE);
    CREATE INDEX model_engagement ON model (engagement_id);
    CREATE INDEX model_stage ON model (stage, stage_since);

    CREATE TABLE model_stage_transition (
      id TEXT PRIMARY KEY NOT NULL,
      model_id TEXT NOT NULL REFERENCES model (id),
      from_stage TEXT CHECK (from_stage IN ('idea', 'prototype', 'pilot', 'production', 'retired')),
      to_stage TEXT NOT NULL CHECK (to_stage IN ('idea', 'prototype', 'pilot', 'production', 'retired')),
      on_date TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK (from_stage IS NULL OR from_stage <> to_stage)
    ) STRICT;
    CREATE INDEX model_stage_transition_model ON model_stage_transition (model_id, on_date, created_at);
  `,
};
