import type { Db } from '@backend/core/db/connection';
import { Conditions, StatementCache } from '@backend/core/sql';
import { monthStart } from '@shared/kernel/days';
import { PREDICTIONS_METRIC } from '@shared/monitoring/rules/vocabulary';
import type { CostImport, TagMappingView } from '@shared/operations/contract/costs';
import type { IncidentEntry } from '@shared/operations/contract/incidents';
import type { RetrainingRun } from '@shared/operations/contract/retraining';
import type { CostCategory, Provider } from '@shared/operations/rules/costs';
import type { Cadence, Triggers } from '@shared/operations/rules/retraining';
import { type CadenceUnit, type DetectionSource, type IncidentSeverity, NEW_DATA_METRIC } from '@shared/operations/rules/vocabulary';
import type { Stage } from '@shared/portfolio/rules/vocabulary';

export type StoredPolicy = { modelId: string; cadence: Cadence | null; triggers: Triggers; createdAt: string; updatedAt: string };
export type StoredRun = Omit<RetrainingRun, 'versionLabel' | 'frozen'>;

/** A model as operations reads it: who runs it and where it stands. */
export type OpsModel = {
  id: string;
  name: string;
  clientId: string;
  clientName: string;
  engagementId: string | null;
  engagementName: string | null;
  stage: Stage;
  stageSince: string;
  inServiceSince: string;
};

export type StoredIncident = {
  id: string;
  modelId: string;
  severity: IncidentSeverity;
  title: string;
  detectedAt: string;
  detectedBy: DetectionSource;
  sloId: string | null;
  readingAt: string | null;
  readingValue: number | null;
  detail: string;
  responderKind: 'specialist' | 'contact' | null;
  responderId: string | null;
  responderReason: string;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  rollbackDeploymentId: string | null;
  reviewSeriesId: string | null;
  reviewDueOn: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A stored incident with the names around it. */
export type IncidentRow = StoredIncident & {
  modelName: string;
  clientId: string;
  clientName: string;
  engagementId: string | null;
  engagementName: string | null;
  sloMetric: string | null;
  responderName: string | null;
  rollbackVersionLabel: string | null;
  rollbackEnvironmentName: string | null;
  reviewStartsAt: string | null;
};

const MODEL_SELECT = `
  SELECT m.id, m.name, m.client_id AS clientId, c.name AS clientName, m.engagement_id AS engagementId, e.name AS engagementName,
         m.stage, m.stage_since AS stageSince, m.in_service_since AS inServiceSince
  FROM model m JOIN client c ON c.id = m.client_id LEFT JOIN engagement e ON e.id = m.engagement_id`;

const INCIDENT_COLUMNS = `
  i.id, i.model_id AS modelId, i.severity, i.title, i.detected_at AS detectedAt, i.detected_by AS detectedBy, i.slo_id AS sloId,
  i.reading_at AS readingAt, i.reading_value AS readingValue, i.detail, i.responder_kind AS responderKind, i.responder_id AS responderId,
  i.responder_reason AS responderReason, i.acknowledged_at AS acknowledgedAt, i.mitigated_at AS mitigatedAt, i.resolved_at AS resolvedAt,
  i.rollback_deployment_id AS rollbackDeploymentId, i.review_series_id AS reviewSeriesId, i.review_due_on AS reviewDueOn,
  i.created_at AS createdAt, i.updated_at AS updatedAt`;

const INCIDENT_SELECT = `
  SELECT ${INCIDENT_COLUMNS}, m.name AS modelName, c.id AS clientId, c.name AS clientName, e.id AS engagementId, e.name AS engagementName,
         o.metric AS sloMetric,
         coalesce((SELECT sp.full_name FROM specialist sp WHERE i.responder_kind = 'specialist' AND sp.id = i.responder_id),
                  (SELECT cc.name FROM client_contact cc WHERE i.responder_kind = 'contact' AND cc.id = i.responder_id)) AS responderName,
         v.label AS rollbackVersionLabel, env.name AS rollbackEnvironmentName,
         (SELECT s.start_date || 'T' || s.start_time FROM ceremony_series s WHERE s.id = i.review_series_id) AS reviewStartsAt
  FROM incident i JOIN model m ON m.id = i.model_id JOIN client c ON c.id = m.client_id LEFT JOIN engagement e ON e.id = m.engagement_id
  LEFT JOIN monitoring_slo o ON o.id = i.slo_id LEFT JOIN deployment d ON d.id = i.rollback_deployment_id
  LEFT JOIN model_version v ON v.id = d.version_id LEFT JOIN environment env ON env.id = d.environment_id`;

type PolicyRow = {
  modelId: string;
  every: number | null;
  unit: CadenceUnit | null;
  on_demand: number;
  schedule: number;
  new_data: number;
  degradation: number;
  drift: number;
  createdAt: string;
  updatedAt: string;
};

const toPolicy = (r: PolicyRow): StoredPolicy => ({
  modelId: r.modelId,
  cadence: r.every !== null && r.unit !== null ? { every: r.every, unit: r.unit } : null,
  triggers: {
    on_demand: r.on_demand === 1,
    schedule: r.schedule === 1,
    new_data: r.new_data === 1,
    degradation: r.degradation === 1,
    drift: r.drift === 1,
  },
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const previousMonth = (month: string) => monthStart(`${month}-01`, -1).slice(0, 7);

const models = (ids: readonly string[] | null) => (ids === null ? null : JSON.stringify(ids));

/** All of the operations area's SQL: retraining policies and the log, incidents and their timelines. */
export class OperationsRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  // ---------------------------------------------------------------- models

  model(id: string): OpsModel | null {
    return (this.statements.get(`${MODEL_SELECT} WHERE m.id = ?`).get(id) as OpsModel | undefined) ?? null;
  }

  /** The models operations watches: in production, or with a policy, a run or an incident; of a client or all. */
  watched(clientId: string | null): OpsModel[] {
    return this.statements
      .get(
        `${MODEL_SELECT} WHERE (@c IS NULL OR m.client_id = @c) AND (m.stage = 'production'
           OR EXISTS (SELECT 1 FROM retraining_policy p WHERE p.model_id = m.id) OR EXISTS (SELECT 1 FROM incident i WHERE i.model_id = m.id))
         ORDER BY c.name, m.name`,
      )
      .all({ c: clientId }) as OpsModel[];
  }

  // ---------------------------------------------------------------- retraining

  policies(modelIds: readonly string[] | null): Map<string, StoredPolicy> {
    const rows = this.statements
      .get(
        `SELECT model_id AS modelId, cadence_every AS every, cadence_unit AS unit, on_demand, on_schedule AS schedule, on_new_data AS new_data,
                on_degradation AS degradation, on_drift AS drift, created_at AS createdAt, updated_at AS updatedAt
         FROM retraining_policy WHERE @m IS NULL OR model_id IN (SELECT value FROM json_each(@m))`,
      )
      .all({ m: models(modelIds) }) as PolicyRow[];
    return new Map(rows.map((r) => [r.modelId, toPolicy(r)]));
  }

  savePolicy(p: StoredPolicy): void {
    this.statements
      .get(
        `INSERT INTO retraining_policy (model_id, cadence_every, cadence_unit, on_demand, on_schedule, on_new_data, on_degradation, on_drift, created_at, updated_at)
         VALUES (@modelId, @every, @unit, @on_demand, @schedule, @new_data, @degradation, @drift, @createdAt, @updatedAt)
         ON CONFLICT (model_id) DO UPDATE SET cadence_every = excluded.cadence_every, cadence_unit = excluded.cadence_unit,
           on_demand = excluded.on_demand, on_schedule = excluded.on_schedule, on_new_data = excluded.on_new_data,
           on_degradation = excluded.on_degradation, on_drift = excluded.on_drift, updated_at = excluded.updated_at`,
      )
      .run({
        modelId: p.modelId,
        every: p.cadence?.every ?? null,
        unit: p.cadence?.unit ?? null,
        on_demand: Number(p.triggers.on_demand),
        schedule: Number(p.triggers.schedule),
        new_data: Number(p.triggers.new_data),
        degradation: Number(p.triggers.degradation),
        drift: Number(p.triggers.drift),
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      });
  }

  /** Runs of the models given (all when null), newest first, with the version label. */
  runs(modelIds: readonly string[] | null, span?: { from: string; to: string }): (StoredRun & { versionLabel: string | null })[] {
    const where = new Conditions()
      .add(
        modelIds === null ? null : 'r.model_id IN (SELECT value FROM json_each(?))',
        ...(modelIds === null ? [] : [JSON.stringify(modelIds)]),
      )
      .when(span?.from, 'r.run_on >= ?', span?.from)
      .when(span?.to, 'r.run_on <= ?', span?.to);
    return this.statements
      .get(
        `SELECT r.id, r.model_id AS modelId, r.run_on AS runOn, r.trigger, r.outcome, r.version_id AS versionId, v.label AS versionLabel,
                r.slo_id AS sloId, r.breach, r.notes, r.created_at AS createdAt
         FROM retraining_run r LEFT JOIN model_version v ON v.id = r.version_id ${where.sql} ORDER BY r.run_on DESC, r.created_at DESC`,
      )
      .all(...where.params) as (StoredRun & { versionLabel: string | null })[];
  }

  /** Per model, the day of its last completed run (the rules' `completed`: a new version or no change): one index lookup per model. */
  lastCompletedRuns(modelIds: readonly string[] | null): Map<string, string> {
    const rows = this.statements
      .get(
        `SELECT m.id AS modelId,
                (SELECT max(r.run_on) FROM retraining_run r WHERE r.model_id = m.id AND r.outcome <> 'failed') AS runOn
         FROM model m WHERE @m IS NULL OR m.id IN (SELECT value FROM json_each(@m))`,
      )
      .all({ m: models(modelIds) }) as { modelId: string; runOn: string | null }[];
    return new Map(rows.flatMap((r) => (r.runOn === null ? [] : [[r.modelId, r.runOn] as const])));
  }

  insertRun(r: StoredRun): void {
    this.statements
      .get(
        `INSERT INTO retraining_run (id, model_id, run_on, trigger, outcome, version_id, slo_id, breach, notes, created_at)
         VALUES (@id, @modelId, @runOn, @trigger, @outcome, @versionId, @sloId, @breach, @notes, @createdAt)`,
      )
      .run(r);
  }

  /** Per model, the newest instant (ms) a reading said new data is available (value above zero). */
  newDataAt(modelIds: readonly string[] | null): Map<string, number> {
    const rows = this.statements
      .get(
        `SELECT s.model_id AS modelId, max(r.at) AS at FROM reading_series s JOIN reading r ON r.series_id = s.id
         WHERE s.metric = @metric AND r.value > 0 AND (@m IS NULL OR s.model_id IN (SELECT value FROM json_each(@m))) GROUP BY s.model_id`,
      )
      .all({ metric: NEW_DATA_METRIC, m: models(modelIds) }) as { modelId: string; at: number }[];
    return new Map(rows.map((r) => [r.modelId, r.at]));
  }

  // ---------------------------------------------------------------- incidents

  incident(id: string): IncidentRow | null {
    return (this.statements.get(`${INCIDENT_SELECT} WHERE i.id = ?`).get(id) as IncidentRow | undefined) ?? null;
  }

  incidents(filter: { clientId?: string | undefined; modelId?: string | undefined; openOnly?: boolean; since?: string }): IncidentRow[] {
    const where = new Conditions()
      .when(filter.clientId, 'm.client_id = ?', filter.clientId)
      .when(filter.modelId, 'i.model_id = ?', filter.modelId)
      .add(filter.openOnly ? 'i.resolved_at IS NULL' : null)
      .when(filter.since, '(i.detected_at >= ? OR i.resolved_at IS NULL)', filter.since);
    return this.statements
      .get(`${INCIDENT_SELECT} ${where.sql} ORDER BY (i.resolved_at IS NULL) DESC, i.detected_at DESC`)
      .all(...where.params) as IncidentRow[];
  }

  /**
   * What the overview lists: incidents still open, and those detected since `since` whose review was due before
   * `today` and is not recorded as held.
   */
  needingAttention(clientId: string | null, since: string, today: string): IncidentRow[] {
    return this.statements
      .get(
        // Two parts, each served by its own index (the open ones, the recent ones), instead of one OR over every incident.
        `${INCIDENT_SELECT} WHERE i.resolved_at IS NULL AND (@c IS NULL OR m.client_id = @c)
         UNION ALL
         ${INCIDENT_SELECT} WHERE i.detected_at >= @since AND i.resolved_at IS NOT NULL AND i.review_due_on < @today AND (@c IS NULL OR m.client_id = @c)
           AND NOT EXISTS (SELECT 1 FROM ceremony_occurrence o WHERE o.series_id = i.review_series_id AND o.status = 'held')
         ORDER BY detectedAt DESC`,
      )
      .all({ c: clientId, since, today }) as IncidentRow[];
  }

  /** Incidents detected since `since` per client, month and severity. */
  severityCounts(
    clientId: string | null,
    since: string,
  ): { clientId: string; clientName: string; month: string; severity: IncidentSeverity; n: number }[] {
    return this.statements
      .get(
        `SELECT m.client_id AS clientId, c.name AS clientName, substr(i.detected_at, 1, 7) AS month, i.severity, count(*) AS n
         FROM incident i JOIN model m ON m.id = i.model_id JOIN client c ON c.id = m.client_id
         WHERE i.detected_at >= @since AND (@c IS NULL OR m.client_id = @c) GROUP BY m.client_id, month, i.severity`,
      )
      .all({ c: clientId, since }) as { clientId: string; clientName: string; month: string; severity: IncidentSeverity; n: number }[];
  }

  insertIncident(i: StoredIncident): void {
    this.statements
      .get(
        `INSERT INTO incident (id, model_id, severity, title, detected_at, detected_by, slo_id, reading_at, reading_value, detail, responder_kind,
           responder_id, responder_reason, acknowledged_at, mitigated_at, resolved_at, rollback_deployment_id, review_series_id, review_due_on,
           created_at, updated_at)
         VALUES (@id, @modelId, @severity, @title, @detectedAt, @detectedBy, @sloId, @readingAt, @readingValue, @detail, @responderKind,
           @responderId, @responderReason, @acknowledgedAt, @mitigatedAt, @resolvedAt, @rollbackDeploymentId, @reviewSeriesId, @reviewDueOn,
           @createdAt, @updatedAt)`,
      )
      .run(i);
  }

  updateIncident(i: StoredIncident): void {
    this.statements
      .get(
        `UPDATE incident SET severity = @severity, title = @title, detail = @detail, responder_kind = @responderKind, responder_id = @responderId,
           responder_reason = @responderReason, acknowledged_at = @acknowledgedAt, mitigated_at = @mitigatedAt, resolved_at = @resolvedAt,
           rollback_deployment_id = @rollbackDeploymentId, review_series_id = @reviewSeriesId, review_due_on = @reviewDueOn, updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run(i);
  }

  entries(incidentId: string): IncidentEntry[] {
    return this.statements
      .get('SELECT id, at, kind, text, actor FROM incident_entry WHERE incident_id = ? ORDER BY at, created_at, rowid')
      .all(incidentId) as IncidentEntry[];
  }

  insertEntry(incidentId: string, e: IncidentEntry, createdAt: string): void {
    this.statements
      .get('INSERT INTO incident_entry (id, incident_id, at, kind, text, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.id, incidentId, e.at, e.kind, e.text, e.actor, createdAt);
  }

  /** The reviews (ceremony series) recorded as held. */
  heldReviews(seriesIds: readonly string[]): Set<string> {
    if (seriesIds.length === 0) return new Set();
    const rows = this.statements
      .get(
        `SELECT DISTINCT series_id AS id FROM ceremony_occurrence WHERE status = 'held' AND series_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(seriesIds)) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  // ---------------------------------------------------------------- run cost

  costLines(
    modelIds: readonly string[],
    fromMonth: string,
    toMonth: string,
  ): { modelId: string; month: string; category: CostCategory; source: 'typed' | Provider; amountMinor: number }[] {
    if (modelIds.length === 0) return [];
    return this.statements
      .get(
        `SELECT model_id AS modelId, month, category, source, amount_minor AS amountMinor FROM cost_line
         WHERE model_id IN (SELECT value FROM json_each(?)) AND month BETWEEN ? AND ?`,
      )
      .all(JSON.stringify(modelIds), fromMonth, toMonth) as {
      modelId: string;
      month: string;
      category: CostCategory;
      source: 'typed' | Provider;
      amountMinor: number;
    }[];
  }

  typedCost(modelId: string, month: string, category: CostCategory): number | null {
    const row = this.statements
      .get(`SELECT amount_minor AS a FROM cost_line WHERE model_id = ? AND month = ? AND category = ? AND source = 'typed'`)
      .get(modelId, month, category) as { a: number } | undefined;
    return row ? row.a : null;
  }

  setTypedCost(modelId: string, month: string, category: CostCategory, amountMinor: number | null, at: string): void {
    if (amountMinor === null) {
      this.statements
        .get(`DELETE FROM cost_line WHERE model_id = ? AND month = ? AND category = ? AND source = 'typed'`)
        .run(modelId, month, category);
      return;
    }
    this.statements
      .get(
        `INSERT INTO cost_line (model_id, month, category, source, amount_minor, import_id, updated_at) VALUES (?, ?, ?, 'typed', ?, NULL, ?)
         ON CONFLICT (model_id, month, category, source) DO UPDATE SET amount_minor = excluded.amount_minor, updated_at = excluded.updated_at`,
      )
      .run(modelId, month, category, amountMinor, at);
  }

  budgets(modelIds: readonly string[]): Map<string, number> {
    if (modelIds.length === 0) return new Map();
    const rows = this.statements
      .get('SELECT model_id AS modelId, monthly_minor AS m FROM cost_budget WHERE model_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(modelIds)) as { modelId: string; m: number }[];
    return new Map(rows.map((r) => [r.modelId, r.m]));
  }

  setBudget(modelId: string, monthlyMinor: number | null, at: string): void {
    if (monthlyMinor === null) {
      this.statements.get('DELETE FROM cost_budget WHERE model_id = ?').run(modelId);
      return;
    }
    this.statements
      .get(
        `INSERT INTO cost_budget (model_id, monthly_minor, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (model_id) DO UPDATE SET monthly_minor = excluded.monthly_minor, updated_at = excluded.updated_at`,
      )
      .run(modelId, monthlyMinor, at, at);
  }

  mapping(clientId: string): TagMappingView[] {
    return this.statements
      .get(
        `SELECT p.tag_key AS tagKey, p.tag_value AS tagValue, p.model_id AS modelId, m.name AS modelName
         FROM cost_mapping p JOIN model m ON m.id = p.model_id WHERE p.client_id = ? ORDER BY p.tag_key, p.tag_value`,
      )
      .all(clientId) as TagMappingView[];
  }

  replaceMapping(clientId: string, rows: readonly { tagKey: string; tagValue: string; modelId: string }[], at: string): void {
    this.statements.get('DELETE FROM cost_mapping WHERE client_id = ?').run(clientId);
    const insert = this.statements.get(
      'INSERT INTO cost_mapping (client_id, tag_key, tag_value, model_id, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const r of rows) insert.run(clientId, r.tagKey, r.tagValue, r.modelId, at);
  }

  /** An import replaces the lines of the same provider for the client's models in the months it covers. */
  saveImport(
    i: CostImport & { clientId: string },
    lines: readonly { modelId: string; month: string; category: CostCategory; amountMinor: number }[],
  ): void {
    this.statements
      .get(
        `INSERT INTO cost_import (id, client_id, provider, file_name, sha256, lines, skipped, months, total_minor, at, actor)
         VALUES (@id, @clientId, @provider, @fileName, @sha256, @lines, @skipped, @months, @totalMinor, @at, @actor)`,
      )
      .run({ ...i, months: JSON.stringify(i.months) });
    this.statements
      .get(
        `DELETE FROM cost_line WHERE source = ? AND month IN (SELECT value FROM json_each(?))
           AND model_id IN (SELECT id FROM model WHERE client_id = ?)`,
      )
      .run(i.provider, JSON.stringify(i.months), i.clientId);
    const insert = this.statements.get(
      `INSERT INTO cost_line (model_id, month, category, source, amount_minor, import_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const l of lines) insert.run(l.modelId, l.month, l.category, i.provider, l.amountMinor, i.id, i.at);
  }

  imports(clientId: string, limit: number): CostImport[] {
    const rows = this.statements
      .get(
        `SELECT id, provider, file_name AS fileName, sha256, lines, skipped, months, total_minor AS totalMinor, at, actor
         FROM cost_import WHERE client_id = ? ORDER BY at DESC LIMIT ?`,
      )
      .all(clientId, limit) as (Omit<CostImport, 'months'> & { months: string })[];
    return rows.map((r) => ({ ...r, months: JSON.parse(r.months) as string[] }));
  }

  /** Predictions served per model and month (the sum of the `predictions` signal's readings). */
  predictions(modelIds: readonly string[], fromMs: number, toMs: number): Map<string, number> {
    if (modelIds.length === 0) return new Map();
    const rows = this.statements
      .get(
        `SELECT s.model_id AS modelId, strftime('%Y-%m', r.at / 1000, 'unixepoch') AS month, sum(r.value) AS n
         FROM reading_series s JOIN reading r ON r.series_id = s.id
         WHERE s.metric = ? AND s.model_id IN (SELECT value FROM json_each(?)) AND r.at >= ? AND r.at < ? GROUP BY s.model_id, month`,
      )
      .all(PREDICTIONS_METRIC, JSON.stringify(modelIds), fromMs, toMs) as { modelId: string; month: string; n: number }[];
    return new Map(rows.map((r) => [`${r.modelId}|${r.month}`, r.n]));
  }

  /** A client's models (cost is kept for any of them), by name. */
  clientModels(clientId: string): { id: string; name: string; engagementId: string | null; stage: Stage }[] {
    return this.statements
      .get('SELECT id, name, engagement_id AS engagementId, stage FROM model WHERE client_id = ? ORDER BY name')
      .all(clientId) as { id: string; name: string; engagementId: string | null; stage: Stage }[];
  }

  /** Run cost per client and month, the clients' monthly budgets, and the budgeted models' totals of this month and the last: what the overview reads. */
  costOverview(
    clientId: string | null,
    fromMonth: string,
    toMonth: string,
  ): {
    totals: { clientId: string; currency: string; month: string; totalMinor: number }[];
    budgets: Map<string, number>;
    budgeted: { clientId: string; modelId: string; modelName: string; month: string; totalMinor: number; budgetMinor: number }[];
  } {
    const totals = this.statements
      .get(
        `SELECT m.client_id AS clientId, c.currency, l.month, sum(l.amount_minor) AS totalMinor
         FROM cost_line l JOIN model m ON m.id = l.model_id JOIN client c ON c.id = m.client_id
         WHERE l.month BETWEEN @from AND @to AND (@c IS NULL OR m.client_id = @c) GROUP BY m.client_id, l.month`,
      )
      .all({ c: clientId, from: fromMonth, to: toMonth }) as { clientId: string; currency: string; month: string; totalMinor: number }[];
    const budgets = this.statements
      .get(
        `SELECT m.client_id AS clientId, sum(b.monthly_minor) AS n FROM cost_budget b JOIN model m ON m.id = b.model_id
         WHERE @c IS NULL OR m.client_id = @c GROUP BY m.client_id`,
      )
      .all({ c: clientId }) as { clientId: string; n: number }[];
    // The budgeted models' totals of this month and the last; the rules say which are over.
    const budgeted = this.statements
      .get(
        `SELECT m.client_id AS clientId, m.id AS modelId, m.name AS modelName, l.month, sum(l.amount_minor) AS totalMinor, b.monthly_minor AS budgetMinor
         FROM cost_budget b JOIN model m ON m.id = b.model_id JOIN cost_line l ON l.model_id = b.model_id AND l.month IN (@previous, @month)
         WHERE @c IS NULL OR m.client_id = @c GROUP BY m.id, l.month ORDER BY m.name, l.month DESC`,
      )
      .all({ c: clientId, month: toMonth, previous: previousMonth(toMonth) }) as {
      clientId: string;
      modelId: string;
      modelName: string;
      month: string;
      totalMinor: number;
      budgetMinor: number;
    }[];
    return { totals, budgets: new Map(budgets.map((r) => [r.clientId, r.n])), budgeted };
  }

  clientCurrencies(clientIds: readonly string[]): Map<string, string> {
    if (clientIds.length === 0) return new Map();
    const rows = this.statements
      .get('SELECT id, currency FROM client WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(clientIds)) as { id: string; currency: string }[];
    return new Map(rows.map((r) => [r.id, r.currency]));
  }
}
