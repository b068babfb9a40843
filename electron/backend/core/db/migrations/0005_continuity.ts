import type { Migration } from './types';

/**
 * Replacement requests and their SLA clocks.
 *
 * Nothing about the clock is stored: due dates, elapsed days and states are
 * computed from the submission instant, the engagement's SLA, the client's
 * calendar and time zone, and the pauses, so editing any of them recomputes.
 *
 * - client.time_zone: IANA zone the client's dates are read in; '' means the
 *   holiday calendar's own zone (what date-holidays says for it).
 * - engagement.sla_business_days: the replacement SLA, 7 by default.
 * - A fulfilled request names the replacement, its allocation and start date;
 *   a cancelled one its reason (CHECKs keep the states whole).
 */
export const m0005Continuity: Migration = {
  version: 5,
  name: 'replacement requests, pauses, candidates',
  up: `
    ALTER TABLE client ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
    ALTER TABLE engagement ADD COLUMN sla_business_days INTEGER NOT NULL DEFAULT 7 CHECK (sla_business_days BETWEEN 1 AND 60);

    CREATE TABLE replacement_request (
      id TEXT PRIMARY KEY NOT NULL,
      engagement_id TEXT NOT NULL REFERENCES engagement (id),
      outgoing_specialist_id TEXT NOT NULL REFERENCES specialist (id),
      outgoing_allocation_id TEXT REFERENCES allocation (id),
      reason TEXT NOT NULL CHECK (reason IN ('client_request', 'resignation', 'performance', 'health', 'relocation', 'other')),
      submitted_at TEXT NOT NULL,
      submitted_by TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK (status IN ('open', 'fulfilled', 'cancelled')),
      replacement_specialist_id TEXT REFERENCES specialist (id),
      replacement_allocation_id TEXT REFERENCES allocation (id),
      replacement_start_date TEXT,
      late_reason TEXT NOT NULL DEFAULT '',
      cancelled_on TEXT,
      cancel_reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((status = 'fulfilled') = (replacement_allocation_id IS NOT NULL AND replacement_start_date IS NOT NULL
        AND replacement_specialist_id IS NOT NULL)),
      CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL))
    ) STRICT;
    CREATE INDEX replacement_request_engagement ON replacement_request (engagement_id, submitted_at);
    CREATE INDEX replacement_request_status ON replacement_request (status, submitted_at);
    CREATE INDEX replacement_request_submitted ON replacement_request (submitted_at);

    CREATE TABLE replacement_pause (
      id TEXT PRIMARY KEY NOT NULL,
      request_id TEXT NOT NULL REFERENCES replacement_request (id),
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      reason TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (end_date >= start_date)
    ) STRICT;
    CREATE INDEX replacement_pause_request ON replacement_pause (request_id, start_date);

    CREATE TABLE replacement_candidate (
      id TEXT PRIMARY KEY NOT NULL,
      request_id TEXT NOT NULL REFERENCES replacement_request (id),
      name TEXT NOT NULL,
      specialist_id TEXT REFERENCES specialist (id),
      proposed_on TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected')),
      decided_on TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((status = 'proposed') = (decided_on IS NULL))
    ) STRICT;
    CREATE INDEX replacement_candidate_request ON replacement_candidate (request_id, proposed_on);
  `,
};
