import { assetsProcedures } from './contract/assets';
import { dutiesProcedures } from './contract/duties';
import { matrixProcedures } from './contract/matrix';

/** Every procedure of the ownership area: assets, duties, the effective-dated matrix, its checks and exports. */
export const ownershipAreaProcedures = {
  ...assetsProcedures,
  ...dutiesProcedures,
  ...matrixProcedures,
};
