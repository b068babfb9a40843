import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { Environment } from '@shared/portfolio/contract/deployments';
import type { Alias } from '@shared/portfolio/rules/deployments';

/** A deployment as stored. */
export type StoredDeployment = {
  id: string;
  modelId: string;
  versionId: string;
  environmentId: string;
  alias: Alias;
  trafficPercent: number | null;
  from: string;
  to: string | null;
  rollbackReason: string;
  createdAt: string;
};

type EnvironmentRow = { id: string; engagement_id: string; name: string; is_production: number; created_at: string };
type DeploymentRow = {
  id: string;
  model_id: string;
  version_id: string;
  environment_id: string;
  alias: Alias;
  traffic_percent: number | null;
  from_at: string;
  to_at: string | null;
  rollback_reason: string;
  created_at: string;
};

/** Environments and deployments: all their SQL. */
export class DeploymentRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  environment(id: string): Environment | null {
    const row = this.statements.get('SELECT * FROM environment WHERE id = ?').get(id) as EnvironmentRow | undefined;
    return row ? toEnvironment(row) : null;
  }

  environmentsOf(engagementId: string): Environment[] {
    const rows = this.statements
      .get('SELECT * FROM environment WHERE engagement_id = ? ORDER BY is_production DESC, name COLLATE NOCASE')
      .all(engagementId) as EnvironmentRow[];
    return rows.map(toEnvironment);
  }

  /** The ids of every production environment. */
  productionEnvironmentIds(): Set<string> {
    return new Set(this.statements.get('SELECT id FROM environment WHERE is_production = 1').pluck().all() as string[]);
  }

  insertEnvironment(e: Environment): void {
    this.statements
      .get('INSERT INTO environment (id, engagement_id, name, is_production, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(e.id, e.engagementId, e.name, e.production ? 1 : 0, e.createdAt);
  }

  get(id: string): StoredDeployment | null {
    const row = this.statements.get('SELECT * FROM deployment WHERE id = ?').get(id) as DeploymentRow | undefined;
    return row ? toDeployment(row) : null;
  }

  ofModel(modelId: string): StoredDeployment[] {
    const rows = this.statements
      .get('SELECT * FROM deployment WHERE model_id = ? ORDER BY from_at DESC, created_at DESC')
      .all(modelId) as DeploymentRow[];
    return rows.map(toDeployment);
  }

  /** Every champion deployment that started by an instant (the as-of question for all models). */
  championsStartedBy(at: string): StoredDeployment[] {
    const rows = this.statements
      .get(`SELECT * FROM deployment WHERE alias = 'champion' AND from_at <= ? AND (to_at IS NULL OR to_at > ?)`)
      .all(at, at) as DeploymentRow[];
    return rows.map(toDeployment);
  }

  insert(d: StoredDeployment): void {
    this.statements
      .get(
        `INSERT INTO deployment (id, model_id, version_id, environment_id, alias, traffic_percent, from_at, to_at, rollback_reason, created_at)
         VALUES (@id, @modelId, @versionId, @environmentId, @alias, @trafficPercent, @from, @to, @rollbackReason, @createdAt)`,
      )
      .run(d);
  }

  end(id: string, at: string): void {
    this.statements.get('UPDATE deployment SET to_at = ? WHERE id = ?').run(at, id);
  }
}

function toEnvironment(row: EnvironmentRow): Environment {
  return { id: row.id, engagementId: row.engagement_id, name: row.name, production: row.is_production === 1, createdAt: row.created_at };
}

function toDeployment(row: DeploymentRow): StoredDeployment {
  return {
    id: row.id,
    modelId: row.model_id,
    versionId: row.version_id,
    environmentId: row.environment_id,
    alias: row.alias,
    trafficPercent: row.traffic_percent,
    from: row.from_at,
    to: row.to_at,
    rollbackReason: row.rollback_reason,
    createdAt: row.created_at,
  };
}
