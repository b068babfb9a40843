import type { Context } from '@backend/core/context';
import type { Rate } from '@shared/billing/rules/rates';
import { type TeamCost, teamCostByModel } from '@shared/billing/rules/teamCost';

/**
 * The team's billed hours on each model, priced by the engagement's rates and rounding, per month between two
 * days (inclusive): keyed `${modelId}|${YYYY-MM}`, in the engagement's currency.
 */
export function teamCostOf(ctx: Context, modelIds: readonly string[], from: string, to: string): Map<string, TeamCost> {
  const entries = ctx.repos.timeEntries.modelEntries(modelIds, from, to);
  if (entries.length === 0) return new Map();
  const rates = new Map<string, Rate[]>();
  for (const r of ctx.repos.billing.ratesInEffect(from, to)) {
    const list = rates.get(r.engagementId);
    if (list) list.push(r);
    else rates.set(r.engagementId, [r]);
  }
  const terms = ctx.repos.billing.allTerms();
  return teamCostByModel(
    entries,
    (engagementId) => rates.get(engagementId) ?? [],
    (engagementId) => terms.get(engagementId)?.roundingMinutes ?? 0,
  );
}
