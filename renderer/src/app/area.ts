import type { AuditedEntity } from '@shared/entities';
import type { ReferenceData } from '@shared/kernel/reference';
import type { ComponentType } from 'react';
import type { AreaId } from './routes';
import type { SlotFill } from './slots';

/** The navigation's groups, in the order they are shown. */
export const NAV_GROUPS = ['Accounts', 'Team', 'Finance', 'Operations', 'System'] as const;

export type NavGroup = (typeof NAV_GROUPS)[number];

/** One navigation entry and the screen it opens (`#/<id>`, `#/<id>/new`, `#/<id>/<record>`). */
export type AreaEntry = {
  id: AreaId;
  label: string;
  group: NavGroup;
  hint: string;
  screen: ComponentType<{ reference: ReferenceData }>;
};

/**
 * How an area of the renderer declares itself, once, in
 * `features/<area>/area.tsx`; `app/areas.ts` registers the areas in order.
 */
export type RendererArea = {
  /** The area's name, as in `shared/<area>` and in its summary (`app.summaries`). */
  name: string;
  /** Its navigation entries, in the order they are listed within their groups. */
  entries: readonly AreaEntry[];
  /** Its audited entities with the labels the audit log shows. */
  entities: Partial<Record<AuditedEntity, string>>;
  /** Which of its audited records open in which entry (the audit log links them). */
  records?: Partial<Record<AuditedEntity, AreaId>>;
  /** What it adds to other areas' screens. */
  slots?: readonly SlotFill[];
  /** The entry that carries its summary badge, when its summary needs attention. */
  badgeOn?: AreaId;
};

/** Keeps the literal types (entity keys above all) so the registry can check every label is declared. */
export function defineArea<const A extends RendererArea>(area: A): A {
  return area;
}
