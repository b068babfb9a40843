import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { fill } from '@renderer/app/slots';
import { operationsEntities } from '@shared/operations/entities';
import { ModelCostTab } from './ModelCostTab';
import { ModelIncidentsTab } from './ModelIncidentsTab';
import { ModelRetrainingTab } from './ModelRetrainingTab';

const OperationsScreen = lazyScreen(() => import('./OperationsScreen').then((m) => m.OperationsScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    operations: true;
  }
}

export const operationsArea = defineArea({
  name: 'operations',
  entries: [
    {
      id: 'operations',
      label: 'Retraining, incidents & cost',
      group: 'Operations',
      hint: 'Retraining due and overdue, incidents with their responder and clock, rollbacks and reviews, run cost against budget',
      screen: OperationsScreen,
    },
  ],
  entities: operationsEntities,
  records: {
    retraining_policy: 'operations',
    retraining_run: 'operations',
    incident: 'operations',
    cost_line: 'operations',
    cost_import: 'operations',
    cost_mapping: 'operations',
    cost_budget: 'operations',
  },
  // The model page's Retraining and Incidents tabs.
  slots: [
    fill('model.retraining', 'retraining.forModel', ModelRetrainingTab),
    fill('model.incidents', 'incidents.forModel', ModelIncidentsTab),
    fill('model.cost', 'costs.forModel', ModelCostTab),
  ],
  badgeOn: 'operations',
} satisfies RendererArea);
