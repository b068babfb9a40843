import { defineArea } from '@backend/core/area';
import { monitoringAreaProcedures } from '@shared/monitoring/procedures';
import { monitoringHandlers } from './handlers';
import { lookNow, startInbox } from './inbox';
import { monitoringRepositories } from './repositories';
import { monitoringSample } from './sample';
import { monitoringSummary } from './summary';

/** Watching the models: SLOs with playbooks, readings from the client's monitoring stack (and the inbox), health, drift, silent failures. */
export const monitoringArea = defineArea({
  id: 'monitoring',
  procedures: monitoringAreaProcedures,
  repositories: monitoringRepositories,
  sample: monitoringSample,
  summary: monitoringSummary,
  handlers: (ctx, host) => monitoringHandlers(ctx, host),
  background: ({ context, dataDir, onError }) => {
    const stop = startInbox(context, dataDir, onError);
    // A file left in the inbox while Keel was closed is taken at once.
    lookNow(context, dataDir).catch(onError);
    return stop;
  },
});
