import type { Context } from '@backend/core/context';
import type { MonitoringSettings } from '@shared/monitoring/contract/readings';
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
    audit({ entity: 'settings', entityId: KEY, label: 'Days without a reading before a model is unmonitored', action: 'update', before, after: input });
    return monitoringSettings(ctx);
  });
}
