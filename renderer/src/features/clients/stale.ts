import type { StaleDeclarations } from '@renderer/api/stale';
import type { clientsAreaProcedures } from '@shared/clients/procedures';
import type { QueryName } from '@shared/contract';
import type { CommandNamesOf } from '@shared/kernel/define';

/** Every write is audited and may change the navigation's badges; creating or archiving changes the counts. */
const ALWAYS = ['audit.list', 'app.summaries', 'app.info'] as const satisfies readonly QueryName[];

/**
 * The views of the areas above that show a client, an engagement or a specialist
 * by name, or count on their dates, status, currency or holiday calendar.
 */
const SHOWN_ELSEWHERE = [
  'plan.timeline',
  'plan.rollOff',
  'plan.forecast',
  'plan.capacity',
  'allocations.list',
  'allocations.get',
  'absences.list',
  'staffing.list',
  'staffing.get',
  'continuity.board',
  'continuity.report',
  'replacements.list',
  'replacements.get',
  'time.week',
  'time.list',
  'months.list',
  'months.review',
  'invoices.list',
  'invoices.get',
  'billing.terms',
  // The ownership matrix names people, engagements and clients, and checks who is still active.
  'ownership.matrix',
  'ownership.findings',
  'ownership.personLoad',
  'ownership.risk',
  'ownership.whoResponds',
  'assets.list',
] as const satisfies readonly QueryName[];

const CLIENT = ['clients.list', 'clients.get', 'engagements.list', 'engagements.get'] as const satisfies readonly QueryName[];
const ENGAGEMENT = ['engagements.list', 'engagements.get', 'clients.list', 'clients.get'] as const satisfies readonly QueryName[];
const SPECIALIST = ['specialists.list', 'specialists.get'] as const satisfies readonly QueryName[];

/** What each command of the clients area makes stale (a missing command is a type error). */
export const clientsStale: StaleDeclarations<CommandNamesOf<typeof clientsAreaProcedures>> = {
  // A new record is in no other area's view yet: only its own list and the counts change.
  'clients.create': ['clients.list', ...ALWAYS],
  'clients.update': [...CLIENT, ...SHOWN_ELSEWHERE, ...ALWAYS],
  'clients.archive': [...CLIENT, ...SHOWN_ELSEWHERE, ...ALWAYS],
  'clients.restore': [...CLIENT, ...SHOWN_ELSEWHERE, ...ALWAYS],
  // A client's page counts its engagements.
  'engagements.create': ['engagements.list', 'clients.list', 'clients.get', ...ALWAYS],
  'engagements.update': [...ENGAGEMENT, ...SHOWN_ELSEWHERE, ...ALWAYS],
  'engagements.archive': [...ENGAGEMENT, ...SHOWN_ELSEWHERE, ...ALWAYS],
  'engagements.restore': [...ENGAGEMENT, ...SHOWN_ELSEWHERE, ...ALWAYS],
  // A new specialist appears on the plan's timeline as an empty row.
  'specialists.create': [...SPECIALIST, 'plan.timeline', 'plan.forecast', ...ALWAYS],
  'specialists.update': [...SPECIALIST, ...SHOWN_ELSEWHERE, ...ALWAYS],
  'specialists.archive': [...SPECIALIST, ...SHOWN_ELSEWHERE, ...ALWAYS],
  'specialists.restore': [...SPECIALIST, ...SHOWN_ELSEWHERE, ...ALWAYS],
};
