import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { Assignment, FindingCounts, SnapshotListItem } from '@shared/ownership/contract/matrix';
import type { PersonKind, Role, TargetKind } from '@shared/ownership/rules/vocabulary';

type AssignmentRow = {
  id: string;
  engagement_id: string;
  target_kind: TargetKind;
  target_id: string;
  duty_key: string;
  role: Role;
  person_kind: PersonKind;
  person_id: string;
  from_date: string;
  to_date: string | null;
  note: string;
  created_at: string;
};

const COLUMNS = 'id, engagement_id, target_kind, target_id, duty_key, role, person_kind, person_id, from_date, to_date, note, created_at';

/** The effective-dated assignments and the month snapshots of the matrix: all their SQL. */
export class AssignmentRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  get(id: string): Assignment | null {
    const row = this.statements.get(`SELECT ${COLUMNS} FROM assignment WHERE id = ?`).get(id) as AssignmentRow | undefined;
    return row ? toAssignment(row) : null;
  }

  /** The whole history of one target-duty, oldest first. */
  ofTarget(targetId: string, dutyKey: string): Assignment[] {
    return (
      this.statements
        .get(`SELECT ${COLUMNS} FROM assignment WHERE target_id = ? AND duty_key = ? ORDER BY from_date, role, created_at`)
        .all(targetId, dutyKey) as AssignmentRow[]
    ).map(toAssignment);
  }

  /**
   * The assignments in force on `from` or starting by `until` (the horizon of the roll-off check), of some
   * engagements or all (null): what the matrix and its checks need, never the closed history. Read from the
   * covering index `assignment_in_force` alone, already shaped as assignments; `note` and `createdAt` are not
   * in that index and come back empty (the checks never read them; the history procedures read whole rows).
   */
  inForce(engagementIds: readonly string[] | null, from: string, until: string): Assignment[] {
    const select = `SELECT id, engagement_id AS engagementId, target_kind AS targetKind, target_id AS targetId, duty_key AS dutyKey, role,
      person_kind AS personKind, person_id AS personId, from_date AS fromDate, to_date AS toDate, '' AS note, '' AS createdAt FROM assignment`;
    return (
      engagementIds === null
        ? this.statements
            .get(`${select} INDEXED BY assignment_in_force WHERE (to_date IS NULL OR to_date >= ?) AND from_date <= ?`)
            .all(from, until)
        : // A few engagements: their own rows by assignment_engagement, history included (a few thousand at most).
          this.statements
            .get(
              `${select} WHERE engagement_id IN (SELECT value FROM json_each(?)) AND (to_date IS NULL OR to_date >= ?) AND from_date <= ?`,
            )
            .all(JSON.stringify(engagementIds), from, until)
    ) as Assignment[];
  }

  /** A person's assignments that are in force on `from` or start later, on one engagement or all. */
  ofPersonFrom(kind: PersonKind, personId: string, from: string, engagementId: string | null): Assignment[] {
    return (
      this.statements
        .get(
          `SELECT ${COLUMNS} FROM assignment WHERE person_id = ? AND person_kind = ? AND (to_date IS NULL OR to_date >= ?)
           AND (? IS NULL OR engagement_id = ?) ORDER BY from_date, id`,
        )
        .all(personId, kind, from, engagementId, engagementId) as AssignmentRow[]
    ).map(toAssignment);
  }

  insert(a: Assignment): void {
    this.statements
      .get(
        `INSERT INTO assignment (${COLUMNS}) VALUES (@id, @engagementId, @targetKind, @targetId, @dutyKey, @role, @personKind, @personId,
         @fromDate, @toDate, @note, @createdAt)`,
      )
      .run(a);
  }

  setToDate(id: string, toDate: string): void {
    this.statements.get('UPDATE assignment SET to_date = ? WHERE id = ?').run(toDate, id);
  }

  delete(id: string): void {
    this.statements.get('DELETE FROM assignment WHERE id = ?').run(id);
  }

  count(): number {
    return (this.statements.get('SELECT count(*) AS n FROM assignment').get() as { n: number }).n;
  }

  insertSnapshot(s: {
    id: string;
    engagementId: string;
    month: string;
    takenAt: string;
    takenBy: string;
    counts: FindingCounts;
    data: string;
  }): void {
    this.statements
      .get(
        `INSERT INTO ownership_snapshot (id, engagement_id, month, taken_at, taken_by, errors, warnings, notices, data)
         VALUES (@id, @engagementId, @month, @takenAt, @takenBy, @errors, @warnings, @notices, @data)`,
      )
      .run({ ...s, errors: s.counts.error, warnings: s.counts.warning, notices: s.counts.info });
  }

  /** Each month's latest snapshot of an engagement, newest month first. */
  snapshots(engagementId: string): SnapshotListItem[] {
    const rows = this.statements
      .get(
        `SELECT engagement_id, month, taken_at, taken_by, errors, warnings, notices FROM ownership_snapshot s
         WHERE engagement_id = ? AND taken_at = (SELECT max(taken_at) FROM ownership_snapshot WHERE engagement_id = s.engagement_id AND month = s.month)
         ORDER BY month DESC`,
      )
      .all(engagementId) as {
      engagement_id: string;
      month: string;
      taken_at: string;
      taken_by: string;
      errors: number;
      warnings: number;
      notices: number;
    }[];
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      month: r.month,
      takenAt: r.taken_at,
      takenBy: r.taken_by,
      counts: { error: r.errors, warning: r.warnings, info: r.notices },
    }));
  }

  /** The latest snapshot of a month, as stored. */
  snapshot(engagementId: string, month: string): { takenAt: string; takenBy: string; data: string } | null {
    const row = this.statements
      .get(
        'SELECT taken_at, taken_by, data FROM ownership_snapshot WHERE engagement_id = ? AND month = ? ORDER BY taken_at DESC, id DESC LIMIT 1',
      )
      .get(engagementId, month) as { taken_at: string; taken_by: string; data: string } | undefined;
    return row ? { takenAt: row.taken_at, takenBy: row.taken_by, data: row.data } : null;
  }
}

function toAssignment(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    engagementId: row.engagement_id,
    targetKind: row.target_kind,
    targetId: row.target_id,
    dutyKey: row.duty_key,
    role: row.role,
    personKind: row.person_kind,
    personId: row.person_id,
    fromDate: row.from_date,
    toDate: row.to_date,
    note: row.note,
    createdAt: row.created_at,
  };
}
