import type { Context } from '@backend/core/context';
import { isSilent } from '@shared/monitoring/rules/evaluate';
import { isDriftKind } from '@shared/monitoring/rules/vocabulary';
import { monitoringSettings } from './settings';

/** What monitoring knows of a production model, for other areas (the maturity cross-check and readiness). */
export type WatchFacts = { hasSlos: boolean; driftWatched: boolean; monitoredRecently: boolean };

/**
 * For each of a client's production models: whether SLOs watch it, a drift SLO among them, and whether its newest
 * reading is within the unmonitored limit (the silent-failure rule, counting a model without any reading as silent).
 */
export function watchFacts(ctx: Context, clientId: string): Map<string, WatchFacts> {
  const models = ctx.repos.monitoring.watchedModels(clientId).filter((m) => m.stage === 'production');
  const ids = models.map((m) => m.id);
  const out = new Map<string, WatchFacts>();
  if (ids.length === 0) return out;
  const slos = ctx.repos.monitoring.slosOf(ids);
  const last = ctx.repos.monitoring.lastReadings(ids);
  const now = Date.parse(ctx.now());
  const { unmonitoredDays } = monitoringSettings(ctx);
  for (const m of models) {
    const own = slos.filter((s) => s.modelId === m.id);
    out.set(m.id, {
      hasSlos: own.length > 0,
      driftWatched: own.some((s) => isDriftKind(s.kind)),
      monitoredRecently: !isSilent(
        { production: true, lastReadingAt: last.get(m.id) ?? null, productionSince: null },
        now,
        unmonitoredDays,
      ),
    });
  }
  return out;
}
