import { type ClockThresholds, DEFAULT_CLOCK_THRESHOLDS } from '@shared/kernel/businessClock';
import type { Context } from './context';

const KEYS = ['sla_at_risk_percent', 'sla_urgent_percent'] as const;

/**
 * When open promises turn at risk and urgent: 50% and 80% of the allowance until changed.
 * Kept in core because plan (fill targets) and continuity (replacement SLAs) both run on this clock.
 */
export function clockThresholds(ctx: Context): ClockThresholds {
  const stored = ctx.repos.settings.getMany(KEYS);
  const atRisk = Number(stored.sla_at_risk_percent);
  const urgent = Number(stored.sla_urgent_percent);
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 100;
  if (!valid(atRisk) || !valid(urgent) || urgent <= atRisk) return DEFAULT_CLOCK_THRESHOLDS;
  return { atRiskPercent: atRisk, urgentPercent: urgent };
}

export function updateClockThresholds(ctx: Context, next: ClockThresholds): ClockThresholds {
  return ctx.write((audit) => {
    const before = clockThresholds(ctx);
    ctx.repos.settings.set('sla_at_risk_percent', String(next.atRiskPercent));
    ctx.repos.settings.set('sla_urgent_percent', String(next.urgentPercent));
    audit({ entity: 'settings', entityId: 'continuity', label: 'SLA thresholds', action: 'update', before, after: next });
    return next;
  });
}
