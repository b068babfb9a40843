import { paramOf, shapeOf, withoutDefaults } from '@renderer/app/address';
import { bindAddress } from '@renderer/app/stores';
import { type AuditedEntity, auditListInput } from '@shared/audit/contract';
import { create } from 'zustand';

/** The audit log's filter: which kind of record. Server data stays in the query cache. */
type AuditLogState = { entity: AuditedEntity | ''; setEntity(entity: AuditedEntity | ''): void };

export const useAuditLog = create<AuditLogState>((set) => ({ entity: '', setEntity: (entity) => set({ entity }) }));

const shape = shapeOf(auditListInput);

/** The log's address: `#/audit?entity=invoice`; an entity Keel does not audit shows every record. */
bindAddress(useAuditLog, {
  areas: ['audit'],
  read: (p) => ({ entity: paramOf(shape.entity, p.entity, '') as AuditedEntity | '' }),
  write: (s) => withoutDefaults({ entity: s.entity }, {}),
});
