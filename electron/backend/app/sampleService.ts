import { loadSampleHours } from '@backend/billing/sampleHoursService';
import { createClient } from '@backend/clients/clientService';
import { createEngagement } from '@backend/clients/engagementService';
import { SAMPLE_CLIENTS, SAMPLE_ENGAGEMENTS, SAMPLE_SPECIALISTS } from '@backend/clients/sampleData';
import { createSpecialist } from '@backend/clients/specialistService';
import { loadSampleReplacements } from '@backend/continuity/sampleReplacementService';
import type { Context } from '@backend/core/context';
import { lookup } from '@backend/core/sampleLookup';
import { createAbsence } from '@backend/plan/absenceService';
import { createAllocation } from '@backend/plan/allocationService';
import { SAMPLE_ABSENCES, SAMPLE_ALLOCATIONS, SAMPLE_STAFFING_REQUESTS } from '@backend/plan/samplePlan';
import { createStaffingRequest, declineStaffingRequest, fillStaffingRequest, setStaffingStage } from '@backend/plan/staffingService';
import { canLoadSampleData } from '@shared/clients/rules/lifecycle';
import type { SampleLoadResult } from '@shared/contract';
import { DomainError } from '@shared/kernel/errors';

/**
 * Loads the sample dataset through the ordinary services (so it is validated
 * and audited like any other change), all in one transaction.
 */
export function loadSampleData(ctx: Context): SampleLoadResult {
  const { clients, engagements, specialists } = ctx.repos;
  if (!canLoadSampleData({ clients: clients.count(), engagements: engagements.count(), specialists: specialists.count() })) {
    throw new DomainError('conflict', 'Sample data can only be loaded into an empty database; this one already holds records.');
  }
  return ctx.write((audit) => {
    const clientIds = new Map<string, string>();
    for (const fields of SAMPLE_CLIENTS) clientIds.set(fields.name, createClient(ctx, fields).id);
    const engagementIds = new Map<string, string>();
    for (const { client, ...fields } of SAMPLE_ENGAGEMENTS) {
      engagementIds.set(fields.name, createEngagement(ctx, { ...fields, clientId: lookup(clientIds, client) }).id);
    }
    const specialistIds = new Map<string, string>();
    for (const fields of SAMPLE_SPECIALISTS) specialistIds.set(fields.fullName, createSpecialist(ctx, { ...fields, dailyMinutes: 480 }).id);
    for (const { specialist, engagement, note = '', ...fields } of SAMPLE_ALLOCATIONS) {
      createAllocation(ctx, {
        ...fields,
        note,
        specialistId: lookup(specialistIds, specialist),
        engagementId: lookup(engagementIds, engagement),
      });
    }
    for (const { specialist, ...fields } of SAMPLE_ABSENCES)
      createAbsence(ctx, { ...fields, specialistId: lookup(specialistIds, specialist) });
    for (const { engagement, outcome, ...fields } of SAMPLE_STAFFING_REQUESTS) {
      const { id, startDate } = createStaffingRequest(ctx, { ...fields, engagementId: lookup(engagementIds, engagement), targetWeeks: 4 });
      if ('stage' in outcome) {
        if (outcome.stage !== 'defined') setStaffingStage(ctx, id, outcome.stage);
      } else if ('declined' in outcome) {
        declineStaffingRequest(ctx, id, outcome.declined);
      } else {
        const specialistId = lookup(specialistIds, outcome.filledBy);
        fillStaffingRequest(ctx, {
          id,
          specialistId,
          startDate,
          endDate: outcome.endDate,
          status: 'confirmed',
          filledOn: outcome.filledOn,
        });
      }
    }
    // Before the hours: fulfilled replacements change who is allocated, and the hours follow the allocations.
    const replacementRequests = loadSampleReplacements(ctx, engagementIds, specialistIds);
    const hours = loadSampleHours(ctx, engagementIds, specialistIds, audit);
    const result = {
      clients: SAMPLE_CLIENTS.length,
      engagements: SAMPLE_ENGAGEMENTS.length,
      specialists: SAMPLE_SPECIALISTS.length,
      allocations: ctx.repos.allocations.count(),
      absences: SAMPLE_ABSENCES.length,
      staffingRequests: SAMPLE_STAFFING_REQUESTS.length,
      replacementRequests,
      ...hours,
    };
    audit({ entity: 'dataset', entityId: 'sample', label: 'Sample data', action: 'import', before: null, after: result });
    return result;
  });
}
