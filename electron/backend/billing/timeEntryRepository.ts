import type { Db } from '@backend/core/db/connection';
import { Conditions, StatementCache } from '@backend/core/sql';
import type { TimeEntry, TimeEntryListItem } from '@shared/billing/contract/hours';
import type { Activity } from '@shared/billing/rules/activities';
import type { ModelHoursRow } from '@shared/billing/rules/modelHours';
import type { ModelEntry } from '@shared/billing/rules/teamCost';
import { STAGE_TABLE } from './importStageRepository';

export type TimeEntryRow = {
  id: string;
  specialist_id: string;
  engagement_id: string;
  date: string;
  minutes: number;
  activity: Activity;
  model_id: string | null;
  note: string;
  billable: 0 | 1;
  non_billable_reason: string;
  created_at: string;
  updated_at: string;
};

/** The lean shape billing needs, read from the covering month index only (`billable` as SQLite's 0/1). */
export type BillableRow = { engagementId: string; specialistId: string; date: string; minutes: number; billable: 0 | 1 };

/** One row of the timesheet detail export. */
export type DetailRow = {
  id: string;
  date: string;
  client_name: string;
  engagement_id: string;
  engagement_name: string;
  specialist_name: string;
  specialist_email: string;
  role: string;
  activity: Activity;
  model_name: string | null;
  minutes: number;
  billable: 0 | 1;
  non_billable_reason: string;
  note: string;
};

/** Whose model hours to sum: one model's, or every model of an engagement, between two days. */
export type ModelHoursFilter = {
  modelId?: string | undefined;
  engagementId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export type TimeEntryFilter = {
  engagementId?: string | undefined;
  specialistId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

const JOINED = `SELECT t.*, s.full_name AS specialist_name, e.name AS engagement_name, c.name AS client_name
  FROM time_entry t JOIN specialist s ON s.id = t.specialist_id JOIN engagement e ON e.id = t.engagement_id JOIN client c ON c.id = e.client_id`;

const DETAIL = `SELECT t.id, t.date, c.name AS client_name, e.id AS engagement_id, e.name AS engagement_name, s.full_name AS specialist_name,
    s.email AS specialist_email, s.role, t.activity, m.name AS model_name, t.minutes, t.billable, t.non_billable_reason, t.note
  FROM time_entry t JOIN specialist s ON s.id = t.specialist_id JOIN engagement e ON e.id = t.engagement_id JOIN client c ON c.id = e.client_id
    LEFT JOIN model m ON m.id = t.model_id`;

const MODEL_HOURS = `SELECT t.model_id AS modelId, m.name AS modelName, c.name AS clientName, e.name AS engagementName,
    substr(t.date, 1, 7) AS month, t.activity, sum(t.minutes) AS minutes
  FROM time_entry t JOIN model m ON m.id = t.model_id JOIN engagement e ON e.id = t.engagement_id JOIN client c ON c.id = e.client_id`;

export class TimeEntryRepository {
  private readonly statements: StatementCache;
  private readonly insertStmt;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
    this.insertStmt = db.prepare(
      `INSERT INTO time_entry (id, specialist_id, engagement_id, date, minutes, activity, model_id, note, billable, non_billable_reason, created_at, updated_at)
       VALUES (@id, @specialistId, @engagementId, @date, @minutes, @activity, @modelId, @note, @billable, @nonBillableReason, @createdAt, @updatedAt)`,
    );
  }

  /**
   * Inserts an import's staged rows (importStageRepository.ts) in one statement, stamped `at`.
   * The staging file is attached for the call and detached after; call it inside the write's
   * transaction once attached with `attachStage` (SQLite cannot attach inside a transaction).
   */
  insertStaged(at: string): number {
    // Not cached: the statement names the attached file, which is detached after each import.
    return this.db
      .prepare(
        `INSERT INTO time_entry (id, specialist_id, engagement_id, date, minutes, activity, model_id, note, created_at, updated_at)
         SELECT id, specialist_id, engagement_id, date, minutes, activity, model_id, note, @at, @at FROM import_stage.${STAGE_TABLE} ORDER BY id`,
      )
      .run({ at }).changes;
  }

  /** Who, where and which days the attached staging file holds (to ask for hand-over windows once). */
  stagedSpan(): { specialistIds: string[]; engagementIds: string[]; from: string; to: string } | null {
    const span = this.db
      .prepare(
        `SELECT json_group_array(DISTINCT specialist_id) AS specialists, json_group_array(DISTINCT engagement_id) AS engagements,
           MIN(date) AS "from", MAX(date) AS "to" FROM import_stage.${STAGE_TABLE}`,
      )
      .get() as { specialists: string; engagements: string; from: string | null; to: string | null };
    if (span.from === null || span.to === null) return null;
    return { specialistIds: JSON.parse(span.specialists), engagementIds: JSON.parse(span.engagements), from: span.from, to: span.to };
  }

  /** Marks the staged entries of one hand-over window not billable, with the reason; returns how many. */
  markStagedNotBillable(window: { specialistId: string; engagementId: string; from: string; to: string }, reason: string): number {
    return this.db
      .prepare(
        `UPDATE time_entry SET billable = 0, non_billable_reason = ?
         WHERE id IN (SELECT id FROM import_stage.${STAGE_TABLE}) AND specialist_id = ? AND engagement_id = ? AND date BETWEEN ? AND ?`,
      )
      .run(reason, window.specialistId, window.engagementId, window.from, window.to).changes;
  }

  attachStage(path: string): void {
    this.db.prepare('ATTACH DATABASE ? AS import_stage').run(path);
  }

  detachStage(): void {
    this.db.exec('DETACH DATABASE import_stage');
  }

  get(id: string): TimeEntry | null {
    const row = this.statements.get('SELECT * FROM time_entry WHERE id = ?').get(id) as TimeEntryRow | undefined;
    return row ? toTimeEntry(row) : null;
  }

  insert(entry: TimeEntry): void {
    this.insertStmt.run({ ...entry, billable: entry.billable ? 1 : 0 });
  }

  /** Marks an entry billable or not (with its reason). */
  setBillable(entry: Pick<TimeEntry, 'id' | 'billable' | 'nonBillableReason' | 'updatedAt'>): void {
    this.statements
      .get('UPDATE time_entry SET billable = ?, non_billable_reason = ?, updated_at = ? WHERE id = ?')
      .run(entry.billable ? 1 : 0, entry.nonBillableReason, entry.updatedAt, entry.id);
  }

  update(entry: TimeEntry): void {
    this.statements
      .get('UPDATE time_entry SET minutes = @minutes, activity = @activity, note = @note, updated_at = @updatedAt WHERE id = @id')
      .run(entry);
  }

  delete(id: string): void {
    this.statements.get('DELETE FROM time_entry WHERE id = ?').run(id);
  }

  hasEntries(engagementId: string): boolean {
    return Boolean(this.statements.get('SELECT 1 FROM time_entry WHERE engagement_id = ? LIMIT 1').get(engagementId));
  }

  /** How many entries a specialist has before `date`, and the first and last of their days. */
  beforeDate(specialistId: string, date: string): { count: number; first: string | null; last: string | null } {
    const row = this.statements
      .get('SELECT COUNT(*) AS count, MIN(date) AS first, MAX(date) AS last FROM time_entry WHERE specialist_id = ? AND date < ?')
      .get(specialistId, date) as { count: number; first: string | null; last: string | null };
    return row;
  }

  /** A specialist's entries in a date range (the weekly grid). */
  forSpecialist(specialistId: string, from: string, to: string): TimeEntry[] {
    const rows = this.statements
      .get('SELECT * FROM time_entry WHERE specialist_id = ? AND date BETWEEN ? AND ? ORDER BY date, id')
      .all(specialistId, from, to) as TimeEntryRow[];
    return rows.map(toTimeEntry);
  }

  /** Entries of one grid cell: a row (engagement, activity, model or none) on a day. */
  cell(specialistId: string, engagementId: string, activity: Activity, modelId: string | null, date: string): TimeEntry[] {
    const rows = this.statements
      .get(
        'SELECT * FROM time_entry WHERE specialist_id = ? AND date = ? AND engagement_id = ? AND activity = ? AND model_id IS ? ORDER BY id',
      )
      .all(specialistId, date, engagementId, activity, modelId) as TimeEntryRow[];
    return rows.map(toTimeEntry);
  }

  /** Minutes already in one grid cell. */
  cellMinutes(specialistId: string, engagementId: string, activity: Activity, modelId: string | null, date: string): number {
    return (
      this.statements
        .get(
          `SELECT coalesce(sum(minutes), 0) AS n FROM time_entry
           WHERE specialist_id = ? AND date = ? AND engagement_id = ? AND activity = ? AND model_id IS ?`,
        )
        .get(specialistId, date, engagementId, activity, modelId) as { n: number }
    ).n;
  }

  /** Minutes per model, month and activity (entries without a model are not counted), by model or engagement. */
  modelHours(filter: ModelHoursFilter): ModelHoursRow[] {
    const where = new Conditions()
      .add('t.model_id IS NOT NULL')
      .when(filter.modelId, 't.model_id = ?')
      .when(filter.engagementId, 't.engagement_id = ?')
      .when(filter.from, 't.date >= ?')
      .when(filter.to, 't.date <= ?');
    return this.statements
      .get(`${MODEL_HOURS} ${where.sql} GROUP BY t.model_id, month, t.activity ORDER BY month`)
      .all(...where.params) as ModelHoursRow[];
  }

  /** The entries on the models given between two days, with the specialist's role (the team's cost of each model). */
  modelEntries(modelIds: readonly string[], from: string, to: string): ModelEntry[] {
    if (modelIds.length === 0) return [];
    const rows = this.statements
      .get(
        `SELECT t.model_id AS modelId, t.engagement_id AS engagementId, t.specialist_id AS specialistId, s.role, t.date, t.minutes, t.billable
         FROM time_entry t JOIN specialist s ON s.id = t.specialist_id
         WHERE t.model_id IN (SELECT value FROM json_each(?)) AND t.date BETWEEN ? AND ?`,
      )
      .all(JSON.stringify(modelIds), from, to) as (Omit<ModelEntry, 'billable'> & { billable: number })[];
    return rows.map((r) => ({ ...r, billable: r.billable === 1 }));
  }

  /** Minutes a specialist has on a day across all engagements. */
  dayMinutes(specialistId: string, date: string): number {
    return (
      this.statements
        .get('SELECT coalesce(sum(minutes), 0) AS n FROM time_entry WHERE specialist_id = ? AND date = ?')
        .get(specialistId, date) as { n: number }
    ).n;
  }

  /**
   * Billable rows of every engagement in a date range: served by the covering month index alone.
   * The one exception to mapping rows with a `toX(row)` below: the month list reads tens of
   * thousands of these five columns, so SQL names them and no row is copied.
   */
  billable(from: string, to: string): BillableRow[] {
    return this.statements
      .get(
        `SELECT engagement_id AS engagementId, specialist_id AS specialistId, date, minutes, billable
         FROM time_entry INDEXED BY time_entry_month WHERE date BETWEEN ? AND ?`,
      )
      .all(from, to) as BillableRow[];
  }

  /** Billable rows of one engagement in a date range. */
  billableFor(engagementId: string, from: string, to: string): BillableRow[] {
    return this.statements
      .get(
        `SELECT engagement_id AS engagementId, specialist_id AS specialistId, date, minutes, billable
         FROM time_entry WHERE engagement_id = ? AND date BETWEEN ? AND ?`,
      )
      .all(engagementId, from, to) as BillableRow[];
  }

  list(filter: TimeEntryFilter): TimeEntryListItem[] {
    const where = new Conditions()
      .when(filter.engagementId, 't.engagement_id = ?')
      .when(filter.specialistId, 't.specialist_id = ?')
      .when(filter.from, 't.date >= ?')
      .when(filter.to, 't.date <= ?');
    const rows = this.statements
      .get(`${JOINED} ${where.sql} ORDER BY t.date, s.full_name COLLATE NOCASE, t.id LIMIT 5000`)
      .all(...where.params) as JoinedRow[];
    return rows.map(toListItem);
  }

  /** Counts the detail rows of an export before streaming them. */
  detailCount(from: string, to: string, engagementId?: string): number {
    const where = new Conditions().add('t.date BETWEEN ? AND ?', from, to).when(engagementId, 't.engagement_id = ?');
    return (this.statements.get(`SELECT count(*) AS n FROM time_entry t ${where.sql}`).get(...where.params) as { n: number }).n;
  }

  /** Streams the detail rows in date order without loading them all (250k rows stay flat in memory). */
  detail(from: string, to: string, engagementId?: string): IterableIterator<DetailRow> {
    const where = new Conditions().add('t.date BETWEEN ? AND ?', from, to).when(engagementId, 't.engagement_id = ?');
    return this.statements
      .get(`${DETAIL} ${where.sql} ORDER BY t.date, c.name, e.name, s.full_name, t.id`)
      .iterate(...where.params) as IterableIterator<DetailRow>;
  }

  /** Ids of entries equal in every field a person enters: what an import treats as already there. */
  sameEntry(e: Pick<TimeEntry, 'specialistId' | 'engagementId' | 'date' | 'activity' | 'modelId' | 'minutes' | 'note'>): string | null {
    const row = this.statements
      .get(
        `SELECT id FROM time_entry
         WHERE specialist_id = ? AND date = ? AND engagement_id = ? AND activity = ? AND model_id IS ? AND minutes = ? AND note = ? LIMIT 1`,
      )
      .get(e.specialistId, e.date, e.engagementId, e.activity, e.modelId, e.minutes, e.note) as { id: string } | undefined;
    return row?.id ?? null;
  }

  /** Minutes per specialist and day across engagements, for the 24-hour check of an import. */
  dayTotals(specialistIds: readonly string[], from: string, to: string): Map<string, number> {
    const out = new Map<string, number>();
    const stmt = this.statements.get(
      'SELECT date, sum(minutes) AS n FROM time_entry WHERE specialist_id = ? AND date BETWEEN ? AND ? GROUP BY date',
    );
    for (const id of specialistIds) {
      for (const r of stmt.all(id, from, to) as { date: string; n: number }[]) out.set(`${id}|${r.date}`, r.n);
    }
    return out;
  }
}

export function toTimeEntry(row: TimeEntryRow): TimeEntry {
  return {
    id: row.id,
    specialistId: row.specialist_id,
    engagementId: row.engagement_id,
    date: row.date,
    minutes: row.minutes,
    activity: row.activity,
    modelId: row.model_id,
    note: row.note,
    billable: row.billable === 1,
    nonBillableReason: row.non_billable_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type JoinedRow = TimeEntryRow & { specialist_name: string; engagement_name: string; client_name: string };

function toListItem(r: JoinedRow): TimeEntryListItem {
  return { ...toTimeEntry(r), specialistName: r.specialist_name, engagementName: r.engagement_name, clientName: r.client_name };
}
