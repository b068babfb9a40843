import type { Context } from '@backend/core/context';
import type { MonitoringSettings } from '@shared/monitoring/contract/readings';
import type { PrometheusMapping } from '@shared/monitoring/rules/readings';
import { DEFAULT_UNMONITORED_DAYS } from '@shared/monitoring/rules/vocabulary';

const KEY = 'monitoring.unmonitoredDays';

/** How many days without a reading make a production model unmonitored (a setting; 3 by default). */
export function monitoringSettings(ctx: Context): MonitoringSettings {
  const stored = Number(ctx.repos.settings.get(KEY));
  return { unmonitoredDays: Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_UNMONITORED_DAYS };
}

export function updateMonitoringSettings(ctx: Context, input: MonitoringSettings): MonitoringSettings {
  return ctx.write((audit) => {
    const before = monitoringSettings(ctx);
    ctx.repos.settings.set(KEY, String(input.unmonitoredDays));
    audit({
      entity: 'settings',
      entityId: KEY,
      label: 'Days without a reading before a model is unmonitored',
      action: 'update',
      before,
      after: input,
    });
    return monitoringSettings(ctx);
  });
}

/** Saves how a client's Prometheus labels name models and metrics (one mapping per client). */
export function saveMapping(ctx: Context, client: { id: string; name: string }, mapping: PrometheusMapping): void {
  ctx.write((audit, at) => {
    const before = ctx.repos.monitoring.mapping(client.id);
    ctx.repos.monitoring.saveMapping(client.id, mapping, at);
    audit({
      entity: 'monitoring_mapping',
      entityId: client.id,
      label: `Prometheus labels of ${client.name}`,
      action: before ? 'update' : 'create',
      before,
      after: mapping,
    });
  });
}
