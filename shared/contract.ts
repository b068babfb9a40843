import { appProcedures } from '@shared/app/contract';
import { auditProcedures } from '@shared/audit/contract';
import { billingProcedures } from '@shared/billing/contract/billing';
import { hoursProcedures } from '@shared/billing/contract/hours';
import { clientsProcedures } from '@shared/clients/contract/clients';
import { engagementsProcedures } from '@shared/clients/contract/engagements';
import { specialistsProcedures } from '@shared/clients/contract/specialists';
import { continuityProcedures } from '@shared/continuity/contract';
import type { ProcedureDef } from '@shared/kernel/define';
import { allocationsProcedures } from '@shared/plan/contract/allocations';
import { planProcedures } from '@shared/plan/contract/plan';
import { staffingProcedures } from '@shared/plan/contract/staffing';
import type { z } from 'zod';

/**
 * THE contract: every procedure the UI may call, declared once. The IPC
 * handlers, the HTTP routes, the renderer client and input validation are all
 * derived from this object. Add a procedure to an area file above, then
 * implement it in electron/backend/handlers — the type checker will insist.
 */
export const contract = {
  ...appProcedures,
  ...clientsProcedures,
  ...engagementsProcedures,
  ...specialistsProcedures,
  ...allocationsProcedures,
  ...staffingProcedures,
  ...planProcedures,
  ...hoursProcedures,
  ...billingProcedures,
  ...continuityProcedures,
  ...auditProcedures,
} satisfies Record<string, ProcedureDef>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type InputOf<N extends ProcedureName> = z.input<Contract[N]['input']>;
/** What a handler receives after validation (defaults filled, strings trimmed). */
export type ParsedInputOf<N extends ProcedureName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends ProcedureName> = NonNullable<Contract[N]['__output']>;

export const procedureNames = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.hasOwn(contract, name);
}

export type { AppInfo, BackupResult, Option, ReferenceData, SampleLoadResult } from '@shared/app/contract';
export type { AuditAction, AuditEntry, AuditedEntity } from '@shared/audit/contract';
export type * from '@shared/billing/contract/billing';
export type * from '@shared/billing/contract/hours';
export type { Client, ClientFields, ClientListItem } from '@shared/clients/contract/clients';
export type { Engagement, EngagementFields, EngagementListItem } from '@shared/clients/contract/engagements';
export type { Specialist, SpecialistFields } from '@shared/clients/contract/specialists';
export type * from '@shared/continuity/contract';
export type { ListResult } from '@shared/kernel/define';
export * from '@shared/kernel/errors';
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
