import { type ClockThresholds, DEFAULT_CLOCK_THRESHOLDS } from '@shared/kernel/businessClock';
import type { Context } from './context';

/** When open promises turn at risk and urgent: 50% and 80% of the allowance until changed. */
export function clockThresholds(ctx: Context): ClockThresholds {
  const { billing } = ctx.repos;
  const atRisk = Number(billing.setting('sla_at_risk_percent'));
  const urgent = Number(billing.setting('sla_urgent_percent'));
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 100;
  if (!valid(atRisk) || !valid(urgent) || urgent <= atRisk) return DEFAULT_CLOCK_THRESHOLDS;
  return { atRiskPercent: atRisk, urgentPercent: urgent };
}

export function updateClockThresholds(ctx: Context, next: ClockThresholds): ClockThresholds {
  return ctx.write((audit) => {
    const before = clockThresholds(ctx);
    ctx.repos.billing.setSetting('sla_at_risk_percent', String(next.atRiskPercent));
    ctx.repos.billing.setSetting('sla_urgent_percent', String(next.urgentPercent));
    audit({ entity: 'settings', entityId: 'continuity', label: 'SLA thresholds', action: 'update', before, after: next });
    return next;
  });
}
