import type { Context } from '@backend/core/context';
import type { OperationsSettings } from '@shared/operations/contract/overview';
import { DEFAULT_REVIEW_BUSINESS_DAYS, MAX_REVIEW_BUSINESS_DAYS } from '@shared/operations/rules/vocabulary';

const KEY = 'operations.reviewBusinessDays';

/** How many business days after resolution a post-incident review is due (a setting; 5 by default). */
export function operationsSettings(ctx: Context): OperationsSettings {
  const raw = ctx.repos.settings.get(KEY);
  const stored = raw === null ? Number.NaN : Number(raw);
  return {
    reviewBusinessDays:
      Number.isInteger(stored) && stored >= 1 && stored <= MAX_REVIEW_BUSINESS_DAYS ? stored : DEFAULT_REVIEW_BUSINESS_DAYS,
  };
}

export function updateOperationsSettings(ctx: Context, input: OperationsSettings): OperationsSettings {
  return ctx.write((audit) => {
    const before = operationsSettings(ctx);
    ctx.repos.settings.set(KEY, String(input.reviewBusinessDays));
    audit({
      entity: 'settings',
      entityId: KEY,
      label: 'Business days after an incident’s resolution before its review is due',
      action: 'update',
      before,
      after: input,
    });
    return operationsSettings(ctx);
  });
}
