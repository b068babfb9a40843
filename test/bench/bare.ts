import { type ClientListRow, toClientWithCounts } from '@backend/clients/clientRepository';
import { type EngagementListRow, toEngagementListItem } from '@backend/clients/engagementRepository';
import { type SpecialistListRow, toSpecialistListItem } from '@backend/clients/specialistRepository';
import { withEffectiveTimeZone } from '@backend/core/calendars';
import type { Db } from '@backend/core/db/connection';
import type { ClientListItem, EngagementListItem } from '@shared/contract';

/**
 * The list-screen queries written by hand: one SQL statement each, prepared
 * once, rows mapped to the same plain objects the repositories return. They
 * are the floor the repository and contract paths are compared against.
 */

const CLIENT_SELECT = `
  SELECT c.id, c.name, c.country, c.currency, c.holiday_calendar, c.time_zone, c.archived_at, c.updated_at,
    (SELECT count(*) FROM engagement e WHERE e.client_id = c.id AND e.archived_at IS NULL) AS engagement_count,
    (SELECT count(*) FROM engagement e WHERE e.client_id = c.id AND e.archived_at IS NULL AND e.status = 'active') AS active_engagement_count
  FROM client c`;

const ENGAGEMENT_SELECT = `
  SELECT e.id, e.client_id, c.name AS client_name, e.name, e.currency, e.start_date, e.end_date, e.status, e.sla_business_days, e.archived_at
  FROM engagement e JOIN client c ON c.id = e.client_id`;

const SPECIALIST_SELECT = `
  SELECT id, full_name, role, seniority, home_country, sourcing_region, skills, start_date, status, email, archived_at
  FROM specialist`;

// Rows are mapped with the repositories' own mappers, so the comparison measures the query path only.
const toClientItem = (r: ClientListRow): ClientListItem => withEffectiveTimeZone(toClientWithCounts(r));
const toEngagementItem = (r: EngagementListRow): EngagementListItem => toEngagementListItem(r);

/** The statements are prepared here, once; each returned function only binds, steps and maps. */
export function bareQueries(db: Db) {
  const clients = db.prepare<[], ClientListRow>(`${CLIENT_SELECT} WHERE c.archived_at IS NULL ORDER BY c.name COLLATE NOCASE, c.id`);
  const clientsSearch = db.prepare<{ like: string; code: string }, ClientListRow>(
    `${CLIENT_SELECT} WHERE c.archived_at IS NULL AND (c.name LIKE @like OR c.notes LIKE @like OR c.country = @code OR c.currency = @code)
     ORDER BY c.name COLLATE NOCASE, c.id`,
  );
  const engagements = db.prepare<[], EngagementListRow>(`${ENGAGEMENT_SELECT} WHERE e.archived_at IS NULL ORDER BY e.start_date, e.id`);
  const engagementsSearch = db.prepare<{ like: string }, EngagementListRow>(
    `${ENGAGEMENT_SELECT} WHERE e.archived_at IS NULL AND (e.name LIKE @like OR c.name LIKE @like OR e.contract_notes LIKE @like)
     ORDER BY e.start_date, e.id`,
  );
  const specialists = db.prepare<[], SpecialistListRow>(
    `${SPECIALIST_SELECT} WHERE archived_at IS NULL ORDER BY full_name COLLATE NOCASE, id`,
  );
  const specialistsSearch = db.prepare<{ like: string }, SpecialistListRow>(
    `${SPECIALIST_SELECT} WHERE archived_at IS NULL AND (full_name LIKE @like OR email LIKE @like OR skills LIKE @like)
     ORDER BY full_name COLLATE NOCASE, id`,
  );
  // The search terms used here contain no LIKE wildcards, so no ESCAPE clause is needed.
  return {
    clients: () => clients.all().map(toClientItem),
    clientsSearch: (text: string) => clientsSearch.all({ like: `%${text}%`, code: text.toUpperCase() }).map(toClientItem),
    engagements: () => engagements.all().map(toEngagementItem),
    engagementsSearch: (text: string) => engagementsSearch.all({ like: `%${text}%` }).map(toEngagementItem),
    specialists: () => specialists.all().map(toSpecialistListItem),
    specialistsSearch: (text: string) => specialistsSearch.all({ like: `%${text}%` }).map(toSpecialistListItem),
  };
}

export type BareQueries = ReturnType<typeof bareQueries>;
