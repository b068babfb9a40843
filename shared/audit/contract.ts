import { AUDITED_ENTITIES, type AuditedEntity } from '@shared/entities';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '@shared/kernel/audit';
import { command, query } from '@shared/kernel/define';
import { id } from '@shared/kernel/fields';
import { z } from 'zod';

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

export { AUDIT_ACTIONS, AUDITED_ENTITIES, type AuditAction, type AuditEntry, type AuditedEntity };
