import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { ownershipEntities } from '@shared/ownership/entities';
import { ownershipSlotFills } from './slots';

// The screens load on first visit: a chunk of their own, fetched when the entry is opened.
const OwnershipScreen = lazyScreen(() => import('./OwnershipScreen').then((m) => m.OwnershipScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    ownership: true;
  }
}

export const ownershipArea = defineArea({
  name: 'ownership',
  entries: [
    {
      id: 'ownership',
      label: 'Ownership matrix',
      group: 'Operations',
      hint: 'Who is accountable for each lifecycle duty of every model and asset, as of any day; gaps, single points of failure, roll-offs',
      screen: OwnershipScreen,
    },
  ],
  entities: ownershipEntities,
  // An asset opens in its form; duties, assignments and snapshots are filed under their engagement, which opens its matrix.
  records: { asset: 'ownership', duty: 'ownership', assignment: 'ownership', ownership_snapshot: 'ownership' },
  badgeOn: 'ownership',
  // Where the matrix shows on other areas' screens: a replacement's duties, the roll-off radar, an allocation, a model's responder, a month's record.
  slots: ownershipSlotFills,
} satisfies RendererArea);
