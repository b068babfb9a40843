import type { Context } from '@backend/core/context';
import type { BillingSettings } from '@shared/billing/contract/billing';

/** Defaults until finance changes them: numbers like KEEL-2026-0001, a warning above 10 h a day. */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = { invoicePrefix: 'KEEL', dailyThresholdMinutes: 600 };

const KEYS = ['invoice_prefix', 'daily_threshold_minutes'] as const;

export function billingSettings(ctx: Context): BillingSettings {
  const stored = ctx.repos.settings.getMany(KEYS);
  const threshold = Number(stored.daily_threshold_minutes);
  return {
    invoicePrefix: stored.invoice_prefix ?? DEFAULT_BILLING_SETTINGS.invoicePrefix,
    dailyThresholdMinutes: Number.isInteger(threshold) && threshold > 0 ? threshold : DEFAULT_BILLING_SETTINGS.dailyThresholdMinutes,
  };
}

export function updateBillingSettings(ctx: Context, next: BillingSettings): BillingSettings {
  return ctx.write((audit) => {
    const before = billingSettings(ctx);
    ctx.repos.settings.set('invoice_prefix', next.invoicePrefix);
    ctx.repos.settings.set('daily_threshold_minutes', String(next.dailyThresholdMinutes));
    audit({ entity: 'settings', entityId: 'billing', label: 'Billing settings', action: 'update', before, after: next });
    return next;
  });
}
