import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { watchFacts } from '@backend/monitoring/facts';
import { graveyardOf, portfolioSettings } from '@backend/portfolio/portfolioService';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import {
  type AssessedLevels,
  type ClientMaturity,
  COMPARISON_MIN_CLIENTS,
  type MaturityOverview,
  type MaturityTarget,
  type ReadinessCheck,
  type readinessInput,
  type targetInput,
} from '@shared/maturity/contract/overview';
import { type Axis, briefOf, comparisonOf, type FinalLevels, latestPerClient, trendOf } from '@shared/maturity/rules/compare';
import type { Framework, FrameworkSet } from '@shared/maturity/rules/framework';
import { readinessOf } from '@shared/maturity/rules/readiness';
import { gapsOf, targetProblem } from '@shared/maturity/rules/targets';
import type { Answer, FrameworkKey } from '@shared/maturity/rules/vocabulary';
import type { z } from 'zod';
import type { StoredAssessment } from './assessmentRepository';
import { levelsOf, setOf } from './assessmentService';
import { crossCheckOf } from './crossCheckService';
import { newestOf } from './frameworks';

function clientOrThrow(ctx: Context, clientId: string) {
  const client = ctx.repos.clients.get(clientId);
  if (!client) throw unknownReference('Client', clientId, 'clientId');
  return client;
}

const axesOf = (set: FrameworkSet): Axis[] => set.frameworks.map((f) => ({ key: f.key, dimensions: f.dimensions }));

const assessed = (ctx: Context, a: StoredAssessment | undefined): AssessedLevels | null =>
  a ? { assessmentId: a.id, assessedOn: a.assessedOn, levels: levelsOf(ctx, a) } : null;

/** The level reached on one dimension by an assessment read against that framework, or null. */
function levelIn(levels: AssessedLevels | null, framework: FrameworkKey, dimension: string): number | null {
  return levels?.levels.find((l) => l.framework === framework)?.dimensions.find((d) => d.dimension === dimension)?.level ?? null;
}

/** The framework a target is measured on: the current assessment's copy, else the newest Keel ships. */
function frameworkFor(set: FrameworkSet, key: FrameworkKey): Framework | null {
  return set.frameworks.find((f) => f.key === key) ?? null;
}

export function maturityOverview(ctx: Context, clientId: string): MaturityOverview {
  const client = clientOrThrow(ctx, clientId);
  const today = ctx.today();
  const finals = ctx.repos.assessments.list({ clientId, status: 'final' });
  const drafts = ctx.repos.assessments.list({ clientId, status: 'draft' });
  const currentRow = finals[0];
  const current = assessed(ctx, currentRow);
  const previous = assessed(ctx, finals[1]);
  const newest = newestOf().set;
  const currentSet = currentRow ? setOf(ctx, currentRow).set : newest;
  const answers: Map<string, Answer> = currentRow
    ? new Map(ctx.repos.assessments.answers(currentRow.id).map((a) => [a.criterionId, a.answer]))
    : new Map();
  const targets = ctx.repos.maturityTargets.ofClient(clientId);
  const gaps = gapsOf(currentSet, current?.levels ?? [], answers, targets, today);
  const allFinals = ctx.repos.assessments.finals();
  const axes = axesOf(newest);
  const crossChecks = currentRow ? crossCheckOf(ctx, clientId, currentSet, answers) : [];
  return {
    clientId,
    clientName: client.name,
    today,
    current,
    previous,
    draft: drafts[0] ? { id: drafts[0].id, assessedOn: drafts[0].assessedOn } : null,
    frameworks: newest.frameworks.map((f) => ({
      key: f.key,
      name: f.name,
      levels: f.levels.map((l) => ({ level: l.level, name: l.name })),
      dimensions: f.dimensions.map((d) => ({ key: d.key, name: d.name })),
    })),
    trend: trendOf(
      allFinals.filter((f) => f.clientId === clientId),
      axes,
    ),
    targets,
    gaps,
    comparison: comparisonOf(clientId, latestPerClient(allFinals), axes, COMPARISON_MIN_CLIENTS),
    crossChecks,
    contradictions: crossChecks.filter((c) => c.verdict === 'contradicts').length,
  };
}

/**
 * Every client's maturity in one read: the final assessments' kept levels (never recomputed), the open drafts'
 * levels computed from their answers, the change of the overall level and the trend per dimension.
 */
export function maturityClients(ctx: Context): ClientMaturity[] {
  const byClient = new Map<string, FinalLevels[]>();
  for (const f of ctx.repos.assessments.finals()) {
    const list = byClient.get(f.clientId);
    if (list) list.push(f);
    else byClient.set(f.clientId, [f]);
  }
  const drafts = new Map<string, StoredAssessment>();
  for (const d of ctx.repos.assessments.list({ status: 'draft' })) if (!drafts.has(d.clientId)) drafts.set(d.clientId, d);
  const draftAnswers = ctx.repos.assessments.answersOf([...drafts.values()].map((d) => d.id));
  const axes = axesOf(newestOf().set);
  return ctx.repos.maturityFacts.activeClients().map(({ id, name }) => {
    const finals = byClient.get(id) ?? []; // oldest first
    const current = finals.at(-1);
    const before = finals.at(-2);
    const draft = drafts.get(id);
    return {
      clientId: id,
      clientName: name,
      finals: finals.length,
      current: current ? { assessmentId: current.id, assessedOn: current.assessedOn, levels: current.levels } : null,
      change: axes.map((a) => {
        const now = current?.levels.find((l) => l.framework === a.key)?.overall;
        const then = before?.levels.find((l) => l.framework === a.key)?.overall;
        return { framework: a.key, by: now === undefined || then === undefined ? null : now - then };
      }),
      draft: draft
        ? {
            assessmentId: draft.id,
            assessedOn: draft.assessedOn,
            levels: briefOf(levelsOf(ctx, draft, draftAnswers.get(draft.id) ?? new Map())),
          }
        : null,
      trend: trendOf(finals, axes),
    };
  });
}

type TargetInput = z.output<typeof targetInput>;

export function setTarget(ctx: Context, input: TargetInput): MaturityTarget {
  const client = clientOrThrow(ctx, input.clientId);
  const finals = ctx.repos.assessments.list({ clientId: client.id, status: 'final' });
  const current = assessed(ctx, finals[0]);
  const set = finals[0] ? setOf(ctx, finals[0]).set : newestOf().set;
  const framework = frameworkFor(set, input.framework);
  if (!framework) {
    throw new DomainError('invalid_input', `The framework ${input.framework} is not part of ${set.name}.`, [
      { path: 'framework', message: 'is not a framework of the current version' },
    ]);
  }
  const reached = levelIn(current, input.framework, input.dimension);
  const problem = targetProblem(framework, input, reached);
  if (problem) {
    const dimension = framework.dimensions.find((d) => d.key === input.dimension)?.name ?? input.dimension;
    const sentence =
      problem.path === 'reason'
        ? `A target below the level already reached needs a reason: ${dimension} is at level ${reached}, the target is ${input.level}.`
        : problem.path === 'level'
          ? `${framework.name} has levels 0 to ${framework.levels.length - 1}.`
          : `${framework.name} has no dimension “${input.dimension}”.`;
    throw new DomainError('invalid_input', sentence, [problem]);
  }
  return ctx.write((audit, at) => {
    const before = ctx.repos.maturityTargets.find(client.id, input.framework, input.dimension);
    const target: MaturityTarget = {
      id: before?.id ?? newId(),
      clientId: client.id,
      framework: input.framework,
      dimension: input.dimension,
      level: input.level,
      dueOn: input.dueOn,
      reason: input.reason,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    ctx.repos.maturityTargets.save(target);
    const dimension = framework.dimensions.find((d) => d.key === input.dimension)?.name ?? input.dimension;
    audit({
      entity: 'maturity_target',
      entityId: target.id,
      label: `${client.name}: ${framework.name}, ${dimension} target`,
      action: before ? 'update' : 'create',
      before: before ? { level: before.level, dueOn: before.dueOn, reason: before.reason } : null,
      after: { level: target.level, dueOn: target.dueOn, reason: target.reason },
    });
    return target;
  });
}

export function removeTarget(ctx: Context, id: string): { id: string } {
  const target = ctx.repos.maturityTargets.get(id);
  if (!target) throw notFound('Target', id);
  ctx.write((audit) => {
    ctx.repos.maturityTargets.delete(id);
    audit({
      entity: 'maturity_target',
      entityId: id,
      label: `${ctx.repos.clients.get(target.clientId)?.name ?? 'Unknown client'}: ${target.framework} ${target.dimension} target`,
      action: 'delete',
      before: { level: target.level, dueOn: target.dueOn, reason: target.reason },
      after: null,
    });
  });
  return { id };
}

export function readinessCheck(ctx: Context, clientId: string): ReadinessCheck {
  clientOrThrow(ctx, clientId);
  const stored = ctx.repos.maturityTargets.readiness(clientId);
  const counts = ctx.repos.maturityFacts.readinessCounts(clientId);
  const watched = [...watchFacts(ctx, clientId).values()];
  const facts = {
    ...counts,
    graveyard: graveyardOf(ctx, clientId).length,
    graveyardDays: portfolioSettings(ctx).graveyardDays,
    production: watched.length,
    silentProduction: watched.filter((w) => !w.hasSlos || !w.monitoredRecently).length,
  };
  const answers = stored?.answers ?? {};
  return { ...readinessOf(facts, answers), clientId, answers, notes: stored?.notes ?? '', updatedAt: stored?.updatedAt ?? null };
}

export function saveReadiness(ctx: Context, input: z.output<typeof readinessInput>): ReadinessCheck {
  const client = clientOrThrow(ctx, input.clientId);
  const answers = Object.fromEntries(Object.entries(input.answers).filter(([, v]) => v !== null && v !== undefined));
  ctx.write((audit, at) => {
    const before = ctx.repos.maturityTargets.readiness(client.id);
    ctx.repos.maturityTargets.saveReadiness(client.id, { answers, notes: input.notes, updatedAt: at });
    audit({
      entity: 'maturity_readiness',
      entityId: client.id,
      label: `${client.name}: readiness check`,
      action: before ? 'update' : 'create',
      before: before ? { answers: before.answers, notes: before.notes } : null,
      after: { answers, notes: input.notes },
    });
  });
  return readinessCheck(ctx, client.id);
}
