import { command, type ListResult, query } from '@shared/kernel/define';
import {
  archivedFilter,
  byId,
  country,
  email,
  expectedUpdatedAt,
  id,
  isoDate,
  requiredText,
  search,
  sortDirection,
} from '@shared/kernel/fields';
import { z } from 'zod';
import {
  SENIORITIES,
  type Seniority,
  SPECIALIST_ROLES,
  SPECIALIST_STATUSES,
  type SpecialistRole,
  type SpecialistStatus,
} from '../rules/reference';
import { SOURCING_REGIONS, type SourcingRegion } from '../rules/sourcingRegion';

export type Specialist = {
  id: string;
  fullName: string;
  role: SpecialistRole;
  seniority: Seniority;
  homeCountry: string;
  /** Subdivision code inside the home country (holiday calendar), or '' for the whole country. */
  homeSubdivision: string;
  sourcingRegion: SourcingRegion;
  skills: string[];
  startDate: string;
  status: SpecialistStatus;
  email: string;
  /** Contracted working time per working day, in minutes (480 = 8 h). */
  dailyMinutes: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** What the specialists list and the people pickers show; `specialists.get` has the whole record. */
export const SPECIALIST_LIST_FIELDS = [
  'id',
  'fullName',
  'role',
  'seniority',
  'homeCountry',
  'sourcingRegion',
  'skills',
  'startDate',
  'status',
  'email',
  'archivedAt',
] as const satisfies readonly (keyof Specialist)[];
export type SpecialistListItem = Pick<Specialist, (typeof SPECIALIST_LIST_FIELDS)[number]>;

const specialistShape = {
  fullName: requiredText(120),
  role: z.enum(SPECIALIST_ROLES, { error: 'must be one of the listed roles' }),
  seniority: z.enum(SENIORITIES, { error: `must be one of: ${SENIORITIES.join(', ')}` }),
  homeCountry: country,
  homeSubdivision: z
    .string()
    .regex(/^([A-Z0-9]{1,3})?$/, 'must be a region code such as ZH, or empty')
    .default(''),
  skills: z.array(requiredText(40), { error: 'must be a list of skills' }).max(30, 'can hold at most 30 skills').default([]),
  startDate: isoDate,
  status: z.enum(SPECIALIST_STATUSES, { error: `must be one of: ${SPECIALIST_STATUSES.join(', ')}` }),
  email,
  dailyMinutes: z
    .number({ error: 'must be a number of minutes' })
    .int('must be whole minutes')
    .min(60, 'must be at least 1 hour a day')
    .max(720, 'must be at most 12 hours a day')
    .default(480),
};

export const specialistFields = z.strictObject(specialistShape);
export type SpecialistFields = z.input<typeof specialistFields>;

export const SPECIALIST_SORT_FIELDS = ['fullName', 'role', 'seniority', 'sourcingRegion', 'startDate', 'status', 'updatedAt'] as const;

export const specialistListInput = z
  .strictObject({
    search,
    archived: archivedFilter,
    role: z.enum(SPECIALIST_ROLES).optional(),
    status: z.enum(SPECIALIST_STATUSES).optional(),
    sourcingRegion: z.enum(SOURCING_REGIONS).optional(),
    skill: z.string().trim().max(40).optional(),
    sort: z.enum(SPECIALIST_SORT_FIELDS).default('fullName'),
    direction: sortDirection,
  })
  .default({ archived: 'active', sort: 'fullName', direction: 'asc' });

export const specialistsProcedures = {
  'specialists.list': query<ListResult<SpecialistListItem>>()('List specialists with search, filters and sort.', specialistListInput),
  'specialists.get': query<Specialist>()('One specialist by id.', byId),
  'specialists.create': command<Specialist>()('Add a specialist.', specialistFields),
  'specialists.update': command<Specialist>()('Change a specialist.', specialistFields.extend({ id, expectedUpdatedAt })),
  'specialists.archive': command<Specialist>()('Archive a specialist.', byId),
  'specialists.restore': command<Specialist>()('Restore an archived specialist.', byId),
};
