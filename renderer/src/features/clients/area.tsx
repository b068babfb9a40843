import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import type { Client } from '@shared/clients/contract/clients';
import type { EngagementDetail } from '@shared/clients/contract/engagements';
import type { Specialist } from '@shared/clients/contract/specialists';
import { clientsEntities } from '@shared/clients/entities';

// The screens load on first visit: each is a chunk of its own, fetched when its entry is opened.
const ClientsScreen = lazyScreen(() => import('./ClientsScreen').then((m) => m.ClientsScreen));
const EngagementsScreen = lazyScreen(() => import('./engagements/EngagementsScreen').then((m) => m.EngagementsScreen));
const SpecialistsScreen = lazyScreen(() => import('./specialists/SpecialistsScreen').then((m) => m.SpecialistsScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    clients: true;
    engagements: true;
    specialists: true;
  }
}

/** The record pages of this area offer these slots to the areas above it. */
declare module '@renderer/app/slots' {
  interface Slots {
    /** Sections below a client's engagements, above its history. */
    'client.sections': { client: Client };
    /** Sections below an engagement's form, above its history. */
    'engagement.sections': { engagement: EngagementDetail };
    /** Sections below a specialist's form, above their history. */
    'specialist.sections': { specialist: Specialist };
  }
}

export const clientsArea = defineArea({
  name: 'clients',
  entries: [
    {
      id: 'clients',
      label: 'Clients',
      group: 'Accounts',
      hint: 'Client companies, currencies and holiday calendars',
      screen: ClientsScreen,
    },
    { id: 'engagements', label: 'Engagements', group: 'Accounts', hint: 'Dedicated-team contracts per client', screen: EngagementsScreen },
    {
      id: 'specialists',
      label: 'Specialists',
      group: 'Team',
      hint: 'The people, their roles, regions and skills',
      screen: SpecialistsScreen,
    },
  ],
  entities: clientsEntities,
  records: { client: 'clients', engagement: 'engagements', specialist: 'specialists' },
} satisfies RendererArea);
