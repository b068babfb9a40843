import { defineArea, type RendererArea } from '@renderer/app/area';
import { lazyScreen } from '@renderer/app/lazyScreen';

// The screens load on first visit: each is a chunk of its own, fetched when its entry is opened.
const AuditScreen = lazyScreen(() => import('./AuditScreen').then((m) => m.AuditScreen));

declare module '@renderer/app/routes' {
  interface RouteEntries {
    audit: true;
  }
}

/** The audit log audits nothing of its own: it shows every other area's changes. */
export const auditArea = defineArea({
  name: 'audit',
  entries: [{ id: 'audit', label: 'Audit log', group: 'System', hint: 'Every change: who, when, before and after', screen: AuditScreen }],
  entities: {},
} satisfies RendererArea);
