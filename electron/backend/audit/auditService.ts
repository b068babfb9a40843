import { archiveClient, restoreClient } from '@backend/clients/clientService';
import { archiveEngagement, restoreEngagement } from '@backend/clients/engagementService';
import { archiveSpecialist, restoreSpecialist } from '@backend/clients/specialistService';
import type { Context } from '@backend/core/context';
import { isUndoable, undoRefusal } from '@shared/audit/rules/undo';
import type { AuditEntry } from '@shared/kernel/audit';
import { DomainError, notFound } from '@shared/kernel/errors';

type ListFilter = Parameters<Context['repos']['audit']['list']>[0];

export function listAudit(ctx: Context, filter: ListFilter): { rows: AuditEntry[]; hasMore: boolean } {
  const { rows, hasMore } = ctx.repos.audit.list(filter);
  return { rows: rows.map(({ isLatest, ...entry }) => ({ ...entry, undoable: isUndoable(entry, isLatest) })), hasMore };
}

const REVERSE = {
  client: { archive: restoreClient, restore: archiveClient },
  engagement: { archive: restoreEngagement, restore: archiveEngagement },
  specialist: { archive: restoreSpecialist, restore: archiveSpecialist },
} as const;

/** Undo an archive (restore) or a restore (archive). The undo is itself a new, audited change. */
export function undoAudit(ctx: Context, auditId: string): AuditEntry {
  // One transaction: the "is it still the latest change?" check and the reversal cannot be split by another writer.
  return ctx.write(() => undoInTransaction(ctx, auditId));
}

function undoInTransaction(ctx: Context, auditId: string): AuditEntry {
  const entry = ctx.repos.audit.get(auditId);
  if (!entry) throw notFound('Audit entry', auditId);
  const latest = ctx.repos.audit.latestFor(entry.entityId);
  const refusal = undoRefusal(entry, latest?.id === entry.id);
  if (refusal) throw new DomainError('conflict', refusal);
  if (!Object.hasOwn(REVERSE, entry.entity) || (entry.action !== 'archive' && entry.action !== 'restore')) {
    throw new DomainError('conflict', 'This change cannot be undone.');
  }
  REVERSE[entry.entity as keyof typeof REVERSE][entry.action](ctx, entry.entityId);
  const undone = ctx.repos.audit.latestFor(entry.entityId);
  if (!undone) throw new Error('The undo wrote no audit entry.');
  return { ...undone, undoable: true };
}
