import { defineArea, listOf } from '@backend/core/area';
import { calendarOptions, withEffectiveTimeZone } from '@backend/core/calendars';
import { clientsAreaProcedures } from '@shared/clients/procedures';
import {
  ENGAGEMENT_STATUS_LABELS,
  ENGAGEMENT_STATUSES,
  ROLE_LABELS,
  SENIORITIES,
  SENIORITY_LABELS,
  SPECIALIST_ROLES,
  SPECIALIST_STATUS_LABELS,
  SPECIALIST_STATUSES,
} from '@shared/clients/rules/reference';
import { SOURCING_REGION_LABELS, SOURCING_REGIONS } from '@shared/clients/rules/sourcingRegion';
import { countryCodes, countryName } from '@shared/kernel/country';
import { currencyCodes, currencyName } from '@shared/kernel/currency';
import { archiveClient, createClient, getClient, restoreClient, updateClient } from './clientService';
import { archiveEngagement, createEngagement, getEngagement, restoreEngagement, updateEngagement } from './engagementService';
import { clientsRepositories } from './repositories';
import { clientsSample } from './sample';
import { archiveSpecialist, createSpecialist, getSpecialist, restoreSpecialist, updateSpecialist } from './specialistService';

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

/** Clients, their engagements (one currency, holiday calendar and SLA each), and the specialists. */
export const clientsArea = defineArea({
  id: 'clients',
  procedures: clientsAreaProcedures,
  repositories: clientsRepositories,
  sample: clientsSample,
  handlers: (ctx) => {
    const { clients, engagements, specialists } = ctx.repos;
    return {
      'reference.get': () => ({
        countries: countryCodes()
          .map((value) => ({ value, label: countryName(value) }))
          .sort(byLabel),
        currencies: currencyCodes().map((value) => ({ value, label: `${value} — ${currencyName(value)}` })),
        holidayCalendars: calendarOptions(),
        roles: SPECIALIST_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
        seniorities: SENIORITIES.map((value) => ({ value, label: SENIORITY_LABELS[value] })),
        sourcingRegions: SOURCING_REGIONS.map((value) => ({ value, label: SOURCING_REGION_LABELS[value] })),
        engagementStatuses: ENGAGEMENT_STATUSES.map((value) => ({ value, label: ENGAGEMENT_STATUS_LABELS[value] })),
        specialistStatuses: SPECIALIST_STATUSES.map((value) => ({ value, label: SPECIALIST_STATUS_LABELS[value] })),
      }),

      'clients.list': (input) => listOf(clients.list(input).map(withEffectiveTimeZone)),
      'clients.get': ({ id }) => getClient(ctx, id),
      'clients.create': (input) => createClient(ctx, input),
      'clients.update': (input) => updateClient(ctx, input),
      'clients.archive': ({ id }) => archiveClient(ctx, id),
      'clients.restore': ({ id }) => restoreClient(ctx, id),

      'engagements.list': (input) => listOf(engagements.list(input)),
      'engagements.get': ({ id }) => getEngagement(ctx, id),
      'engagements.create': (input) => createEngagement(ctx, input),
      'engagements.update': (input) => updateEngagement(ctx, input),
      'engagements.archive': ({ id }) => archiveEngagement(ctx, id),
      'engagements.restore': ({ id }) => restoreEngagement(ctx, id),

      'specialists.list': (input) => listOf(specialists.list(input)),
      'specialists.get': ({ id }) => getSpecialist(ctx, id),
      'specialists.create': (input) => createSpecialist(ctx, input),
      'specialists.update': (input) => updateSpecialist(ctx, input),
      'specialists.archive': ({ id }) => archiveSpecialist(ctx, id),
      'specialists.restore': ({ id }) => restoreSpecialist(ctx, id),
    };
  },
});
