import type { Client, ClientListItem } from '@shared/clients/contract/clients';

/** A list row before the backend names its effective time zone (calendars.ts). */
export type ClientWithCounts = Omit<ClientListItem, 'effectiveTimeZone'>;

import type { Db } from '@backend/core/db/connection';
import { archivedClause, Conditions, likePattern, StatementCache } from '@backend/core/sql';

/** A row as SQLite returns it; exported for the bench's hand-written baseline. */
export type ClientRow = {
  id: string;
  name: string;
  country: string;
  currency: string;
  holiday_calendar: string;
  time_zone: string;
  vat_basis_points: number;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

export type ClientListFilter = {
  search?: string | undefined;
  archived: 'active' | 'archived' | 'all';
  country?: string | undefined;
  currency?: string | undefined;
  sort: 'name' | 'country' | 'currency' | 'createdAt' | 'updatedAt';
  direction: 'asc' | 'desc';
};

const SORT_COLUMNS: Record<ClientListFilter['sort'], string> = {
  name: 'c.name COLLATE NOCASE',
  country: 'c.country',
  currency: 'c.currency',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

export class ClientRepository {
  private readonly statements: StatementCache;
  private readonly byId;
  private readonly byName;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
    this.byId = db.prepare('SELECT * FROM client WHERE id = ?');
    this.byName = db.prepare('SELECT * FROM client WHERE name = ? COLLATE NOCASE');
    this.insertStmt = db.prepare(
      `INSERT INTO client (id, name, country, currency, holiday_calendar, time_zone, vat_basis_points, notes, archived_at, created_at, updated_at)
       VALUES (@id, @name, @country, @currency, @holidayCalendar, @timeZone, @vatBasisPoints, @notes, @archivedAt, @createdAt, @updatedAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE client SET name = @name, country = @country, currency = @currency, holiday_calendar = @holidayCalendar, time_zone = @timeZone, vat_basis_points = @vatBasisPoints,
         notes = @notes, archived_at = @archivedAt, updated_at = @updatedAt WHERE id = @id`,
    );
  }

  get(id: string): Client | null {
    const row = this.byId.get(id) as ClientRow | undefined;
    return row ? toClient(row) : null;
  }

  findByName(name: string): Client | null {
    const row = this.byName.get(name) as ClientRow | undefined;
    return row ? toClient(row) : null;
  }

  insert(client: Client): void {
    this.insertStmt.run(client);
  }

  update(client: Client): void {
    this.updateStmt.run(client);
  }

  count(): number {
    return (this.statements.get('SELECT count(*) AS n FROM client').get() as { n: number }).n;
  }

  /** The holiday calendars of the clients not archived (their business days run the clocks). */
  holidayCalendars(): string[] {
    return this.statements
      .get('SELECT DISTINCT holiday_calendar FROM client WHERE archived_at IS NULL ORDER BY holiday_calendar')
      .pluck()
      .all() as string[];
  }

  list(filter: ClientListFilter): ClientWithCounts[] {
    const like = filter.search ? likePattern(filter.search) : undefined;
    const code = filter.search?.toUpperCase();
    const where = new Conditions()
      .add(archivedClause('c.archived_at', filter.archived))
      .when(
        filter.search,
        `(c.name LIKE ? ESCAPE '\\' OR c.notes LIKE ? ESCAPE '\\' OR c.country = ? OR c.currency = ?)`,
        like,
        like,
        code,
        code,
      )
      .when(filter.country, 'c.country = ?')
      .when(filter.currency, 'c.currency = ?');
    const order = `${SORT_COLUMNS[filter.sort]} ${filter.direction === 'desc' ? 'DESC' : 'ASC'}, c.id`;
    const sql = `
      SELECT c.id, c.name, c.country, c.currency, c.holiday_calendar, c.time_zone, c.archived_at, c.updated_at,
        (SELECT count(*) FROM engagement e WHERE e.client_id = c.id AND e.archived_at IS NULL) AS engagement_count,
        (SELECT count(*) FROM engagement e WHERE e.client_id = c.id AND e.archived_at IS NULL AND e.status = 'active') AS active_engagement_count
      FROM client c ${where.sql} ORDER BY ${order}`;
    return (this.statements.get(sql).all(...where.params) as ClientListRow[]).map(toClientWithCounts);
  }
}

/** The columns of a list row, as SQLite returns them; exported for the bench's hand-written baseline. */
export type ClientListRow = Pick<
  ClientRow,
  'id' | 'name' | 'country' | 'currency' | 'holiday_calendar' | 'time_zone' | 'archived_at' | 'updated_at'
> & {
  engagement_count: number;
  active_engagement_count: number;
};

export function toClientWithCounts(row: ClientListRow): ClientWithCounts {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    currency: row.currency,
    holidayCalendar: row.holiday_calendar,
    timeZone: row.time_zone,
    archivedAt: row.archived_at,
    updatedAt: row.updated_at,
    engagementCount: row.engagement_count,
    activeEngagementCount: row.active_engagement_count,
  };
}

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    currency: row.currency,
    holidayCalendar: row.holiday_calendar,
    timeZone: row.time_zone,
    vatBasisPoints: row.vat_basis_points,
    notes: row.notes,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
