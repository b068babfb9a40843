import type { Migration } from './types';

/**
 * Hours and monthly billing: time entries, effective-dated rates, caps, the
 * month close, invoices with immutable line snapshots, and settings.
 *
 * `time_entry_month` is the index for "one month, all engagements": the month
 * close reads a date range and needs engagement, specialist and minutes, so
 * the index covers them and the table is never touched. The engagement and
 * specialist indexes serve the month review and the weekly grid.
 *
 * Invoices are never deleted and their lines never change: triggers refuse it
 * even to code that tries. Numbers are gapless per year: (year, sequence) is
 * unique and a cancelled invoice keeps its number.
 */
export const m0003Billing: Migration = {
  version: 3,
  name: 'time entries, rates, month close, invoices',
  up: `
    ALTER TABLE client ADD COLUMN vat_basis_points INTEGER NOT NULL DEFAULT 0 CHECK (vat_basis_points BETWEEN 0 AND 10000);
    ALTER TABLE engagement ADD COLUMN rounding_minutes INTEGER NOT NULL DEFAULT 0 CHECK (rounding_minutes IN (0, 6, 15, 30));
    ALTER TABLE engagement ADD COLUMN monthly_cap_minutes INTEGER CHECK (monthly_cap_minutes IS NULL OR monthly_cap_minutes > 0);

    CREATE TABLE time_entry (
      id TEXT PRIMARY KEY NOT NULL,
      specialist_id TEXT NOT NULL REFERENCES specialist (id),
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      date TEXT NOT NULL,
      minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
      activity TEXT NOT NULL CHECK (activity IN ('operate_monitoring', 'incident_response', 'retraining', 'deployment',
        'data_pipelines', 'governance_audit', 'improvement', 'ceremonies_meetings', 'onboarding_handover')),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX time_entry_month ON time_entry (date, engagement_id, specialist_id, minutes);
    CREATE INDEX time_entry_engagement ON time_entry (engagement_id, date);
    CREATE INDEX time_entry_specialist ON time_entry (specialist_id, date);

    CREATE TABLE rate (
      id TEXT PRIMARY KEY NOT NULL,
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      role TEXT,
      specialist_id TEXT REFERENCES specialist (id),
      effective_from TEXT NOT NULL,
      hourly_rate_minor INTEGER NOT NULL CHECK (hourly_rate_minor > 0),
      created_at TEXT NOT NULL,
      CHECK ((role IS NULL) <> (specialist_id IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX rate_role ON rate (engagement_id, role, effective_from) WHERE role IS NOT NULL;
    CREATE UNIQUE INDEX rate_specialist ON rate (engagement_id, specialist_id, effective_from) WHERE specialist_id IS NOT NULL;

    CREATE TABLE specialist_cap (
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      specialist_id TEXT NOT NULL REFERENCES specialist (id),
      monthly_cap_minutes INTEGER NOT NULL CHECK (monthly_cap_minutes > 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (engagement_id, specialist_id)
    ) STRICT;

    -- A month with no row is open.
    CREATE TABLE month_close (
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      month TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('approved', 'invoiced')),
      approved_at TEXT NOT NULL,
      approved_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (engagement_id, month)
    ) STRICT;
    CREATE INDEX month_close_month ON month_close (month);

    CREATE TABLE invoice (
      id TEXT PRIMARY KEY NOT NULL,
      number TEXT NOT NULL UNIQUE,
      year INTEGER NOT NULL,
      sequence INTEGER NOT NULL CHECK (sequence > 0),
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      month TEXT NOT NULL,
      client_name TEXT NOT NULL,
      engagement_name TEXT NOT NULL,
      currency TEXT NOT NULL,
      rounding_minutes INTEGER NOT NULL,
      minutes INTEGER NOT NULL,
      billed_minutes INTEGER NOT NULL,
      net_minor INTEGER NOT NULL,
      vat_basis_points INTEGER NOT NULL,
      vat_minor INTEGER NOT NULL,
      gross_minor INTEGER NOT NULL CHECK (gross_minor = net_minor + vat_minor),
      status TEXT NOT NULL CHECK (status IN ('issued', 'cancelled')),
      issued_at TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      cancelled_at TEXT,
      cancelled_by TEXT,
      cancel_reason TEXT NOT NULL DEFAULT '',
      UNIQUE (year, sequence),
      CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX invoice_live ON invoice (engagement_id, month) WHERE status = 'issued';
    CREATE INDEX invoice_month ON invoice (month);

    CREATE TABLE invoice_line (
      invoice_id TEXT NOT NULL REFERENCES invoice (id),
      position INTEGER NOT NULL,
      specialist_id TEXT NOT NULL,
      specialist_name TEXT NOT NULL,
      role TEXT NOT NULL,
      from_date TEXT NOT NULL,
      to_date TEXT NOT NULL,
      rate_id TEXT NOT NULL,
      rate_source TEXT NOT NULL CHECK (rate_source IN ('role', 'specialist')),
      hourly_rate_minor INTEGER NOT NULL,
      entry_count INTEGER NOT NULL,
      minutes INTEGER NOT NULL,
      billed_minutes INTEGER NOT NULL,
      amount_minor INTEGER NOT NULL,
      PRIMARY KEY (invoice_id, position)
    ) STRICT;
    CREATE INDEX invoice_line_rate ON invoice_line (rate_id);

    CREATE TRIGGER invoice_line_immutable BEFORE UPDATE ON invoice_line
      BEGIN SELECT RAISE(ABORT, 'invoice lines are immutable'); END;
    CREATE TRIGGER invoice_line_kept BEFORE DELETE ON invoice_line
      BEGIN SELECT RAISE(ABORT, 'invoice lines are never deleted'); END;
    CREATE TRIGGER invoice_kept BEFORE DELETE ON invoice
      BEGIN SELECT RAISE(ABORT, 'invoices are never deleted'); END;
    CREATE TRIGGER invoice_immutable BEFORE UPDATE ON invoice
      WHEN OLD.status = 'cancelled' OR NEW.status <> 'cancelled' OR NEW.number <> OLD.number OR NEW.net_minor <> OLD.net_minor
        OR NEW.vat_minor <> OLD.vat_minor OR NEW.gross_minor <> OLD.gross_minor OR NEW.engagement_id <> OLD.engagement_id
        OR NEW.month <> OLD.month OR NEW.minutes <> OLD.minutes OR NEW.billed_minutes <> OLD.billed_minutes
      BEGIN SELECT RAISE(ABORT, 'an issued invoice can only be cancelled'); END;

    CREATE TABLE setting (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) STRICT;
  `,
};
