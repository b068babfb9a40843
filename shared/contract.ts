import { appProcedures } from '@shared/app/contract';
import { auditProcedures } from '@shared/audit/contract';
import { billingAreaProcedures } from '@shared/billing/procedures';
import { ceremoniesAreaProcedures } from '@shared/ceremonies/procedures';
import { clientsAreaProcedures } from '@shared/clients/procedures';
import { continuityProcedures } from '@shared/continuity/contract';
import { type CommandNamesOf, joinProcedures, type QueryNamesOf } from '@shared/kernel/define';
import { maturityAreaProcedures } from '@shared/maturity/procedures';
import { monitoringAreaProcedures } from '@shared/monitoring/procedures';
import { operationsAreaProcedures } from '@shared/operations/procedures';
import { ownershipAreaProcedures } from '@shared/ownership/procedures';
import { planAreaProcedures } from '@shared/plan/procedures';
import { portfolioAreaProcedures } from '@shared/portfolio/procedures';
import type { z } from 'zod';

/**
 * THE contract: every procedure the UI may call, declared once in its area
 * (`shared/<area>/`), joined here in one ordered list. The IPC handlers, the
 * HTTP routes, the renderer client and input validation are all derived from
 * it; each backend area implements its own procedures (electron/backend/<area>/handlers.ts)
 * and the backend refuses to start when one is missing or implemented twice.
 */
export const contract = joinProcedures(
  appProcedures,
  clientsAreaProcedures,
  planAreaProcedures,
  billingAreaProcedures,
  continuityProcedures,
  portfolioAreaProcedures,
  ownershipAreaProcedures,
  monitoringAreaProcedures,
  ceremoniesAreaProcedures,
  operationsAreaProcedures,
  maturityAreaProcedures,
  auditProcedures,
);

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type InputOf<N extends ProcedureName> = z.input<Contract[N]['input']>;
/** What a handler receives after validation (defaults filled, strings trimmed). */
export type ParsedInputOf<N extends ProcedureName> = z.output<Contract[N]['input']>;
/** The procedures that only read: their answers are cached and refreshed when a command makes them stale. */
export type QueryName = QueryNamesOf<Contract>;
/** The procedures that write: each declares which queries it makes stale (renderer/src/features/<area>/stale.ts). */
export type CommandName = CommandNamesOf<Contract>;
export type OutputOf<N extends ProcedureName> = NonNullable<Contract[N]['__output']>;

export const procedureNames = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.hasOwn(contract, name);
}

export type { AppInfo, BackupResult, SampleLoadResult } from '@shared/app/contract';
export type { AuditAction, AuditEntry, AuditedEntity } from '@shared/audit/contract';
export type * from '@shared/billing/contract/billing';
export type * from '@shared/billing/contract/hours';
export type * from '@shared/ceremonies/contract/occurrences';
export type * from '@shared/ceremonies/contract/rhythm';
export type * from '@shared/ceremonies/contract/series';
export type { Client, ClientFields, ClientListItem } from '@shared/clients/contract/clients';
export type { Engagement, EngagementDetail, EngagementFields, EngagementListItem } from '@shared/clients/contract/engagements';
export type { Option, ReferenceData } from '@shared/clients/contract/reference';
export type { Specialist, SpecialistFields } from '@shared/clients/contract/specialists';
export type * from '@shared/continuity/contract';
export type { ListResult } from '@shared/kernel/define';
export * from '@shared/kernel/errors';
export type * from '@shared/maturity/contract/assessments';
export type * from '@shared/maturity/contract/overview';
export type * from '@shared/operations/contract/costs';
export type * from '@shared/operations/contract/incidents';
export type * from '@shared/operations/contract/overview';
export type * from '@shared/operations/contract/retraining';
export type * from '@shared/ownership/contract/assets';
export type * from '@shared/ownership/contract/duties';
export type * from '@shared/ownership/contract/matrix';
export type {
  Absence,
  AbsenceFields,
  AbsenceKind,
  AbsenceListItem,
  Allocation,
  AllocationDetail,
  AllocationFields,
  AllocationListItem,
} from '@shared/plan/contract/allocations';
export type * from '@shared/plan/contract/plan';
export type { StaffingFields, StaffingRequest, StaffingRequestItem } from '@shared/plan/contract/staffing';
export type * from '@shared/portfolio/contract/card';
export type * from '@shared/portfolio/contract/contacts';
export type * from '@shared/portfolio/contract/deployments';
export type * from '@shared/portfolio/contract/inventory';
export type * from '@shared/portfolio/contract/models';
export type * from '@shared/portfolio/contract/portfolio';
export type * from '@shared/portfolio/contract/versions';
