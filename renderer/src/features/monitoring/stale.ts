import type { StaleDeclarations } from '@renderer/api/stale';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';
import type { monitoringAreaProcedures } from '@shared/monitoring/procedures';

const ALWAYS = ['audit.list', 'app.summaries'] as const satisfies readonly QueryName[];

/** Whatever SLOs or readings change moves every evaluation: the board, a model's page, attainment, the maturity cross-check. */
const EVALUATIONS = [
  'monitoring.board',
  'monitoring.model',
  'monitoring.attainment',
  'maturity.client',
  'maturity.readiness',
] as const satisfies readonly QueryName[];
const SLOS = ['slos.list', ...EVALUATIONS] as const satisfies readonly QueryName[];
const READINGS = ['readings.imports', 'monitoring.inbox', ...EVALUATIONS] as const satisfies readonly QueryName[];

/** What each command of the monitoring area makes stale (a missing command is a type error). */
export const monitoringStale: StaleDeclarations<CommandNamesOf<typeof monitoringAreaProcedures>> = {
  'slos.create': [...SLOS, ...ALWAYS],
  'slos.update': [...SLOS, ...ALWAYS],
  'slos.remove': [...SLOS, ...ALWAYS],
  'slos.applyTemplate': [...SLOS, ...ALWAYS],
  'readings.import': [...READINGS, ...ALWAYS],
  'readings.record': [...READINGS, ...ALWAYS],
  'monitoring.scanInbox': [...READINGS, ...ALWAYS],
  'monitoring.saveMapping': ['monitoring.mapping', ...ALWAYS],
  'monitoring.updateSettings': ['monitoring.settings', ...EVALUATIONS, ...ALWAYS],
  // Files are written; nothing Keel shows changes.
  'readings.export': [],
  'monitoring.export': [],
};
