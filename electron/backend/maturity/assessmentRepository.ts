import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { AssessmentAnswer } from '@shared/maturity/contract/assessments';
import { type BriefLevels, briefOf, type FinalLevels } from '@shared/maturity/rules/compare';
import type { FrameworkSet } from '@shared/maturity/rules/framework';
import type { FrameworkLevels } from '@shared/maturity/rules/levels';
import type { Answer, AssessmentStatus, Confidence, FrameworkKey, OverallRule } from '@shared/maturity/rules/vocabulary';
import type { PersonRef } from '@shared/portfolio/rules/policy';

/** An assessment as stored (names are joined by the service). */
export type StoredAssessment = {
  id: string;
  clientId: string;
  engagementId: string | null;
  frameworkHash: string;
  frameworks: FrameworkKey[];
  assessedOn: string;
  assessor: PersonRef;
  participants: string[];
  overallRule: OverallRule;
  status: AssessmentStatus;
  finalisedAt: string | null;
  /** Kept when finalised (a final assessment never changes); null for a draft. */
  levels: FrameworkLevels[] | null;
  correctsId: string | null;
  correctionReason: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
};

type AssessmentRow = {
  id: string;
  client_id: string;
  engagement_id: string | null;
  framework_hash: string;
  frameworks: string;
  assessed_on: string;
  assessor_kind: 'specialist' | 'contact';
  assessor_id: string;
  participants: string;
  overall_rule: OverallRule;
  status: AssessmentStatus;
  finalised_at: string | null;
  levels: string | null;
  corrects_id: string | null;
  correction_reason: string;
  notes: string;
  created_at: string;
  updated_at: string;
};

const toAssessment = (r: AssessmentRow): StoredAssessment => ({
  id: r.id,
  clientId: r.client_id,
  engagementId: r.engagement_id,
  frameworkHash: r.framework_hash,
  frameworks: JSON.parse(r.frameworks) as FrameworkKey[],
  assessedOn: r.assessed_on,
  assessor: { kind: r.assessor_kind, id: r.assessor_id },
  participants: JSON.parse(r.participants) as string[],
  overallRule: r.overall_rule,
  status: r.status,
  finalisedAt: r.finalised_at,
  levels: r.levels === null ? null : (JSON.parse(r.levels) as FrameworkLevels[]),
  correctsId: r.corrects_id,
  correctionReason: r.correction_reason,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

type AnswerRow = {
  assessment_id: string;
  criterion_id: string;
  answer: Answer;
  evidence: string;
  links: string;
  confidence: Confidence;
  updated_at: string;
};

const toAnswer = (r: AnswerRow): AssessmentAnswer => ({
  criterionId: r.criterion_id,
  answer: r.answer,
  evidence: r.evidence,
  links: JSON.parse(r.links) as string[],
  confidence: r.confidence,
  updatedAt: r.updated_at,
});

/** Framework copies, assessments and their answers: all their SQL. */
export class AssessmentRepository {
  private readonly statements: StatementCache;
  /** Stored copies never change: parsed once per connection. */
  private readonly copies = new Map<string, { setId: string; version: string; name: string; set: FrameworkSet }>();
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  framework(hash: string): { setId: string; version: string; name: string; set: FrameworkSet } | null {
    const cached = this.copies.get(hash);
    if (cached) return cached;
    const row = this.statements.get('SELECT set_id, version, name, body FROM maturity_framework WHERE hash = ?').get(hash) as
      | { set_id: string; version: string; name: string; body: string }
      | undefined;
    if (!row) return null;
    const copy = { setId: row.set_id, version: row.version, name: row.name, set: JSON.parse(row.body) as FrameworkSet };
    this.copies.set(hash, copy);
    return copy;
  }

  /** Stores a framework copy under its hash; false when one is already there (it is the same content). */
  storeFramework(hash: string, set: FrameworkSet, at: string): boolean {
    const info = this.statements
      .get(
        `INSERT INTO maturity_framework (hash, set_id, version, name, body, stored_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (hash) DO NOTHING`,
      )
      .run(hash, set.id, set.version, set.name, JSON.stringify(set), at);
    return info.changes > 0;
  }

  get(id: string): StoredAssessment | null {
    const row = this.statements.get('SELECT * FROM maturity_assessment WHERE id = ?').get(id) as AssessmentRow | undefined;
    return row ? toAssessment(row) : null;
  }

  /** Newest first (by date, then by when it was started). */
  list(filter: {
    clientId?: string | undefined;
    engagementId?: string | undefined;
    status?: AssessmentStatus | undefined;
  }): StoredAssessment[] {
    const rows = this.statements
      .get(
        `SELECT * FROM maturity_assessment
         WHERE (@clientId IS NULL OR client_id = @clientId)
           AND (@engagementId IS NULL OR engagement_id = @engagementId)
           AND (@status IS NULL OR status = @status)
         ORDER BY assessed_on DESC, created_at DESC, id DESC`,
      )
      .all({
        clientId: filter.clientId ?? null,
        engagementId: filter.engagementId ?? null,
        status: filter.status ?? null,
      }) as AssessmentRow[];
    return rows.map(toAssessment);
  }

  /** Every final assessment's kept levels, oldest first per client: the trends and the comparison read only these. */
  finals(): FinalLevels[] {
    const rows = this.statements
      .get(
        `SELECT id, client_id, assessed_on, levels_brief FROM maturity_assessment WHERE status = 'final'
         ORDER BY client_id, assessed_on, created_at, id`,
      )
      .all() as { id: string; client_id: string; assessed_on: string; levels_brief: string }[];
    return rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      assessedOn: r.assessed_on,
      levels: JSON.parse(r.levels_brief) as BriefLevels,
    }));
  }

  correctedBy(id: string): { id: string; assessedOn: string } | null {
    const row = this.statements
      .get('SELECT id, assessed_on FROM maturity_assessment WHERE corrects_id = ? ORDER BY created_at DESC LIMIT 1')
      .get(id) as { id: string; assessed_on: string } | undefined;
    return row ? { id: row.id, assessedOn: row.assessed_on } : null;
  }

  insert(a: StoredAssessment): void {
    this.statements
      .get(
        `INSERT INTO maturity_assessment (id, client_id, engagement_id, framework_hash, frameworks, assessed_on, assessor_kind, assessor_id,
           participants, overall_rule, status, finalised_at, levels, corrects_id, correction_reason, notes, created_at, updated_at)
         VALUES (@id, @clientId, @engagementId, @frameworkHash, @frameworks, @assessedOn, @assessorKind, @assessorId,
           @participants, @overallRule, 'draft', NULL, NULL, @correctsId, @correctionReason, @notes, @createdAt, @updatedAt)`,
      )
      .run(params(a));
  }

  updateHeader(a: StoredAssessment): void {
    this.statements
      .get(
        `UPDATE maturity_assessment SET engagement_id = @engagementId, frameworks = @frameworks, assessed_on = @assessedOn,
           assessor_kind = @assessorKind, assessor_id = @assessorId, participants = @participants, overall_rule = @overallRule,
           notes = @notes, updated_at = @updatedAt
         WHERE id = @id AND status = 'draft'`,
      )
      .run(params(a));
  }

  /** Marks a draft final with its levels; the triggers keep it so from then on. */
  finalise(id: string, levels: FrameworkLevels[], at: string): void {
    this.statements
      .get(
        `UPDATE maturity_assessment SET status = 'final', finalised_at = ?, levels = ?, levels_brief = ?, updated_at = ?
         WHERE id = ? AND status = 'draft'`,
      )
      .run(at, JSON.stringify(levels), JSON.stringify(briefOf(levels)), at, id);
  }

  touch(id: string, at: string): void {
    this.statements.get(`UPDATE maturity_assessment SET updated_at = ? WHERE id = ? AND status = 'draft'`).run(at, id);
  }

  deleteDraft(id: string): void {
    this.statements.get('DELETE FROM maturity_answer WHERE assessment_id = ?').run(id);
    this.statements.get(`DELETE FROM maturity_assessment WHERE id = ? AND status = 'draft'`).run(id);
  }

  answers(assessmentId: string): AssessmentAnswer[] {
    const rows = this.statements
      .get('SELECT * FROM maturity_answer WHERE assessment_id = ? ORDER BY criterion_id')
      .all(assessmentId) as AnswerRow[];
    return rows.map(toAnswer);
  }

  /** The answers of several assessments (just the answer), for their levels in a list. */
  answersOf(assessmentIds: readonly string[]): Map<string, Map<string, Answer>> {
    const out = new Map<string, Map<string, Answer>>();
    if (assessmentIds.length === 0) return out;
    const rows = this.statements
      .get('SELECT assessment_id, criterion_id, answer FROM maturity_answer WHERE assessment_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(assessmentIds)) as { assessment_id: string; criterion_id: string; answer: Answer }[];
    for (const r of rows) {
      let m = out.get(r.assessment_id);
      if (!m) {
        m = new Map();
        out.set(r.assessment_id, m);
      }
      m.set(r.criterion_id, r.answer);
    }
    return out;
  }

  /** How many criteria each assessment has answered. */
  answeredCounts(assessmentIds: readonly string[]): Map<string, number> {
    if (assessmentIds.length === 0) return new Map();
    const rows = this.statements
      .get(
        `SELECT assessment_id, COUNT(*) AS n FROM maturity_answer WHERE assessment_id IN (SELECT value FROM json_each(?)) GROUP BY assessment_id`,
      )
      .all(JSON.stringify(assessmentIds)) as { assessment_id: string; n: number }[];
    return new Map(rows.map((r) => [r.assessment_id, r.n]));
  }

  saveAnswer(assessmentId: string, a: AssessmentAnswer): void {
    this.statements
      .get(
        `INSERT INTO maturity_answer (assessment_id, criterion_id, answer, evidence, links, confidence, updated_at)
         VALUES (@assessmentId, @criterionId, @answer, @evidence, @links, @confidence, @updatedAt)
         ON CONFLICT (assessment_id, criterion_id) DO UPDATE SET answer = excluded.answer, evidence = excluded.evidence,
           links = excluded.links, confidence = excluded.confidence, updated_at = excluded.updated_at`,
      )
      .run({ ...a, assessmentId, links: JSON.stringify(a.links) });
  }

  clearAnswer(assessmentId: string, criterionId: string): void {
    this.statements.get('DELETE FROM maturity_answer WHERE assessment_id = ? AND criterion_id = ?').run(assessmentId, criterionId);
  }

  /** Copies another assessment's answers (only criteria the new one's framework copy holds). */
  copyAnswers(fromId: string, toId: string, criterionIds: readonly string[], at: string): number {
    return this.statements
      .get(
        `INSERT INTO maturity_answer (assessment_id, criterion_id, answer, evidence, links, confidence, updated_at)
         SELECT ?, criterion_id, answer, evidence, links, confidence, ? FROM maturity_answer
         WHERE assessment_id = ? AND criterion_id IN (SELECT value FROM json_each(?))`,
      )
      .run(toId, at, fromId, JSON.stringify(criterionIds)).changes;
  }

  count(): number {
    return (this.statements.get('SELECT COUNT(*) AS n FROM maturity_assessment').get() as { n: number }).n;
  }
}

function params(a: StoredAssessment) {
  return {
    id: a.id,
    clientId: a.clientId,
    engagementId: a.engagementId,
    frameworkHash: a.frameworkHash,
    frameworks: JSON.stringify(a.frameworks),
    assessedOn: a.assessedOn,
    assessorKind: a.assessor.kind,
    assessorId: a.assessor.id,
    participants: JSON.stringify(a.participants),
    overallRule: a.overallRule,
    correctsId: a.correctsId,
    correctionReason: a.correctionReason,
    notes: a.notes,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
