import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { maturityEntities } from '@shared/maturity/entities';

// The screen loads on first visit (with the chart library): a chunk of its own.
const MaturityScreen = lazyScreen(() => import('./MaturityScreen').then((m) => m.MaturityScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    maturity: true;
  }
}

export const maturityArea = defineArea({
  name: 'maturity',
  entries: [
    {
      id: 'maturity',
      label: 'Maturity assessments',
      group: 'Operations',
      hint: 'MLOps maturity per client: Microsoft and Google levels with evidence, trends, targets, checked against the portfolio',
      screen: MaturityScreen,
    },
  ],
  entities: maturityEntities,
  // An assessment opens on its page; targets, readiness and framework copies open the maturity screen.
  records: { maturity_assessment: 'maturity', maturity_target: 'maturity', maturity_readiness: 'maturity', maturity_framework: 'maturity' },
} satisfies RendererArea);
