import { type BackendArea, defineArea } from '@backend/core/area';
import { calendarOptions } from '@backend/core/calendars';
import { appProcedures } from '@shared/app/contract';
import { canLoadSampleData } from '@shared/clients/rules/lifecycle';
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
import type { AreaSummary } from '@shared/kernel/summary';
import { loadSampleData } from './sampleService';

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

/**
 * The app itself: version and counts, the reference vocabularies, backups, the
 * sample dataset, and every area's summary. It sits above every other area and
 * is given them by the registry.
 */
export function appArea(areas: readonly BackendArea[]) {
  return defineArea({
    id: 'app',
    procedures: appProcedures,
    handlers: (ctx, host) => {
      const { clients, engagements, specialists } = ctx.repos;
      return {
        'app.info': () => {
          const counts = { clients: clients.count(), engagements: engagements.count(), specialists: specialists.count() };
          return { ...host.appInfo(), counts, canLoadSample: canLoadSampleData(counts) };
        },
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
        'db.backup': (input) => host.backup(input.path),
        'app.summaries': () => areas.flatMap((area): AreaSummary[] => (area.summary ? [area.summary(ctx)] : [])),
        'sample.load': () => loadSampleData(ctx),
      };
    },
  });
}
