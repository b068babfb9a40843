import type { Db } from '@backend/core/db/connection';
import { archivedClause, Conditions, likePattern, StatementCache } from '@backend/core/sql';
import type { Specialist, SpecialistListItem } from '@shared/clients/contract/specialists';
import type { Seniority, SpecialistRole, SpecialistStatus } from '@shared/clients/rules/reference';
import type { SourcingRegion } from '@shared/clients/rules/sourcingRegion';

/** A row as SQLite returns it; exported for the bench's hand-written baseline. */
export type SpecialistRow = {
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
  daily_minutes: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

export type SpecialistListFilter = {
  search?: string | undefined;
  archived: 'active' | 'archived' | 'all';
  role?: SpecialistRole | undefined;
  status?: SpecialistStatus | undefined;
  sourcingRegion?: SourcingRegion | undefined;
  skill?: string | undefined;
  sort: 'fullName' | 'role' | 'seniority' | 'sourcingRegion' | 'startDate' | 'status' | 'updatedAt';
  direction: 'asc' | 'desc';
};

export type PlanSpecialistFilter = {
  role?: SpecialistRole | undefined;
  sourcingRegion?: SourcingRegion | undefined;
  skill?: string | undefined;
};

const SORT_COLUMNS: Record<SpecialistListFilter['sort'], string> = {
  fullName: 's.full_name COLLATE NOCASE',
  role: 's.role',
  // Seniority sorts by rank, not alphabetically.
  seniority: "CASE s.seniority WHEN 'junior' THEN 1 WHEN 'mid' THEN 2 WHEN 'senior' THEN 3 WHEN 'lead' THEN 4 ELSE 5 END",
  sourcingRegion: 's.sourcing_region',
  startDate: 's.start_date',
  status: 's.status',
  updatedAt: 's.updated_at',
};

export class SpecialistRepository {
  private readonly statements: StatementCache;
  private readonly byId;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
    this.byId = db.prepare('SELECT * FROM specialist WHERE id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO specialist (id, full_name, role, seniority, home_country, home_subdivision, sourcing_region, skills,
         start_date, status, email, daily_minutes, archived_at, created_at, updated_at)
       VALUES (@id, @fullName, @role, @seniority, @homeCountry, @homeSubdivision, @sourcingRegion, @skills,
         @startDate, @status, @email, @dailyMinutes, @archivedAt, @createdAt, @updatedAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE specialist SET full_name = @fullName, role = @role, seniority = @seniority, home_country = @homeCountry,
         home_subdivision = @homeSubdivision, sourcing_region = @sourcingRegion, skills = @skills, start_date = @startDate,
         status = @status, email = @email, daily_minutes = @dailyMinutes, archived_at = @archivedAt, updated_at = @updatedAt WHERE id = @id`,
    );
  }

  get(id: string): Specialist | null {
    const row = this.byId.get(id) as SpecialistRow | undefined;
    return row ? toSpecialist(row) : null;
  }

  findByEmail(email: string): Specialist | null {
    const row = this.statements.get('SELECT * FROM specialist WHERE email = ? COLLATE NOCASE').get(email) as SpecialistRow | undefined;
    return row ? toSpecialist(row) : null;
  }

  insert(s: Specialist): void {
    this.insertStmt.run({ ...s, skills: JSON.stringify(s.skills) });
  }

  update(s: Specialist): void {
    this.updateStmt.run({ ...s, skills: JSON.stringify(s.skills) });
  }

  count(): number {
    return (this.statements.get('SELECT count(*) AS n FROM specialist').get() as { n: number }).n;
  }

  /** The home calendar codes (RO, CH-ZH) of the people the plan shows. */
  homeCalendars(): string[] {
    return this.statements
      .get(
        `SELECT DISTINCT home_country || CASE home_subdivision WHEN '' THEN '' ELSE '-' || home_subdivision END AS code
         FROM specialist WHERE archived_at IS NULL AND status <> 'left' ORDER BY code`,
      )
      .pluck()
      .all() as string[];
  }

  /**
   * The people the plan shows: not archived, not gone, optionally narrowed
   * by role, region or skill, in name order.
   */
  forPlan(filter: PlanSpecialistFilter = {}): Specialist[] {
    const where = new Conditions()
      .add("s.archived_at IS NULL AND s.status <> 'left'")
      .when(filter.role, 's.role = ?')
      .when(filter.sourcingRegion, 's.sourcing_region = ?')
      .when(filter.skill, 'EXISTS (SELECT 1 FROM json_each(s.skills) j WHERE j.value = ? COLLATE NOCASE)');
    const rows = this.statements
      .get(`SELECT s.* FROM specialist s ${where.sql} ORDER BY s.full_name COLLATE NOCASE, s.id`)
      .all(...where.params) as SpecialistRow[];
    return rows.map(toSpecialist);
  }

  list(filter: SpecialistListFilter): SpecialistListItem[] {
    const like = filter.search ? likePattern(filter.search) : undefined;
    const where = new Conditions()
      .add(archivedClause('s.archived_at', filter.archived))
      .when(
        filter.search,
        `(s.full_name LIKE ? ESCAPE '\\' OR s.email LIKE ? ESCAPE '\\' OR s.skills LIKE ? ESCAPE '\\')`,
        like,
        like,
        like,
      )
      .when(filter.role, 's.role = ?')
      .when(filter.status, 's.status = ?')
      .when(filter.sourcingRegion, 's.sourcing_region = ?')
      .when(filter.skill, 'EXISTS (SELECT 1 FROM json_each(s.skills) j WHERE j.value = ? COLLATE NOCASE)');
    const tieBreak = filter.sort === 'fullName' ? 's.id' : 's.full_name COLLATE NOCASE, s.id';
    const order = `${SORT_COLUMNS[filter.sort]} ${filter.direction === 'desc' ? 'DESC' : 'ASC'}, ${tieBreak}`;
    // Only the list's columns: the rest of the record comes with specialists.get.
    const sql = `SELECT s.id, s.full_name, s.role, s.seniority, s.home_country, s.sourcing_region, s.skills, s.start_date, s.status, s.email, s.archived_at
      FROM specialist s ${where.sql} ORDER BY ${order}`;
    return (this.statements.get(sql).all(...where.params) as SpecialistListRow[]).map(toSpecialistListItem);
  }
}

/** The columns of a list row, as SQLite returns them; exported for the bench's hand-written baseline. */
export type SpecialistListRow = Pick<
  SpecialistRow,
  | 'id'
  | 'full_name'
  | 'role'
  | 'seniority'
  | 'home_country'
  | 'sourcing_region'
  | 'skills'
  | 'start_date'
  | 'status'
  | 'email'
  | 'archived_at'
>;

export function toSpecialistListItem(row: SpecialistListRow): SpecialistListItem {
  return {
    id: row.id,
    fullName: row.full_name,
    role: row.role,
    seniority: row.seniority,
    homeCountry: row.home_country,
    sourcingRegion: row.sourcing_region,
    skills: JSON.parse(row.skills) as string[],
    startDate: row.start_date,
    status: row.status,
    email: row.email,
    archivedAt: row.archived_at,
  };
}

export function toSpecialist(row: SpecialistRow): Specialist {
  return {
    id: row.id,
    fullName: row.full_name,
    role: row.role,
    seniority: row.seniority,
    homeCountry: row.home_country,
    homeSubdivision: row.home_subdivision,
    sourcingRegion: row.sourcing_region,
    skills: JSON.parse(row.skills) as string[],
    startDate: row.start_date,
    status: row.status,
    email: row.email,
    dailyMinutes: row.daily_minutes,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
