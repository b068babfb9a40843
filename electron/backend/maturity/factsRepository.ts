import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';

/** One production model as the cross-check reads it (the card's narrative and what its versions show). */
export type ProductionModelRow = {
  id: string;
  name: string;
  engagementId: string | null;
  useCase: string;
  hasBusinessOwner: boolean;
  hasVersions: boolean;
  /** The serving champion's training data, else the newest version's. */
  trainingData: string;
  championApproved: boolean;
  /** An approved version other than the one serving. */
  otherApproved: boolean;
  narrative: {
    intendedUse: string;
    outOfScopeUses: string;
    users: string;
    limitations: string;
    ethicalConsiderations: string;
    caveats: string;
  };
};

/**
 * What the maturity area reads of the portfolio to check answers against and to fill the readiness check: one
 * query per question, each over one client's models (the portfolio's own tables, read-only).
 */
export class MaturityFactsRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  /** Every model of the client in production, with what the measured criteria look at, at an instant. */
  productionModels(clientId: string, now: string, today: string): ProductionModelRow[] {
    const rows = this.statements
      .get(
        `WITH prod AS (
           SELECT id, name, engagement_id, use_case, business_owner_id FROM model WHERE client_id = @clientId AND stage = 'production'
         ),
         champ AS (
           SELECT d.model_id, d.version_id, ROW_NUMBER() OVER (PARTITION BY d.model_id ORDER BY d.from_at DESC, d.created_at DESC) AS rn
           FROM deployment d JOIN environment e ON e.id = d.environment_id AND e.is_production = 1
           WHERE d.model_id IN (SELECT id FROM prod) AND d.alias = 'champion' AND d.from_at <= @now AND (d.to_at IS NULL OR d.to_at > @now)
         ),
         newest AS (
           SELECT model_id, id AS version_id, training_data,
             ROW_NUMBER() OVER (PARTITION BY model_id ORDER BY registered_on DESC, created_at DESC) AS rn
           FROM model_version WHERE model_id IN (SELECT id FROM prod)
         ),
         approved AS (
           SELECT DISTINCT v.model_id, v.id AS version_id FROM model_version v JOIN model_approval a ON a.version_id = v.id
           WHERE v.model_id IN (SELECT id FROM prod) AND a.decision IN ('approved', 'approved_with_conditions') AND a.decided_on <= @today
         )
         SELECT p.id, p.name, p.engagement_id, p.use_case, p.business_owner_id IS NOT NULL AS has_owner,
           n.version_id IS NOT NULL AS has_versions,
           COALESCE(cv.training_data, n.training_data, '') AS training_data,
           EXISTS (SELECT 1 FROM approved x WHERE x.version_id = c.version_id) AS champion_approved,
           EXISTS (SELECT 1 FROM approved x WHERE x.model_id = p.id AND x.version_id IS NOT c.version_id) AS other_approved,
           COALESCE(mc.intended_use, '') AS intended_use, COALESCE(mc.out_of_scope_uses, '') AS out_of_scope_uses,
           COALESCE(mc.users, '') AS users, COALESCE(mc.limitations, '') AS limitations,
           COALESCE(mc.ethical_considerations, '') AS ethical_considerations, COALESCE(mc.caveats, '') AS caveats
         FROM prod p
         LEFT JOIN champ c ON c.model_id = p.id AND c.rn = 1
         LEFT JOIN model_version cv ON cv.id = c.version_id
         LEFT JOIN newest n ON n.model_id = p.id AND n.rn = 1
         LEFT JOIN model_card mc ON mc.model_id = p.id
         ORDER BY p.name COLLATE NOCASE, p.id`,
      )
      .all({ clientId, now, today }) as {
      id: string;
      name: string;
      engagement_id: string | null;
      use_case: string;
      has_owner: 0 | 1;
      has_versions: 0 | 1;
      training_data: string;
      champion_approved: 0 | 1;
      other_approved: 0 | 1;
      intended_use: string;
      out_of_scope_uses: string;
      users: string;
      limitations: string;
      ethical_considerations: string;
      caveats: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      engagementId: r.engagement_id,
      useCase: r.use_case,
      hasBusinessOwner: r.has_owner === 1,
      hasVersions: r.has_versions === 1,
      trainingData: r.training_data,
      championApproved: r.champion_approved === 1,
      otherApproved: r.other_approved === 1,
      narrative: {
        intendedUse: r.intended_use,
        outOfScopeUses: r.out_of_scope_uses,
        users: r.users,
        limitations: r.limitations,
        ethicalConsiderations: r.ethical_considerations,
        caveats: r.caveats,
      },
    }));
  }

  /** The clients not archived, by name: the rows of the across-clients view. */
  activeClients(): { id: string; name: string }[] {
    return this.statements.get('SELECT id, name FROM client WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as {
      id: string;
      name: string;
    }[];
  }

  /** The engagements a client's production models belong to (their ownership is checked per engagement). */
  productionEngagements(clientId: string): string[] {
    return (
      this.statements
        .get(`SELECT DISTINCT engagement_id FROM model WHERE client_id = ? AND stage = 'production' AND engagement_id IS NOT NULL`)
        .all(clientId) as { engagement_id: string }[]
    ).map((r) => r.engagement_id);
  }

  /** The counts the readiness check reads from a client's models. */
  readinessCounts(clientId: string): {
    activeModels: number;
    beyondPrototype: number;
    highStakes: number;
    lowStakes: number;
    simple: number;
  } {
    const row = this.statements
      .get(
        `SELECT
           COUNT(*) FILTER (WHERE stage <> 'retired') AS active,
           COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM model_stage_transition t WHERE t.model_id = m.id
             AND t.to_stage IN ('pilot', 'production', 'retired'))) AS beyond,
           COUNT(*) FILTER (WHERE stage <> 'retired'
             AND (risk_tier IN ('high', 'critical') OR ai_act_category = 'high' OR regulated_domain <> 'none')) AS high_stakes,
           COUNT(*) FILTER (WHERE stage <> 'retired' AND risk_tier = 'low' AND ai_act_category = 'minimal' AND regulated_domain = 'none') AS low_stakes,
           COUNT(*) FILTER (WHERE stage <> 'retired' AND kind IN ('classical_ml', 'rules_ml')) AS simple
         FROM model m WHERE client_id = ?`,
      )
      .get(clientId) as { active: number; beyond: number; high_stakes: number; low_stakes: number; simple: number };
    return {
      activeModels: row.active,
      beyondPrototype: row.beyond,
      highStakes: row.high_stakes,
      lowStakes: row.low_stakes,
      simple: row.simple,
    };
  }
}
