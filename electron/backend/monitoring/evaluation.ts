import type { Context } from '@backend/core/context';
import { whoResponds } from '@backend/ownership/matrixService';
import type { Responder, SloState } from '@shared/monitoring/contract/board';
import type { Slo, SloObjective } from '@shared/monitoring/contract/slos';
import { aggregate, type Evaluation, judge, windowAt } from '@shared/monitoring/rules/evaluate';
import { dutiesOfModel } from './sloService';

/**
 * Every SLO given, evaluated over its window ending at `at` (ms). SQLite aggregates the windows in one
 * statement (count, mean, min, max, last); a p95 is computed from the window's values by the rule; only an SLO
 * that is not met has its window's readings read back, to name the readings that decided it.
 */
export function evaluateSlos(
  ctx: Context,
  slos: readonly SloObjective[],
  at: number,
  modelIds: readonly string[] | null,
  /** Read back the readings that decided each missed SLO (the screens show them; the health counts need none). */
  deciding = true,
): Map<string, Evaluation> {
  const repo = ctx.repos.monitoring;
  const aggregates = new Map(repo.windowAggregates(at, modelIds).map((a) => [a.sloId, a]));
  const out = new Map<string, Evaluation>();
  for (const slo of slos) {
    const window = windowAt(at, slo.windowMinutes);
    const a = aggregates.get(slo.id);
    if (!a || a.n === 0) {
      out.set(slo.id, judge(slo, window, [], null));
      continue;
    }
    let inside: { at: number; value: number }[] | null = null;
    const read = () => {
      inside ??= repo.sloReadings(slo, window.from, window.to);
      return inside;
    };
    const value =
      slo.aggregation === 'p95'
        ? aggregate(
            read().map((r) => r.value),
            'p95',
          )
        : a[slo.aggregation];
    const first = judge(slo, window, [], value, a.n);
    out.set(slo.id, first.status === 'ok' || !deciding ? first : judge(slo, window, read(), value, a.n));
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** An SLO and its evaluation, as the contract carries them. */
export function stateOf(slo: Slo, e: Evaluation): SloState {
  return {
    sloId: slo.id,
    kind: slo.kind,
    metric: slo.metric,
    segment: slo.segment,
    versionLabel: slo.versionLabel,
    unit: slo.unit,
    direction: slo.direction,
    target: slo.target,
    warning: slo.warning,
    aggregation: slo.aggregation,
    windowMinutes: slo.windowMinutes,
    status: e.status,
    value: e.value,
    window: { from: iso(e.window.from), to: iso(e.window.to) },
    readings: e.readings,
    deciding: e.deciding.map((r) => ({ at: iso(r.at), value: r.value })),
    playbook: slo.playbook,
    dutyKey: slo.dutyKey,
  };
}

/** Who acts on a duty of a model at an instant, from the ownership matrix. */
export function responderFor(ctx: Context, model: { id: string; engagementId: string | null }, dutyKey: string, at: string): Responder {
  const duty = dutiesOfModel(ctx, model.engagementId).find((d) => d.key === dutyKey) ?? { key: dutyKey, name: dutyKey };
  const who = whoResponds(ctx, model.id, at, { key: duty.key, name: duty.name.toLowerCase() });
  return {
    dutyKey: duty.key,
    dutyName: duty.name,
    name: who.responder?.name ?? null,
    role: who.responder?.role ?? null,
    reason: who.reason,
  };
}
