import type { Engagement } from '@shared/clients/contract/engagements';
import type { Specialist } from '@shared/clients/contract/specialists';
import type { RecordBeforeStart } from '@shared/clients/rules/joined';

declare module '@backend/core/context' {
  interface HookEvents {
    /**
     * An engagement is about to change (emitted inside the update's transaction,
     * before it is stored): another area may refuse it by throwing a DomainError,
     * e.g. billing refuses a currency change once rates or hours exist.
     */
    'clients.engagementUpdating': { before: Engagement; after: Engagement };
    /**
     * A specialist's start date is about to move later (inside the update's
     * transaction, before it is stored). Each area that ties the specialist to
     * days adds its records dated before `newStartDate` to `inTheWay`; clients
     * then refuses the change naming them all, so nothing is silently orphaned.
     */
    'clients.specialistStartMoving': { specialist: Specialist; newStartDate: string; inTheWay: RecordBeforeStart[] };
  }
}
