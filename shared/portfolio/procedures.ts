import { cardProcedures } from './contract/card';
import { contactsProcedures } from './contract/contacts';
import { deploymentsProcedures } from './contract/deployments';
import { exportsProcedures } from './contract/exports';
import { inventoryProcedures } from './contract/inventory';
import { modelsProcedures } from './contract/models';
import { portfolioProcedures } from './contract/portfolio';
import { versionsProcedures } from './contract/versions';

/** Every procedure of the portfolio area: client contacts, models and their stages, the per-client facts. */
export const portfolioAreaProcedures = {
  ...contactsProcedures,
  ...modelsProcedures,
  ...portfolioProcedures,
  ...versionsProcedures,
  ...deploymentsProcedures,
  ...inventoryProcedures,
  ...exportsProcedures,
  ...cardProcedures,
};
