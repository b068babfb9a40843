import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { fill } from '@renderer/app/slots';
import { continuityEntities } from '@shared/continuity/entities';
import { EngagementRequests } from './EngagementRequests';

// The screens load on first visit: each is a chunk of its own, fetched when its entry is opened.
const ContinuityScreen = lazyScreen(() => import('./ContinuityScreen').then((m) => m.ContinuityScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    replacements: true;
  }
}

export const continuityArea = defineArea({
  name: 'continuity',
  entries: [
    {
      id: 'replacements',
      label: 'Continuity & SLAs',
      group: 'Team',
      hint: 'Replacement requests and their SLA clocks, every open promise by time left, and the quarterly SLA report',
      screen: ContinuityScreen,
    },
  ],
  entities: continuityEntities,
  records: {
    replacement_request: 'replacements',
    // Filed under their request's id, so they open the request.
    replacement_pause: 'replacements',
    replacement_candidate: 'replacements',
  },
  slots: [
    fill('engagement.sections', 'continuity.requests', ({ engagement }) => (
      <EngagementRequests engagementId={engagement.id} slaBusinessDays={engagement.slaBusinessDays} />
    )),
  ],
  badgeOn: 'replacements',
} satisfies RendererArea);
