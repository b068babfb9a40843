import { defineArea } from '@backend/core/area';
import { operationsAreaProcedures } from '@shared/operations/procedures';
import { operationsHandlers } from './handlers';
import { operationsRepositories } from './repositories';
import { operationsSample } from './sample';
import { operationsSummary } from './summary';

/** Acting on what monitoring sees: retraining policies, triggers and the log; incidents with their responder, timeline, rollback and review. */
export const operationsArea = defineArea({
  id: 'operations',
  procedures: operationsAreaProcedures,
  repositories: operationsRepositories,
  sample: operationsSample,
  summary: operationsSummary,
  handlers: (ctx) => operationsHandlers(ctx),
});
