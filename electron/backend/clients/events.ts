import type { Engagement } from '@shared/clients/contract/engagements';

declare module '@backend/core/context' {
  interface HookEvents {
    /**
     * An engagement is about to change (emitted inside the update's transaction,
     * before it is stored): another area may refuse it by throwing a DomainError,
     * e.g. billing refuses a currency change once rates or hours exist.
     */
    'clients.engagementUpdating': { before: Engagement; after: Engagement };
  }
}
