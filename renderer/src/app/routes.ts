import type { AuditedEntity } from '@shared/entities';

/**
 * The ids of the navigation entries, one per screen. Each area adds its own in
 * its `area.ts(x)` by declaration merging, so a feature can link to another
 * area's entry (`go({ area: 'staffing', … })`) with the id checked, without
 * importing that area's screens.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each area's declaration merging
export interface RouteEntries {}

export type AreaId = keyof RouteEntries & string;

export type Route = { area: AreaId; recordId: string | null };

/**
 * What the registry tells the routing helpers: the entries that can be opened
 * (the first is the start screen), which audited records open in which entry,
 * and the audited entities' labels. Kept here, free of screens, so features can
 * use it without importing the registry (no cycles).
 */
export type RouteTable = {
  entries: readonly { id: AreaId; label: string }[];
  records: Partial<Record<AuditedEntity, AreaId>>;
  entityLabels: Record<AuditedEntity, string>;
};

let table: RouteTable | null = null;

/** Called once by the area registry (`app/areas.ts`). */
export function registerRoutes(routes: RouteTable): void {
  table = routes;
}

function routes(): RouteTable {
  if (!table) throw new Error('The areas are not registered yet: import @renderer/app/areas first.');
  return table;
}

/** The label an entry shows in the navigation. */
export function entryLabel(id: AreaId): string {
  return routes().entries.find((e) => e.id === id)?.label ?? id;
}

/** The human label of an audited entity, as its area declared it. */
export function entityLabel(entity: AuditedEntity): string {
  return routes().entityLabels[entity];
}

/** The area where an audited record opens, or null (a dataset load is no record). */
export function recordArea(entity: string): AreaId | null {
  const records = routes().records;
  return Object.hasOwn(records, entity) ? (records[entity as AuditedEntity] ?? null) : null;
}

/** Whether the entry lists records that open in a form (the `n` shortcut opens a new one). */
export function hasRecords(area: AreaId): boolean {
  return Object.values(routes().records).includes(area);
}

/** `#/clients` → list; `#/clients/new` → create form; `#/clients/<id>` → edit form. */
export function parseRoute(hash: string): Route {
  const { entries } = routes();
  const [areaPart, recordPart] = hash.replace(/^#\/?/, '').split('/');
  const entry = entries.find((e) => e.id === areaPart);
  const start = entries[0]?.id as AreaId;
  return { area: entry?.id ?? start, recordId: entry && recordPart ? decodeURIComponent(recordPart) : null };
}

export function routeHash(route: Route): string {
  return `#/${route.area}${route.recordId ? `/${encodeURIComponent(route.recordId)}` : ''}`;
}
