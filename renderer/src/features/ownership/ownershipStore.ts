import { paramOf, withoutDefaults } from '@renderer/app/address';
import { bindAddress } from '@renderer/app/stores';
import { archivedFilter, id, isoDate, search } from '@shared/kernel/fields';
import type { Severity } from '@shared/kernel/severity';
import { ASSET_TYPES, type AssetType, FINDING_CODES, type FindingCode, type RowType } from '@shared/ownership/rules/vocabulary';
import { z } from 'zod';
import { create } from 'zustand';

export const OWNERSHIP_TABS = ['matrix', 'findings', 'people', 'risk', 'assets', 'duties'] as const;
export type OwnershipTab = (typeof OWNERSHIP_TABS)[number];

/** A person in a select or the address: `specialist:<id>` or `contact:<id>`. */
export const personParam = z.string().regex(/^(specialist|contact):[0-9a-f-]{36}$/);
/** The open cell of the matrix: `model:<id>:<duty>` or `asset:<id>:<duty>`. */
export const cellParam = z.string().regex(/^(model|asset):[0-9a-f-]{36}:[a-z][a-z0-9_-]{1,39}$/);

export type CellRef = { targetKind: 'model' | 'asset'; targetId: string; dutyKey: string };

export const cellKey = (c: CellRef): string => `${c.targetKind}:${c.targetId}:${c.dutyKey}`;

export function cellOf(value: string): CellRef | null {
  if (!cellParam.safeParse(value).success) return null;
  const [targetKind, targetId, dutyKey] = value.split(':');
  return (targetKind === 'model' || targetKind === 'asset') && targetId && dutyKey ? { targetKind, targetId, dutyKey } : null;
}

/**
 * UI state of the ownership matrix: the tab, the engagement and day looked at (shared by the matrix, the
 * assets and the duties), the matrix's filters and open cell, the findings' filters, the person whose load
 * is shown, the risk ranking's client and the asset list's search. Server data stays in the query cache.
 */
type OwnershipState = {
  tab: OwnershipTab;
  /** '' until chosen: the first engagement is shown. */
  engagementId: string;
  /** '' is today. */
  asOf: string;
  /** Matrix filters: a person key, a row type. */
  person: string;
  rowType: RowType | '';
  /** The open cell, `kind:id:duty`, or ''. */
  cell: string;
  /** Findings filters: '' for all engagements, a severity, a code. */
  scope: string;
  severity: Severity | '';
  code: FindingCode | '';
  /** The person whose load is shown. */
  who: string;
  /** Risk ranking: '' for every client. */
  clientId: string;
  /** Asset list. */
  q: string;
  assetType: AssetType | '';
  archived: 'active' | 'archived' | 'all';
  set(patch: Partial<Omit<OwnershipState, 'set'>>): void;
};

const DEFAULTS = {
  tab: 'matrix',
  engagementId: '',
  asOf: '',
  person: '',
  rowType: '',
  cell: '',
  scope: '',
  severity: '',
  code: '',
  who: '',
  clientId: '',
  q: '',
  assetType: '',
  archived: 'active',
} as const satisfies Omit<OwnershipState, 'set'>;

export const useOwnership = create<OwnershipState>((set) => ({ ...DEFAULTS, set: (patch) => set(patch) }));

const ROW_TYPES = ['model', ...ASSET_TYPES] as const;

/** The area's address: `#/ownership?tab=findings&engagement=…&asOf=2026-12-01&severity=error` (defaults left out). */
bindAddress(useOwnership, {
  areas: ['ownership'],
  read: (p) => ({
    tab: paramOf(z.enum(OWNERSHIP_TABS), p.tab, 'matrix') as OwnershipTab,
    engagementId: paramOf(id, p.engagement, ''),
    asOf: paramOf(isoDate, p.asOf, ''),
    person: paramOf(personParam, p.person, ''),
    rowType: paramOf(z.enum(ROW_TYPES), p.type, '') as RowType | '',
    cell: paramOf(cellParam, p.cell, ''),
    scope: paramOf(id, p.scope, ''),
    severity: paramOf(z.enum(['error', 'warning', 'info']), p.severity, '') as Severity | '',
    code: paramOf(z.enum(FINDING_CODES), p.code, '') as FindingCode | '',
    who: paramOf(personParam, p.who, ''),
    clientId: paramOf(id, p.client, ''),
    q: paramOf(search, p.q, ''),
    assetType: paramOf(z.enum(ASSET_TYPES), p.assetType, '') as AssetType | '',
    archived: paramOf(archivedFilter, p.archived, 'active') as OwnershipState['archived'],
  }),
  write: (s) =>
    withoutDefaults(
      {
        tab: s.tab,
        engagement: s.engagementId,
        asOf: s.asOf,
        person: s.person,
        type: s.rowType,
        cell: s.cell,
        scope: s.scope,
        severity: s.severity,
        code: s.code,
        who: s.who,
        client: s.clientId,
        q: s.q,
        assetType: s.assetType,
        archived: s.archived,
      },
      { tab: 'matrix', archived: 'active' },
    ),
});
