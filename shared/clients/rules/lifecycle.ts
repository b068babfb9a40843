import type { EngagementStatus } from './reference';

/**
 * Rules about archiving. Archive is Keel's "delete": it hides a record from
 * the working lists but keeps it, and its history, for good.
 */

type EngagementRef = { name: string; status: EngagementStatus; archivedAt: string | null };

/** A client with running (active or paused) engagements cannot be archived. */
export function clientArchiveRefusal(clientName: string, engagements: readonly EngagementRef[]): string | null {
  const running = engagements.filter((e) => e.archivedAt === null && (e.status === 'active' || e.status === 'paused'));
  if (running.length === 0) return null;
  const names = running.map((e) => `“${e.name}”`).join(', ');
  return `${clientName} still has ${running.length} running engagement${running.length > 1 ? 's' : ''} (${names}). End or archive ${running.length > 1 ? 'them' : 'it'} first.`;
}

/** Engagements live under a client: none can be added to, or restored under, an archived client. */
export function archivedClientRefusal(client: { name: string; archivedAt: string | null }, doing: string): string | null {
  return client.archivedAt ? `${client.name} is archived. Restore the client before you ${doing}.` : null;
}

/** Archived records are read-only until restored: the archive is the record as it was left. */
export function archivedRecordRefusal(label: string, archivedAt: string | null): string | null {
  return archivedAt ? `${label} is archived. Restore it before changing it.` : null;
}

/** Work cannot run for an archived client: an engagement under one may not become active or paused. */
export function runningUnderArchivedClientRefusal(
  client: { name: string; archivedAt: string | null },
  status: EngagementStatus,
): string | null {
  if (!client.archivedAt || (status !== 'active' && status !== 'paused')) return null;
  return `${client.name} is archived, so its engagements cannot be ${status}. Restore the client first.`;
}

/** Sample data only goes into a database with no clients, engagements or specialists at all. */
export function canLoadSampleData(counts: { clients: number; engagements: number; specialists: number }): boolean {
  return counts.clients + counts.engagements + counts.specialists === 0;
}
