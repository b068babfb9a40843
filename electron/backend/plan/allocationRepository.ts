import type { Db } from '@backend/core/db/connection';
import { Conditions, likePattern, StatementCache } from '@backend/core/sql';
import type { Allocation, AllocationListItem } from '@shared/plan/contract/allocations';
import type { AllocationStatus } from '@shared/plan/rules/allocations';
import type { PlanAllocation } from '@shared/plan/rules/plan';

/** A row as SQLite returns it; exported for the bench's hand-written baseline. */
export type AllocationRow = {
  id: string;
  specialist_id: string;
  engagement_id: string;
  start_date: string;
  end_date: string;
  load_percent: number;
  status: AllocationStatus;
  note: string;
  cancel_reason: string;
  created_at: string;
  updated_at: string;
};

type JoinedRow = AllocationRow & { specialist_name: string; engagement_name: string; client_id: string; client_name: string };

export type AllocationListFilter = {
  search?: string | undefined;
  specialistId?: string | undefined;
  engagementId?: string | undefined;
  clientId?: string | undefined;
  status?: AllocationStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

const JOINED = `SELECT a.*, s.full_name AS specialist_name, e.name AS engagement_name, c.id AS client_id, c.name AS client_name
  FROM allocation a
  JOIN specialist s ON s.id = a.specialist_id
  JOIN engagement e ON e.id = a.engagement_id
  JOIN client c ON c.id = e.client_id`;

/** The lean shape the plan computations use. */
const PLAN_COLUMNS = `SELECT a.id, a.specialist_id, a.engagement_id, a.start_date, a.end_date, a.load_percent, a.status,
    e.name AS engagement_name, c.id AS client_id, c.name AS client_name
  FROM allocation a
  JOIN engagement e ON e.id = a.engagement_id
  JOIN client c ON c.id = e.client_id`;

type PlanRow = Pick<AllocationRow, 'id' | 'specialist_id' | 'engagement_id' | 'start_date' | 'end_date' | 'load_percent' | 'status'> & {
  engagement_name: string;
  client_id: string;
  client_name: string;
};

export class AllocationRepository {
  private readonly statements: StatementCache;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
    this.insertStmt = db.prepare(
      `INSERT INTO allocation (id, specialist_id, engagement_id, start_date, end_date, load_percent, status, note, cancel_reason, created_at, updated_at)
       VALUES (@id, @specialistId, @engagementId, @startDate, @endDate, @loadPercent, @status, @note, @cancelReason, @createdAt, @updatedAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE allocation SET specialist_id = @specialistId, engagement_id = @engagementId, start_date = @startDate, end_date = @endDate,
         load_percent = @loadPercent, status = @status, note = @note, cancel_reason = @cancelReason, updated_at = @updatedAt WHERE id = @id`,
    );
  }

  get(id: string): AllocationListItem | null {
    const row = this.statements.get(`${JOINED} WHERE a.id = ?`).get(id) as JoinedRow | undefined;
    return row ? toListItem(row) : null;
  }

  /** Several allocations by id in one query (a list of replacement requests links two each). */
  getMany(ids: readonly string[]): Map<string, AllocationListItem> {
    const rows = this.statements.get(`${JOINED} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as JoinedRow[];
    return new Map(rows.map((row) => [row.id, toListItem(row)]));
  }

  insert(allocation: Allocation): void {
    this.insertStmt.run(allocation);
  }

  update(allocation: Allocation): void {
    this.updateStmt.run(allocation);
  }

  count(): number {
    return (this.statements.get('SELECT count(*) AS n FROM allocation').get() as { n: number }).n;
  }

  list(filter: AllocationListFilter): AllocationListItem[] {
    const like = filter.search ? likePattern(filter.search) : undefined;
    const where = new Conditions()
      .when(filter.search, `(s.full_name LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')`, like, like, like)
      .when(filter.specialistId, 'a.specialist_id = ?')
      .when(filter.engagementId, 'a.engagement_id = ?')
      .when(filter.clientId, 'c.id = ?')
      .when(filter.status, 'a.status = ?')
      .when(filter.from, 'a.end_date >= ?')
      .when(filter.to, 'a.start_date <= ?');
    const rows = this.statements
      .get(`${JOINED} ${where.sql} ORDER BY a.start_date, s.full_name COLLATE NOCASE, a.id`)
      .all(...where.params) as JoinedRow[];
    return rows.map(toListItem);
  }

  /** Every live allocation of one specialist: what the dedication rule and the overload check look at. */
  liveForSpecialist(specialistId: string): PlanAllocation[] {
    const rows = this.statements
      .get(`${PLAN_COLUMNS} WHERE a.specialist_id = ? AND a.status <> 'cancelled' ORDER BY a.start_date`)
      .all(specialistId) as PlanRow[];
    return rows.map(toPlanAllocation);
  }

  /** Live allocations touching [from, to] (served by the end_date/start_date index), optionally of one engagement only. */
  liveInWindow(from: string, to: string, engagementId?: string): PlanAllocation[] {
    const rows = (
      engagementId
        ? this.statements
            .get(`${PLAN_COLUMNS} WHERE a.engagement_id = ? AND a.end_date >= ? AND a.start_date <= ? AND a.status <> 'cancelled'`)
            .all(engagementId, from, to)
        : this.statements.get(`${PLAN_COLUMNS} WHERE a.end_date >= ? AND a.start_date <= ? AND a.status <> 'cancelled'`).all(from, to)
    ) as PlanRow[];
    return rows.map(toPlanAllocation);
  }

  /** Engagements with at least one live allocation (the month review checks hours against allocations only there). */
  engagementsAllocated(): Set<string> {
    const rows = this.statements.get(`SELECT DISTINCT engagement_id AS id FROM allocation WHERE status <> 'cancelled'`).all() as {
      id: string;
    }[];
    return new Set(rows.map((r) => r.id));
  }

  /** Whether an engagement has any live allocation. */
  engagementUsesAllocations(engagementId: string): boolean {
    return Boolean(
      this.statements.get(`SELECT 1 FROM allocation WHERE engagement_id = ? AND status <> 'cancelled' LIMIT 1`).get(engagementId),
    );
  }

  /** Every live allocation: the roll-off radar and the bench need each person's whole history. */
  live(): PlanAllocation[] {
    return (this.statements.get(`${PLAN_COLUMNS} WHERE a.status <> 'cancelled'`).all() as PlanRow[]).map(toPlanAllocation);
  }
}

export function toAllocation(row: AllocationRow): Allocation {
  return {
    id: row.id,
    specialistId: row.specialist_id,
    engagementId: row.engagement_id,
    startDate: row.start_date,
    endDate: row.end_date,
    loadPercent: row.load_percent,
    status: row.status,
    note: row.note,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toListItem(row: JoinedRow): AllocationListItem {
  return {
    ...toAllocation(row),
    specialistName: row.specialist_name,
    engagementName: row.engagement_name,
    clientId: row.client_id,
    clientName: row.client_name,
  };
}

export function toPlanAllocation(row: PlanRow): PlanAllocation {
  return {
    id: row.id,
    specialistId: row.specialist_id,
    engagementId: row.engagement_id,
    clientId: row.client_id,
    clientName: row.client_name,
    engagementName: row.engagement_name,
    startDate: row.start_date,
    endDate: row.end_date,
    loadPercent: row.load_percent,
    status: row.status,
  };
}
