import { occurrenceProcedures } from './contract/occurrences';
import { rhythmProcedures } from './contract/rhythm';
import { seriesProcedures } from './contract/series';

/** Every procedure of the ceremonies area: series and their exceptions, outcomes and action items, rhythm, freezes, calendar files. */
export const ceremoniesAreaProcedures = {
  ...seriesProcedures,
  ...occurrenceProcedures,
  ...rhythmProcedures,
};
