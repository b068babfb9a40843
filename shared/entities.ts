import { appEntities } from '@shared/app/entities';
import { billingEntities } from '@shared/billing/entities';
import { ceremoniesEntities } from '@shared/ceremonies/entities';
import { clientsEntities } from '@shared/clients/entities';
import { continuityEntities } from '@shared/continuity/entities';
import { maturityEntities } from '@shared/maturity/entities';
import { monitoringEntities } from '@shared/monitoring/entities';
import { operationsEntities } from '@shared/operations/entities';
import { ownershipEntities } from '@shared/ownership/entities';
import { planEntities } from '@shared/plan/entities';
import { portfolioEntities } from '@shared/portfolio/entities';

/**
 * THE registry of audited entities: each area declares its own (with the label
 * people read in the audit log) in `shared/<area>/entities.ts`; this ordered
 * list joins them. The audit contract's entity filter and the log's labels are
 * derived from it.
 */
export const ENTITY_LABELS = {
  ...clientsEntities,
  ...planEntities,
  ...billingEntities,
  ...appEntities,
  ...continuityEntities,
  ...portfolioEntities,
  ...ownershipEntities,
  ...monitoringEntities,
  ...ceremoniesEntities,
  ...operationsEntities,
  ...maturityEntities,
} as const;

export type AuditedEntity = keyof typeof ENTITY_LABELS;

export const AUDITED_ENTITIES = Object.keys(ENTITY_LABELS) as [AuditedEntity, ...AuditedEntity[]];
