import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { fill } from '@renderer/app/slots';
import { billingEntities } from '@shared/billing/entities';
import { ModelHoursTab } from './models/ModelHours';

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
  // The model page's Hours tab: hours per month and activity on the model (billing may use the portfolio, not the reverse).
  slots: [fill('model.hours', 'billing.modelHours', ({ model }) => <ModelHoursTab model={model} />)],
  badgeOn: 'hours',
} satisfies RendererArea);
