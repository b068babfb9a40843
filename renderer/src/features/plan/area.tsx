import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { fill } from '@renderer/app/slots';
import { planEntities } from '@shared/plan/entities';
import { TimeOff } from './TimeOff';

// The screens load on first visit: each is a chunk of its own, fetched when its entry is opened.
const PlanScreen = lazyScreen(() => import('./PlanScreen').then((m) => m.PlanScreen));
const StaffingScreen = lazyScreen(() => import('./staffing/StaffingScreen').then((m) => m.StaffingScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    allocations: true;
    staffing: true;
  }
}

export const planArea = defineArea({
  name: 'plan',
  entries: [
    {
      id: 'allocations',
      label: 'Allocation plan',
      group: 'Team',
      hint: 'Who works where and when, roll-offs, the bench and the capacity forecast',
      screen: PlanScreen,
    },
    { id: 'staffing', label: 'Staffing requests', group: 'Team', hint: 'Open roles, from definition to filled', screen: StaffingScreen },
  ],
  entities: planEntities,
  records: { allocation: 'allocations', staffing_request: 'staffing' },
  slots: [
    // Capacity and absences are the plan's: shown on the specialist's page.
    fill('specialist.sections', 'plan.timeOff', ({ specialist }) => (
      <TimeOff specialist={specialist} readOnly={Boolean(specialist.archivedAt)} />
    )),
  ],
  badgeOn: 'allocations',
} satisfies RendererArea);
