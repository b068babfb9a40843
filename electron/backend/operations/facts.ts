import type { Context } from '@backend/core/context';
import { approvalsStandingAt } from '@shared/portfolio/rules/deployments';
import { retrainingDueOf } from './retrainingService';

/** What operations knows of a client's models, for other areas (the maturity cross-check). */
export type RetrainingFacts = {
  /** The policy enables a trigger production metrics pull: performance degradation or concept drift. */
  automatedTriggers: boolean;
  /** Retrained by schedule or on new data, and not overdue on its cadence. */
  onCadence: boolean;
  /** Every rollback it had went to a version with an approval standing then. */
  rollbacksApproved: boolean;
};

export function retrainingFacts(ctx: Context, clientId: string, modelIds: readonly string[]): Map<string, RetrainingFacts> {
  const out = new Map<string, RetrainingFacts>();
  if (modelIds.length === 0) return out;
  const policies = ctx.repos.operations.policies(modelIds);
  const overdue = new Set(
    retrainingDueOf(ctx, clientId)
      .filter((d) => d.overdue)
      .map((d) => d.modelId),
  );
  for (const id of modelIds) {
    const p = policies.get(id);
    const rollbacks = ctx.repos.deployments.ofModel(id).filter((d) => d.rollbackReason !== '');
    out.set(id, {
      automatedTriggers: Boolean(p && (p.triggers.degradation || p.triggers.drift)),
      onCadence: Boolean(p && ((p.triggers.schedule && p.cadence) || p.triggers.new_data) && !overdue.has(id)),
      rollbacksApproved: rollbacks.every((d) => approvalsStandingAt(ctx.repos.versions.approvalsOf(d.versionId), d.from).length > 0),
    });
  }
  return out;
}
