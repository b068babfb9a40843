import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { ReadingImport } from '@shared/monitoring/contract/readings';
import type { Slo, SloObjective } from '@shared/monitoring/contract/slos';
import type { PrometheusMapping } from '@shared/monitoring/rules/readings';
import { type Aggregation, type Direction, type MetricKind, type ReadingSource, SIGNAL_METRICS } from '@shared/monitoring/rules/vocabulary';
import type { Stage } from '@shared/portfolio/rules/vocabulary';

/** A model as monitoring sees it. */
export type WatchedModel = {
  id: string;
  name: string;
  clientId: string;
  clientName: string;
  engagementId: string | null;
  kind: string;
  stage: Stage;
  stageSince: string;
};

/** One SLO's readings in its window at an instant, aggregated by SQLite (p95 is computed from the values). */
export type WindowAggregate = {
  sloId: string;
  n: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  last: number | null;
};

/**
 * All of monitoring's SQL: SLOs, the reading series and readings, imports, Prometheus mappings.
 * Readings are keyed by series (model, metric, segment) and instant in Unix milliseconds.
 */
export class MonitoringRepository {
  private readonly statements: StatementCache;
  private readonly seriesIds = new Map<string, number>();
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  // ---------------------------------------------------------------- SLOs

  slo(id: string): Slo | null {
    const row = this.statements.get(`${SLO_SELECT} WHERE o.id = ?`).get(id) as SloRow | undefined;
    return row ? toSlo(row) : null;
  }

  slosOf(modelIds: readonly string[] | null): Slo[] {
    const rows = (
      modelIds === null
        ? this.statements.get(`${SLO_SELECT} ORDER BY m.name, o.metric, o.segment`).all()
        : this.statements
            .get(`${SLO_SELECT} WHERE o.model_id IN (SELECT value FROM json_each(?)) ORDER BY m.name, o.metric, o.segment`)
            .all(JSON.stringify(modelIds))
    ) as SloRow[];
    return rows.map(toSlo);
  }

  /** What evaluating the SLOs of the models given (all when null) needs, and nothing else. */
  objectivesOf(modelIds: readonly string[] | null): SloObjective[] {
    const rows = this.statements
      .get(
        `SELECT id, model_id, metric, segment, version_id, kind, direction, target, warning, window_minutes, aggregation FROM monitoring_slo
         WHERE @models IS NULL OR model_id IN (SELECT value FROM json_each(@models))`,
      )
      .all({ models: modelIds === null ? null : JSON.stringify(modelIds) }) as SloRow[];
    return rows.map((r) => ({
      id: r.id,
      modelId: r.model_id,
      metric: r.metric,
      segment: r.segment,
      versionId: r.version_id,
      kind: r.kind,
      direction: r.direction,
      target: r.target,
      warning: r.warning,
      windowMinutes: r.window_minutes,
      aggregation: r.aggregation,
    }));
  }

  sameSlo(s: { modelId: string; metric: string; segment: string; versionId: string | null }, exceptId: string | null): string | null {
    const row = this.statements
      .get(
        `SELECT id FROM monitoring_slo WHERE model_id = ? AND metric = ? AND segment = ? AND coalesce(version_id, '') = coalesce(?, '')
         AND id IS NOT ?`,
      )
      .get(s.modelId, s.metric, s.segment, s.versionId, exceptId) as { id: string } | undefined;
    return row?.id ?? null;
  }

  insertSlo(s: Slo): void {
    this.statements
      .get(
        `INSERT INTO monitoring_slo (id, model_id, version_id, segment, kind, metric, unit, direction, target, warning, window_minutes,
           aggregation, playbook, duty_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...sloParams(s), s.createdAt, s.updatedAt);
  }

  updateSlo(s: Slo): void {
    const [id, ...rest] = sloParams(s);
    this.statements
      .get(
        `UPDATE monitoring_slo SET model_id = ?, version_id = ?, segment = ?, kind = ?, metric = ?, unit = ?, direction = ?, target = ?,
           warning = ?, window_minutes = ?, aggregation = ?, playbook = ?, duty_key = ?, updated_at = ? WHERE id = ?`,
      )
      .run(...rest, s.updatedAt, id);
  }

  removeSlo(id: string): void {
    this.statements.get('DELETE FROM monitoring_slo WHERE id = ?').run(id);
  }

  /** Metric names each model's SLOs watch. */
  watchedMetrics(modelIds: readonly string[] | null): Map<string, Set<string>> {
    const rows = (
      modelIds === null
        ? this.statements.get('SELECT DISTINCT model_id, metric FROM monitoring_slo').all()
        : this.statements
            .get('SELECT DISTINCT model_id, metric FROM monitoring_slo WHERE model_id IN (SELECT value FROM json_each(?))')
            .all(JSON.stringify(modelIds))
    ) as { model_id: string; metric: string }[];
    const out = new Map<string, Set<string>>();
    for (const r of rows) out.set(r.model_id, (out.get(r.model_id) ?? new Set()).add(r.metric));
    return out;
  }

  // ---------------------------------------------------------------- models

  /** Production models and models with SLOs, of one client or all. */
  watchedModels(clientId: string | null): WatchedModel[] {
    return (
      this.statements
        .get(
          `SELECT m.id, m.name, m.client_id, c.name AS client_name, m.engagement_id, m.kind, m.stage, m.stage_since
           FROM model m JOIN client c ON c.id = m.client_id
           WHERE (m.stage = 'production' OR EXISTS (SELECT 1 FROM monitoring_slo o WHERE o.model_id = m.id)) AND (? IS NULL OR m.client_id = ?)
           ORDER BY c.name, m.name`,
        )
        .all(clientId, clientId) as WatchedModelRow[]
    ).map(toWatched);
  }

  watchedModel(modelId: string): WatchedModel | null {
    const row = this.statements
      .get(
        `SELECT m.id, m.name, m.client_id, c.name AS client_name, m.engagement_id, m.kind, m.stage, m.stage_since
         FROM model m JOIN client c ON c.id = m.client_id WHERE m.id = ?`,
      )
      .get(modelId) as WatchedModelRow | undefined;
    return row ? toWatched(row) : null;
  }

  /** Every model a reading may name, with its client and its versions (label and id → id). */
  knownModels(): { id: string; name: string; clientId: string; clientName: string; versions: [string, string][] }[] {
    const rows = this.statements
      .get(
        `SELECT m.id, m.name, m.client_id, c.name AS client_name,
           (SELECT json_group_array(json_array(v.label, v.id)) FROM model_version v WHERE v.model_id = m.id) AS versions
         FROM model m JOIN client c ON c.id = m.client_id`,
      )
      .all() as { id: string; name: string; client_id: string; client_name: string; versions: string }[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      clientId: r.client_id,
      clientName: r.client_name,
      versions: JSON.parse(r.versions) as [string, string][],
    }));
  }

  versionLabels(modelId: string): Map<string, string> {
    const rows = this.statements.get('SELECT id, label FROM model_version WHERE model_id = ?').all(modelId) as {
      id: string;
      label: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.label]));
  }

  // ---------------------------------------------------------------- readings

  /** The series of a model's metric and segment, created on first use (inside the caller's write). */
  seriesId(modelId: string, metric: string, segment: string): number {
    const key = `${modelId}\u0000${metric}\u0000${segment}`;
    const cached = this.seriesIds.get(key);
    if (cached !== undefined) return cached;
    const found = this.statements
      .get('SELECT id FROM reading_series WHERE model_id = ? AND metric = ? AND segment = ?')
      .get(modelId, metric, segment) as { id: number } | undefined;
    const id =
      found?.id ??
      Number(
        this.statements.get('INSERT INTO reading_series (model_id, metric, segment) VALUES (?, ?, ?)').run(modelId, metric, segment)
          .lastInsertRowid,
      );
    // Cached only once committed rows can be trusted: a rolled-back series would leave a stale id, so the cache is cleared on failure.
    this.seriesIds.set(key, id);
    return id;
  }

  /** Forget cached series ids (after a rolled-back write, or a restore). */
  forgetSeries(): void {
    this.seriesIds.clear();
  }

  /**
   * Keeps one reading: 'added' when new, 'changed' when it replaced another value or version at the same instant,
   * 'unchanged' when the same, 'repeated' when this import already wrote that instant (a file naming it twice).
   */
  putReading(
    seriesId: number,
    at: number,
    value: number,
    versionId: string | null,
    importId: string,
  ): 'added' | 'changed' | 'unchanged' | 'repeated' {
    const inserted = this.statements
      .get('INSERT OR IGNORE INTO reading (series_id, at, value, version_id, import_id) VALUES (?, ?, ?, ?, ?)')
      .run(seriesId, at, value, versionId, importId);
    if (inserted.changes === 1) return 'added';
    const existing = this.statements
      .get('SELECT value, version_id, import_id FROM reading WHERE series_id = ? AND at = ?')
      .get(seriesId, at) as {
      value: number;
      version_id: string | null;
      import_id: string;
    };
    if (existing.import_id === importId) return 'repeated';
    if (existing.value === value && existing.version_id === versionId) return 'unchanged';
    this.statements
      .get('UPDATE reading SET value = ?, version_id = ?, import_id = ? WHERE series_id = ? AND at = ?')
      .run(value, versionId, importId, seriesId, at);
    return 'changed';
  }

  /**
   * Each SLO's readings over its window ending at `at` (ms), aggregated: count, mean, min, max, and the last value for the SLOs that
   * aggregate by it.
   * One statement for all SLOs of the models given (all when null).
   */
  windowAggregates(at: number, modelIds: readonly string[] | null): WindowAggregate[] {
    const rows = this.statements
      .get(
        `SELECT o.id AS slo_id, count(r.at) AS n, avg(r.value) AS mean, min(r.value) AS min, max(r.value) AS max,
           CASE WHEN o.aggregation = 'last' THEN (SELECT l.value FROM reading l WHERE l.series_id = s.id AND l.at >= @at - o.window_minutes * 60000
              AND l.at < @at AND (o.version_id IS NULL OR l.version_id = o.version_id) ORDER BY l.at DESC LIMIT 1) END AS last
         FROM monitoring_slo o
         JOIN reading_series s ON s.model_id = o.model_id AND s.metric = o.metric AND s.segment = o.segment
         JOIN reading r ON r.series_id = s.id AND r.at >= @at - o.window_minutes * 60000 AND r.at < @at
           AND (o.version_id IS NULL OR r.version_id = o.version_id)
         WHERE @models IS NULL OR o.model_id IN (SELECT value FROM json_each(@models))
         GROUP BY o.id`,
      )
      .all({ at, models: modelIds === null ? null : JSON.stringify(modelIds) }) as {
      slo_id: string;
      n: number;
      mean: number | null;
      min: number | null;
      max: number | null;
      last: number | null;
    }[];
    return rows.map((r) => ({ sloId: r.slo_id, n: r.n, mean: r.mean, min: r.min, max: r.max, last: r.last }));
  }

  /** An SLO's readings in [from, to), in time order. */
  sloReadings(slo: Pick<Slo, 'modelId' | 'metric' | 'segment' | 'versionId'>, from: number, to: number): { at: number; value: number }[] {
    return this.statements
      .get(
        `SELECT r.at, r.value FROM reading_series s JOIN reading r ON r.series_id = s.id
         WHERE s.model_id = ? AND s.metric = ? AND s.segment = ? AND r.at >= ? AND r.at < ? AND (? IS NULL OR r.version_id = ?)
         ORDER BY r.at`,
      )
      .all(slo.modelId, slo.metric, slo.segment, from, to, slo.versionId, slo.versionId) as { at: number; value: number }[];
  }

  /** Each model's newest reading (ms), for the models given (all when null). One index seek per series. */
  lastReadings(modelIds: readonly string[] | null): Map<string, number> {
    const rows = this.statements
      .get(
        `SELECT s.model_id, max((SELECT max(r.at) FROM reading r WHERE r.series_id = s.id)) AS last
         FROM reading_series s WHERE (@models IS NULL OR s.model_id IN (SELECT value FROM json_each(@models)))
           AND s.metric NOT IN (SELECT value FROM json_each(@signals)) GROUP BY s.model_id`,
      )
      .all({ models: modelIds === null ? null : JSON.stringify(modelIds), signals: JSON.stringify(SIGNAL_METRICS) }) as {
      model_id: string;
      last: number | null;
    }[];
    return new Map(rows.filter((r) => r.last !== null).map((r) => [r.model_id, r.last as number]));
  }

  /** A model's readings in [from, to) of every series, newest first, at most `limit`. */
  modelReadings(
    modelId: string,
    from: number,
    to: number,
    limit: number,
  ): { at: number; metric: string; segment: string; versionId: string | null; value: number }[] {
    return this.statements
      .get(
        `SELECT r.at, s.metric, s.segment, r.version_id, r.value FROM reading_series s JOIN reading r ON r.series_id = s.id
         WHERE s.model_id = ? AND r.at >= ? AND r.at < ? ORDER BY r.at DESC, s.metric, s.segment LIMIT ?`,
      )
      .all(modelId, from, to, limit)
      .map((r) => {
        const row = r as { at: number; metric: string; segment: string; version_id: string | null; value: number };
        return { at: row.at, metric: row.metric, segment: row.segment, versionId: row.version_id, value: row.value };
      });
  }

  readingCount(modelId: string): number {
    return (
      this.statements
        .get('SELECT count(*) AS n FROM reading_series s JOIN reading r ON r.series_id = s.id WHERE s.model_id = ?')
        .get(modelId) as { n: number }
    ).n;
  }

  /** Instants with a reading of any series of the models given, in [from, to). */
  readingTimes(modelIds: readonly string[], from: number, to: number): Map<string, number[]> {
    const rows = this.statements
      .get(
        `SELECT s.model_id, r.at FROM reading_series s JOIN reading r ON r.series_id = s.id
         WHERE s.model_id IN (SELECT value FROM json_each(?)) AND r.at >= ? AND r.at < ?`,
      )
      .all(JSON.stringify(modelIds), from, to) as { model_id: string; at: number }[];
    const out = new Map<string, number[]>();
    for (const r of rows) {
      const list = out.get(r.model_id) ?? [];
      list.push(r.at);
      out.set(r.model_id, list);
    }
    return out;
  }

  // ---------------------------------------------------------------- imports

  insertImport(i: ReadingImport & { firstAt: number | null; lastAt: number | null }): void {
    this.statements
      .get(
        `INSERT INTO reading_import (id, source, file_name, sha256, via_inbox, status, readings, added, changed, models, first_at, last_at,
           problems, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        i.id,
        i.source,
        i.fileName,
        i.sha256,
        i.viaInbox ? 1 : 0,
        i.status,
        i.readings,
        i.added,
        i.changed,
        i.models,
        i.firstAt,
        i.lastAt,
        JSON.stringify(i.problems),
        i.at,
        i.actor,
      );
  }

  /** The import that took a file with these bytes, if one did. */
  importedFile(sha256: string): ReadingImport | null {
    const row = this.statements
      .get("SELECT * FROM reading_import WHERE sha256 = ? AND status = 'imported' ORDER BY at LIMIT 1")
      .get(sha256) as ImportRow | undefined;
    return row ? toImport(row) : null;
  }

  recentImports(limit: number): ReadingImport[] {
    return (this.statements.get('SELECT * FROM reading_import ORDER BY at DESC, id DESC LIMIT ?').all(limit) as ImportRow[]).map(toImport);
  }

  // ---------------------------------------------------------------- mappings

  mapping(clientId: string): PrometheusMapping | null {
    const row = this.statements.get('SELECT * FROM monitoring_mapping WHERE client_id = ?').get(clientId) as MappingRow | undefined;
    return row ? toMapping(row) : null;
  }

  mappings(): Map<string, PrometheusMapping> {
    const rows = this.statements.get('SELECT * FROM monitoring_mapping').all() as MappingRow[];
    return new Map(rows.map((r) => [r.client_id, toMapping(r)]));
  }

  saveMapping(clientId: string, m: PrometheusMapping, at: string): void {
    this.statements
      .get(
        `INSERT INTO monitoring_mapping (client_id, model_label, metric_label, segment_label, version_label, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (client_id) DO UPDATE SET model_label = excluded.model_label, metric_label = excluded.metric_label,
           segment_label = excluded.segment_label, version_label = excluded.version_label, updated_at = excluded.updated_at`,
      )
      .run(clientId, m.modelLabel, m.metricLabel, m.segmentLabel, m.versionLabel, at);
  }
}

// ---------------------------------------------------------------- rows

const SLO_SELECT = `SELECT o.*, m.name AS model_name, m.client_id, m.engagement_id, v.label AS version_label
  FROM monitoring_slo o JOIN model m ON m.id = o.model_id LEFT JOIN model_version v ON v.id = o.version_id`;

type SloRow = {
  id: string;
  model_id: string;
  model_name: string;
  client_id: string;
  engagement_id: string | null;
  version_id: string | null;
  version_label: string | null;
  segment: string;
  kind: MetricKind;
  metric: string;
  unit: string;
  direction: Direction;
  target: number;
  warning: number;
  window_minutes: number;
  aggregation: Aggregation;
  playbook: string;
  duty_key: string;
  created_at: string;
  updated_at: string;
};

const sloParams = (s: Slo) =>
  [
    s.id,
    s.modelId,
    s.versionId,
    s.segment,
    s.kind,
    s.metric,
    s.unit,
    s.direction,
    s.target,
    s.warning,
    s.windowMinutes,
    s.aggregation,
    JSON.stringify(s.playbook),
    s.dutyKey,
  ] as const;

function toSlo(r: SloRow): Slo {
  return {
    id: r.id,
    modelId: r.model_id,
    modelName: r.model_name,
    clientId: r.client_id,
    engagementId: r.engagement_id,
    versionId: r.version_id,
    versionLabel: r.version_label,
    segment: r.segment,
    kind: r.kind,
    metric: r.metric,
    unit: r.unit,
    direction: r.direction,
    target: r.target,
    warning: r.warning,
    windowMinutes: r.window_minutes,
    aggregation: r.aggregation,
    playbook: JSON.parse(r.playbook) as string[],
    dutyKey: r.duty_key,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type WatchedModelRow = {
  id: string;
  name: string;
  client_id: string;
  client_name: string;
  engagement_id: string | null;
  kind: string;
  stage: Stage;
  stage_since: string;
};

const toWatched = (r: WatchedModelRow): WatchedModel => ({
  id: r.id,
  name: r.name,
  clientId: r.client_id,
  clientName: r.client_name,
  engagementId: r.engagement_id,
  kind: r.kind,
  stage: r.stage,
  stageSince: r.stage_since,
});

type ImportRow = {
  id: string;
  source: ReadingSource;
  file_name: string;
  sha256: string;
  via_inbox: number;
  status: 'imported' | 'rejected';
  readings: number;
  added: number;
  changed: number;
  models: number;
  first_at: number | null;
  last_at: number | null;
  problems: string;
  at: string;
  actor: string;
};

function toImport(r: ImportRow): ReadingImport {
  return {
    id: r.id,
    source: r.source,
    fileName: r.file_name,
    sha256: r.sha256,
    viaInbox: r.via_inbox === 1,
    status: r.status,
    readings: r.readings,
    added: r.added,
    changed: r.changed,
    unchanged: r.readings - r.added - r.changed,
    models: r.models,
    from: r.first_at === null ? null : new Date(r.first_at).toISOString(),
    to: r.last_at === null ? null : new Date(r.last_at).toISOString(),
    problems: JSON.parse(r.problems) as string[],
    at: r.at,
    actor: r.actor,
  };
}

type MappingRow = { client_id: string; model_label: string; metric_label: string; segment_label: string; version_label: string };
const toMapping = (r: MappingRow): PrometheusMapping => ({
  modelLabel: r.model_label,
  metricLabel: r.metric_label,
  segmentLabel: r.segment_label,
  versionLabel: r.version_label,
});
