import { defineArea } from '@backend/core/area';
import { continuityProcedures } from '@shared/continuity/contract';
import { summaryOf } from '@shared/kernel/summary';
import { answerHandoverWindows } from './billingHooks';
import { continuityBoard } from './continuityService';
import { continuityHandlers } from './handlers';
import { continuityRepositories } from './repositories';
import { continuitySample } from './sample';
import { nameReplacementsBeforeStart } from './specialistHooks';

/** Replacement requests on the business-day SLA clock, the continuity board, the quarterly SLA report. */
export const continuityArea = defineArea({
  id: 'continuity',
  procedures: continuityProcedures,
  repositories: continuityRepositories,
  sample: continuitySample,
  handlers: continuityHandlers,
  hooks: {
    'clients.specialistStartMoving': nameReplacementsBeforeStart,
    'billing.handoverWindows': answerHandoverWindows,
  },
  summary: (ctx) => {
    const { promises } = continuityBoard(ctx, {});
    const count = (state: string) => promises.filter((p) => p.clock.state === state).length;
    return summaryOf('continuity', [
      { label: 'breached promises', one: 'breached promise', count: count('breached'), tone: 'critical' },
      { label: 'promises at risk', one: 'promise at risk', count: count('at_risk'), tone: 'attention' },
    ]);
  },
});
