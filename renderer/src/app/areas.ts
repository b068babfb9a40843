import { registerStale, type Stale, type StaleDeclarations } from '@renderer/api/stale';
import { auditArea } from '@renderer/features/audit/area';
import { auditStale } from '@renderer/features/audit/stale';
import { billingArea } from '@renderer/features/billing/area';
import { billingStale } from '@renderer/features/billing/stale';
import { ceremoniesArea } from '@renderer/features/ceremonies/area';
import { ceremoniesStale } from '@renderer/features/ceremonies/stale';
import { clientsArea } from '@renderer/features/clients/area';
import { clientsStale } from '@renderer/features/clients/stale';
import { continuityArea } from '@renderer/features/continuity/area';
import { continuityStale } from '@renderer/features/continuity/stale';
import { maturityArea } from '@renderer/features/maturity/area';
import { maturityStale } from '@renderer/features/maturity/stale';
import { monitoringArea } from '@renderer/features/monitoring/area';
import { monitoringStale } from '@renderer/features/monitoring/stale';
import { operationsArea } from '@renderer/features/operations/area';
import { operationsStale } from '@renderer/features/operations/stale';
import { ownershipArea } from '@renderer/features/ownership/area';
import { ownershipStale } from '@renderer/features/ownership/stale';
import { planArea } from '@renderer/features/plan/area';
import { planStale } from '@renderer/features/plan/stale';
import { portfolioArea } from '@renderer/features/portfolio/area';
import { portfolioStale } from '@renderer/features/portfolio/stale';
import type { appProcedures } from '@shared/app/contract';
import { appEntities } from '@shared/app/entities';
import type { CommandName } from '@shared/contract';
import type { AuditedEntity } from '@shared/entities';
import type { CommandNamesOf } from '@shared/kernel/define';
import { type AreaEntry, defineArea, NAV_GROUPS, type NavGroup, type RendererArea } from './area';
import { type AreaId, registerRoutes } from './routes';
import { registerSlots } from './slots';
import { useNav } from './stores';

/** What the app itself audits (settings of any area, loading a dataset); it has no screen of its own. */
const appArea = defineArea({ name: 'app', entries: [], entities: appEntities } satisfies RendererArea);

/**
 * THE registry of the renderer's areas, in dependency order (lower areas
 * first). Adding an area is its folder with an `area.tsx` and one line here.
 * Within a navigation group, entries are listed in this order; slots are
 * filled in this order.
 */
const ORDER = [
  appArea,
  clientsArea,
  planArea,
  continuityArea,
  portfolioArea,
  ownershipArea,
  monitoringArea,
  ceremoniesArea,
  operationsArea,
  maturityArea,
  billingArea,
  auditArea,
] as const;

export const AREAS: readonly RendererArea[] = ORDER;

/**
 * Areas not built yet: listed in the navigation as "coming" and never opened —
 * never faked. An area leaves this list when its folder arrives.
 */
export const COMING: readonly { id: string; label: string; group: NavGroup; hint: string }[] = [];

/** Every entry that opens a screen, in registry order. */
export const ENTRIES: readonly AreaEntry[] = AREAS.flatMap((a) => a.entries);

export type NavItem = { kind: 'built'; entry: AreaEntry } | { kind: 'coming'; id: string; label: string; hint: string };

/** The navigation: its groups in their fixed order, built entries first, then the coming ones. */
export const NAVIGATION: readonly { group: NavGroup; items: NavItem[] }[] = NAV_GROUPS.map((group) => ({
  group,
  items: [
    ...ENTRIES.filter((e) => e.group === group).map((entry): NavItem => ({ kind: 'built', entry })),
    ...COMING.filter((c) => c.group === group).map(({ id, label, hint }): NavItem => ({ kind: 'coming', id, label, hint })),
  ],
})).filter((g) => g.items.length > 0);

/** The entry that carries each area's summary badge, by the summary's area name. */
export const BADGE_ENTRIES: ReadonlyMap<string, AreaId> = new Map(AREAS.flatMap((a) => (a.badgeOn ? [[a.name, a.badgeOn] as const] : [])));

// Every audited entity needs a label from the area that owns it: a missing one fails the typecheck here.
type KeysOf<T> = T extends unknown ? keyof T : never;
type Unlabelled = Exclude<AuditedEntity, KeysOf<(typeof ORDER)[number]['entities']>>;
type MustBeTrue<T extends true> = T;
/** Names the unlabelled entity in the type error when an area forgets one. */
export type EveryEntityLabelled = MustBeTrue<[Unlabelled] extends [never] ? true : Unlabelled>;

/** The audit log's labels, composed from the areas' declarations (complete, as checked above). */
export const ENTITY_LABELS = Object.fromEntries(AREAS.flatMap((a) => Object.entries(a.entities))) as Record<AuditedEntity, string>;

/** What the app's own commands make stale. */
const appStale: StaleDeclarations<CommandNamesOf<typeof appProcedures>> = {
  // A new file in the backups folder; the data is unchanged.
  'db.backup': ['backups.list'],
  // The whole database is replaced.
  'backups.restore': 'everything',
  'sample.load': 'everything',
};

/**
 * Every command's stale declaration, joined from the areas. Typed against the
 * whole contract: a command no area declares is a type error here (and in its
 * area's own `stale.ts`, which must list exactly the area's commands).
 */
export const STALE: Readonly<Record<CommandName, Stale>> = {
  ...appStale,
  ...clientsStale,
  ...planStale,
  ...continuityStale,
  ...billingStale,
  ...portfolioStale,
  ...ownershipStale,
  ...monitoringStale,
  ...ceremoniesStale,
  ...operationsStale,
  ...maturityStale,
  ...auditStale,
};

registerStale(STALE);
registerRoutes({
  entries: ENTRIES.map(({ id, label }) => ({ id, label })),
  records: Object.fromEntries(AREAS.flatMap((a) => Object.entries(a.records ?? {}))),
  entityLabels: ENTITY_LABELS,
  coming: COMING.map(({ id, label }) => ({ id, label })),
});
registerSlots(AREAS.flatMap((a) => a.slots ?? []));
// The navigation store was created before the areas were known: read the address again.
if (typeof window !== 'undefined') useNav.getState().sync();
