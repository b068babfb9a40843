import type { Db } from '@backend/core/db/connection';
import { Conditions, likePattern, StatementCache } from '@backend/core/sql';
import { toDay } from '@shared/kernel/days';
import type { Model, ModelListItem } from '@shared/portfolio/contract/models';
import type { StageTransition } from '@shared/portfolio/rules/lifecycle';
import type { AiActCategory, ModelKind, RegulatedDomain, RiskTier, ServingMode, Stage } from '@shared/portfolio/rules/vocabulary';

/** A model row as SQLite returns it. */
export type ModelRow = {
  id: string;
  client_id: string;
  engagement_id: string | null;
  name: string;
  use_case: string;
  business_owner_id: string | null;
  outcome_metric: string;
  outcome_unit: string;
  outcome_baseline: number | null;
  outcome_target: number | null;
  risk_tier: RiskTier;
  ai_act_category: AiActCategory;
  regulated_domain: RegulatedDomain;
  kind: ModelKind;
  serving: ServingMode;
  data_sources: string;
  repository_link: string;
  registry_link: string;
  dashboard_link: string;
  runbook_link: string;
  tags: string;
  notes: string;
  in_service_since: string;
  stage: Stage;
  stage_since: string;
  created_at: string;
  updated_at: string;
};

export type TransitionRow = {
  id: string;
  model_id: string;
  from_stage: Stage | null;
  to_stage: Stage;
  on_date: string;
  reason: string;
  actor: string;
  created_at: string;
};

export type ModelListFilter = {
  search?: string | undefined;
  clientId?: string | undefined;
  engagementId?: string | undefined;
  stage?: Stage | undefined;
  riskTier?: RiskTier | undefined;
  aiActCategory?: AiActCategory | undefined;
  kind?: ModelKind | undefined;
  sort: 'name' | 'client' | 'stage' | 'riskTier' | 'daysInStage' | 'updatedAt';
  direction: 'asc' | 'desc';
};

const STAGE_ORDER = `CASE m.stage WHEN 'idea' THEN 0 WHEN 'prototype' THEN 1 WHEN 'pilot' THEN 2 WHEN 'production' THEN 3 ELSE 4 END`;
const RISK_ORDER = `CASE m.risk_tier WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END`;

const SORT_COLUMNS: Record<ModelListFilter['sort'], string> = {
  name: 'm.name COLLATE NOCASE',
  client: 'c.name COLLATE NOCASE',
  stage: STAGE_ORDER,
  riskTier: RISK_ORDER,
  // Days in stage grow as stage_since falls: ascending days is descending dates.
  daysInStage: 'm.stage_since DESC',
  updatedAt: 'm.updated_at',
};

/** The columns a list row needs, as SQLite returns them. */
export type ModelListRow = Pick<
  ModelRow,
  'id' | 'client_id' | 'engagement_id' | 'name' | 'stage' | 'stage_since' | 'risk_tier' | 'ai_act_category' | 'kind' | 'updated_at'
> & { client_name: string; engagement_name: string | null; champion_label: string | null; champion_since: string | null };

/**
 * A list row: the model, its client and engagement, and the version serving
 * production as champion at an instant (@now) with since when. Overlapping
 * champions in one environment are refused, and a model's engagement has one
 * production environment, so the subquery finds at most one; LIMIT 1 keeps
 * the row single even so.
 */
const LIST_SELECT = `
  SELECT m.id, m.client_id, m.engagement_id, m.name, m.stage, m.stage_since, m.risk_tier, m.ai_act_category, m.kind, m.updated_at,
    c.name AS client_name, e.name AS engagement_name, v.label AS champion_label, d.from_at AS champion_since
  FROM model m JOIN client c ON c.id = m.client_id LEFT JOIN engagement e ON e.id = m.engagement_id
  LEFT JOIN deployment d ON d.rowid = (
    SELECT x.rowid FROM deployment x JOIN environment env ON env.id = x.environment_id AND env.is_production = 1
    WHERE x.model_id = m.id AND x.alias = 'champion' AND x.from_at <= @now AND (x.to_at IS NULL OR x.to_at > @now)
    ORDER BY x.from_at DESC LIMIT 1)
  LEFT JOIN model_version v ON v.id = d.version_id`;

/** The models and their stage transitions: all their SQL. */
export class ModelRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  get(id: string): Model | null {
    const row = this.statements.get('SELECT * FROM model WHERE id = ?').get(id) as ModelRow | undefined;
    return row ? toModel(row) : null;
  }

  findByName(clientId: string, name: string): Model | null {
    const row = this.statements.get('SELECT * FROM model WHERE client_id = ? AND name = ? COLLATE NOCASE').get(clientId, name) as
      | ModelRow
      | undefined;
    return row ? toModel(row) : null;
  }

  /** Every model's name and client's name, by name (the as-of answer for all models). */
  names(): { id: string; name: string; clientName: string }[] {
    return this.statements
      .get(
        'SELECT m.id, m.name, c.name AS clientName FROM model m JOIN client c ON c.id = m.client_id ORDER BY m.name COLLATE NOCASE, m.id',
      )
      .all() as { id: string; name: string; clientName: string }[];
  }

  count(): number {
    return (this.statements.get('SELECT count(*) AS n FROM model').get() as { n: number }).n;
  }

  /** The models an engagement runs, by name (what hours on the engagement may name). */
  ofEngagement(engagementId: string): Model[] {
    const rows = this.statements
      .get('SELECT * FROM model WHERE engagement_id = ? ORDER BY name COLLATE NOCASE, id')
      .all(engagementId) as ModelRow[];
    return rows.map(toModel);
  }

  /** How many models name this contact as their business owner. */
  ownedBy(contactId: string): number {
    return (this.statements.get('SELECT count(*) AS n FROM model WHERE business_owner_id = ?').get(contactId) as { n: number }).n;
  }

  /** The portfolio list on a day; the champion column as of the instant `now`. */
  list(filter: ModelListFilter, today: string, now: string): ModelListItem[] {
    const like = filter.search ? likePattern(filter.search) : undefined;
    const where = new Conditions()
      .when(
        filter.search,
        `(m.name LIKE ? ESCAPE '\\' OR m.use_case LIKE ? ESCAPE '\\' OR m.tags LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')`,
        like,
        like,
        like,
        like,
      )
      .when(filter.clientId, 'm.client_id = ?')
      .when(filter.engagementId, 'm.engagement_id = ?')
      .when(filter.stage, 'm.stage = ?')
      .when(filter.riskTier, 'm.risk_tier = ?')
      .when(filter.aiActCategory, 'm.ai_act_category = ?')
      .when(filter.kind, 'm.kind = ?');
    const column = SORT_COLUMNS[filter.sort];
    const flip = filter.direction === 'desc';
    const order = column.endsWith(' DESC') ? `${column.slice(0, -5)} ${flip ? 'ASC' : 'DESC'}` : `${column} ${flip ? 'DESC' : 'ASC'}`;
    const sql = `${LIST_SELECT} ${where.sql} ORDER BY ${order}, m.name COLLATE NOCASE, m.id`;
    const todayDay = toDay(today);
    return (this.statements.get(sql).all(...where.params, { now }) as ModelListRow[]).map((row) => toListItem(row, todayDay));
  }

  insert(m: Model): void {
    this.statements
      .get(
        `INSERT INTO model (id, client_id, engagement_id, name, use_case, business_owner_id, outcome_metric, outcome_unit, outcome_baseline,
           outcome_target, risk_tier, ai_act_category, regulated_domain, kind, serving, data_sources, repository_link, registry_link,
           dashboard_link, runbook_link, tags, notes, in_service_since, stage, stage_since, created_at, updated_at)
         VALUES (@id, @clientId, @engagementId, @name, @useCase, @businessOwnerId, @outcomeMetric, @outcomeUnit, @outcomeBaseline,
           @outcomeTarget, @riskTier, @aiActCategory, @regulatedDomain, @kind, @serving, @dataSourcesJson, @repositoryLink, @registryLink,
           @dashboardLink, @runbookLink, @tagsJson, @notes, @inServiceSince, @stage, @stageSince, @createdAt, @updatedAt)`,
      )
      .run(toParams(m));
  }

  update(m: Model): void {
    this.statements
      .get(
        `UPDATE model SET engagement_id = @engagementId, name = @name, use_case = @useCase, business_owner_id = @businessOwnerId,
           outcome_metric = @outcomeMetric, outcome_unit = @outcomeUnit, outcome_baseline = @outcomeBaseline, outcome_target = @outcomeTarget,
           risk_tier = @riskTier, ai_act_category = @aiActCategory, regulated_domain = @regulatedDomain, kind = @kind, serving = @serving,
           data_sources = @dataSourcesJson, repository_link = @repositoryLink, registry_link = @registryLink, dashboard_link = @dashboardLink,
           runbook_link = @runbookLink, tags = @tagsJson, notes = @notes, in_service_since = @inServiceSince, stage = @stage,
           stage_since = @stageSince, updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run(toParams(m));
  }

  transitions(modelId: string): StageTransition[] {
    const rows = this.statements
      .get('SELECT * FROM model_stage_transition WHERE model_id = ? ORDER BY on_date, created_at, id')
      .all(modelId) as TransitionRow[];
    return rows.map(toTransition);
  }

  /** Every transition of a client's models (or all models), oldest first per model. */
  transitionsOfClient(clientId: string | null): StageTransition[] {
    // Two statements, not `@clientId IS NULL OR …`, which would keep SQLite from using the client's index.
    const rows = (
      clientId === null
        ? this.statements.get('SELECT * FROM model_stage_transition t ORDER BY t.model_id, t.on_date, t.created_at, t.id').all()
        : this.statements
            .get(
              `SELECT t.* FROM model m JOIN model_stage_transition t ON t.model_id = m.id
               WHERE m.client_id = ? ORDER BY t.model_id, t.on_date, t.created_at, t.id`,
            )
            .all(clientId)
    ) as TransitionRow[];
    return rows.map(toTransition);
  }

  insertTransition(t: StageTransition): void {
    this.statements
      .get(
        `INSERT INTO model_stage_transition (id, model_id, from_stage, to_stage, on_date, reason, actor, created_at)
         VALUES (@id, @modelId, @fromStage, @toStage, @on, @reason, @actor, @createdAt)`,
      )
      .run(t);
  }

  /** Models in these stages since on or before a day (the graveyard's candidates), with the client's name. */
  waitingSince(stages: readonly Stage[], sinceOnOrBefore: string, clientId: string | null, now: string): ModelListRow[] {
    return this.statements
      .get(
        `${LIST_SELECT}
         WHERE m.stage IN (SELECT value FROM json_each(@stages)) AND m.stage_since <= @since AND (@clientId IS NULL OR m.client_id = @clientId)
         ORDER BY m.stage_since, m.name COLLATE NOCASE`,
      )
      .all({ stages: JSON.stringify(stages), since: sinceOnOrBefore, clientId, now }) as ModelListRow[];
  }

  /** Models per stage of one client (or all), for the funnel. */
  stageCounts(clientId: string | null): { stage: Stage; n: number }[] {
    return (
      clientId === null
        ? this.statements.get('SELECT stage, count(*) AS n FROM model GROUP BY stage').all()
        : this.statements.get('SELECT stage, count(*) AS n FROM model WHERE client_id = ? GROUP BY stage').all(clientId)
    ) as { stage: Stage; n: number }[];
  }
}

function toParams(m: Model) {
  return { ...m, dataSourcesJson: JSON.stringify(m.dataSources), tagsJson: JSON.stringify(m.tags) };
}

export function toListItem(row: ModelListRow, today: number): ModelListItem {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    engagementId: row.engagement_id,
    engagementName: row.engagement_name,
    name: row.name,
    stage: row.stage,
    stageSince: row.stage_since,
    daysInStage: Math.max(0, today - toDay(row.stage_since)),
    riskTier: row.risk_tier,
    aiActCategory: row.ai_act_category,
    kind: row.kind,
    updatedAt: row.updated_at,
    championLabel: row.champion_label,
    championSince: row.champion_since,
  };
}

export function toTransition(row: TransitionRow): StageTransition {
  return {
    id: row.id,
    modelId: row.model_id,
    fromStage: row.from_stage,
    toStage: row.to_stage,
    on: row.on_date,
    reason: row.reason,
    actor: row.actor,
    createdAt: row.created_at,
  };
}

export function toModel(row: ModelRow): Model {
  return {
    id: row.id,
    clientId: row.client_id,
    engagementId: row.engagement_id,
    name: row.name,
    useCase: row.use_case,
    businessOwnerId: row.business_owner_id,
    outcomeMetric: row.outcome_metric,
    outcomeUnit: row.outcome_unit,
    outcomeBaseline: row.outcome_baseline,
    outcomeTarget: row.outcome_target,
    riskTier: row.risk_tier,
    aiActCategory: row.ai_act_category,
    regulatedDomain: row.regulated_domain,
    kind: row.kind,
    serving: row.serving,
    dataSources: JSON.parse(row.data_sources) as string[],
    repositoryLink: row.repository_link,
    registryLink: row.registry_link,
    dashboardLink: row.dashboard_link,
    runbookLink: row.runbook_link,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    inServiceSince: row.in_service_since,
    stage: row.stage,
    stageSince: row.stage_since,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
