import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { fill } from '@renderer/app/slots';
import { ceremoniesEntities } from '@shared/ceremonies/entities';
import { ModelCeremoniesTab } from './ModelCeremoniesTab';

const CeremoniesScreen = lazyScreen(() => import('./CeremoniesScreen').then((m) => m.CeremoniesScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    ceremonies: true;
  }
}

export const ceremoniesArea = defineArea({
  name: 'ceremonies',
  entries: [
    {
      id: 'ceremonies',
      label: 'Ceremonies',
      group: 'Operations',
      hint: 'The operating rhythm: reviews, retraining and deployment windows, outcomes and action items, freezes',
      screen: CeremoniesScreen,
    },
  ],
  entities: ceremoniesEntities,
  records: {
    ceremony_series: 'ceremonies',
    ceremony_occurrence: 'ceremonies',
    ceremony_action: 'ceremonies',
    ceremony_freeze: 'ceremonies',
  },
  // The model page's Ceremonies tab: the reviews about it, missed ones, its decisions and action items.
  slots: [fill('model.ceremonies', 'ceremonies.forModel', ModelCeremoniesTab)],
  badgeOn: 'ceremonies',
} satisfies RendererArea);
