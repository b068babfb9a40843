import { boardProcedures } from './contract/board';
import { readingsProcedures } from './contract/readings';
import { slosProcedures } from './contract/slos';

/** Every procedure of the monitoring area: SLOs and playbooks, readings and the inbox, the board, attainment and the export. */
export const monitoringAreaProcedures = {
  ...slosProcedures,
  ...readingsProcedures,
  ...boardProcedures,
};
