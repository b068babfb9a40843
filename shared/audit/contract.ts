import { command, query } from '@shared/kernel/define';
import { id } from '@shared/kernel/fields';
import { AUDITED_ENTITIES, type AuditedEntity } from '@shared/entities';
import { z } from 'zod';


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

export const auditListInput = z
  .strictObject({
    entity: z.enum(AUDITED_ENTITIES).optional(),
    entityId: id.optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    /** Only entries strictly older than this entry (keyset paging). */
    beforeId: id.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ limit: 100 });

export const auditProcedures = {
  'audit.list': query<{ rows: AuditEntry[]; hasMore: boolean }>()('Recent changes, newest first, filterable by entity.', auditListInput),
  'audit.undo': command<AuditEntry>()(
    'Reverse an archive or restore recorded in the audit log (writes a new audit entry).',
    z.strictObject({ auditId: id }),
  ),
};

export { AUDITED_ENTITIES, type AuditedEntity };
