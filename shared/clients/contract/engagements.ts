import { DEFAULT_SLA_BUSINESS_DAYS } from '@shared/kernel/businessClock';
import { compareIsoDates } from '@shared/kernel/dates';
import { command, type ListResult, query } from '@shared/kernel/define';
import {
  archivedFilter,
  byId,
  currency,
  expectedUpdatedAt,
  id,
  isoDate,
  optionalText,
  requiredText,
  search,
  sortDirection,
} from '@shared/kernel/fields';
import { z } from 'zod';
import { ENGAGEMENT_STATUSES, type EngagementStatus } from '../rules/reference';

export type Engagement = {
  id: string;
  clientId: string;
  name: string;
  currency: string;
  startDate: string;
  endDate: string | null;
  status: EngagementStatus;
  contractNotes: string;
  /** Replacement SLA: business days from the client's request to the replacement's start. */
  slaBusinessDays: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** One engagement with its client's name: what `engagements.get` answers for the record page. */
export type EngagementDetail = Engagement & { clientName: string };

/** What the engagements list and the engagement pickers show; `engagements.get` has the whole record. */
export const ENGAGEMENT_LIST_FIELDS = [
  'id',
  'clientId',
  'clientName',
  'name',
  'currency',
  'startDate',
  'endDate',
  'status',
  'slaBusinessDays',
  'archivedAt',
] as const satisfies readonly (keyof EngagementDetail)[];
export type EngagementListItem = Pick<EngagementDetail, (typeof ENGAGEMENT_LIST_FIELDS)[number]>;

const engagementShape = {
  clientId: id,
  name: requiredText(120),
  currency,
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  status: z.enum(ENGAGEMENT_STATUSES, { error: `must be one of: ${ENGAGEMENT_STATUSES.join(', ')}` }),
  contractNotes: optionalText(8000).default(''),
  slaBusinessDays: z
    .number({ error: 'must be a number of business days' })
    .int('must be whole business days')
    .min(1, 'must be at least 1 business day')
    .max(60, 'must be at most 60 business days')
    .default(DEFAULT_SLA_BUSINESS_DAYS),
};

const endNotBeforeStart = (v: { startDate: string; endDate: string | null }) =>
  v.endDate === null || compareIsoDates(v.endDate, v.startDate) >= 0;
const endMessage = { message: 'must be on or after the start date', path: ['endDate'] };

export const engagementFields = z.strictObject(engagementShape).refine(endNotBeforeStart, endMessage);
export type EngagementFields = z.input<typeof engagementFields>;

export const ENGAGEMENT_SORT_FIELDS = ['name', 'clientName', 'startDate', 'endDate', 'status', 'updatedAt'] as const;

export const engagementListInput = z
  .strictObject({
    search,
    archived: archivedFilter,
    clientId: id.optional(),
    status: z.enum(ENGAGEMENT_STATUSES).optional(),
    sort: z.enum(ENGAGEMENT_SORT_FIELDS).default('startDate'),
    direction: sortDirection,
  })
  .default({ archived: 'active', sort: 'startDate', direction: 'asc' });

export const engagementsProcedures = {
  'engagements.list': query<ListResult<EngagementListItem>>()('List engagements with search, filters and sort.', engagementListInput),
  'engagements.get': query<EngagementDetail>()('One engagement by id.', byId),
  'engagements.create': command<Engagement>()('Create an engagement for a client.', engagementFields),
  'engagements.update': command<Engagement>()(
    'Change an engagement.',
    z.strictObject({ ...engagementShape, id, expectedUpdatedAt }).refine(endNotBeforeStart, endMessage),
  ),
  'engagements.archive': command<Engagement>()('Archive an engagement.', byId),
  'engagements.restore': command<Engagement>()('Restore an archived engagement.', byId),
};
