import type { Context } from '@backend/core/context';
import { watchFacts } from '@backend/monitoring/facts';
import { retrainingFacts } from '@backend/operations/facts';
import { checkAll } from '@backend/ownership/matrixService';
import { type CrossCheck, crossCheck, type Measurement, measure, type ProductionModelFacts } from '@shared/maturity/rules/crossCheck';
import type { FrameworkSet } from '@shared/maturity/rules/framework';
import type { Answer } from '@shared/maturity/rules/vocabulary';
import { modelCardGaps } from '@shared/portfolio/rules/card';

/**
 * What Keel sees of a client's production models today, from the portfolio (versions, training data, approvals,
 * the champion serving, the card), the ownership matrix (errors on the model) and monitoring (SLOs, recent
 * readings, drift SLOs): the facts the measured
 * criteria are checked against.
 */
export function productionFacts(ctx: Context, clientId: string): ProductionModelFacts[] {
  const today = ctx.today();
  const models = ctx.repos.maturityFacts.productionModels(clientId, ctx.now(), today);
  if (models.length === 0) return [];
  const engagements = ctx.repos.maturityFacts.productionEngagements(clientId);
  const withErrors = new Set<string>();
  if (engagements.length > 0) {
    for (const checked of checkAll(ctx, engagements, today).checked) {
      for (const f of checked.findings) if (f.severity === 'error' && f.modelId) withErrors.add(f.modelId);
    }
  }
  const watched = watchFacts(ctx, clientId);
  const retraining = retrainingFacts(
    ctx,
    clientId,
    models.map((m) => m.id),
  );
  return models.map((m) => ({
    modelId: m.id,
    name: m.name,
    lineage: m.hasVersions && m.trainingData.trim() !== '',
    approvedChampion: m.championApproved,
    // A model no engagement holds has no matrix: its ownership is not documented.
    ownershipDocumented: m.engagementId !== null && !withErrors.has(m.id),
    cardComplete: modelCardGaps({ useCase: m.useCase, hasBusinessOwner: m.hasBusinessOwner }, m.narrative).length === 0,
    rollbackPossible: m.otherApproved,
    hasSlos: watched.get(m.id)?.hasSlos ?? false,
    monitoredRecently: watched.get(m.id)?.monitoredRecently ?? false,
    driftWatched: watched.get(m.id)?.driftWatched ?? false,
    retrainingTriggers: retraining.get(m.id)?.automatedTriggers ?? false,
    retrainedOnCadence: retraining.get(m.id)?.onCadence ?? false,
    rollbacksApproved: m.otherApproved && (retraining.get(m.id)?.rollbacksApproved ?? true),
  }));
}

export function measurementsOf(ctx: Context, clientId: string): Measurement[] {
  return measure(productionFacts(ctx, clientId));
}

/** Every measured criterion of the set, its answer checked against today's measurement. */
export function crossCheckOf(ctx: Context, clientId: string, set: FrameworkSet, answers: ReadonlyMap<string, Answer>): CrossCheck[] {
  if (!set.criteria.some((c) => c.measure !== null)) return [];
  return crossCheck(set.criteria, answers, measurementsOf(ctx, clientId));
}
