import type { Option } from './define';

/**
 * The vocabularies every form offers (answered by `reference.get`, in the clients
 * area): countries, currencies, holiday calendars, roles, seniorities, regions, statuses.
 */
export type ReferenceData = {
  countries: Option[];
  currencies: Option[];
  /** Holiday calendars Keel knows: whole countries and their subdivisions. */
  holidayCalendars: Option[];
  roles: Option[];
  seniorities: Option[];
  sourcingRegions: Option[];
  engagementStatuses: Option[];
  specialistStatuses: Option[];
};
