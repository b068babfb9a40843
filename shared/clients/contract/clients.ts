import { command, type ListResult, query } from '@shared/kernel/define';
import {
  archivedFilter,
  byId,
  calendar,
  country,
  currency,
  expectedUpdatedAt,
  id,
  optionalText,
  requiredText,
  search,
  sortDirection,
  timeZone,
} from '@shared/kernel/fields';
import { z } from 'zod';

export type Client = {
  id: string;
  name: string;
  country: string;
  currency: string;
  holidayCalendar: string;
  /** IANA time zone the client's dates are read in; empty = the holiday calendar's own zone. */
  timeZone: string;
  /** VAT charged on this client's invoices, in basis points (810 = 8.10%); 0 = none. */
  vatBasisPoints: number;
  notes: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** What the clients list and the client pickers show; `clients.get` has the whole record (notes, VAT, dates). */
export const CLIENT_LIST_FIELDS = [
  'id',
  'name',
  'country',
  'currency',
  'holidayCalendar',
  'timeZone',
  'archivedAt',
  'updatedAt',
  'engagementCount',
  'activeEngagementCount',
  'effectiveTimeZone',
] as const satisfies readonly (keyof ClientListItem)[];
export type ClientListItem = Pick<
  Client,
  'id' | 'name' | 'country' | 'currency' | 'holidayCalendar' | 'timeZone' | 'archivedAt' | 'updatedAt'
> & {
  engagementCount: number;
  activeEngagementCount: number;
  /** The zone the client's dates are read in: its own, else its holiday calendar's (what "same as the calendar" means). */
  effectiveTimeZone: string;
};

export const clientFields = z.strictObject({
  name: requiredText(120),
  country,
  currency,
  holidayCalendar: calendar,
  timeZone: timeZone.default(''),
  vatBasisPoints: z
    .number({ error: 'must be a percentage such as 8.1' })
    .int('must have at most two decimals')
    .min(0, 'cannot be negative')
    .max(10_000, 'must be at most 100%')
    .default(0),
  notes: optionalText(4000).default(''),
});
export type ClientFields = z.input<typeof clientFields>;

export const CLIENT_SORT_FIELDS = ['name', 'country', 'currency', 'createdAt', 'updatedAt'] as const;

export const clientListInput = z
  .strictObject({
    search,
    archived: archivedFilter,
    country: country.optional(),
    currency: currency.optional(),
    sort: z.enum(CLIENT_SORT_FIELDS).default('name'),
    direction: sortDirection,
  })
  .default({ archived: 'active', sort: 'name', direction: 'asc' });

export const clientsProcedures = {
  'clients.list': query<ListResult<ClientListItem>>()('List clients with search, filters and sort.', clientListInput),
  'clients.get': query<Client>()('One client by id.', byId),
  'clients.create': command<Client>()('Create a client.', clientFields),
  'clients.update': command<Client>()(
    'Change a client. Pass the updatedAt you last saw to refuse overwriting someone else’s change.',
    clientFields.extend({ id, expectedUpdatedAt }),
  ),
  'clients.archive': command<Client>()('Archive a client (nothing is deleted; restore brings it back).', byId),
  'clients.restore': command<Client>()('Restore an archived client.', byId),
};
