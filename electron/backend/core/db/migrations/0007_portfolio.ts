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
 * - promotion_policy: a client's own promotion policies, versioned (1, 2…;
 *   the default is Keel's, in resources); the policy itself as checked JSON.
 * - model_version: label unique per model; built by a person (a specialist or
 *   a contact: kind + id, checked by the service); evaluations and attached
 *   evidence as JSON arrays.
 * - model_approval: one decision on a version by a person, dated.
 * - environment: an engagement's environments, at most one marked production
 *   (a partial unique index); the service adds the others only after it.
 * - deployment: a version holding an alias in an environment over [from, to)
 *   (instants); a canary carries its traffic share; a rollback its reason.
 */
export const m0007Portfolio: Migration = {
  version: 7,
  name: 'client contacts, models, lifecycle stages, promotion policies, versions, approvals',
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

    CREATE TABLE promotion_policy (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client (id),
      version INTEGER NOT NULL CHECK (version >= 1),
      policy TEXT NOT NULL CHECK (json_valid(policy) AND json_type(policy) = 'object'),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (client_id, version)
    ) STRICT;

    CREATE TABLE model_version (
      id TEXT PRIMARY KEY NOT NULL,
      model_id TEXT NOT NULL REFERENCES model (id),
      label TEXT NOT NULL CHECK (label <> ''),
      built_by_kind TEXT NOT NULL CHECK (built_by_kind IN ('specialist', 'contact')),
      built_by_id TEXT NOT NULL,
      registered_on TEXT NOT NULL,
      training_data TEXT NOT NULL DEFAULT '',
      evaluations TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evaluations) AND json_type(evaluations) = 'array'),
      evidence TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence) AND json_type(evidence) = 'array'),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX model_version_label ON model_version (model_id, label COLLATE NOCASE);

    CREATE TABLE model_approval (
      id TEXT PRIMARY KEY NOT NULL,
      version_id TEXT NOT NULL REFERENCES model_version (id),
      approver_kind TEXT NOT NULL CHECK (approver_kind IN ('specialist', 'contact')),
      approver_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'approved_with_conditions', 'rejected')),
      decided_on TEXT NOT NULL,
      evidence_text TEXT NOT NULL DEFAULT '',
      evidence_link TEXT NOT NULL DEFAULT '' CHECK (evidence_link = '' OR evidence_link LIKE 'https://%'),
      conditions TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX model_approval_version ON model_approval (version_id, decided_on);

    CREATE TABLE environment (
      id TEXT PRIMARY KEY NOT NULL,
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      name TEXT NOT NULL CHECK (name <> ''),
      is_production INTEGER NOT NULL CHECK (is_production IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX environment_name ON environment (engagement_id, name COLLATE NOCASE);
    CREATE UNIQUE INDEX environment_production ON environment (engagement_id) WHERE is_production = 1;

    CREATE TABLE deployment (
      id TEXT PRIMARY KEY NOT NULL,
      model_id TEXT NOT NULL REFERENCES model (id),
      version_id TEXT NOT NULL REFERENCES model_version (id),
      environment_id TEXT NOT NULL REFERENCES environment (id),
      alias TEXT NOT NULL CHECK (alias IN ('champion', 'challenger', 'shadow', 'canary')),
      traffic_percent INTEGER CHECK (traffic_percent BETWEEN 1 AND 100),
      from_at TEXT NOT NULL,
      to_at TEXT,
      rollback_reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      CHECK (to_at IS NULL OR to_at > from_at),
      CHECK ((alias = 'canary') = (traffic_percent IS NOT NULL))
    ) STRICT;
    CREATE INDEX deployment_model ON deployment (model_id, from_at);
    CREATE INDEX deployment_champion ON deployment (alias, environment_id, from_at);
  `,
};
