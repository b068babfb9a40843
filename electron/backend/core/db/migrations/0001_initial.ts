import type { Migration } from './types';

/**
 * The first schema: clients, engagements, specialists and the audit log.
 * Every table is STRICT, keyed by a UUIDv7 text id, and carries
 * created_at/updated_at instants (ISO-8601 UTC).
 */
export const m0001Initial: Migration = {
  version: 1,
  name: 'clients, engagements, specialists, audit log',
  up: `
    CREATE TABLE client (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      country TEXT NOT NULL,
      currency TEXT NOT NULL,
      holiday_calendar TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      archived_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX client_name_unique ON client (name COLLATE NOCASE);

    CREATE TABLE engagement (
      id TEXT PRIMARY KEY NOT NULL,
      client_id TEXT NOT NULL REFERENCES client (id),
      name TEXT NOT NULL,
      currency TEXT NOT NULL,
      start_date TEXT NOT NULL,
      end_date TEXT,
      status TEXT NOT NULL CHECK (status IN ('proposed', 'active', 'paused', 'ended')),
      contract_notes TEXT NOT NULL DEFAULT '',
      archived_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (end_date IS NULL OR end_date >= start_date)
    ) STRICT;
    CREATE UNIQUE INDEX engagement_client_name_unique ON engagement (client_id, name COLLATE NOCASE);
    CREATE INDEX engagement_start ON engagement (start_date);

    CREATE TABLE specialist (
      id TEXT PRIMARY KEY NOT NULL,
      full_name TEXT NOT NULL,
      role TEXT NOT NULL,
      seniority TEXT NOT NULL,
      home_country TEXT NOT NULL,
      home_subdivision TEXT NOT NULL DEFAULT '',
      sourcing_region TEXT NOT NULL,
      skills TEXT NOT NULL DEFAULT '[]',
      start_date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('active', 'bench', 'leaving', 'left')),
      email TEXT NOT NULL,
      archived_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX specialist_email_unique ON specialist (email COLLATE NOCASE);
    CREATE INDEX specialist_full_name ON specialist (full_name COLLATE NOCASE);

    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      action TEXT NOT NULL,
      before_json TEXT,
      after_json TEXT
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, id);
    CREATE INDEX audit_log_entity_id ON audit_log (entity_id, id);
  `,
};
