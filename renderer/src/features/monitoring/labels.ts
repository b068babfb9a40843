import type { StatusTone } from '@renderer/ui/Badge';
import type { DriftStatus, Health, SloStatus } from '@shared/monitoring/rules/vocabulary';

/** Monitoring's states on the kit's one status scale. */
export const HEALTH_TONE: Record<Health, StatusTone> = {
  breach: 'critical',
  unmonitored: 'attention',
  warning: 'attention',
  no_data: 'neutral',
  ok: 'ok',
  no_slos: 'neutral',
};
export const SLO_TONE: Record<SloStatus, StatusTone> = { breach: 'critical', warning: 'attention', no_data: 'neutral', ok: 'ok' };
export const DRIFT_TONE: Record<DriftStatus, StatusTone> = { drifting: 'critical', watch: 'attention', stable: 'ok', unknown: 'neutral' };

/** A value with its unit, to four significant decimals at most. */
export function valueText(value: number | null, unit: string): string {
  if (value === null) return '—';
  const n = Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Math.round(value * 10_000) / 10_000;
  return unit === '%' ? `${n} %` : unit && unit !== 'ratio' ? `${n} ${unit}` : String(n);
}

/** A window's length in words: "24 h", "7 days", "90 min". */
export function windowText(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '24 h' : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}
