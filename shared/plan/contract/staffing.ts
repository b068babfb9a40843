import { SENIORITIES, type Seniority, SPECIALIST_ROLES, type SpecialistRole } from '@shared/clients/rules/reference';
import { SOURCING_REGIONS, type SourcingRegion } from '@shared/clients/rules/sourcingRegion';
import { command, type ListResult, query } from '@shared/kernel/define';
import { byId, expectedUpdatedAt, id, isoDate, optionalText, requiredText, search } from '@shared/kernel/fields';
import { z } from 'zod';
import { DEFAULT_TARGET_WEEKS, type FillClock, OPEN_STAGES, STAFFING_STAGES, type StaffingStage } from '../rules/staffing';
import { type AllocationListItem, loadPercent } from './allocations';

export type StaffingRequest = {
  id: string;
  engagementId: string;
  title: string;
  role: SpecialistRole;
  seniority: Seniority;
  requiredSkills: string[];
  /** Preferred sourcing regions; empty means any. */
  regionPreferences: SourcingRegion[];
  startDate: string;
  loadPercent: number;
  stage: StaffingStage;
  openedOn: string;
  targetWeeks: number;
  filledOn: string | null;
  allocationId: string | null;
  declinedOn: string | null;
  declineReason: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
};

export type StaffingRequestItem = StaffingRequest & {
  engagementName: string;
  engagementEndDate: string | null;
  clientId: string;
  clientName: string;
  clock: FillClock;
  /** The allocation it became, when filled. */
  allocation: AllocationListItem | null;
};

const requestShape = {
  engagementId: id,
  title: requiredText(120),
  role: z.enum(SPECIALIST_ROLES, { error: 'must be one of the listed roles' }),
  seniority: z.enum(SENIORITIES, { error: `must be one of: ${SENIORITIES.join(', ')}` }),
  requiredSkills: z
    .array(requiredText(40), { error: 'must be a list of skills' })
    .min(1, 'name at least one skill: a role is defined in technical detail before the search starts')
    .max(30, 'can hold at most 30 skills'),
  regionPreferences: z
    .array(z.enum(SOURCING_REGIONS, { error: 'must be a known sourcing region' }))
    .max(SOURCING_REGIONS.length)
    .default([]),
  startDate: isoDate,
  loadPercent: loadPercent.default(100),
  targetWeeks: z
    .number({ error: 'must be a number of weeks' })
    .int('must be whole weeks')
    .min(1, 'must be at least 1 week')
    .max(26, 'must be at most 26 weeks')
    .default(DEFAULT_TARGET_WEEKS),
  notes: optionalText(4000).default(''),
};

export const staffingFields = z.strictObject({ ...requestShape, openedOn: isoDate.optional() });
export type StaffingFields = z.input<typeof staffingFields>;

export const staffingListInput = z
  .strictObject({
    search,
    state: z.enum(['open', 'closed', 'all']).default('open'),
    stage: z.enum(STAFFING_STAGES).optional(),
    engagementId: id.optional(),
  })
  .default({ state: 'open' });

/** Filling a request creates its allocation: who, from when, how much. The engagement comes from the request. */
export const fillInput = z.strictObject({
  id,
  specialistId: id,
  startDate: isoDate,
  endDate: isoDate,
  loadPercent: loadPercent.optional(),
  status: z.enum(['tentative', 'confirmed']).default('confirmed'),
  filledOn: isoDate.optional(),
});

export const staffingProcedures = {
  'staffing.list': query<ListResult<StaffingRequestItem>>()(
    'Staffing requests (open roles) with their time-to-fill clock.',
    staffingListInput,
  ),
  'staffing.get': query<StaffingRequestItem>()('One staffing request.', byId),
  'staffing.create': command<StaffingRequestItem>()('Define a new role to staff on an engagement.', staffingFields),
  'staffing.update': command<StaffingRequestItem>()(
    'Change the definition of an open request.',
    z.strictObject({ ...requestShape, openedOn: isoDate, id, expectedUpdatedAt }),
  ),
  'staffing.setStage': command<StaffingRequestItem>()(
    'Move an open request between defined, sourcing and candidates presented.',
    z.strictObject({ id, stage: z.enum(OPEN_STAGES, { error: `must be one of: ${OPEN_STAGES.join(', ')}` }) }),
  ),
  'staffing.fill': command<StaffingRequestItem>()(
    'Fill a request: creates the allocation it becomes and links it.',
    fillInput.refine((v) => v.endDate >= v.startDate, { message: 'must be on or after the start date', path: ['endDate'] }),
  ),
  'staffing.decline': command<StaffingRequestItem>()(
    'Decline a request when the fit is not there, with the reason.',
    z.strictObject({ id, reason: requiredText(1000) }),
  ),
};
