import { costsProcedures } from './contract/costs';
import { incidentsProcedures } from './contract/incidents';
import { operationsOverviewProcedures } from './contract/overview';
import { retrainingProcedures } from './contract/retraining';

/** Every procedure of the operations area: retraining, incidents, run cost, the overview, its settings and export. */
export const operationsAreaProcedures = {
  ...retrainingProcedures,
  ...incidentsProcedures,
  ...operationsOverviewProcedures,
  ...costsProcedures,
};
