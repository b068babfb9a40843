import type { Hook } from '@backend/core/hooks';
import { DomainError } from '@shared/kernel/errors';

/**
 * Rates are stored in the engagement's minor units and invoices in its currency:
 * switching currency once rates or hours exist would reprice every hour. The
 * clients area owns engagements; billing refuses the change from this hook,
 * inside the engagement update's transaction.
 */
export const refuseCurrencyChangeOnceBilled: Hook<'clients.engagementUpdating'> = (ctx, { before, after }) => {
  if (after.currency === before.currency) return;
  if (!ctx.repos.billing.hasRates(before.id) && !ctx.repos.timeEntries.hasEntries(before.id)) return;
  throw new DomainError(
    'conflict',
    `${before.name} already has rates or hours in ${before.currency}, so its currency cannot change. Start a new engagement for billing in ${after.currency}.`,
    [{ path: 'currency', message: `stays ${before.currency} once rates or hours exist` }],
  );
};
