import type { Context } from '@backend/core/context';
import { createSampleRun, type SampleStep } from '@backend/core/sample';
import type { SampleLoadResult } from '@shared/app/contract';
import { canLoadSampleData } from '@shared/clients/rules/lifecycle';
import { DomainError } from '@shared/kernel/errors';

const NO_RECORDS: SampleLoadResult = {
  clients: 0,
  engagements: 0,
  specialists: 0,
  allocations: 0,
  absences: 0,
  staffingRequests: 0,
  replacementRequests: 0,
  timeEntries: 0,
  invoices: 0,
  contacts: 0,
  models: 0,
  versions: 0,
  approvals: 0,
  assets: 0,
  assignments: 0,
  assessments: 0,
  targets: 0,
  slos: 0,
  readings: 0,
  ceremonySeries: 0,
  ceremonyOccurrences: 0,
  actionItems: 0,
  freezes: 0,
  retrainingPolicies: 0,
  retrainingRuns: 0,
  incidents: 0,
  costLines: 0,
  costBudgets: 0,
  environments: 0,
  deployments: 0,
};

/**
 * Loads the sample dataset through the ordinary services (so it is validated
 * and audited like any other change), all in one transaction: each area's
 * step in order, its dates moved to today (core/sample.ts). The counts the
 * steps report are added up by name into the result.
 */
/**
 * Loads the areas' sample steps, in the registry's order (people and engagements, the plan, continuity —
 * fulfilled replacements change who is allocated — then billing, whose hours follow the allocations).
 */
export function loadSampleData(ctx: Context, steps: readonly SampleStep[]): SampleLoadResult {
  const { clients, engagements, specialists } = ctx.repos;
  if (!canLoadSampleData({ clients: clients.count(), engagements: engagements.count(), specialists: specialists.count() })) {
    throw new DomainError('conflict', 'Sample data can only be loaded into an empty database; this one already holds records.');
  }
  return ctx.write((audit) => {
    const run = createSampleRun(ctx.today());
    const result: SampleLoadResult & Record<string, number> = { ...NO_RECORDS };
    for (const step of steps) {
      for (const [name, count] of Object.entries(step.load(ctx, run))) result[name] = (result[name] ?? 0) + count;
    }
    audit({ entity: 'dataset', entityId: 'sample', label: 'Sample data', action: 'import', before: null, after: result });
    return result;
  });
}
