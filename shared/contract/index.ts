import type { z } from 'zod';
import { allocationsProcedures } from './allocations';
import { appProcedures } from './app';
import { auditProcedures } from './audit';
import { billingProcedures } from './billing';
import { clientsProcedures } from './clients';
import { continuityProcedures } from './continuity';
import type { ProcedureDef } from './define';
import { engagementsProcedures } from './engagements';
import { hoursProcedures } from './hours';
import { planProcedures } from './plan';
import { specialistsProcedures } from './specialists';
import { staffingProcedures } from './staffing';

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

export type {
  Absence,
  AbsenceFields,
  AbsenceKind,
  AbsenceListItem,
  Allocation,
  AllocationDetail,
  AllocationFields,
  AllocationListItem,
} from './allocations';
export type { AppInfo, BackupResult, Option, ReferenceData, SampleLoadResult } from './app';
export type { AuditAction, AuditEntry, AuditedEntity } from './audit';
export type * from './billing';
export type { Client, ClientFields, ClientListItem } from './clients';
export type * from './continuity';
export type { ListResult } from './define';
export type { Engagement, EngagementFields, EngagementListItem } from './engagements';
export * from './errors';
export type * from './hours';
export type * from './plan';
export type { Specialist, SpecialistFields } from './specialists';
export type { StaffingFields, StaffingRequest, StaffingRequestItem } from './staffing';
