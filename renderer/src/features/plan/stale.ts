import type { StaleDeclarations } from '@renderer/api/stale';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';
import type { planAreaProcedures } from '@shared/plan/procedures';

const ALWAYS = ['audit.list', 'app.summaries'] as const satisfies readonly QueryName[];

/**
 * The ownership checks read allocations and time off: a person named while not allocated, an Accountable
 * rolling off, an Accountable and a Backup away together; a person's load lists their roll-offs.
 */
const OWNERSHIP_CHECKS = [
  'ownership.matrix',
  'ownership.findings',
  'ownership.personLoad',
  'ownership.risk',
  'ownership.whoResponds',
] as const satisfies readonly QueryName[];

/** The plan's views over people and weeks. */
const PLAN_VIEWS = ['plan.timeline', 'plan.rollOff', 'plan.forecast', 'plan.capacity'] as const satisfies readonly QueryName[];

/**
 * An allocation decides who is where: the plan's views, the staffing request
 * it fills, the continuity board (open roles, replacements it fulfils), the
 * timesheet (which engagements a person can book on) and the month review's
 * checks against the plan.
 */
const ALLOCATION = [
  'allocations.list',
  'allocations.get',
  ...PLAN_VIEWS,
  'staffing.list',
  'staffing.get',
  'continuity.board',
  'replacements.list',
  'replacements.get',
  'specialists.list',
  'specialists.get',
  'time.week',
  'months.list',
  'months.review',
  ...OWNERSHIP_CHECKS,
] as const satisfies readonly QueryName[];

/** An absence changes capacity, the timesheet's days, the month review's checks and the ownership's absence gaps. */
const ABSENCE = ['absences.list', ...PLAN_VIEWS, 'time.week', 'months.review', ...OWNERSHIP_CHECKS] as const satisfies readonly QueryName[];

/** A staffing request shows on its list, on the timeline (open roles) and on the continuity board (fill targets). */
const STAFFING = [
  'staffing.list',
  'staffing.get',
  'plan.timeline',
  'plan.forecast',
  'continuity.board',
] as const satisfies readonly QueryName[];

/** What each command of the plan area makes stale (a missing command is a type error). */
export const planStale: StaleDeclarations<CommandNamesOf<typeof planAreaProcedures>> = {
  'allocations.create': [...ALLOCATION, ...ALWAYS],
  'allocations.update': [...ALLOCATION, ...ALWAYS],
  'allocations.cancel': [...ALLOCATION, ...ALWAYS],
  'absences.create': [...ABSENCE, ...ALWAYS],
  'absences.update': [...ABSENCE, ...ALWAYS],
  'absences.delete': [...ABSENCE, ...ALWAYS],
  'staffing.create': [...STAFFING, ...ALWAYS],
  'staffing.update': [...STAFFING, ...ALWAYS],
  'staffing.setStage': [...STAFFING, ...ALWAYS],
  'staffing.decline': [...STAFFING, ...ALWAYS],
  // Filling a request books the chosen person: an allocation is created.
  'staffing.fill': [...STAFFING, ...ALLOCATION, ...ALWAYS],
  // Writes a workbook; no data changes.
  'plan.export': [],
};
