import type { Migration } from './types';

/**
 * Allocation planning: daily working time per specialist, allocations,
 * absences and staffing requests (open roles).
 *
 * Indexes follow the plan's questions: a specialist's allocations in date
 * order (the dedication rule and overloads), everything touching a date
 * window (`end_date >= from AND start_date <= to` for the timeline), an
 * engagement's allocations, and the open requests.
 */
export const m0002Planning: Migration = {
  version: 2,
  name: 'allocations, absences, staffing requests',
  up: `
    ALTER TABLE specialist ADD COLUMN daily_minutes INTEGER NOT NULL DEFAULT 480 CHECK (daily_minutes BETWEEN 60 AND 720);

    CREATE TABLE allocation (
      id TEXT PRIMARY KEY NOT NULL,
      specialist_id TEXT NOT NULL REFERENCES specialist (id),
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      load_percent INTEGER NOT NULL CHECK (load_percent BETWEEN 1 AND 100),
      status TEXT NOT NULL CHECK (status IN ('tentative', 'confirmed', 'cancelled')),
      note TEXT NOT NULL DEFAULT '',
      cancel_reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (end_date >= start_date)
    ) STRICT;
    CREATE INDEX allocation_specialist ON allocation (specialist_id, start_date);
    CREATE INDEX allocation_engagement ON allocation (engagement_id, start_date);
    CREATE INDEX allocation_window ON allocation (end_date, start_date);

    CREATE TABLE absence (
      id TEXT PRIMARY KEY NOT NULL,
      specialist_id TEXT NOT NULL REFERENCES specialist (id),
      kind TEXT NOT NULL CHECK (kind IN ('vacation', 'sick', 'other')),
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (end_date >= start_date)
    ) STRICT;
    CREATE INDEX absence_specialist ON absence (specialist_id, start_date);
    CREATE INDEX absence_window ON absence (end_date, start_date);

    CREATE TABLE staffing_request (
      id TEXT PRIMARY KEY NOT NULL,
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      title TEXT NOT NULL,
      role TEXT NOT NULL,
      seniority TEXT NOT NULL,
      required_skills TEXT NOT NULL DEFAULT '[]',
      region_preferences TEXT NOT NULL DEFAULT '[]',
      start_date TEXT NOT NULL,
      load_percent INTEGER NOT NULL CHECK (load_percent BETWEEN 1 AND 100),
      stage TEXT NOT NULL CHECK (stage IN ('defined', 'sourcing', 'candidates_presented', 'filled', 'declined')),
      opened_on TEXT NOT NULL,
      target_weeks INTEGER NOT NULL CHECK (target_weeks BETWEEN 1 AND 26),
      filled_on TEXT,
      allocation_id TEXT REFERENCES allocation (id),
      declined_on TEXT,
      decline_reason TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((stage = 'filled') = (allocation_id IS NOT NULL AND filled_on IS NOT NULL)),
      CHECK ((stage = 'declined') = (declined_on IS NOT NULL))
    ) STRICT;
    CREATE INDEX staffing_request_engagement ON staffing_request (engagement_id);
    CREATE INDEX staffing_request_stage ON staffing_request (stage, start_date);
    CREATE UNIQUE INDEX staffing_request_allocation ON staffing_request (allocation_id) WHERE allocation_id IS NOT NULL;
  `,
};
