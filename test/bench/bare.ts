import type { Db } from '../../electron/backend/db/connection';
import type { ClientListItem, EngagementListItem, Specialist } from '../../shared/contract';
import type { EngagementStatus, Seniority, SpecialistRole, SpecialistStatus } from '../../shared/domain/reference';
import type { SourcingRegion } from '../../shared/domain/sourcingRegion';

/**
 * The list-screen queries written by hand: one SQL statement each, prepared
 * once, rows mapped to the same plain objects the repositories return. They
 * are the floor the repository and contract paths are compared against.
 */

type ClientRow = {
  id: string;
  name: string;
  country: string;
  currency: string;
  holiday_calendar: string;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  engagement_count: number;
  active_engagement_count: number;
};

type EngagementRow = {
  id: string;
  client_id: string;
  name: string;
  currency: string;
  start_date: string;
  end_date: string | null;
  status: EngagementStatus;
  contract_notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  client_name: string;
};

type SpecialistRow = {
  id: string;
  full_name: string;
  role: SpecialistRole;
  seniority: Seniority;
  home_country: string;
  home_subdivision: string;
  sourcing_region: SourcingRegion;
  skills: string;
  start_date: string;
  status: SpecialistStatus;
  email: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

const CLIENT_SELECT = `
  SELECT c.id, c.name, c.country, c.currency, c.holiday_calendar, c.notes, c.archived_at, c.created_at, c.updated_at,
    (SELECT count(*) FROM engagement e WHERE e.client_id = c.id AND e.archived_at IS NULL) AS engagement_count,
    (SELECT count(*) FROM engagement e WHERE e.client_id = c.id AND e.archived_at IS NULL AND e.status = 'active') AS active_engagement_count
  FROM client c`;

const ENGAGEMENT_SELECT = `
  SELECT e.id, e.client_id, e.name, e.currency, e.start_date, e.end_date, e.status, e.contract_notes,
    e.archived_at, e.created_at, e.updated_at, c.name AS client_name
  FROM engagement e JOIN client c ON c.id = e.client_id`;

const SPECIALIST_SELECT = `
  SELECT id, full_name, role, seniority, home_country, home_subdivision, sourcing_region, skills, start_date, status,
    email, archived_at, created_at, updated_at
  FROM specialist`;

const toClient = (r: ClientRow): ClientListItem => ({
  id: r.id,
  name: r.name,
  country: r.country,
  currency: r.currency,
  holidayCalendar: r.holiday_calendar,
  notes: r.notes,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  engagementCount: r.engagement_count,
  activeEngagementCount: r.active_engagement_count,
});

const toEngagement = (r: EngagementRow): EngagementListItem => ({
  id: r.id,
  clientId: r.client_id,
  name: r.name,
  currency: r.currency,
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status,
  contractNotes: r.contract_notes,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  clientName: r.client_name,
});

const toSpecialist = (r: SpecialistRow): Specialist => ({
  id: r.id,
  fullName: r.full_name,
  role: r.role,
  seniority: r.seniority,
  homeCountry: r.home_country,
  homeSubdivision: r.home_subdivision,
  sourcingRegion: r.sourcing_region,
  skills: JSON.parse(r.skills) as string[],
  startDate: r.start_date,
  status: r.status,
  email: r.email,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The statements are prepared here, once; each returned function only binds, steps and maps. */
export function bareQueries(db: Db) {
  const clients = db.prepare<[], ClientRow>(`${CLIENT_SELECT} WHERE c.archived_at IS NULL ORDER BY c.name COLLATE NOCASE, c.id`);
  const clientsSearch = db.prepare<{ like: string; code: string }, ClientRow>(
    `${CLIENT_SELECT} WHERE c.archived_at IS NULL AND (c.name LIKE @like OR c.notes LIKE @like OR c.country = @code OR c.currency = @code)
     ORDER BY c.name COLLATE NOCASE, c.id`,
  );
  const engagements = db.prepare<[], EngagementRow>(`${ENGAGEMENT_SELECT} WHERE e.archived_at IS NULL ORDER BY e.start_date, e.id`);
  const engagementsSearch = db.prepare<{ like: string }, EngagementRow>(
    `${ENGAGEMENT_SELECT} WHERE e.archived_at IS NULL AND (e.name LIKE @like OR c.name LIKE @like OR e.contract_notes LIKE @like)
     ORDER BY e.start_date, e.id`,
  );
  const specialists = db.prepare<[], SpecialistRow>(`${SPECIALIST_SELECT} WHERE archived_at IS NULL ORDER BY full_name COLLATE NOCASE, id`);
  const specialistsSearch = db.prepare<{ like: string }, SpecialistRow>(
    `${SPECIALIST_SELECT} WHERE archived_at IS NULL AND (full_name LIKE @like OR email LIKE @like OR skills LIKE @like)
     ORDER BY full_name COLLATE NOCASE, id`,
  );
  // The search terms used here contain no LIKE wildcards, so no ESCAPE clause is needed.
  return {
    clients: () => clients.all().map(toClient),
    clientsSearch: (text: string) => clientsSearch.all({ like: `%${text}%`, code: text.toUpperCase() }).map(toClient),
    engagements: () => engagements.all().map(toEngagement),
    engagementsSearch: (text: string) => engagementsSearch.all({ like: `%${text}%` }).map(toEngagement),
    specialists: () => specialists.all().map(toSpecialist),
    specialistsSearch: (text: string) => specialistsSearch.all({ like: `%${text}%` }).map(toSpecialist),
  };
}

export type BareQueries = ReturnType<typeof bareQueries>;
