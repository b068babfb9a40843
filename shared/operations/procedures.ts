import { incidentsProcedures } from './contract/incidents';
import { operationsOverviewProcedures } from './contract/overview';
import { retrainingProcedures } from './contract/retraining';

/** Every procedure of the operations area: retraining, incidents, the overview, its settings and export. */
export const operationsAreaProcedures = {
  ...retrainingProcedures,
  ...incidentsProcedures,
  ...operationsOverviewProcedures,
};
