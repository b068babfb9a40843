import { defineArea, listOf } from '@backend/core/area';
import { clockThresholds } from '@backend/core/continuitySettings';
import { summaryOf } from '@shared/kernel/summary';
import { DEFAULT_RADAR_WEEKS } from '@shared/plan/contract/plan';
import { planAreaProcedures } from '@shared/plan/procedures';
import { createAbsence, deleteAbsence, updateAbsence } from './absenceService';
import { allocationDetail, cancelAllocation, createAllocation, updateAllocation } from './allocationService';
import { forecast, rollOffCount, rollOffRadar, specialistCapacity, timeline, timelineView } from './planService';
import { planWorkbook } from './planWorkbook';
import { planRepositories } from './repositories';
import { planSample } from './sample';
import { namePlanBeforeStart } from './specialistHooks';
import {
  createStaffingRequest,
  declineStaffingRequest,
  fillStaffingRequest,
  getStaffingRequest,
  setStaffingStage,
  staffingItem,
  updateStaffingRequest,
} from './staffingService';

/** Allocations and absences, staffing requests, the timeline, roll-off radar, bench and capacity forecast. */
export const planArea = defineArea({
  id: 'plan',
  procedures: planAreaProcedures,
  repositories: planRepositories,
  sample: planSample,
  hooks: { 'clients.specialistStartMoving': namePlanBeforeStart },
  handlers: (ctx) => {
    const { allocations, absences, staffing } = ctx.repos;
    return {
      'allocations.list': (input) => listOf(allocations.list(input)),
      'allocations.get': ({ id }) => allocationDetail(ctx, id),
      'allocations.create': (input) => createAllocation(ctx, input),
      'allocations.update': (input) => updateAllocation(ctx, input),
      'allocations.cancel': ({ id, reason }) => cancelAllocation(ctx, id, reason),

      'absences.list': (input) => listOf(absences.list(input)),
      'absences.create': (input) => createAbsence(ctx, input),
      'absences.update': (input) => updateAbsence(ctx, input),
      'absences.delete': ({ id }) => deleteAbsence(ctx, id),

      'staffing.list': (input) => {
        const thresholds = clockThresholds(ctx);
        const rows = staffing.list(input).map((r) => staffingItem(ctx, r, thresholds));
        return { rows, total: rows.length };
      },
      'staffing.get': ({ id }) => getStaffingRequest(ctx, id),
      'staffing.create': (input) => createStaffingRequest(ctx, input),
      'staffing.update': (input) => updateStaffingRequest(ctx, input),
      'staffing.setStage': ({ id, stage }) => setStaffingStage(ctx, id, stage),
      'staffing.fill': (input) => fillStaffingRequest(ctx, input),
      'staffing.decline': ({ id, reason }) => declineStaffingRequest(ctx, id, reason),

      'plan.timeline': (input) => timeline(ctx, input),
      'plan.rollOff': ({ weeks }) => rollOffRadar(ctx, weeks),
      'plan.forecast': (input) => forecast(ctx, input),
      'plan.capacity': (input) => specialistCapacity(ctx, input),
      'plan.export': async ({ weeks, months, ...view }) => {
        const buffer = await planWorkbook(
          {
            timeline: timelineView(ctx, view),
            radar: rollOffRadar(ctx, weeks),
            forecast: forecast(ctx, { from: view.from, months }),
          },
          new Date(ctx.now()),
        );
        return { fileName: `keel-plan-${view.from}.xlsx`, base64: buffer.toString('base64'), bytes: buffer.length };
      },
    };
  },
  summary: (ctx) => {
    const thresholds = clockThresholds(ctx);
    const open = ctx.repos.staffing.list({ state: 'open' }).map((r) => staffingItem(ctx, r, thresholds));
    return summaryOf('plan', [
      {
        label: 'overdue staffing requests',
        one: 'overdue staffing request',
        count: open.filter((r) => r.clock.overdue).length,
        tone: 'critical',
        entry: 'staffing',
      },
      {
        label: `roll-offs within ${DEFAULT_RADAR_WEEKS} weeks`,
        one: `roll-off within ${DEFAULT_RADAR_WEEKS} weeks`,
        count: rollOffCount(ctx, DEFAULT_RADAR_WEEKS),
        tone: 'attention',
        entry: 'allocations',
      },
    ]);
  },
});
