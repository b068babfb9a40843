import type { SampleStep } from '@backend/core/sample';
import { DEFAULT_TARGET_WEEKS } from '@shared/plan/rules/staffing';
import { createAbsence } from './absenceService';
import { createAllocation } from './allocationService';
import { SAMPLE_ABSENCES, SAMPLE_ALLOCATIONS, SAMPLE_STAFFING_REQUESTS } from './samplePlan';
import { createStaffingRequest, declineStaffingRequest, fillStaffingRequest, setStaffingStage } from './staffingService';

/** The sample plan: allocations, absences and staffing requests in every stage, their dates moved to the load day. */
export const planSample: SampleStep = {
  area: 'plan',
  load(ctx, run) {
    const before = ctx.repos.allocations.count();
    for (const { specialist, engagement, note = '', ...fields } of SAMPLE_ALLOCATIONS) {
      createAllocation(ctx, {
        ...fields,
        startDate: run.date(fields.startDate),
        endDate: run.date(fields.endDate),
        note,
        specialistId: run.id(specialist),
        engagementId: run.id(engagement),
      });
    }
    for (const { specialist, ...fields } of SAMPLE_ABSENCES) {
      createAbsence(ctx, {
        ...fields,
        startDate: run.date(fields.startDate),
        endDate: run.date(fields.endDate),
        specialistId: run.id(specialist),
      });
    }
    for (const { engagement, outcome, ...fields } of SAMPLE_STAFFING_REQUESTS) {
      const { id, startDate } = createStaffingRequest(ctx, {
        ...fields,
        startDate: run.date(fields.startDate),
        openedOn: run.date(fields.openedOn),
        engagementId: run.id(engagement),
        targetWeeks: DEFAULT_TARGET_WEEKS,
      });
      if ('stage' in outcome) {
        if (outcome.stage !== 'defined') setStaffingStage(ctx, id, outcome.stage);
      } else if ('declined' in outcome) {
        declineStaffingRequest(ctx, id, outcome.declined);
      } else {
        fillStaffingRequest(ctx, {
          id,
          specialistId: run.id(outcome.filledBy),
          startDate,
          endDate: run.date(outcome.endDate),
          status: 'confirmed',
          filledOn: run.date(outcome.filledOn),
        });
      }
    }
    return {
      // The planned allocations and the one a filled staffing request became.
      allocations: ctx.repos.allocations.count() - before,
      absences: SAMPLE_ABSENCES.length,
      staffingRequests: SAMPLE_STAFFING_REQUESTS.length,
    };
  },
};
