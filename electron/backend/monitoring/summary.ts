import type { Context } from '@backend/core/context';
import { type AreaSummary, summaryOf } from '@shared/kernel/summary';
import { healthCounts } from './boardService';

/** Breached SLOs are critical; silent production models need attention. */
export function monitoringSummary(ctx: Context): AreaSummary {
  const counts = healthCounts(ctx);
  return summaryOf('monitoring', [
    { label: 'models in breach', one: 'model in breach', count: counts.breach, tone: 'critical' },
    { label: 'unmonitored models', one: 'unmonitored model', count: counts.unmonitored, tone: 'attention' },
    { label: 'models in warning', one: 'model in warning', count: counts.warning, tone: 'attention' },
  ]);
}
