import { compareIsoDates } from '@shared/kernel/dates';
import { command, type ListResult, query } from '@shared/kernel/define';
import { byId, expectedUpdatedAt, id, isoDate, optionalText, requiredText, search } from '@shared/kernel/fields';
import { z } from 'zod';
import { ALLOCATION_STATUSES, type AllocationStatus, type PlanFlag } from '../rules/allocations';

export type Allocation = {
  id: string;
  specialistId: string;
  engagementId: string;
  startDate: string;
  endDate: string;
  /** Share of a full-time day, 1–100. */
  loadPercent: number;
  status: AllocationStatus;
  note: string;
  /** Why it was cancelled; empty unless cancelled. */
  cancelReason: string;
  createdAt: string;
  updatedAt: string;
};

export type AllocationListItem = Allocation & {
  specialistName: string;
  engagementName: string;
  clientId: string;
  clientName: string;
};

/** An allocation with the plan flags (overloads, hand-overs) of its specialist that touch its dates. */
export type AllocationDetail = AllocationListItem & { flags: PlanFlag[] };

export const ABSENCE_KINDS = ['vacation', 'sick', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
export const ABSENCE_KIND_LABELS: Record<AbsenceKind, string> = { vacation: 'Vacation', sick: 'Sick leave', other: 'Other absence' };

export type Absence = {
  id: string;
  specialistId: string;
  kind: AbsenceKind;
  startDate: string;
  endDate: string;
  note: string;
  createdAt: string;
  updatedAt: string;
};
export type AbsenceListItem = Absence & { specialistName: string };

const endNotBeforeStart = (v: { startDate?: string; endDate?: string }) =>
  !v.startDate || !v.endDate || compareIsoDates(v.endDate, v.startDate) >= 0;
const endMessage = { message: 'must be on or after the start date', path: ['endDate'] };

export const loadPercent = z
  .number({ error: 'must be a number from 1 to 100' })
  .int('must be a whole percentage')
  .min(1, 'must be at least 1%')
  .max(100, 'must be at most 100% (a full-time day)');

const allocationShape = {
  specialistId: id,
  engagementId: id,
  startDate: isoDate,
  endDate: isoDate,
  loadPercent: loadPercent.default(100),
  status: z
    .enum(['tentative', 'confirmed'], { error: 'must be tentative or confirmed (cancel an allocation with Cancel)' })
    .default('tentative'),
  note: optionalText(2000).default(''),
};

export const allocationFields = z.strictObject(allocationShape).refine(endNotBeforeStart, endMessage);
export type AllocationFields = z.input<typeof allocationFields>;

export const allocationListInput = z
  .strictObject({
    search,
    specialistId: id.optional(),
    engagementId: id.optional(),
    clientId: id.optional(),
    status: z.enum(ALLOCATION_STATUSES).optional(),
    /** Only allocations that touch this date range. */
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .default({});

const absenceShape = {
  specialistId: id,
  kind: z.enum(ABSENCE_KINDS, { error: `must be one of: ${ABSENCE_KINDS.join(', ')}` }),
  startDate: isoDate,
  endDate: isoDate,
  note: optionalText(500).default(''),
};
export const absenceFields = z.strictObject(absenceShape).refine(endNotBeforeStart, endMessage);
export type AbsenceFields = z.input<typeof absenceFields>;

export const allocationsProcedures = {
  'allocations.list': query<ListResult<AllocationListItem>>()(
    'Allocations, filtered by person, engagement, client, status or dates.',
    allocationListInput,
  ),
  'allocations.get': query<AllocationDetail>()('One allocation with its plan flags.', byId),
  'allocations.create': command<AllocationDetail>()(
    'Allocate a specialist to an engagement for a date range and load. A confirmed allocation must respect the dedication rule.',
    allocationFields,
  ),
  'allocations.update': command<AllocationDetail>()(
    'Change, extend or end early an allocation.',
    z.strictObject({ ...allocationShape, id, expectedUpdatedAt }).refine(endNotBeforeStart, endMessage),
  ),
  'allocations.cancel': command<AllocationDetail>()(
    'Cancel an allocation; it stays on record with the reason.',
    z.strictObject({ id, reason: requiredText(500) }),
  ),

  'absences.list': query<ListResult<AbsenceListItem>>()(
    'Absences (vacation, sick leave, other), by specialist and date range.',
    z.strictObject({ specialistId: id.optional(), from: isoDate.optional(), to: isoDate.optional() }).default({}),
  ),
  'absences.create': command<Absence>()('Record an absence of a specialist.', absenceFields),
  'absences.update': command<Absence>()(
    'Change an absence.',
    z.strictObject({ ...absenceShape, id, expectedUpdatedAt }).refine(endNotBeforeStart, endMessage),
  ),
  'absences.delete': command<Absence>()('Delete an absence recorded by mistake (kept in the audit log).', byId),
};
