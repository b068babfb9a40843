import type { StaleDeclarations } from '@renderer/api/stale';
import type { continuityProcedures } from '@shared/continuity/contract';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';

const ALWAYS = ['audit.list', 'app.summaries'] as const satisfies readonly QueryName[];

/** A replacement request shows on its list and page, on the board and in the quarter's SLA report. */
const REQUEST = ['replacements.list', 'replacements.get', 'continuity.board', 'continuity.report'] as const satisfies readonly QueryName[];

/** Fulfilling a request books the replacement: an allocation is created, which the plan and the timesheet show. */
const FULFILMENT = [
  'allocations.list',
  'allocations.get',
  'plan.timeline',
  'plan.rollOff',
  'plan.forecast',
  'plan.capacity',
  'specialists.list',
  'specialists.get',
  'time.week',
  'months.review',
] as const satisfies readonly QueryName[];

/**
 * Fulfilling can hand the outgoing specialist's duties to the replacement (`handOverDuties`): the
 * ownership matrix, its checks, each person's load, the risk ranking and who responds change with it.
 * A fulfilment without the hand-over still ends an allocation, which the checks (roll-offs, people
 * off the engagement) read. Names of the contract, not imports: continuity does not use ownership.
 */
const DUTIES = [
  'ownership.matrix',
  'ownership.findings',
  'ownership.personLoad',
  'ownership.assignments',
  'ownership.risk',
  'ownership.whoResponds',
] as const satisfies readonly QueryName[];

/** What each command of the continuity area makes stale (a missing command is a type error). */
export const continuityStale: StaleDeclarations<CommandNamesOf<typeof continuityProcedures>> = {
  'replacements.create': [...REQUEST, ...ALWAYS],
  'replacements.update': [...REQUEST, ...ALWAYS],
  'replacements.addPause': [...REQUEST, ...ALWAYS],
  'replacements.updatePause': [...REQUEST, ...ALWAYS],
  'replacements.deletePause': [...REQUEST, ...ALWAYS],
  'replacements.proposeCandidate': [...REQUEST, ...ALWAYS],
  'replacements.decideCandidate': [...REQUEST, ...ALWAYS],
  'replacements.fulfil': [...REQUEST, ...FULFILMENT, ...DUTIES, ...ALWAYS],
  'replacements.cancel': [...REQUEST, ...ALWAYS],
  // The thresholds decide which promises are at risk or urgent.
  'continuity.updateSettings': ['continuity.settings', ...REQUEST, ...ALWAYS],
  // Writes a workbook; no data changes.
  'continuity.export': [],
};
