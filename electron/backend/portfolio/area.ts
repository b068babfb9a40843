import { defineArea } from '@backend/core/area';
import { summaryOf } from '@shared/kernel/summary';
import { portfolioAreaProcedures } from '@shared/portfolio/procedures';
import { portfolioHandlers } from './handlers';
import { graveyardOf } from './portfolioService';
import { portfolioRepositories } from './repositories';
import { portfolioSample } from './sample';

/** The model portfolio: client contacts, models and their lifecycle stages, the funnel and the prototype graveyard. */
export const portfolioArea = defineArea({
  id: 'portfolio',
  procedures: portfolioAreaProcedures,
  repositories: portfolioRepositories,
  sample: portfolioSample,
  handlers: portfolioHandlers,
  summary: (ctx) =>
    summaryOf('portfolio', [
      {
        label: 'models in the prototype graveyard',
        one: 'model in the prototype graveyard',
        count: graveyardOf(ctx, null).length,
        tone: 'attention',
      },
    ]),
});
