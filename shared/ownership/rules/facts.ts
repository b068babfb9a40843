/**
 * What the ownership rules are given: plain data the backend loads for one engagement (or all of them),
 * so every check is a pure function of it. Nothing here reads a clock or a database.
 */

import type { Duty, NotApplicable } from '../contract/duties';
import type { Assignment, MatrixPerson, MatrixRow, OwnershipSettings } from '../contract/matrix';

/** A matrix row with the period it is in service (assignments must fall inside it). */
export type FactRow = MatrixRow & { inServiceFrom: string; inServiceTo: string | null };

/** A specialist's allocation on the engagement (cancelled ones are left out by the loader). */
export type AllocationSpan = { startDate: string; endDate: string; status: 'tentative' | 'confirmed' };

/** One engagement's facts for the checks as of a day. */
export type EngagementFacts = {
  engagementId: string;
  asOf: string;
  /** The engagement's duties, retired ones included (a duty retired on or before asOf is not checked). */
  duties: Duty[];
  notApplicable: NotApplicable[];
  /** Models of the engagement and its assets that are not archived. */
  rows: FactRow[];
  /** Every assignment of the engagement, any date (the rules pick the ones effective on a day). */
  assignments: Assignment[];
  /** Everybody named in `assignments`, by person key. */
  people: ReadonlyMap<string, MatrixPerson>;
  /** Per specialist key: their allocations on this engagement. Contacts have none (they are the client). */
  allocations: ReadonlyMap<string, readonly AllocationSpan[]>;
  /** Per person key: the days in [asOf, asOf + horizon] they are away (time off, public holidays of their home calendar). */
  awayDays: ReadonlyMap<string, ReadonlySet<string>>;
  settings: OwnershipSettings;
};
