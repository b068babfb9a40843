import { assertUnchanged } from '@backend/core/archive';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { nameOf } from '@backend/portfolio/versionService';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type {
  AnswerValues,
  Assessment,
  AssessmentAnswer,
  AssessmentDetail,
  AssessmentListItem,
  assessmentCreateInput,
  assessmentUpdateInput,
} from '@shared/maturity/contract/assessments';
import type { FrameworkSet } from '@shared/maturity/rules/framework';
import { assessmentLevels, progressOf } from '@shared/maturity/rules/levels';
import { finalRefusal, futureDateProblem, unknownCriteria, unknownCriteriaSentence } from '@shared/maturity/rules/validate';
import type { Answer, FrameworkKey } from '@shared/maturity/rules/vocabulary';
import type { z } from 'zod';
import type { StoredAssessment } from './assessmentRepository';
import { crossCheckOf } from './crossCheckService';
import { newestOf, refOf, SHIPPED_SETS } from './frameworks';
import { checkAssessor, checkParticipants } from './people';

type CreateInput = z.output<typeof assessmentCreateInput>;
type UpdateInput = z.output<typeof assessmentUpdateInput>;

export function loadAssessment(ctx: Context, id: string): StoredAssessment {
  const a = ctx.repos.assessments.get(id);
  if (!a) throw notFound('Assessment', id);
  return a;
}

/** The framework copy an assessment was made with (always stored: the foreign key holds it). */
export function setOf(ctx: Context, a: Pick<StoredAssessment, 'frameworkHash'>): { ref: string; set: FrameworkSet } {
  const copy = ctx.repos.assessments.framework(a.frameworkHash);
  if (!copy) throw new Error(`The framework copy ${a.frameworkHash} of an assessment is missing.`);
  return { ref: refOf(copy.set), set: copy.set };
}

const labelOf = (ctx: Context, a: Pick<StoredAssessment, 'clientId' | 'assessedOn'>) =>
  `${ctx.repos.clients.get(a.clientId)?.name ?? 'Unknown client'}: maturity assessment of ${dateLabel(a.assessedOn)}`;

function toAssessment(ctx: Context, a: StoredAssessment): Assessment {
  const { ref, set } = setOf(ctx, a);
  return {
    id: a.id,
    clientId: a.clientId,
    clientName: ctx.repos.clients.get(a.clientId)?.name ?? 'Unknown client',
    engagementId: a.engagementId,
    engagementName: a.engagementId ? (ctx.repos.engagements.get(a.engagementId)?.name ?? null) : null,
    assessedOn: a.assessedOn,
    assessor: a.assessor,
    assessorName: nameOf(ctx, a.assessor),
    participants: a.participants,
    participantNames: a.participants.map((id) => ctx.repos.contacts.get(id)?.name ?? 'Unknown contact'),
    frameworkHash: a.frameworkHash,
    frameworkRef: ref,
    frameworkName: set.name,
    frameworks: a.frameworks,
    overallRule: a.overallRule,
    status: a.status,
    finalisedAt: a.finalisedAt,
    correctsId: a.correctsId,
    correctionReason: a.correctionReason,
    notes: a.notes,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

const answerMap = (answers: readonly Pick<AssessmentAnswer, 'criterionId' | 'answer'>[]): Map<string, Answer> =>
  new Map(answers.map((a) => [a.criterionId, a.answer]));

/** The levels of an assessment: kept ones for a final assessment, computed from its answers for a draft. */
export function levelsOf(ctx: Context, a: StoredAssessment, answers?: ReadonlyMap<string, Answer>) {
  if (a.levels) return a.levels;
  const { set } = setOf(ctx, a);
  return assessmentLevels(set, a.frameworks, answers ?? answerMap(ctx.repos.assessments.answers(a.id)), a.overallRule);
}

export function assessmentDetail(ctx: Context, id: string): AssessmentDetail {
  const a = loadAssessment(ctx, id);
  const { set } = setOf(ctx, a);
  const answers = ctx.repos.assessments.answers(id);
  const byId = answerMap(answers);
  const crossChecks = crossCheckOf(ctx, a.clientId, set, byId);
  return {
    assessment: toAssessment(ctx, a),
    set,
    answers,
    levels: levelsOf(ctx, a, byId),
    progress: progressOf(set, byId),
    crossChecks,
    contradictions: crossChecks.filter((c) => c.verdict === 'contradicts').length,
    unmeasured: set.criteria.filter((c) => c.measure === null).length,
    correctedBy: ctx.repos.assessments.correctedBy(id),
  };
}

export function listAssessments(
  ctx: Context,
  filter: { clientId?: string | undefined; engagementId?: string | undefined; status?: 'draft' | 'final' | undefined },
): AssessmentListItem[] {
  const rows = ctx.repos.assessments.list(filter);
  const ids = rows.map((r) => r.id);
  const counts = ctx.repos.assessments.answeredCounts(ids);
  const draftAnswers = ctx.repos.assessments.answersOf(rows.filter((r) => r.status === 'draft').map((r) => r.id));
  return rows.map((r) => {
    const levels = levelsOf(ctx, r, draftAnswers.get(r.id) ?? new Map());
    return {
      ...toAssessment(ctx, r),
      levels: levels.map((l) => ({
        framework: l.framework,
        overall: l.overall,
        dimensions: l.dimensions.map((d) => ({ dimension: d.dimension, level: d.level })),
      })),
      answered: counts.get(r.id) ?? 0,
      total: setOf(ctx, r).set.criteria.length,
    };
  });
}

function checkHeader(
  ctx: Context,
  clientId: string,
  input: {
    engagementId: string | null;
    assessedOn: string;
    assessor: StoredAssessment['assessor'];
    participants: string[];
    frameworks: FrameworkKey[];
  },
  set: FrameworkSet,
): void {
  const future = futureDateProblem(input.assessedOn, ctx.today());
  if (future) {
    throw new DomainError('invalid_input', `An assessment ${future}.`, [{ path: 'assessedOn', message: future }]);
  }
  if (input.engagementId !== null) {
    const engagement = ctx.repos.engagements.get(input.engagementId);
    if (!engagement) throw unknownReference('Engagement', input.engagementId, 'engagementId');
    if (engagement.clientId !== clientId) {
      throw new DomainError('invalid_input', `The engagement ${engagement.name} belongs to another client.`, [
        { path: 'engagementId', message: 'must be an engagement of the assessed client' },
      ]);
    }
  }
  checkAssessor(ctx, input.assessor, clientId);
  checkParticipants(ctx, input.participants, clientId);
  const missing = input.frameworks.filter((k) => !set.frameworks.some((f) => f.key === k));
  if (missing.length > 0) {
    throw new DomainError('invalid_input', `The framework version ${refOf(set)} has no ${missing.join(' or ')} mapping.`, [
      { path: 'frameworks', message: `must be frameworks of ${refOf(set)}` },
    ]);
  }
}

export function createAssessment(ctx: Context, input: CreateInput): AssessmentDetail {
  const client = ctx.repos.clients.get(input.clientId);
  if (!client) throw unknownReference('Client', input.clientId, 'clientId');
  const shipped = input.frameworkRef === undefined ? newestOf() : SHIPPED_SETS.find((s) => s.ref === input.frameworkRef);
  if (!shipped) {
    throw new DomainError('invalid_input', `Keel ships no framework version ${input.frameworkRef}.`, [
      { path: 'frameworkRef', message: `must be one of ${SHIPPED_SETS.map((s) => s.ref).join(', ')}` },
    ]);
  }
  checkHeader(ctx, client.id, input, shipped.set);
  const source = input.corrects?.assessmentId ?? input.copyAnswersFrom;
  if (source) {
    const from = ctx.repos.assessments.get(source);
    const path = input.corrects ? 'corrects.assessmentId' : 'copyAnswersFrom';
    if (!from) throw unknownReference('Assessment', source, path);
    if (from.clientId !== client.id) {
      throw new DomainError('invalid_input', 'That assessment is of another client.', [
        { path, message: 'must be an assessment of the same client' },
      ]);
    }
    if (input.corrects && from.status !== 'final') {
      throw new DomainError('invalid_input', 'Only a final assessment is corrected by a new one; a draft can still be changed itself.', [
        { path, message: 'must be a final assessment' },
      ]);
    }
  }
  const id = ctx.write((audit, at) => {
    const id = newId();
    const stored: StoredAssessment = {
      id,
      clientId: client.id,
      engagementId: input.engagementId,
      frameworkHash: shipped.hash,
      frameworks: input.frameworks,
      assessedOn: input.assessedOn,
      assessor: input.assessor,
      participants: input.participants,
      overallRule: input.overallRule,
      status: 'draft',
      finalisedAt: null,
      levels: null,
      correctsId: input.corrects?.assessmentId ?? null,
      correctionReason: input.corrects?.reason ?? '',
      notes: input.notes,
      createdAt: at,
      updatedAt: at,
    };
    // The first assessment on a framework version keeps its exact copy, so later edits of the file never reach it.
    if (ctx.repos.assessments.storeFramework(shipped.hash, shipped.set, at)) {
      audit({
        entity: 'maturity_framework',
        entityId: shipped.hash,
        label: `${shipped.set.name} (${shipped.ref})`,
        action: 'create',
        before: null,
        after: { ref: shipped.ref, hash: shipped.hash, criteria: shipped.set.criteria.length },
      });
    }
    ctx.repos.assessments.insert(stored);
    const copied = source
      ? ctx.repos.assessments.copyAnswers(
          source,
          id,
          shipped.set.criteria.map((c) => c.id),
          at,
        )
      : 0;
    audit({
      entity: 'maturity_assessment',
      entityId: id,
      label: labelOf(ctx, stored),
      action: 'create',
      before: null,
      after: {
        assessedOn: stored.assessedOn,
        framework: shipped.ref,
        frameworks: stored.frameworks,
        assessor: stored.assessor,
        participants: stored.participants,
        overallRule: stored.overallRule,
        ...(stored.correctsId ? { corrects: stored.correctsId, reason: stored.correctionReason } : {}),
        ...(source ? { answersCopiedFrom: source, answersCopied: copied } : {}),
      },
    });
    return id;
  });
  return assessmentDetail(ctx, id);
}

function assertDraft(a: StoredAssessment): void {
  if (a.status === 'final') throw new DomainError('conflict', finalRefusal(a.assessedOn));
}

export function updateAssessment(ctx: Context, input: UpdateInput): AssessmentDetail {
  const before = loadAssessment(ctx, input.id);
  assertDraft(before);
  assertUnchanged(before, input.expectedUpdatedAt, labelOf(ctx, before));
  checkHeader(ctx, before.clientId, input, setOf(ctx, before).set);
  ctx.write((audit, at) => {
    const after: StoredAssessment = {
      ...before,
      engagementId: input.engagementId,
      assessedOn: input.assessedOn,
      assessor: input.assessor,
      participants: input.participants,
      frameworks: input.frameworks,
      overallRule: input.overallRule,
      notes: input.notes,
      updatedAt: at,
    };
    ctx.repos.assessments.updateHeader(after);
    const fields = ['engagementId', 'assessedOn', 'assessor', 'participants', 'frameworks', 'overallRule', 'notes'] as const;
    const changed = fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    audit({
      entity: 'maturity_assessment',
      entityId: before.id,
      label: labelOf(ctx, after),
      action: 'update',
      before: Object.fromEntries(changed.map((f) => [f, before[f]])),
      after: Object.fromEntries(changed.map((f) => [f, after[f]])),
    });
  });
  return assessmentDetail(ctx, input.id);
}

/** Saves answers of a draft, all or nothing: an answer to a criterion outside its framework version refuses the lot. */
export function answerAssessment(ctx: Context, input: { id: string; answers: AnswerValues[] }): AssessmentDetail {
  const a = loadAssessment(ctx, input.id);
  assertDraft(a);
  const { ref, set } = setOf(ctx, a);
  const known = new Set(set.criteria.map((c) => c.id));
  const unknown = unknownCriteria(
    input.answers.map((x) => x.criterionId),
    known,
  );
  if (unknown.length > 0) {
    throw new DomainError(
      'invalid_input',
      unknownCriteriaSentence(unknown, ref),
      input.answers.flatMap((x, i) =>
        known.has(x.criterionId) ? [] : [{ path: `answers.${i}.criterionId`, message: `is not a criterion of ${ref}` }],
      ),
    );
  }
  ctx.write((audit, at) => {
    const before = new Map(ctx.repos.assessments.answers(a.id).map((x) => [x.criterionId, x]));
    const was: Record<string, unknown> = {};
    const now: Record<string, unknown> = {};
    for (const x of input.answers) {
      const old = before.get(x.criterionId) ?? null;
      if (x.answer === null) {
        if (old) ctx.repos.assessments.clearAnswer(a.id, x.criterionId);
        if (old) {
          was[x.criterionId] = brief(old);
          now[x.criterionId] = null;
        }
        continue;
      }
      const next: AssessmentAnswer = {
        criterionId: x.criterionId,
        answer: x.answer,
        evidence: x.evidence,
        links: x.links,
        confidence: x.confidence,
        updatedAt: at,
      };
      if (old && JSON.stringify(brief(old)) === JSON.stringify(brief(next))) continue;
      ctx.repos.assessments.saveAnswer(a.id, next);
      was[x.criterionId] = old ? brief(old) : null;
      now[x.criterionId] = brief(next);
    }
    if (Object.keys(now).length === 0) return;
    ctx.repos.assessments.touch(a.id, at);
    audit({ entity: 'maturity_assessment', entityId: a.id, label: labelOf(ctx, a), action: 'update', before: was, after: now });
  });
  return assessmentDetail(ctx, a.id);
}

const brief = (x: Omit<AssessmentAnswer, 'updatedAt' | 'criterionId'>) => ({
  answer: x.answer,
  evidence: x.evidence,
  links: x.links,
  confidence: x.confidence,
});

export function finaliseAssessment(ctx: Context, id: string): AssessmentDetail {
  const a = loadAssessment(ctx, id);
  assertDraft(a);
  const future = futureDateProblem(a.assessedOn, ctx.today());
  if (future) throw new DomainError('invalid_input', `An assessment ${future}; change its date before finalising it.`);
  ctx.write((audit, at) => {
    const levels = levelsOf(ctx, a);
    ctx.repos.assessments.finalise(id, levels, at);
    audit({
      entity: 'maturity_assessment',
      entityId: id,
      label: labelOf(ctx, a),
      action: 'update',
      before: { status: 'draft' },
      after: { status: 'final', levels: levels.map((l) => ({ framework: l.framework, overall: l.overall })) },
    });
  });
  return assessmentDetail(ctx, id);
}

export function deleteAssessment(ctx: Context, id: string): { id: string } {
  const a = loadAssessment(ctx, id);
  assertDraft(a);
  ctx.write((audit) => {
    const answers = ctx.repos.assessments.answers(id);
    ctx.repos.assessments.deleteDraft(id);
    audit({
      entity: 'maturity_assessment',
      entityId: id,
      label: labelOf(ctx, a),
      action: 'delete',
      before: { assessedOn: a.assessedOn, status: a.status, answers: answers.length },
      after: null,
    });
  });
  return { id };
}
