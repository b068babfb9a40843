import type { Db } from '@backend/core/db/connection';
import { Conditions, StatementCache } from '@backend/core/sql';
import type { Decision } from '@shared/ceremonies/contract/occurrences';
import type { FreezePeriod } from '@shared/ceremonies/contract/rhythm';
import type { CeremonySeries, Participant, Person } from '@shared/ceremonies/contract/series';
import type { ScheduleException } from '@shared/ceremonies/rules/recurrence';
import type { ActionFacts } from '@shared/ceremonies/rules/rhythm';
import type { ActionStatus, OutcomeStatus, ParticipantRole, PersonKind } from '@shared/ceremonies/rules/vocabulary';
import { groupBy } from '@shared/kernel/collections';

/** A series as stored, with the names around it (engagement, client) but not its people, models, exceptions or what is derived. */
export type StoredSeries = Omit<CeremonySeries, 'ruleText' | 'participants' | 'models' | 'exceptions' | 'nextStartsAt' | 'recorded'>;

export type StoredException = ScheduleException & { reason: string };
export type StoredOutcome = {
  id: string;
  seriesId: string;
  key: string;
  startsAt: string;
  status: OutcomeStatus;
  notes: string;
  attendance: { kind: PersonKind; id: string; present: boolean }[];
  recordedAt: string;
  updatedAt: string;
};
export type StoredAction = {
  id: string;
  seriesId: string;
  occurrenceKey: string;
  raisedAt: string;
  title: string;
  ownerKind: PersonKind;
  ownerId: string;
  dueDate: string;
  status: ActionStatus;
  modelId: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
};
export type ActionRow = StoredAction & {
  seriesTitle: string;
  engagementId: string;
  engagementName: string;
  clientId: string;
  clientName: string;
  modelName: string | null;
  ownerName: string;
};
export type StoredFreeze = Omit<FreezePeriod, 'engagementName'>;

const SERIES_SELECT = `
  SELECT s.id, s.engagement_id AS engagementId, e.name AS engagementName, c.id AS clientId, c.name AS clientName, s.type, s.title,
         s.time_zone AS timeZone, s.start_date AS startDate, s.start_time AS startTime, s.duration_minutes AS durationMinutes, s.rrule,
         s.location, s.meeting_url AS meetingUrl, s.agenda, s.uid, s.sequence, s.split_from AS splitFrom, s.created_at AS createdAt,
         s.updated_at AS updatedAt
  FROM ceremony_series s JOIN engagement e ON e.id = s.engagement_id JOIN client c ON c.id = e.client_id`;

const PERSON_NAME = (kind: string, id: string) => `coalesce(
  (SELECT sp.full_name FROM specialist sp WHERE ${kind} = 'specialist' AND sp.id = ${id}),
  (SELECT cc.name FROM client_contact cc WHERE ${kind} = 'contact' AND cc.id = ${id}), '')`;

const ACTION_SELECT = `
  SELECT a.id, a.series_id AS seriesId, a.occurrence_key AS occurrenceKey, a.raised_at AS raisedAt, a.title, a.owner_kind AS ownerKind,
         a.owner_id AS ownerId, a.due_date AS dueDate, a.status, a.model_id AS modelId, a.closed_at AS closedAt, a.created_at AS createdAt,
         a.updated_at AS updatedAt, s.title AS seriesTitle, e.id AS engagementId, e.name AS engagementName, c.id AS clientId, c.name AS clientName,
         m.name AS modelName, ${PERSON_NAME('a.owner_kind', 'a.owner_id')} AS ownerName
  FROM ceremony_action a JOIN ceremony_series s ON s.id = a.series_id JOIN engagement e ON e.id = s.engagement_id
  JOIN client c ON c.id = e.client_id LEFT JOIN model m ON m.id = a.model_id`;

type SeriesFilter = { clientId?: string; engagementId?: string; modelId?: string; ids?: readonly string[] };

const json = (list: readonly string[]) => JSON.stringify(list);

/** All of the ceremonies area's SQL: series and their people, models and exceptions; outcomes, decisions, action items, freezes. */
export class CeremonyRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  // ---------------------------------------------------------------- series

  series(id: string): StoredSeries | null {
    return (this.statements.get(`${SERIES_SELECT} WHERE s.id = ?`).get(id) as StoredSeries | undefined) ?? null;
  }

  byUid(uid: string): StoredSeries | null {
    return (this.statements.get(`${SERIES_SELECT} WHERE s.uid = ?`).get(uid) as StoredSeries | undefined) ?? null;
  }

  seriesList(filter: SeriesFilter): StoredSeries[] {
    const where = new Conditions()
      .when(filter.clientId, 'c.id = ?')
      .when(filter.engagementId, 's.engagement_id = ?')
      .when(filter.modelId, 's.id IN (SELECT series_id FROM ceremony_model WHERE model_id = ?)')
      .when(filter.ids && json(filter.ids), 's.id IN (SELECT value FROM json_each(?))');
    const sql = `${SERIES_SELECT} ${where.sql} ORDER BY c.name, e.name, s.start_date, s.start_time, s.title`;
    return this.statements.get(sql).all(...where.params) as StoredSeries[];
  }

  /** Whether a later series continues this one ("this and following"). */
  isContinued(id: string): boolean {
    return this.statements.get('SELECT 1 FROM ceremony_series WHERE split_from = ? LIMIT 1').get(id) !== undefined;
  }

  insertSeries(s: StoredSeries): void {
    this.statements
      .get(
        `INSERT INTO ceremony_series (id, engagement_id, type, title, time_zone, start_date, start_time, duration_minutes, rrule, location,
           meeting_url, agenda, uid, sequence, split_from, created_at, updated_at)
         VALUES (@id, @engagementId, @type, @title, @timeZone, @startDate, @startTime, @durationMinutes, @rrule, @location, @meetingUrl, @agenda,
           @uid, @sequence, @splitFrom, @createdAt, @updatedAt)`,
      )
      .run(s);
  }

  updateSeries(s: StoredSeries): void {
    this.statements
      .get(
        `UPDATE ceremony_series SET type = @type, title = @title, time_zone = @timeZone, start_date = @startDate, start_time = @startTime,
           duration_minutes = @durationMinutes, rrule = @rrule, location = @location, meeting_url = @meetingUrl, agenda = @agenda,
           sequence = @sequence, updated_at = @updatedAt WHERE id = @id`,
      )
      .run(s);
  }

  deleteSeries(id: string): void {
    this.statements.get('DELETE FROM ceremony_series WHERE id = ?').run(id);
  }

  participantsOf(seriesIds: readonly string[]): Map<string, Participant[]> {
    const rows = this.statements
      .get(
        `SELECT p.series_id AS seriesId, p.person_kind AS kind, p.person_id AS id, p.role, ${PERSON_NAME('p.person_kind', 'p.person_id')} AS name
         FROM ceremony_participant p WHERE p.series_id IN (SELECT value FROM json_each(?)) ORDER BY p.role, name`,
      )
      .all(json(seriesIds)) as (Participant & { seriesId: string })[];
    return bySeries(rows, ({ seriesId: _, ...p }) => p);
  }

  setParticipants(seriesId: string, people: readonly { kind: PersonKind; id: string; role: ParticipantRole }[]): void {
    this.statements.get('DELETE FROM ceremony_participant WHERE series_id = ?').run(seriesId);
    const insert = this.statements.get('INSERT INTO ceremony_participant (series_id, person_kind, person_id, role) VALUES (?, ?, ?, ?)');
    for (const p of people) insert.run(seriesId, p.kind, p.id, p.role);
  }

  modelsOf(seriesIds: readonly string[]): Map<string, { id: string; name: string }[]> {
    const rows = this.statements
      .get(
        `SELECT cm.series_id AS seriesId, m.id, m.name FROM ceremony_model cm JOIN model m ON m.id = cm.model_id
         WHERE cm.series_id IN (SELECT value FROM json_each(?)) ORDER BY m.name`,
      )
      .all(json(seriesIds)) as { seriesId: string; id: string; name: string }[];
    return bySeries(rows, (r) => ({ id: r.id, name: r.name }));
  }

  setModels(seriesId: string, modelIds: readonly string[]): void {
    this.statements.get('DELETE FROM ceremony_model WHERE series_id = ?').run(seriesId);
    const insert = this.statements.get('INSERT INTO ceremony_model (series_id, model_id) VALUES (?, ?)');
    for (const id of modelIds) insert.run(seriesId, id);
  }

  // ---------------------------------------------------------------- exceptions

  /**
   * The series' exceptions; with a span of local dates, only those whose original occurrence or new date falls in
   * it (keys are local YYYY-MM-DDTHH:MM, so they compare as text with dates).
   */
  exceptionsOf(seriesIds: readonly string[], dates?: { from: string; to: string }): Map<string, StoredException[]> {
    const select = `SELECT series_id AS seriesId, occurrence_key AS key, cancelled, moved_date AS date, moved_time AS time,
        duration_minutes AS durationMinutes, reason FROM ceremony_exception`;
    const rows = (
      dates
        ? this.statements
            .get(
              `${select} WHERE ((occurrence_key >= @from AND occurrence_key < @to) OR (moved_date >= @from AND moved_date < @to))
                 AND series_id IN (SELECT value FROM json_each(@ids)) ORDER BY occurrence_key`,
            )
            .all({ from: dates.from, to: dates.to, ids: json(seriesIds) })
        : this.statements.get(`${select} WHERE series_id IN (SELECT value FROM json_each(?)) ORDER BY occurrence_key`).all(json(seriesIds))
    ) as (Omit<StoredException, 'cancelled'> & { seriesId: string; cancelled: number })[];
    return bySeries(rows, ({ seriesId: _, cancelled, ...e }) => ({ ...e, cancelled: cancelled === 1 }));
  }

  saveException(seriesId: string, e: StoredException, at: string): void {
    this.statements
      .get(
        `INSERT INTO ceremony_exception (series_id, occurrence_key, cancelled, moved_date, moved_time, duration_minutes, reason, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (series_id, occurrence_key) DO UPDATE SET cancelled = excluded.cancelled, moved_date = excluded.moved_date,
           moved_time = excluded.moved_time, duration_minutes = excluded.duration_minutes, reason = excluded.reason, updated_at = excluded.updated_at`,
      )
      .run(seriesId, e.key, e.cancelled ? 1 : 0, e.date, e.time, e.durationMinutes, e.reason, at);
  }

  deleteException(seriesId: string, key: string): void {
    this.statements.get('DELETE FROM ceremony_exception WHERE series_id = ? AND occurrence_key = ?').run(seriesId, key);
  }

  // ---------------------------------------------------------------- outcomes

  /** Each series' recorded statuses by occurrence key. */
  statusesOf(seriesIds: readonly string[], span?: { from: string; to: string }): Map<string, Map<string, OutcomeStatus>> {
    const rows = (
      span
        ? this.statements
            .get(
              `SELECT series_id AS seriesId, occurrence_key AS key, status FROM ceremony_occurrence
               WHERE starts_at >= ? AND starts_at < ? AND series_id IN (SELECT value FROM json_each(?))`,
            )
            .all(span.from, span.to, json(seriesIds))
        : this.statements
            .get(
              `SELECT series_id AS seriesId, occurrence_key AS key, status FROM ceremony_occurrence WHERE series_id IN (SELECT value FROM json_each(?))`,
            )
            .all(json(seriesIds))
    ) as { seriesId: string; key: string; status: OutcomeStatus }[];
    const out = new Map<string, Map<string, OutcomeStatus>>();
    for (const r of rows) {
      const m = out.get(r.seriesId) ?? new Map<string, OutcomeStatus>();
      m.set(r.key, r.status);
      out.set(r.seriesId, m);
    }
    return out;
  }

  recordedCount(seriesIds: readonly string[]): Map<string, number> {
    const rows = this.statements
      .get(
        `SELECT series_id AS seriesId, count(*) AS n FROM ceremony_occurrence WHERE series_id IN (SELECT value FROM json_each(?)) GROUP BY series_id`,
      )
      .all(json(seriesIds)) as { seriesId: string; n: number }[];
    return new Map(rows.map((r) => [r.seriesId, r.n]));
  }

  /** Whether anything was recorded on a series (outcomes or action items). */
  hasHistory(seriesId: string): boolean {
    return (
      (
        this.statements
          .get(
            `SELECT EXISTS (SELECT 1 FROM ceremony_occurrence WHERE series_id = @s) OR EXISTS (SELECT 1 FROM ceremony_action WHERE series_id = @s) AS has`,
          )
          .get({ s: seriesId }) as { has: number }
      ).has === 1
    );
  }

  outcome(seriesId: string, key: string): StoredOutcome | null {
    const row = this.statements
      .get(
        `SELECT id, series_id AS seriesId, occurrence_key AS key, starts_at AS startsAt, status, notes, attendance, recorded_at AS recordedAt,
           updated_at AS updatedAt FROM ceremony_occurrence WHERE series_id = ? AND occurrence_key = ?`,
      )
      .get(seriesId, key) as (Omit<StoredOutcome, 'attendance'> & { attendance: string }) | undefined;
    return row ? { ...row, attendance: JSON.parse(row.attendance) } : null;
  }

  saveOutcome(o: StoredOutcome): void {
    this.statements
      .get(
        `INSERT INTO ceremony_occurrence (id, series_id, occurrence_key, starts_at, status, notes, attendance, recorded_at, updated_at)
         VALUES (@id, @seriesId, @key, @startsAt, @status, @notes, @attendance, @recordedAt, @updatedAt)
         ON CONFLICT (series_id, occurrence_key) DO UPDATE SET starts_at = excluded.starts_at, status = excluded.status, notes = excluded.notes,
           attendance = excluded.attendance, updated_at = excluded.updated_at`,
      )
      .run({ ...o, attendance: JSON.stringify(o.attendance) });
  }

  decisionsOf(occurrenceId: string): Decision[] {
    return this.statements
      .get(
        `SELECT d.id, d.text, d.model_id AS modelId, m.name AS modelName FROM ceremony_decision d LEFT JOIN model m ON m.id = d.model_id
         WHERE d.occurrence_id = ? ORDER BY d.position`,
      )
      .all(occurrenceId) as Decision[];
  }

  replaceDecisions(occurrenceId: string, decisions: readonly { id: string; text: string; modelId: string | null }[]): void {
    this.statements.get('DELETE FROM ceremony_decision WHERE occurrence_id = ?').run(occurrenceId);
    const insert = this.statements.get(
      'INSERT INTO ceremony_decision (id, occurrence_id, position, text, model_id) VALUES (?, ?, ?, ?, ?)',
    );
    decisions.forEach((d, i) => {
      insert.run(d.id, occurrenceId, i, d.text, d.modelId);
    });
  }

  /** Decisions about a model, newest first. */
  decisionsAbout(modelId: string): { id: string; text: string; seriesId: string; seriesTitle: string; key: string; startsAt: string }[] {
    return this.statements
      .get(
        `SELECT d.id, d.text, o.series_id AS seriesId, s.title AS seriesTitle, o.occurrence_key AS key, o.starts_at AS startsAt
         FROM ceremony_decision d JOIN ceremony_occurrence o ON o.id = d.occurrence_id JOIN ceremony_series s ON s.id = o.series_id
         WHERE d.model_id = @m OR (d.model_id IS NULL AND o.series_id IN (SELECT series_id FROM ceremony_model WHERE model_id = @m))
         ORDER BY o.starts_at DESC, d.position LIMIT 200`,
      )
      .all({ m: modelId }) as { id: string; text: string; seriesId: string; seriesTitle: string; key: string; startsAt: string }[];
  }

  /** Occurrences with their decisions between two instants, for the workbook. */
  outcomesBetween(seriesIds: readonly string[], fromIso: string, toIso: string): (StoredOutcome & { decisions: string })[] {
    const rows = this.statements
      .get(
        `SELECT o.id, o.series_id AS seriesId, o.occurrence_key AS key, o.starts_at AS startsAt, o.status, o.notes, o.attendance,
           o.recorded_at AS recordedAt, o.updated_at AS updatedAt,
           coalesce((SELECT group_concat(d.text, char(10)) FROM (SELECT text FROM ceremony_decision WHERE occurrence_id = o.id ORDER BY position) d), '') AS decisions
         FROM ceremony_occurrence o WHERE o.series_id IN (SELECT value FROM json_each(?)) AND o.starts_at >= ? AND o.starts_at < ?`,
      )
      .all(json(seriesIds), fromIso, toIso) as (Omit<StoredOutcome, 'attendance'> & { attendance: string; decisions: string })[];
    return rows.map((r) => ({ ...r, attendance: JSON.parse(r.attendance) }));
  }

  // ---------------------------------------------------------------- action items

  action(id: string): ActionRow | null {
    return (this.statements.get(`${ACTION_SELECT} WHERE a.id = ?`).get(id) as ActionRow | undefined) ?? null;
  }

  actions(filter: { clientId?: string; engagementId?: string; seriesId?: string; modelId?: string; openOnly: boolean }): ActionRow[] {
    const where = new Conditions()
      .when(filter.clientId, 'c.id = ?')
      .when(filter.engagementId, 'e.id = ?')
      .when(filter.seriesId, 'a.series_id = ?')
      .when(filter.modelId, 'a.model_id = ?')
      .add(filter.openOnly ? `a.status = 'open'` : null);
    const sql = `${ACTION_SELECT} ${where.sql} ORDER BY a.due_date, a.raised_at, a.title`;
    return this.statements.get(sql).all(...where.params) as ActionRow[];
  }

  insertAction(a: StoredAction): void {
    this.statements
      .get(
        `INSERT INTO ceremony_action (id, series_id, occurrence_key, raised_at, title, owner_kind, owner_id, due_date, status, model_id, closed_at,
           created_at, updated_at)
         VALUES (@id, @seriesId, @occurrenceKey, @raisedAt, @title, @ownerKind, @ownerId, @dueDate, @status, @modelId, @closedAt, @createdAt, @updatedAt)`,
      )
      .run(a);
  }

  updateAction(a: StoredAction): void {
    this.statements
      .get(
        `UPDATE ceremony_action SET title = @title, owner_kind = @ownerKind, owner_id = @ownerId, due_date = @dueDate, status = @status,
           model_id = @modelId, closed_at = @closedAt, updated_at = @updatedAt WHERE id = @id`,
      )
      .run(a);
  }

  /** What carrying action items forward needs of the series' items that were still open at or after an instant. */
  actionFacts(seriesIds: readonly string[], openAtIso: string): (ActionFacts & { seriesId: string })[] {
    return this.statements
      .get(
        `SELECT series_id AS seriesId, raised_at AS raisedAt, status, closed_at AS closedAt, due_date AS dueDate FROM ceremony_action
         WHERE (status = 'open' OR closed_at > ?) AND series_id IN (SELECT value FROM json_each(?))`,
      )
      .all(openAtIso, json(seriesIds)) as (ActionFacts & { seriesId: string })[];
  }

  /** Open action counts per engagement: open and overdue. */
  actionCounts(today: string): Map<string, { open: number; overdue: number }> {
    const rows = this.statements
      .get(
        `SELECT s.engagement_id AS engagementId, count(*) AS open, sum(a.due_date < ?) AS overdue
         FROM ceremony_action a JOIN ceremony_series s ON s.id = a.series_id WHERE a.status = 'open' GROUP BY s.engagement_id`,
      )
      .all(today) as { engagementId: string; open: number; overdue: number }[];
    return new Map(rows.map((r) => [r.engagementId, { open: r.open, overdue: r.overdue }]));
  }

  // ---------------------------------------------------------------- freezes

  freeze(id: string): StoredFreeze | null {
    return (
      (this.statements
        .get(
          `SELECT id, engagement_id AS engagementId, starts_on AS startsOn, ends_on AS endsOn, reason, created_at AS createdAt, updated_at AS updatedAt
           FROM ceremony_freeze WHERE id = ?`,
        )
        .get(id) as StoredFreeze | undefined) ?? null
    );
  }

  freezes(engagementId: string | null): FreezePeriod[] {
    return this.statements
      .get(
        `SELECT f.id, f.engagement_id AS engagementId, e.name AS engagementName, f.starts_on AS startsOn, f.ends_on AS endsOn, f.reason,
           f.created_at AS createdAt, f.updated_at AS updatedAt
         FROM ceremony_freeze f JOIN engagement e ON e.id = f.engagement_id WHERE @e IS NULL OR f.engagement_id = @e ORDER BY f.starts_on`,
      )
      .all({ e: engagementId }) as FreezePeriod[];
  }

  insertFreeze(f: StoredFreeze): void {
    this.statements
      .get(
        `INSERT INTO ceremony_freeze (id, engagement_id, starts_on, ends_on, reason, created_at, updated_at)
         VALUES (@id, @engagementId, @startsOn, @endsOn, @reason, @createdAt, @updatedAt)`,
      )
      .run(f);
  }

  deleteFreeze(id: string): void {
    this.statements.get('DELETE FROM ceremony_freeze WHERE id = ?').run(id);
  }

  // ---------------------------------------------------------------- what the other areas hold

  /** Deployments to an engagement's production environments that began in [from, to) (ISO instants). */
  productionDeployments(engagementIds: readonly string[], fromIso: string, toIso: string) {
    return this.statements
      .get(
        `SELECT d.id, d.model_id AS modelId, m.name AS modelName, v.label AS versionLabel, env.engagement_id AS engagementId, d.from_at AS at
         FROM deployment d JOIN environment env ON env.id = d.environment_id JOIN model m ON m.id = d.model_id
         JOIN model_version v ON v.id = d.version_id
         WHERE env.is_production = 1 AND env.engagement_id IN (SELECT value FROM json_each(?)) AND d.from_at >= ? AND d.from_at < ?
         ORDER BY d.from_at`,
      )
      .all(json(engagementIds), fromIso, toIso) as {
      id: string;
      modelId: string;
      modelName: string;
      versionLabel: string;
      engagementId: string;
      at: string;
    }[];
  }

  /** Who may take part in an engagement's ceremonies: the specialists ever allocated to it and the client's contacts. */
  peopleOf(engagementId: string): Person[] {
    return this.statements
      .get(
        `SELECT 'specialist' AS kind, sp.id, sp.full_name AS name FROM specialist sp
           WHERE sp.id IN (SELECT specialist_id FROM allocation WHERE engagement_id = @e AND status <> 'cancelled')
         UNION ALL
         SELECT 'contact' AS kind, cc.id, cc.name FROM client_contact cc
           WHERE cc.client_id = (SELECT client_id FROM engagement WHERE id = @e) AND cc.archived_at IS NULL
         ORDER BY kind DESC, name`,
      )
      .all({ e: engagementId }) as Person[];
  }

  /** A person's name and, for a specialist, home calendar; null when no such person exists. */
  person(kind: PersonKind, id: string): { name: string; clientId: string | null; homeCountry: string; homeSubdivision: string } | null {
    const row =
      kind === 'specialist'
        ? this.statements
            .get(
              `SELECT full_name AS name, NULL AS clientId, home_country AS homeCountry, home_subdivision AS homeSubdivision FROM specialist WHERE id = ?`,
            )
            .get(id)
        : this.statements
            .get(`SELECT name, client_id AS clientId, '' AS homeCountry, '' AS homeSubdivision FROM client_contact WHERE id = ?`)
            .get(id);
    return (row as { name: string; clientId: string | null; homeCountry: string; homeSubdivision: string } | undefined) ?? null;
  }

  modelsOfClient(clientId: string): { id: string; name: string }[] {
    return this.statements.get('SELECT id, name FROM model WHERE client_id = ? ORDER BY name').all(clientId) as {
      id: string;
      name: string;
    }[];
  }
}

/** Rows grouped by series, each turned into what the caller keeps. */
function bySeries<R extends { seriesId: string }, V>(rows: readonly R[], value: (r: R) => V): Map<string, V[]> {
  return new Map([...groupBy(rows, (r) => r.seriesId)].map(([k, list]) => [k, list.map(value)]));
}
