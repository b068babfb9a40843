import { defineArea } from '@backend/core/area';
import { withEffectiveTimeZone } from '@backend/core/calendars';
import { clientsAreaProcedures } from '@shared/clients/procedures';
import { archiveClient, createClient, getClient, restoreClient, updateClient } from './clientService';
import { archiveEngagement, createEngagement, getEngagement, restoreEngagement, updateEngagement } from './engagementService';
import { clientsRepositories } from './repositories';
import { archiveSpecialist, createSpecialist, getSpecialist, restoreSpecialist, updateSpecialist } from './specialistService';

/** Clients, their engagements (one currency, holiday calendar and SLA each), and the specialists. */
export const clientsArea = defineArea({
  id: 'clients',
  procedures: clientsAreaProcedures,
  repositories: clientsRepositories,
  handlers: (ctx) => {
    const { clients, engagements, specialists } = ctx.repos;
    return {
      'clients.list': (input) => {
        const rows = clients.list(input).map(withEffectiveTimeZone);
        return { rows, total: rows.length };
      },
      'clients.get': ({ id }) => getClient(ctx, id),
      'clients.create': (input) => createClient(ctx, input),
      'clients.update': (input) => updateClient(ctx, input),
      'clients.archive': ({ id }) => archiveClient(ctx, id),
      'clients.restore': ({ id }) => restoreClient(ctx, id),

      'engagements.list': (input) => {
        const rows = engagements.list(input);
        return { rows, total: rows.length };
      },
      'engagements.get': ({ id }) => getEngagement(ctx, id),
      'engagements.create': (input) => createEngagement(ctx, input),
      'engagements.update': (input) => updateEngagement(ctx, input),
      'engagements.archive': ({ id }) => archiveEngagement(ctx, id),
      'engagements.restore': ({ id }) => restoreEngagement(ctx, id),

      'specialists.list': (input) => {
        const rows = specialists.list(input);
        return { rows, total: rows.length };
      },
      'specialists.get': ({ id }) => getSpecialist(ctx, id),
      'specialists.create': (input) => createSpecialist(ctx, input),
      'specialists.update': (input) => updateSpecialist(ctx, input),
      'specialists.archive': ({ id }) => archiveSpecialist(ctx, id),
      'specialists.restore': ({ id }) => restoreSpecialist(ctx, id),
    };
  },
});
