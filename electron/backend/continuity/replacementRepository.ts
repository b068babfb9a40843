import type { Db } from '@backend/core/db/connection';
import { Conditions, likePattern, StatementCache } from '@backend/core/sql';
import type { ReplacementCandidate, ReplacementPause, ReplacementRequest } from '@shared/continuity/contract';
import type { CandidateStatus, ReplacementReason, ReplacementStatus } from '@shared/continuity/rules/replacement';
import { groupBy } from '@shared/kernel/collections';

type RequestRow = {
  id: string;
  engagement_id: string;
  outgoing_specialist_id: string;
  outgoing_allocation_id: string | null;
  reason: ReplacementReason;
  submitted_at: string;
  submitted_by: string;
  notes: string;
  status: ReplacementStatus;
  replacement_specialist_id: string | null;
  replacement_allocation_id: string | null;
  replacement_start_date: string | null;
  late_reason: string;
  cancelled_on: string | null;
  cancel_reason: string;
  created_at: string;
  updated_at: string;
};

type JoinedRow = RequestRow & {
  engagement_name: string;
  engagement_end_date: string | null;
  sla_business_days: number;
  client_id: string;
  client_name: string;
  holiday_calendar: string;
  time_zone: string;
  outgoing_name: string;
  replacement_name: string | null;
};

/** A request with what its clock and its screens need from the engagement, client and people. */
export type ReplacementWithContext = ReplacementRequest & {
  engagementName: string;
  engagementEndDate: string | null;
  slaBusinessDays: number;
  clientId: string;
  clientName: string;
  holidayCalendar: string;
  /** As stored on the client: '' means the calendar's own zone. */
  clientTimeZone: string;
  outgoingSpecialistName: string;
  replacementSpecialistName: string | null;
};

export type ReplacementListFilter = {
  search?: string | undefined;
  state: 'open' | 'closed' | 'all';
  engagementId?: string | undefined;
  clientId?: string | undefined;
  /** Submitted at or after this instant (ISO UTC). */
  submittedFrom?: string | undefined;
  /** Submitted before this instant (ISO UTC). */
  submittedBefore?: string | undefined;
  outgoingSpecialistId?: string | undefined;
};

const JOINED = `SELECT r.*, e.name AS engagement_name, e.end_date AS engagement_end_date, e.sla_business_days,
    c.id AS client_id, c.name AS client_name, c.holiday_calendar, c.time_zone,
    o.full_name AS outgoing_name, n.full_name AS replacement_name
  FROM replacement_request r
  JOIN engagement e ON e.id = r.engagement_id
  JOIN client c ON c.id = e.client_id
  JOIN specialist o ON o.id = r.outgoing_specialist_id
  LEFT JOIN specialist n ON n.id = r.replacement_specialist_id`;

const REQUEST_COLUMNS = `id, engagement_id, outgoing_specialist_id, outgoing_allocation_id, reason, submitted_at, submitted_by, notes,
  status, replacement_specialist_id, replacement_allocation_id, replacement_start_date, late_reason, cancelled_on, cancel_reason,
  created_at, updated_at`;
const REQUEST_PARAMS = `@id, @engagementId, @outgoingSpecialistId, @outgoingAllocationId, @reason, @submittedAt, @submittedBy, @notes,
  @status, @replacementSpecialistId, @replacementAllocationId, @replacementStartDate, @lateReason, @cancelledOn, @cancelReason,
  @createdAt, @updatedAt`;

/** Replacement requests with their pauses and candidates. All the SQL of the continuity area lives here. */
export class ReplacementRepository {
  private readonly statements: StatementCache;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  get(id: string): ReplacementWithContext | null {
    const row = this.statements.get(`${JOINED} WHERE r.id = ?`).get(id) as JoinedRow | undefined;
    return row ? toJoined(row) : null;
  }

  list(filter: ReplacementListFilter): ReplacementWithContext[] {
    const like = filter.search ? likePattern(filter.search) : undefined;
    const where = new Conditions()
      .add(filter.state === 'open' ? "r.status = 'open'" : filter.state === 'closed' ? "r.status <> 'open'" : null)
      .when(
        filter.search,
        `(o.full_name LIKE ? ESCAPE '\\' OR n.full_name LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\'
          OR r.submitted_by LIKE ? ESCAPE '\\' OR r.notes LIKE ? ESCAPE '\\')`,
        like,
        like,
        like,
        like,
        like,
        like,
      )
      .when(filter.engagementId, 'r.engagement_id = ?')
      .when(filter.clientId, 'c.id = ?')
      .when(filter.outgoingSpecialistId, 'r.outgoing_specialist_id = ?')
      .when(filter.submittedFrom, 'r.submitted_at >= ?')
      .when(filter.submittedBefore, 'r.submitted_at < ?');
    const rows = this.statements.get(`${JOINED} ${where.sql} ORDER BY r.submitted_at DESC, r.id`).all(...where.params) as JoinedRow[];
    return rows.map(toJoined);
  }

  /** Fulfilled requests where this specialist took over before `date` (a later start date would orphan them). */
  fulfilledByBefore(specialistId: string, date: string): ReplacementWithContext[] {
    const rows = this.statements
      .get(
        `${JOINED} WHERE r.replacement_specialist_id = ? AND r.status = 'fulfilled' AND r.replacement_start_date < ? ORDER BY r.replacement_start_date`,
      )
      .all(specialistId, date) as JoinedRow[];
    return rows.map(toJoined);
  }

  /**
   * Hand-overs of fulfilled requests: the days the incoming specialist and the
   * outgoing allocation (not cancelled) overlap on the engagement, for these
   * incoming specialists and engagements, touching `from`–`to` (inclusive dates).
   */
  handoverWindows(
    specialistIds: readonly string[],
    engagementIds: readonly string[],
    from: string,
    to: string,
  ): { specialistId: string; engagementId: string; from: string; to: string }[] {
    return this.statements
      .get(
        `SELECT r.replacement_specialist_id AS specialistId, r.engagement_id AS engagementId, r.replacement_start_date AS "from",
           a.end_date AS "to"
         FROM replacement_request r JOIN allocation a ON a.id = r.outgoing_allocation_id
         WHERE r.status = 'fulfilled' AND a.status <> 'cancelled' AND a.end_date >= r.replacement_start_date
           AND r.replacement_specialist_id IN (SELECT value FROM json_each(?))
           AND r.engagement_id IN (SELECT value FROM json_each(?))
           AND r.replacement_start_date <= ? AND a.end_date >= ?
         ORDER BY r.replacement_start_date, r.id`,
      )
      .all(JSON.stringify(specialistIds), JSON.stringify(engagementIds), to, from) as {
      specialistId: string;
      engagementId: string;
      from: string;
      to: string;
    }[];
  }

  insert(request: ReplacementRequest): void {
    this.statements.get(`INSERT INTO replacement_request (${REQUEST_COLUMNS}) VALUES (${REQUEST_PARAMS})`).run(request);
  }

  update(request: ReplacementRequest): void {
    this.statements
      .get(
        `UPDATE replacement_request SET engagement_id = @engagementId, outgoing_specialist_id = @outgoingSpecialistId,
           outgoing_allocation_id = @outgoingAllocationId, reason = @reason, submitted_at = @submittedAt, submitted_by = @submittedBy,
           notes = @notes, status = @status, replacement_specialist_id = @replacementSpecialistId,
           replacement_allocation_id = @replacementAllocationId, replacement_start_date = @replacementStartDate,
           late_reason = @lateReason, cancelled_on = @cancelledOn, cancel_reason = @cancelReason, updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run(request);
  }

  /** Pauses of the given requests, by request, in date order. */
  pausesOf(requestIds: readonly string[]): Map<string, ReplacementPause[]> {
    const rows = this.statements
      .get(`SELECT * FROM replacement_pause WHERE request_id IN (SELECT value FROM json_each(?)) ORDER BY request_id, start_date, id`)
      .all(JSON.stringify(requestIds)) as PauseRow[];
    return groupBy(rows.map(toPause), (p) => p.requestId);
  }

  getPause(id: string): ReplacementPause | null {
    const row = this.statements.get('SELECT * FROM replacement_pause WHERE id = ?').get(id) as PauseRow | undefined;
    return row ? toPause(row) : null;
  }

  insertPause(pause: ReplacementPause): void {
    this.statements
      .get(
        `INSERT INTO replacement_pause (id, request_id, start_date, end_date, reason, created_at, updated_at)
         VALUES (@id, @requestId, @startDate, @endDate, @reason, @createdAt, @updatedAt)`,
      )
      .run(pause);
  }

  updatePause(pause: ReplacementPause): void {
    this.statements
      .get(
        'UPDATE replacement_pause SET start_date = @startDate, end_date = @endDate, reason = @reason, updated_at = @updatedAt WHERE id = @id',
      )
      .run(pause);
  }

  deletePause(id: string): void {
    this.statements.get('DELETE FROM replacement_pause WHERE id = ?').run(id);
  }

  /** Candidates of the given requests, by request, in the order proposed. */
  candidatesOf(requestIds: readonly string[]): Map<string, ReplacementCandidate[]> {
    const rows = this.statements
      .get(`SELECT * FROM replacement_candidate WHERE request_id IN (SELECT value FROM json_each(?)) ORDER BY request_id, proposed_on, id`)
      .all(JSON.stringify(requestIds)) as CandidateRow[];
    return groupBy(rows.map(toCandidate), (c) => c.requestId);
  }

  getCandidate(id: string): ReplacementCandidate | null {
    const row = this.statements.get('SELECT * FROM replacement_candidate WHERE id = ?').get(id) as CandidateRow | undefined;
    return row ? toCandidate(row) : null;
  }

  insertCandidate(candidate: ReplacementCandidate): void {
    this.statements
      .get(
        `INSERT INTO replacement_candidate (id, request_id, name, specialist_id, proposed_on, status, decided_on, created_at, updated_at)
         VALUES (@id, @requestId, @name, @specialistId, @proposedOn, @status, @decidedOn, @createdAt, @updatedAt)`,
      )
      .run(candidate);
  }

  updateCandidate(candidate: ReplacementCandidate): void {
    this.statements
      .get('UPDATE replacement_candidate SET status = @status, decided_on = @decidedOn, updated_at = @updatedAt WHERE id = @id')
      .run(candidate);
  }
}

type PauseRow = {
  id: string;
  request_id: string;
  start_date: string;
  end_date: string;
  reason: string;
  created_at: string;
  updated_at: string;
};

type CandidateRow = {
  id: string;
  request_id: string;
  name: string;
  specialist_id: string | null;
  proposed_on: string;
  status: CandidateStatus;
  decided_on: string | null;
  created_at: string;
  updated_at: string;
};

function toPause(row: PauseRow): ReplacementPause {
  return {
    id: row.id,
    requestId: row.request_id,
    startDate: row.start_date,
    endDate: row.end_date,
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toCandidate(row: CandidateRow): ReplacementCandidate {
  return {
    id: row.id,
    requestId: row.request_id,
    name: row.name,
    specialistId: row.specialist_id,
    proposedOn: row.proposed_on,
    status: row.status,
    decidedOn: row.decided_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toReplacementRequest(row: RequestRow): ReplacementRequest {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    outgoingSpecialistId: row.outgoing_specialist_id,
    outgoingAllocationId: row.outgoing_allocation_id,
    reason: row.reason,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    notes: row.notes,
    status: row.status,
    replacementSpecialistId: row.replacement_specialist_id,
    replacementAllocationId: row.replacement_allocation_id,
    replacementStartDate: row.replacement_start_date,
    lateReason: row.late_reason,
    cancelledOn: row.cancelled_on,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toJoined(row: JoinedRow): ReplacementWithContext {
  return {
    ...toReplacementRequest(row),
    engagementName: row.engagement_name,
    engagementEndDate: row.engagement_end_date,
    slaBusinessDays: row.sla_business_days,
    clientId: row.client_id,
    clientName: row.client_name,
    holidayCalendar: row.holiday_calendar,
    clientTimeZone: row.time_zone,
    outgoingSpecialistName: row.outgoing_name,
    replacementSpecialistName: row.replacement_name,
  };
}
