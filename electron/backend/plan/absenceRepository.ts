import type { Db } from '@backend/core/db/connection';
import { Conditions, StatementCache } from '@backend/core/sql';
import type { Absence, AbsenceKind, AbsenceListItem } from '@shared/plan/contract/allocations';
import type { PlanAbsence } from '@shared/plan/rules/plan';

export type AbsenceRow = {
  id: string;
  specialist_id: string;
  kind: AbsenceKind;
  start_date: string;
  end_date: string;
  note: string;
  created_at: string;
  updated_at: string;
};

export type AbsenceListFilter = { specialistId?: string | undefined; from?: string | undefined; to?: string | undefined };

export class AbsenceRepository {
  private readonly statements: StatementCache;
  private readonly insertStmt;
  private readonly updateStmt;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
    this.insertStmt = db.prepare(
      `INSERT INTO absence (id, specialist_id, kind, start_date, end_date, note, created_at, updated_at)
       VALUES (@id, @specialistId, @kind, @startDate, @endDate, @note, @createdAt, @updatedAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE absence SET specialist_id = @specialistId, kind = @kind, start_date = @startDate, end_date = @endDate, note = @note,
         updated_at = @updatedAt WHERE id = @id`,
    );
  }

  get(id: string): Absence | null {
    const row = this.statements.get('SELECT * FROM absence WHERE id = ?').get(id) as AbsenceRow | undefined;
    return row ? toAbsence(row) : null;
  }

  insert(absence: Absence): void {
    this.insertStmt.run(absence);
  }

  update(absence: Absence): void {
    this.updateStmt.run(absence);
  }

  delete(id: string): void {
    this.statements.get('DELETE FROM absence WHERE id = ?').run(id);
  }

  list(filter: AbsenceListFilter): AbsenceListItem[] {
    const where = new Conditions()
      .when(filter.specialistId, 'a.specialist_id = ?')
      .when(filter.from, 'a.end_date >= ?')
      .when(filter.to, 'a.start_date <= ?');
    const rows = this.statements
      .get(`SELECT a.*, s.full_name AS specialist_name FROM absence a JOIN specialist s ON s.id = a.specialist_id ${where.sql}
            ORDER BY a.start_date DESC, a.id`)
      .all(...where.params) as (AbsenceRow & { specialist_name: string })[];
    return rows.map(toListItem);
  }

  /** Another absence of the same person overlapping [from, to], if any. */
  overlapping(specialistId: string, from: string, to: string, exceptId: string | null): Absence | null {
    const row = this.statements
      .get(
        'SELECT * FROM absence WHERE specialist_id = ? AND end_date >= ? AND start_date <= ? AND id IS NOT ? ORDER BY start_date LIMIT 1',
      )
      .get(specialistId, from, to, exceptId) as AbsenceRow | undefined;
    return row ? toAbsence(row) : null;
  }

  /** A person's absences that start before `date` (a later start date would orphan them). */
  startingBefore(specialistId: string, date: string): Absence[] {
    const rows = this.statements
      .get('SELECT * FROM absence WHERE specialist_id = ? AND start_date < ? ORDER BY start_date')
      .all(specialistId, date) as AbsenceRow[];
    return rows.map(toAbsence);
  }

  /** Absences touching [from, to], optionally of one person. */
  inWindow(from: string, to: string, specialistId?: string): PlanAbsence[] {
    const sql = `SELECT id, specialist_id, kind, start_date, end_date FROM absence WHERE end_date >= ? AND start_date <= ?${
      specialistId ? ' AND specialist_id = ?' : ''
    }`;
    const params = specialistId ? [from, to, specialistId] : [from, to];
    const rows = this.statements.get(sql).all(...params) as PlanAbsenceRow[];
    return rows.map(toPlanAbsence);
  }

  /** Absences of the given people touching [from, to]: one engagement's month review reads only its own people's. */
  inWindowOf(specialistIds: readonly string[], from: string, to: string): PlanAbsence[] {
    const rows = this.statements
      .get(
        `SELECT id, specialist_id, kind, start_date, end_date FROM absence
         WHERE specialist_id IN (SELECT value FROM json_each(?)) AND end_date >= ? AND start_date <= ?`,
      )
      .all(JSON.stringify(specialistIds), from, to) as PlanAbsenceRow[];
    return rows.map(toPlanAbsence);
  }
}

type PlanAbsenceRow = Pick<AbsenceRow, 'id' | 'specialist_id' | 'kind' | 'start_date' | 'end_date'>;

function toPlanAbsence(r: PlanAbsenceRow): PlanAbsence {
  return { id: r.id, specialistId: r.specialist_id, kind: r.kind, startDate: r.start_date, endDate: r.end_date };
}

export function toAbsence(row: AbsenceRow): Absence {
  return {
    id: row.id,
    specialistId: row.specialist_id,
    kind: row.kind,
    startDate: row.start_date,
    endDate: row.end_date,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toListItem(r: AbsenceRow & { specialist_name: string }): AbsenceListItem {
  return { ...toAbsence(r), specialistName: r.specialist_name };
}
