import type { StaleDeclarations } from '@renderer/api/stale';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';
import type { ownershipAreaProcedures } from '@shared/ownership/procedures';

const ALWAYS = ['audit.list', 'app.summaries'] as const satisfies readonly QueryName[];

/**
 * What the checks read: the matrix (its cells and their colours), the findings, every person's load
 * (holdings, single-point-of-failure count) and the continuity ranking built from them.
 */
const CHECKS = ['ownership.matrix', 'ownership.findings', 'ownership.personLoad', 'ownership.risk'] as const satisfies readonly QueryName[];

/** An assignment also shows in its cell's history and decides who responds to an incident. */
const ASSIGNMENT = [...CHECKS, 'ownership.assignments', 'ownership.whoResponds'] as const satisfies readonly QueryName[];

/** What each command of the ownership area makes stale (a missing command is a type error). */
export const ownershipStale: StaleDeclarations<CommandNamesOf<typeof ownershipAreaProcedures>> = {
  // An asset is a row of the matrix: its in-service days and its models decide what it inherits and what is checked.
  'assets.create': ['assets.list', ...CHECKS, ...ALWAYS],
  'assets.update': ['assets.list', ...CHECKS, 'ownership.assignments', ...ALWAYS],
  'assets.archive': ['assets.list', ...CHECKS, ...ALWAYS],
  // Duties are the matrix's columns; which apply to which asset type decides the n/a cells.
  'duties.create': ['duties.list', ...CHECKS, ...ALWAYS],
  'duties.retire': ['duties.list', ...CHECKS, 'ownership.whoResponds', ...ALWAYS],
  'duties.setApplicable': ['duties.list', ...CHECKS, ...ALWAYS],
  'ownership.assign': [...ASSIGNMENT, ...ALWAYS],
  'ownership.endAssignment': [...ASSIGNMENT, ...ALWAYS],
  'ownership.removeAssignment': [...ASSIGNMENT, ...ALWAYS],
  'ownership.bulkAssign': [...ASSIGNMENT, ...ALWAYS],
  'ownership.handover': [...ASSIGNMENT, ...ALWAYS],
  // The thresholds decide single points of failure, the horizon and which duties need a Backup.
  'ownership.updateSettings': ['ownership.settings', ...CHECKS, ...ALWAYS],
  // The workbook writes nothing.
  'ownership.export': [],
};
