import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { ApprovalDecision, AttachedEvidence, PersonRef, PromotionPolicy } from '@shared/portfolio/rules/policy';

/** A version as stored, before the names of its people and its approvals are added. */
export type StoredVersion = {
  id: string;
  modelId: string;
  label: string;
  builtBy: PersonRef;
  registeredOn: string;
  trainingData: string;
  evaluations: { metric: string; value: number; dataset: string }[];
  evidence: { kind: AttachedEvidence; text: string; link: string }[];
  notes: string;
  createdAt: string;
};

export type StoredApproval = {
  id: string;
  versionId: string;
  approver: PersonRef;
  decision: ApprovalDecision;
  decidedOn: string;
  evidenceText: string;
  evidenceLink: string;
  conditions: string;
  createdAt: string;
};

export type StoredPolicy = { clientId: string; version: number; policy: PromotionPolicy; createdBy: string; createdAt: string };

type VersionRow = {
  id: string;
  model_id: string;
  label: string;
  built_by_kind: PersonRef['kind'];
  built_by_id: string;
  registered_on: string;
  training_data: string;
  evaluations: string;
  evidence: string;
  notes: string;
  created_at: string;
};

type ApprovalRow = {
  id: string;
  version_id: string;
  approver_kind: PersonRef['kind'];
  approver_id: string;
  decision: ApprovalDecision;
  decided_on: string;
  evidence_text: string;
  evidence_link: string;
  conditions: string;
  created_at: string;
};

type PolicyRow = { client_id: string; version: number; policy: string; created_by: string; created_at: string };

/** Versions, approvals and the clients' promotion policies: all their SQL. */
export class VersionRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  get(id: string): StoredVersion | null {
    const row = this.statements.get('SELECT * FROM model_version WHERE id = ?').get(id) as VersionRow | undefined;
    return row ? toVersion(row) : null;
  }

  ofModel(modelId: string): StoredVersion[] {
    const rows = this.statements
      .get('SELECT * FROM model_version WHERE model_id = ? ORDER BY registered_on DESC, created_at DESC, id DESC')
      .all(modelId) as VersionRow[];
    return rows.map(toVersion);
  }

  findByLabel(modelId: string, label: string): StoredVersion | null {
    const row = this.statements.get('SELECT * FROM model_version WHERE model_id = ? AND label = ? COLLATE NOCASE').get(modelId, label) as
      | VersionRow
      | undefined;
    return row ? toVersion(row) : null;
  }

  /** The earliest day a version of the model was registered, or null. */
  firstRegisteredOn(modelId: string): string | null {
    return (
      this.statements.get('SELECT min(registered_on) AS d FROM model_version WHERE model_id = ?').get(modelId) as { d: string | null }
    ).d;
  }

  insert(v: StoredVersion): void {
    this.statements
      .get(
        `INSERT INTO model_version (id, model_id, label, built_by_kind, built_by_id, registered_on, training_data, evaluations, evidence, notes, created_at)
         VALUES (@id, @modelId, @label, @builtByKind, @builtById, @registeredOn, @trainingData, @evaluationsJson, @evidenceJson, @notes, @createdAt)`,
      )
      .run({
        ...v,
        builtByKind: v.builtBy.kind,
        builtById: v.builtBy.id,
        evaluationsJson: JSON.stringify(v.evaluations),
        evidenceJson: JSON.stringify(v.evidence),
      });
  }

  approvalsOfModel(modelId: string): StoredApproval[] {
    const rows = this.statements
      .get(
        `SELECT a.* FROM model_approval a JOIN model_version v ON v.id = a.version_id WHERE v.model_id = ?
         ORDER BY a.decided_on, a.created_at, a.id`,
      )
      .all(modelId) as ApprovalRow[];
    return rows.map(toApproval);
  }

  approvalsOf(versionId: string): StoredApproval[] {
    const rows = this.statements
      .get('SELECT * FROM model_approval WHERE version_id = ? ORDER BY decided_on, created_at, id')
      .all(versionId) as ApprovalRow[];
    return rows.map(toApproval);
  }

  insertApproval(a: StoredApproval): void {
    this.statements
      .get(
        `INSERT INTO model_approval (id, version_id, approver_kind, approver_id, decision, decided_on, evidence_text, evidence_link, conditions, created_at)
         VALUES (@id, @versionId, @approverKind, @approverId, @decision, @decidedOn, @evidenceText, @evidenceLink, @conditions, @createdAt)`,
      )
      .run({ ...a, approverKind: a.approver.kind, approverId: a.approver.id });
  }

  /** A client's policy versions, newest first. */
  policies(clientId: string): StoredPolicy[] {
    const rows = this.statements
      .get('SELECT * FROM promotion_policy WHERE client_id = ? ORDER BY version DESC')
      .all(clientId) as PolicyRow[];
    return rows.map((r) => ({
      clientId: r.client_id,
      version: r.version,
      policy: JSON.parse(r.policy) as PromotionPolicy,
      createdBy: r.created_by,
      createdAt: r.created_at,
    }));
  }

  insertPolicy(id: string, p: StoredPolicy): void {
    this.statements
      .get('INSERT INTO promotion_policy (id, client_id, version, policy, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, p.clientId, p.version, JSON.stringify(p.policy), p.createdBy, p.createdAt);
  }
}

function toVersion(row: VersionRow): StoredVersion {
  return {
    id: row.id,
    modelId: row.model_id,
    label: row.label,
    builtBy: { kind: row.built_by_kind, id: row.built_by_id },
    registeredOn: row.registered_on,
    trainingData: row.training_data,
    evaluations: JSON.parse(row.evaluations) as StoredVersion['evaluations'],
    evidence: JSON.parse(row.evidence) as StoredVersion['evidence'],
    notes: row.notes,
    createdAt: row.created_at,
  };
}

function toApproval(row: ApprovalRow): StoredApproval {
  return {
    id: row.id,
    versionId: row.version_id,
    approver: { kind: row.approver_kind, id: row.approver_id },
    decision: row.decision,
    decidedOn: row.decided_on,
    evidenceText: row.evidence_text,
    evidenceLink: row.evidence_link,
    conditions: row.conditions,
    createdAt: row.created_at,
  };
}
