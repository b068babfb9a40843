import type { AuditedEntity } from '@shared/entities';

/**
 * The audit log's vocabulary: every write appends an entry (who, when, what
 * record, before and after). The entities come from the areas (shared/entities.ts).
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'archive',
  'restore',
  'cancel',
  'delete',
  'import',
  'approve',
  'reopen',
  'issue',
  'fulfil',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  id: string;
  at: string;
  actor: string;
  entity: AuditedEntity;
  entityId: string;
  /** A human label of the record at the time (its name), for the log screen. */
  label: string;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** True when `audit.undo` can reverse this entry (archives and restores of live records). */
  undoable: boolean;
};
