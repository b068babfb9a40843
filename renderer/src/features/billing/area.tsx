import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { billingEntities } from '@shared/billing/entities';

// The screens load on first visit: each is a chunk of its own, fetched when its entry is opened.
const HoursScreen = lazyScreen(() => import('./HoursScreen').then((m) => m.HoursScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    hours: true;
  }
}

export const billingArea = defineArea({
  name: 'billing',
  entries: [
    {
      id: 'hours',
      label: 'Hours & billing',
      group: 'Finance',
      hint: 'Timesheets, rates, month close, invoices and the finance export',
      screen: HoursScreen,
    },
  ],
  entities: billingEntities,
  badgeOn: 'hours',
} satisfies RendererArea);
