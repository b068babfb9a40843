import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { Model } from '@shared/portfolio/contract/models';
import type { Alias } from '@shared/portfolio/rules/deployments';
import type { StageTransition } from '@shared/portfolio/rules/lifecycle';
import type { ApprovalDecision, PersonRef } from '@shared/portfolio/rules/policy';
import { type ModelRow, type TransitionRow, toModel, toTransition } from './modelRepository';
import type { StoredApproval, StoredVersion } from './versionRepository';

/**
 * What the portfolio workbook and the audit pack read, many models at once,
 * with the names of the people, clients and environments joined in SQL (one
 * query per sheet, never one per model). Models are named by a JSON array of
 * ids; the caller orders the rows by its own list.
 */

export type ExportModel = Model & { clientName: string; engagementName: string | null; businessOwnerName: string | null };

/** A version as stored, with its builder's name. */
export type ExportVersion = StoredVersion & { builtByName: string };

/** An approval as stored, with its model, its version's label and its approver's name. */
export type ExportApproval = StoredApproval & { modelId: string; versionLabel: string; approverName: string };

export type ExportDeployment = {
  id: string;
  modelId: string;
  versionId: string;
  versionLabel: string;
  environmentId: string;
  environmentName: string;
  production: boolean;
  alias: Alias;
  trafficPercent: number | null;
  from: string;
  to: string | null;
  rollbackReason: string;
  createdAt: string;
};

/** A stage change, as the model's own page shows it. */
export type ExportTransition = StageTransition;

type ExportModelRow = ModelRow & { client_name: string; engagement_name: string | null; owner_name: string | null };

type VersionRow = {
  id: string;
  model_id: string;
  label: string;
  built_by_kind: PersonRef['kind'];
  built_by_id: string;
  built_by_name: string;
  registered_on: string;
  training_data: string;
  evaluations: string;
  evidence: string;
  notes: string;
  created_at: string;
};

type ApprovalRow = {
  id: string;
  model_id: string;
  version_id: string;
  version_label: string;
  approver_kind: PersonRef['kind'];
  approver_id: string;
  approver_name: string;
  decision: ApprovalDecision;
  decided_on: string;
  evidence_text: string;
  evidence_link: string;
  conditions: string;
  created_at: string;
};

type DeploymentRow = {
  id: string;
  model_id: string;
  version_id: string;
  version_label: string;
  environment_id: string;
  environment_name: string;
  is_production: number;
  alias: Alias;
  traffic_percent: number | null;
  from_at: string;
  to_at: string | null;
  rollback_reason: string;
  created_at: string;
};

const IN_MODELS = '(SELECT value FROM json_each(@ids))';

/** A person's name: a specialist's or a contact's, or who they were when they are gone from the records. */
const personName = (kind: string, id: string) => `COALESCE(
  (SELECT s.full_name FROM specialist s WHERE ${kind} = 'specialist' AND s.id = ${id}),
  (SELECT cc.name FROM client_contact cc WHERE ${kind} = 'contact' AND cc.id = ${id}),
  CASE ${kind} WHEN 'specialist' THEN 'Unknown specialist' ELSE 'Unknown contact' END)`;

/** The portfolio's exports: every model field, version, approval, deployment and stage change of many models in one query each. */
export class PortfolioExportRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  models(ids: readonly string[]): ExportModel[] {
    const rows = this.statements
      .get(
        `SELECT m.*, c.name AS client_name, e.name AS engagement_name, o.name AS owner_name
         FROM model m JOIN client c ON c.id = m.client_id
           LEFT JOIN engagement e ON e.id = m.engagement_id
           LEFT JOIN client_contact o ON o.id = m.business_owner_id
         WHERE m.id IN ${IN_MODELS}`,
      )
      .all({ ids: JSON.stringify(ids) }) as ExportModelRow[];
    return rows.map(toExportModel);
  }

  versions(ids: readonly string[]): ExportVersion[] {
    const rows = this.statements
      .get(
        `SELECT v.*, ${personName('v.built_by_kind', 'v.built_by_id')} AS built_by_name
         FROM model_version v WHERE v.model_id IN ${IN_MODELS}
         ORDER BY v.model_id, v.registered_on, v.created_at, v.id`,
      )
      .all({ ids: JSON.stringify(ids) }) as VersionRow[];
    return rows.map((r) => ({
      id: r.id,
      modelId: r.model_id,
      label: r.label,
      builtBy: { kind: r.built_by_kind, id: r.built_by_id },
      builtByName: r.built_by_name,
      registeredOn: r.registered_on,
      trainingData: r.training_data,
      evaluations: JSON.parse(r.evaluations) as ExportVersion['evaluations'],
      evidence: JSON.parse(r.evidence) as ExportVersion['evidence'],
      notes: r.notes,
      createdAt: r.created_at,
    }));
  }

  approvals(ids: readonly string[]): ExportApproval[] {
    const rows = this.statements
      .get(
        `SELECT a.*, v.model_id, v.label AS version_label, ${personName('a.approver_kind', 'a.approver_id')} AS approver_name
         FROM model_approval a JOIN model_version v ON v.id = a.version_id
         WHERE v.model_id IN ${IN_MODELS}
         ORDER BY v.model_id, v.registered_on, v.created_at, a.decided_on, a.created_at, a.id`,
      )
      .all({ ids: JSON.stringify(ids) }) as ApprovalRow[];
    return rows.map((r) => ({
      id: r.id,
      modelId: r.model_id,
      versionId: r.version_id,
      versionLabel: r.version_label,
      approver: { kind: r.approver_kind, id: r.approver_id },
      approverName: r.approver_name,
      decision: r.decision,
      decidedOn: r.decided_on,
      evidenceText: r.evidence_text,
      evidenceLink: r.evidence_link,
      conditions: r.conditions,
      createdAt: r.created_at,
    }));
  }

  deployments(ids: readonly string[]): ExportDeployment[] {
    const rows = this.statements
      .get(
        `SELECT d.*, v.label AS version_label, e.name AS environment_name, e.is_production
         FROM deployment d JOIN model_version v ON v.id = d.version_id JOIN environment e ON e.id = d.environment_id
         WHERE d.model_id IN ${IN_MODELS}
         ORDER BY d.model_id, d.from_at, d.created_at, d.id`,
      )
      .all({ ids: JSON.stringify(ids) }) as DeploymentRow[];
    return rows.map((r) => ({
      id: r.id,
      modelId: r.model_id,
      versionId: r.version_id,
      versionLabel: r.version_label,
      environmentId: r.environment_id,
      environmentName: r.environment_name,
      production: r.is_production === 1,
      alias: r.alias,
      trafficPercent: r.traffic_percent,
      from: r.from_at,
      to: r.to_at,
      rollbackReason: r.rollback_reason,
      createdAt: r.created_at,
    }));
  }

  transitions(ids: readonly string[]): ExportTransition[] {
    const rows = this.statements
      .get(
        `SELECT * FROM model_stage_transition WHERE model_id IN ${IN_MODELS}
         ORDER BY model_id, on_date, created_at, id`,
      )
      .all({ ids: JSON.stringify(ids) }) as TransitionRow[];
    return rows.map(toTransition);
  }
}

function toExportModel(row: ExportModelRow): ExportModel {
  return { ...toModel(row), clientName: row.client_name, engagementName: row.engagement_name, businessOwnerName: row.owner_name };
}
