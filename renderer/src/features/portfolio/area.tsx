import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';
import { fill } from '@renderer/app/slots';
import { portfolioEntities } from '@shared/portfolio/entities';
import { ClientPortfolio } from './ClientPortfolio';

// The screens load on first visit: each is a chunk of its own, fetched when its entry is opened.
const PortfolioScreen = lazyScreen(() => import('./PortfolioScreen').then((m) => m.PortfolioScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    portfolio: true;
  }
}

export const portfolioArea = defineArea({
  name: 'portfolio',
  entries: [
    {
      id: 'portfolio',
      label: 'Model portfolio',
      group: 'Operations',
      hint: 'Every model, its stage, risk tier and EU AI Act category; the funnel and the prototype graveyard per client',
      screen: PortfolioScreen,
    },
  ],
  entities: portfolioEntities,
  records: {
    model: 'portfolio',
    // Filed under their model's id.
    model_stage: 'portfolio',
    // Filed under their client's id: they open the client.
    client_contact: 'clients',
  },
  slots: [fill('client.sections', 'portfolio.client', ({ client }) => <ClientPortfolio client={client} />)],
  badgeOn: 'portfolio',
} satisfies RendererArea);
