import type { StaleDeclarations } from '@renderer/api/stale';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';
import type { operationsAreaProcedures } from '@shared/operations/procedures';

const ALWAYS = ['audit.list', 'app.summaries', 'operations.overview'] as const satisfies readonly QueryName[];
const RETRAINING = ['retraining.forModel', 'retraining.due'] as const satisfies readonly QueryName[];
const INCIDENTS = ['incidents.list', 'incidents.get'] as const satisfies readonly QueryName[];
const COSTS = ['costs.forModel', 'costs.client'] as const satisfies readonly QueryName[];
/** A rollback is a deployment; a review is a ceremony. */
const ELSEWHERE = [
  'deployments.list',
  'portfolio.asOf',
  'models.get',
  'ceremonies.list',
  'ceremonies.calendar',
  'ceremonies.health',
  'ceremonies.forModel',
] as const satisfies readonly QueryName[];

/** What each command of the operations area makes stale (a missing command is a type error). */
export const operationsStale: StaleDeclarations<CommandNamesOf<typeof operationsAreaProcedures>> = {
  'retraining.setPolicy': [...RETRAINING, ...ALWAYS],
  // A run may register a version.
  'retraining.log': [...RETRAINING, 'versions.list', 'models.get', ...ALWAYS],
  'incidents.open': [...INCIDENTS, ...ALWAYS],
  'incidents.acknowledge': [...INCIDENTS, ...ALWAYS],
  'incidents.note': [...INCIDENTS, ...ALWAYS],
  'incidents.setResponder': [...INCIDENTS, ...ALWAYS],
  'incidents.mitigate': [...INCIDENTS, ...ELSEWHERE, ...ALWAYS],
  'incidents.resolve': [...INCIDENTS, ...ELSEWHERE, ...ALWAYS],
  'operations.updateSettings': ['operations.settings', ...INCIDENTS, ...ALWAYS],
  // A file is written; nothing Keel shows changes.
  'operations.export': [],
  'costs.set': [...COSTS, ...ALWAYS],
  'costs.setBudget': [...COSTS, ...ALWAYS],
  'costs.saveMapping': ['costs.mapping', ...ALWAYS],
  'costs.import': [...COSTS, ...ALWAYS],
};
