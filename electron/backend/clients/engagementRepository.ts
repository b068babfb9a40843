import type { Db } from '@backend/core/db/connection';
import { archivedClause, Conditions, likePattern, StatementCache } from '@backend/core/sql';
import type { Engagement, EngagementDetail, EngagementListItem } from '@shared/clients/contract/engagements';
import type { EngagementStatus } from '@shared/clients/rules/reference';

/** A row as SQLite returns it; exported for the bench's hand-written baseline. */
export type EngagementRow = {
  id: string;
  client_id: string;
  name: string;
  currency: string;
  start_date: string;
  end_date: string | null;
  status: EngagementStatus;
  contract_notes: string;
  sla_business_days: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

export type EngagementListFilter = {
  search?: string | undefined;
  archived: 'active' | 'archived' | 'all';
  clientId?: string | undefined;
  status?: EngagementStatus | undefined;
  sort: 'name' | 'clientName' | 'startDate' | 'endDate' | 'status' | 'updatedAt';
  direction: 'asc' | 'desc';
};

const SORT_COLUMNS: Record<EngagementListFilter['sort'], string> = {
  name: 'e.name COLLATE NOCASE',
  clientName: 'c.name COLLATE NOCASE',
  startDate: 'e.start_date',
  // Open-ended engagements sort after every dated one.
  endDate: "coalesce(e.end_date, '9999-12-31')",
  status: 'e.status',
  updatedAt: 'e.updated_at',
};

export class EngagementRepository {
  private readonly statements: StatementCache;
  private readonly byId;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
    this.byId = db.prepare('SELECT e.*, c.name AS client_name FROM engagement e JOIN client c ON c.id = e.client_id WHERE e.id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO engagement (id, client_id, name, currency, start_date, end_date, status, contract_notes, sla_business_days, archived_at, created_at, updated_at)
       VALUES (@id, @clientId, @name, @currency, @startDate, @endDate, @status, @contractNotes, @slaBusinessDays, @archivedAt, @createdAt, @updatedAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE engagement SET client_id = @clientId, name = @name, currency = @currency, start_date = @startDate,
         end_date = @endDate, status = @status, contract_notes = @contractNotes, sla_business_days = @slaBusinessDays, archived_at = @archivedAt,
         updated_at = @updatedAt WHERE id = @id`,
    );
  }

  get(id: string): EngagementDetail | null {
    const row = this.byId.get(id) as (EngagementRow & { client_name: string }) | undefined;
    return row ? { ...toEngagement(row), clientName: row.client_name } : null;
  }

  findByClientAndName(clientId: string, name: string): Engagement | null {
    const row = this.statements.get('SELECT * FROM engagement WHERE client_id = ? AND name = ? COLLATE NOCASE').get(clientId, name) as
      | EngagementRow
      | undefined;
    return row ? toEngagement(row) : null;
  }

  insert(engagement: Engagement): void {
    this.insertStmt.run(engagement);
  }

  update(engagement: Engagement): void {
    this.updateStmt.run(engagement);
  }

  count(): number {
    return (this.statements.get('SELECT count(*) AS n FROM engagement').get() as { n: number }).n;
  }

  list(filter: EngagementListFilter): EngagementListItem[] {
    const like = filter.search ? likePattern(filter.search) : undefined;
    const where = new Conditions()
      .add(archivedClause('e.archived_at', filter.archived))
      .when(
        filter.search,
        `(e.name LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR e.contract_notes LIKE ? ESCAPE '\\')`,
        like,
        like,
        like,
      )
      .when(filter.clientId, 'e.client_id = ?')
      .when(filter.status, 'e.status = ?');
    const order = `${SORT_COLUMNS[filter.sort]} ${filter.direction === 'desc' ? 'DESC' : 'ASC'}, e.id`;
    // Only the list's columns: notes and timestamps stay on the record (engagements.get).
    const sql = `SELECT e.id, e.client_id, c.name AS client_name, e.name, e.currency, e.start_date, e.end_date, e.status,
        e.sla_business_days, e.archived_at
      FROM engagement e JOIN client c ON c.id = e.client_id ${where.sql} ORDER BY ${order}`;
    return (this.statements.get(sql).all(...where.params) as EngagementListRow[]).map(toEngagementListItem);
  }
}

/** The columns of a list row, as SQLite returns them; exported for the bench's hand-written baseline. */
export type EngagementListRow = Pick<
  EngagementRow,
  'id' | 'client_id' | 'name' | 'currency' | 'start_date' | 'end_date' | 'status' | 'sla_business_days' | 'archived_at'
> & { client_name: string };

export function toEngagementListItem(row: EngagementListRow): EngagementListItem {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    name: row.name,
    currency: row.currency,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    slaBusinessDays: row.sla_business_days,
    archivedAt: row.archived_at,
  };
}

export function toEngagement(row: EngagementRow): Engagement {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    currency: row.currency,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    contractNotes: row.contract_notes,
    slaBusinessDays: row.sla_business_days,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
