import type { Db } from '@backend/core/db/connection';
import { Conditions, likePattern, StatementCache } from '@backend/core/sql';
import type { Seniority, SpecialistRole } from '@shared/clients/rules/reference';
import type { SourcingRegion } from '@shared/clients/rules/sourcingRegion';
import type { StaffingRequest } from '@shared/plan/contract/staffing';
import type { StaffingStage } from '@shared/plan/rules/staffing';

export type StaffingRow = {
  id: string;
  engagement_id: string;
  title: string;
  role: SpecialistRole;
  seniority: Seniority;
  required_skills: string;
  region_preferences: string;
  start_date: string;
  load_percent: number;
  stage: StaffingStage;
  opened_on: string;
  target_weeks: number;
  filled_on: string | null;
  allocation_id: string | null;
  declined_on: string | null;
  decline_reason: string;
  notes: string;
  created_at: string;
  updated_at: string;
};

/** A request with the engagement and client it belongs to. */
export type StaffingWithEngagement = StaffingRequest & {
  engagementName: string;
  engagementEndDate: string | null;
  clientId: string;
  clientName: string;
  /** The client's holiday calendar: the fill clock counts its business days. */
  holidayCalendar: string;
};

type JoinedRow = StaffingRow & {
  engagement_name: string;
  engagement_end_date: string | null;
  client_id: string;
  client_name: string;
  holiday_calendar: string;
};

export type StaffingListFilter = {
  search?: string | undefined;
  state: 'open' | 'closed' | 'all';
  stage?: StaffingStage | undefined;
  engagementId?: string | undefined;
};

const JOINED = `SELECT r.*, e.name AS engagement_name, e.end_date AS engagement_end_date, c.id AS client_id, c.name AS client_name,
    c.holiday_calendar
  FROM staffing_request r
  JOIN engagement e ON e.id = r.engagement_id
  JOIN client c ON c.id = e.client_id`;

const OPEN = "r.stage IN ('defined', 'sourcing', 'candidates_presented')";

export class StaffingRepository {
  private readonly statements: StatementCache;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
    this.insertStmt = db.prepare(
      `INSERT INTO staffing_request (id, engagement_id, title, role, seniority, required_skills, region_preferences, start_date,
         load_percent, stage, opened_on, target_weeks, filled_on, allocation_id, declined_on, decline_reason, notes, created_at, updated_at)
       VALUES (@id, @engagementId, @title, @role, @seniority, @requiredSkills, @regionPreferences, @startDate, @loadPercent, @stage,
         @openedOn, @targetWeeks, @filledOn, @allocationId, @declinedOn, @declineReason, @notes, @createdAt, @updatedAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE staffing_request SET engagement_id = @engagementId, title = @title, role = @role, seniority = @seniority,
         required_skills = @requiredSkills, region_preferences = @regionPreferences, start_date = @startDate,
         load_percent = @loadPercent, stage = @stage, opened_on = @openedOn, target_weeks = @targetWeeks, filled_on = @filledOn,
         allocation_id = @allocationId, declined_on = @declinedOn, decline_reason = @declineReason, notes = @notes,
         updated_at = @updatedAt WHERE id = @id`,
    );
  }

  get(id: string): StaffingWithEngagement | null {
    const row = this.statements.get(`${JOINED} WHERE r.id = ?`).get(id) as JoinedRow | undefined;
    return row ? toJoined(row) : null;
  }

  insert(request: StaffingRequest): void {
    this.insertStmt.run(toParams(request));
  }

  update(request: StaffingRequest): void {
    this.updateStmt.run(toParams(request));
  }

  list(filter: StaffingListFilter): StaffingWithEngagement[] {
    const like = filter.search ? likePattern(filter.search) : undefined;
    const where = new Conditions()
      .add(filter.state === 'open' ? OPEN : filter.state === 'closed' ? `NOT ${OPEN}` : null)
      .when(
        filter.search,
        `(r.title LIKE ? ESCAPE '\\' OR r.required_skills LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')`,
        like,
        like,
        like,
        like,
      )
      .when(filter.stage, 'r.stage = ?')
      .when(filter.engagementId, 'r.engagement_id = ?');
    const rows = this.statements.get(`${JOINED} ${where.sql} ORDER BY r.start_date, r.id`).all(...where.params) as JoinedRow[];
    return rows.map(toJoined);
  }

  /** Open requests: placeholders on the plan and demand in the forecast. */
  open(): StaffingWithEngagement[] {
    return this.list({ state: 'open' });
  }
}

function toParams(r: StaffingRequest) {
  return { ...r, requiredSkills: JSON.stringify(r.requiredSkills), regionPreferences: JSON.stringify(r.regionPreferences) };
}

export function toStaffingRequest(row: StaffingRow): StaffingRequest {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    title: row.title,
    role: row.role,
    seniority: row.seniority,
    requiredSkills: JSON.parse(row.required_skills) as string[],
    regionPreferences: JSON.parse(row.region_preferences) as SourcingRegion[],
    startDate: row.start_date,
    loadPercent: row.load_percent,
    stage: row.stage,
    openedOn: row.opened_on,
    targetWeeks: row.target_weeks,
    filledOn: row.filled_on,
    allocationId: row.allocation_id,
    declinedOn: row.declined_on,
    declineReason: row.decline_reason,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toJoined(row: JoinedRow): StaffingWithEngagement {
  return {
    ...toStaffingRequest(row),
    engagementName: row.engagement_name,
    engagementEndDate: row.engagement_end_date,
    clientId: row.client_id,
    clientName: row.client_name,
    holidayCalendar: row.holiday_calendar,
  };
}
