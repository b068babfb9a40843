import { defineArea } from '@backend/core/area';
import { ceremoniesAreaProcedures } from '@shared/ceremonies/procedures';
import { ceremoniesHandlers } from './handlers';
import { ceremoniesRepositories } from './repositories';
import { ceremoniesSample } from './sample';
import { ceremoniesSummary } from './summary';

/** The operating rhythm: ceremony series with their exceptions, outcomes, decisions and action items; freezes; rhythm health; calendar files. */
export const ceremoniesArea = defineArea({
  id: 'ceremonies',
  procedures: ceremoniesAreaProcedures,
  repositories: ceremoniesRepositories,
  sample: ceremoniesSample,
  summary: ceremoniesSummary,
  handlers: (ctx) => ceremoniesHandlers(ctx),
});
