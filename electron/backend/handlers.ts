import type { OutputOf, ParsedInputOf, ProcedureName } from '../../shared/contract';
import { countryCodes, countryName } from '../../shared/domain/country';
import { currencyCodes, currencyName } from '../../shared/domain/currency';
import { canLoadSampleData } from '../../shared/domain/lifecycle';
import {
  ENGAGEMENT_STATUS_LABELS,
  ENGAGEMENT_STATUSES,
  ROLE_LABELS,
  SENIORITIES,
  SENIORITY_LABELS,
  SPECIALIST_ROLES,
  SPECIALIST_STATUS_LABELS,
  SPECIALIST_STATUSES,
} from '../../shared/domain/reference';
import { SOURCING_REGION_LABELS, SOURCING_REGIONS } from '../../shared/domain/sourcingRegion';
import { calendarOptions } from './calendars';
import type { Context } from './context';
import { listAudit, undoAudit } from './services/auditService';
import { archiveClient, createClient, getClient, restoreClient, updateClient } from './services/clientService';
import { archiveEngagement, createEngagement, getEngagement, restoreEngagement, updateEngagement } from './services/engagementService';
import { loadSampleData } from './services/sampleService';
import { archiveSpecialist, createSpecialist, getSpecialist, restoreSpecialist, updateSpecialist } from './services/specialistService';

export type Handler<N extends ProcedureName> = (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>;
/** One handler per contract procedure; a missing or extra one is a type error. */
export type Handlers = { [N in ProcedureName]: Handler<N> };

export type HostServices = {
  appInfo(): Omit<OutputOf<'app.info'>, 'counts' | 'canLoadSample'>;
  backup(path: string | undefined): Promise<OutputOf<'db.backup'>>;
};

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

export function createHandlers(ctx: Context, host: HostServices): Handlers {
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
    'sample.load': () => loadSampleData(ctx),

    'clients.list': (input) => {
      const rows = clients.list(input);
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

    'audit.list': (input) => listAudit(ctx, input),
    'audit.undo': ({ auditId }) => undoAudit(ctx, auditId),
  };
}
