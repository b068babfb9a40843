import { defineArea, type RendererArea } from '@renderer/app/area';
import { billingEntities } from '@shared/billing/entities';
import { HoursScreen } from './HoursScreen';

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
