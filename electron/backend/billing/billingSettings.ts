import type { Context } from '@backend/core/context';
import type { BillingSettings } from '@shared/contract';

/** Defaults until finance changes them: numbers like KEEL-2026-0001, a warning above 10 h a day. */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = { invoicePrefix: 'KEEL', dailyThresholdMinutes: 600 };

export function billingSettings(ctx: Context): BillingSettings {
  const { billing } = ctx.repos;
  const threshold = Number(billing.setting('daily_threshold_minutes'));
  return {
    invoicePrefix: billing.setting('invoice_prefix') ?? DEFAULT_BILLING_SETTINGS.invoicePrefix,
    dailyThresholdMinutes: Number.isInteger(threshold) && threshold > 0 ? threshold : DEFAULT_BILLING_SETTINGS.dailyThresholdMinutes,
  };
}

export function updateBillingSettings(ctx: Context, next: BillingSettings): BillingSettings {
  return ctx.write((audit) => {
    const before = billingSettings(ctx);
    ctx.repos.billing.setSetting('invoice_prefix', next.invoicePrefix);
    ctx.repos.billing.setSetting('daily_threshold_minutes', String(next.dailyThresholdMinutes));
    audit({ entity: 'settings', entityId: 'billing', label: 'Billing settings', action: 'update', before, after: next });
    return next;
  });
}
