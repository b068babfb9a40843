/**
 * Every area of the product, built or not. Areas not built yet are shown in
 * the navigation as "coming" and cannot be opened — never faked.
 */
export type AreaId =
  | 'clients'
  | 'engagements'
  | 'specialists'
  | 'audit'
  | 'allocations'
  | 'staffing'
  | 'hours'
  | 'replacements'
  | 'ownership'
  | 'portfolio'
  | 'maturity'
  | 'ceremonies';

export type Area = { id: AreaId; label: string; group: string; built: boolean; hint: string };

export const AREAS: Area[] = [
  { id: 'clients', label: 'Clients', group: 'Accounts', built: true, hint: 'Client companies, currencies and holiday calendars' },
  { id: 'engagements', label: 'Engagements', group: 'Accounts', built: true, hint: 'Dedicated-team contracts per client' },
  { id: 'specialists', label: 'Specialists', group: 'Team', built: true, hint: 'The people, their roles, regions and skills' },
  {
    id: 'allocations',
    label: 'Allocation plan',
    group: 'Team',
    built: true,
    hint: 'Who works where and when, roll-offs, the bench and the capacity forecast',
  },
  { id: 'staffing', label: 'Staffing requests', group: 'Team', built: true, hint: 'Open roles, from definition to filled' },
  {
    id: 'replacements',
    label: 'Continuity & SLAs',
    group: 'Team',
    built: true,
    hint: 'Replacement requests and their SLA clocks, every open promise by time left, and the quarterly SLA report',
  },
  {
    id: 'hours',
    label: 'Hours & billing',
    group: 'Finance',
    built: true,
    hint: 'Timesheets, rates, month close, invoices and the finance export',
  },
  { id: 'ownership', label: 'Ownership matrix', group: 'Operations', built: false, hint: 'Accountable owner per lifecycle duty — coming' },
  { id: 'portfolio', label: 'Model portfolio', group: 'Operations', built: false, hint: 'Models, risk tiers, SLOs, drift — coming' },
  { id: 'maturity', label: 'Maturity assessments', group: 'Operations', built: false, hint: 'Microsoft and Google MLOps levels — coming' },
  { id: 'ceremonies', label: 'Ceremonies', group: 'Operations', built: false, hint: 'Reviews, retraining and deployment windows — coming' },
  { id: 'audit', label: 'Audit log', group: 'System', built: true, hint: 'Every change: who, when, before and after' },
];

/** The areas whose screens list records that open in a form, by the audited entity they hold. */
export const RECORD_AREAS = {
  client: 'clients',
  engagement: 'engagements',
  specialist: 'specialists',
  allocation: 'allocations',
  staffing_request: 'staffing',
  replacement_request: 'replacements',
  // Filed under their request's id, so they open the request.
  replacement_pause: 'replacements',
  replacement_candidate: 'replacements',
} as const satisfies Record<string, AreaId>;

/** The area where an audited record opens, or null (a dataset load is no record). */
export function recordArea(entity: string): AreaId | null {
  return Object.hasOwn(RECORD_AREAS, entity) ? RECORD_AREAS[entity as keyof typeof RECORD_AREAS] : null;
}

export function hasRecords(area: AreaId): boolean {
  return (Object.values(RECORD_AREAS) as AreaId[]).includes(area);
}

export type Route = { area: AreaId; recordId: string | null };

/** `#/clients` → list; `#/clients/new` → create form; `#/clients/<id>` → edit form. */
export function parseRoute(hash: string): Route {
  const [areaPart, recordPart] = hash.replace(/^#\/?/, '').split('/');
  const area = AREAS.find((a) => a.id === areaPart && a.built);
  return { area: area?.id ?? 'clients', recordId: area && recordPart ? decodeURIComponent(recordPart) : null };
}

export function routeHash(route: Route): string {
  return `#/${route.area}${route.recordId ? `/${encodeURIComponent(route.recordId)}` : ''}`;
}
