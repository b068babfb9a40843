import { defineArea } from '@backend/core/area';
import { maturityAreaProcedures } from '@shared/maturity/procedures';
import { maturityHandlers } from './handlers';
import { maturityRepositories } from './repositories';
import { maturitySample } from './sample';

/** Maturity assessments: framework versions as data, assessments with computed gated levels, targets, the cross-check, readiness. */
export const maturityArea = defineArea({
  id: 'maturity',
  procedures: maturityAreaProcedures,
  repositories: maturityRepositories,
  sample: maturitySample,
  handlers: (ctx, host) => maturityHandlers(ctx, host),
});
