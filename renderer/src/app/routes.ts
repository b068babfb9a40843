import type { AuditedEntity } from '@shared/entities';
import { z } from 'zod';

/**
 * The ids of the navigation entries, one per screen. Each area adds its own in
 * its `area.ts(x)` by declaration merging, so a feature can link to another
 * area's entry (`go({ area: 'staffing', … })`) with the id checked, without
 * importing that area's screens.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each area's declaration merging
export interface RouteEntries {}

export type AreaId = keyof RouteEntries & string;

/** The rest of a view's state, as the address's query (`?tab=…&q=…&sort=…`): tab, filters, search, sort. */
export type Params = Readonly<Record<string, string>>;

/** A view: the screen (area), the record open in it (the selection, `new` for a create form) and its state. */
export type Route = { area: AreaId; recordId: string | null; params: Params };

/** Where to go: without params the screen keeps the state it had (its filters are remembered). */
export type RouteTarget = { area: AreaId; recordId: string | null; params?: Params };

/**
 * What an address names: a view, or an area Keel does not have — one that is
 * coming (it has a label) or a mistyped link — which the app says in words
 * instead of showing another screen.
 */
export type Address = { kind: 'view'; route: Route } | { kind: 'unknown'; path: string; coming: string | null };

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
  /** Areas announced in the navigation but not built yet. */
  coming: readonly { id: string; label: string }[];
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

/** A record id as Keel mints them (UUIDv7), `new`, or anything else short and plain; never a path or markup. */
const recordPart = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,80}$/)
  .nullable()
  .catch(null);
const areaPart = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/)
  .nullable()
  .catch(null);
/** Query parameters: short plain names, values of bounded length that decoded cleanly; anything else is dropped. */
const paramsPart = z
  .array(z.tuple([z.string(), z.string()]))
  .transform((pairs) =>
    Object.fromEntries(
      pairs.filter(([k, v]) => /^[a-zA-Z][a-zA-Z0-9]{0,29}$/.test(k) && v.length > 0 && v.length <= 200 && !v.includes('\uFFFD')),
    ),
  );

function decode(part: string | undefined): string | null {
  if (part === undefined || part === '') return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Reads an address: `#/clients` → the list; `#/clients/new` → the create form;
 * `#/clients/<id>?q=acme&sort=country` → that record, over the list searched
 * and sorted. A bad record or parameter falls back to none; an empty address
 * is the start screen; an area that does not exist is said to be unknown.
 */
export function parseAddress(hash: string): Address {
  const { entries, coming } = routes();
  const raw = hash.replace(/^#\/?/, '');
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  const query = mark < 0 ? '' : raw.slice(mark + 1);
  const [rawArea, rawRecord] = path.split('/');
  const area = areaPart.parse(decode(rawArea));
  const recordId = recordPart.parse(decode(rawRecord));
  let pairs: [string, string][] = [];
  try {
    pairs = [...new URLSearchParams(query)];
  } catch {
    pairs = [];
  }
  const params = paramsPart.parse(pairs);
  const start = entries[0]?.id as AreaId;
  if (!rawArea) return { kind: 'view', route: { area: start, recordId: null, params } };
  const entry = entries.find((e) => e.id === area);
  if (!entry) {
    return { kind: 'unknown', path: (decode(rawArea) ?? rawArea).slice(0, 60), coming: coming.find((c) => c.id === area)?.label ?? null };
  }
  return { kind: 'view', route: { area: entry.id, recordId, params } };
}

/** The view an address opens; an unknown area opens the start screen (the app says so separately). */
export function parseRoute(hash: string): Route {
  const address = parseAddress(hash);
  if (address.kind === 'view') return address.route;
  return { area: routes().entries[0]?.id as AreaId, recordId: null, params: {} };
}

/** The address of a view; parameters in the order given, empty ones left out. */
export function routeHash(route: RouteTarget): string {
  const record = route.recordId ? `/${encodeURIComponent(route.recordId)}` : '';
  const query = new URLSearchParams(Object.entries(route.params ?? {}).filter(([, v]) => v !== '')).toString();
  return `#/${route.area}${record}${query ? `?${query}` : ''}`;
}
