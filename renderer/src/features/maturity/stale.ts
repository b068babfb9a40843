import type { StaleDeclarations } from '@renderer/api/stale';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';
import type { maturityAreaProcedures } from '@shared/maturity/procedures';

const ALWAYS = ['audit.list', 'app.summaries'] as const satisfies readonly QueryName[];

/** An assessment's answers and status change its levels, the client's overview, trend and the across-clients view. */
const ASSESSMENT = ['assessments.list', 'assessments.get', 'maturity.client', 'maturity.clients'] as const satisfies readonly QueryName[];

/** What each command of the maturity area makes stale (a missing command is a type error). */
export const maturityStale: StaleDeclarations<CommandNamesOf<typeof maturityAreaProcedures>> = {
  'assessments.create': [...ASSESSMENT, ...ALWAYS],
  'assessments.update': [...ASSESSMENT, ...ALWAYS],
  'assessments.answer': [...ASSESSMENT, ...ALWAYS],
  'assessments.finalise': [...ASSESSMENT, ...ALWAYS],
  'assessments.delete': [...ASSESSMENT, ...ALWAYS],
  // A target moves the gaps and next steps of the overview and the exports.
  'maturity.setTarget': ['maturity.client', ...ALWAYS],
  'maturity.removeTarget': ['maturity.client', ...ALWAYS],
  'maturity.saveReadiness': ['maturity.readiness', ...ALWAYS],
};
