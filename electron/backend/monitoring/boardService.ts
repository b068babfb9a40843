import type { Context } from '@backend/core/context';
import { notFound, unknownReference } from '@shared/kernel/errors';
import type { BoardModel, ClientAttainment, ModelMonitoring, MonitoringBoard, SloMonth } from '@shared/monitoring/contract/board';
import type { Slo, SloObjective } from '@shared/monitoring/contract/slos';
import { attainmentOf, dailyEvaluations, endedDaysOf, endOfDay, silentDays } from '@shared/monitoring/rules/attainment';
import {
  DAY_MS,
  driftOf,
  type Evaluation,
  HEALTH_ORDER,
  healthOf,
  isSilent,
  MINUTE_MS,
  worstStatus,
} from '@shared/monitoring/rules/evaluate';
import { HEALTHS, type Health, isDriftKind } from '@shared/monitoring/rules/vocabulary';
import { evaluateSlos, responderFor, stateOf } from './evaluation';
import type { WatchedModel } from './monitoringRepository';
import { monitoringSettings } from './settings';

const iso = (ms: number) => new Date(ms).toISOString();
const productionSince = (m: WatchedModel) => (m.stage === 'production' ? Date.parse(`${m.stageSince}T00:00:00Z`) : null);

type Judged<S extends SloObjective = Slo> = {
  model: WatchedModel;
  slos: S[];
  evaluations: Map<string, Evaluation>;
  last: number | null;
  silent: boolean;
  health: Health;
};

/** Each model's SLOs evaluated at `now`, its silence and its health. */
function judgeModels<S extends SloObjective>(
  ctx: Context,
  models: readonly WatchedModel[],
  now: number,
  days: number,
  all: boolean,
  load: (scope: readonly string[] | null) => S[],
  deciding = true,
): Judged<S>[] {
  const ids = models.map((m) => m.id);
  const scope = all ? null : ids;
  const slos = load(scope);
  const evaluations = evaluateSlos(ctx, slos, now, scope, deciding);
  const last = ctx.repos.monitoring.lastReadings(scope);
  const byModel = new Map<string, S[]>();
  for (const s of slos) {
    const list = byModel.get(s.modelId);
    if (list) list.push(s);
    else byModel.set(s.modelId, [s]);
  }
  return models.map((model) => {
    const own = byModel.get(model.id) ?? [];
    const lastAt = last.get(model.id) ?? null;
    const silent = isSilent(
      { production: model.stage === 'production', lastReadingAt: lastAt, productionSince: productionSince(model) },
      now,
      days,
    );
    const statuses = own.map((s) => (evaluations.get(s.id) as Evaluation).status);
    return { model, slos: own, evaluations, last: lastAt, silent, health: healthOf(statuses, silent) };
  });
}

/** The SLO that decides a model's health: its worst (the first of equals). */
function worstOf(j: Judged): Slo | null {
  const worst = worstStatus(j.slos.map((s) => (j.evaluations.get(s.id) as Evaluation).status));
  return j.slos.find((s) => (j.evaluations.get(s.id) as Evaluation).status === worst) ?? null;
}

const driftOfModel = <S extends SloObjective>(j: Judged<S>) =>
  driftOf(j.slos.filter((s) => isDriftKind(s.kind)).map((s) => (j.evaluations.get(s.id) as Evaluation).status));

/** Every production model and every model with SLOs, by health; a breach and a silent model carry who acts. */
export function monitoringBoard(ctx: Context, clientId: string | undefined): MonitoringBoard {
  if (clientId !== undefined && !ctx.repos.clients.get(clientId)) throw unknownReference('Client', clientId, 'clientId');
  const nowIso = ctx.now();
  const now = Date.parse(nowIso);
  const { unmonitoredDays } = monitoringSettings(ctx);
  const models = ctx.repos.monitoring.watchedModels(clientId ?? null);
  const judged = judgeModels(ctx, models, now, unmonitoredDays, clientId === undefined, (scope) => ctx.repos.monitoring.slosOf(scope));
  const counts = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>;
  const rows: BoardModel[] = judged.map((j) => {
    counts[j.health] += 1;
    const worst = worstOf(j);
    const dutyKey = j.health === 'unmonitored' ? 'monitoring' : (worst?.dutyKey ?? 'monitoring');
    return {
      modelId: j.model.id,
      modelName: j.model.name,
      clientId: j.model.clientId,
      clientName: j.model.clientName,
      stage: j.model.stage,
      health: j.health,
      drift: driftOfModel(j),
      lastReadingAt: j.last === null ? null : iso(j.last),
      slos: j.slos.length,
      worst: worst ? stateOf(worst, j.evaluations.get(worst.id) as Evaluation) : null,
      responder: j.health === 'breach' || j.health === 'unmonitored' ? responderFor(ctx, j.model, dutyKey, nowIso) : null,
    };
  });
  rows.sort(
    (a, b) =>
      HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] || a.clientName.localeCompare(b.clientName) || a.modelName.localeCompare(b.modelName),
  );
  return { at: nowIso, unmonitoredDays, counts, models: rows };
}

/** Days of course shown per SLO on the model page. */
export const TREND_DAYS = 30;

/** One model: its SLOs now with their last 30 days (evaluated at each day's end), the playbooks and responders, its newest readings. */
export function modelMonitoring(ctx: Context, modelId: string): ModelMonitoring {
  const model = ctx.repos.monitoring.watchedModel(modelId);
  if (!model) throw notFound('Model', modelId);
  const nowIso = ctx.now();
  const now = Date.parse(nowIso);
  const { unmonitoredDays } = monitoringSettings(ctx);
  const [j] = judgeModels(ctx, [model], now, unmonitoredDays, false, (scope) => ctx.repos.monitoring.slosOf(scope)) as [Judged];
  const today = nowIso.slice(0, 10);
  const days = Array.from({ length: TREND_DAYS }, (_, i) => iso(Date.parse(`${today}T00:00:00Z`) - (TREND_DAYS - i) * DAY_MS).slice(0, 10));
  const versions = ctx.repos.monitoring.versionLabels(modelId);
  const firstDay = Date.parse(`${days[0]}T00:00:00Z`);
  return {
    modelId,
    modelName: model.name,
    stage: model.stage,
    at: nowIso,
    health: j.health,
    drift: driftOfModel(j),
    silent: j.silent,
    unmonitoredDays,
    lastReadingAt: j.last === null ? null : iso(j.last),
    slos: j.slos.map((s) => {
      const readings = ctx.repos.monitoring.sloReadings(s, firstDay - s.windowMinutes * MINUTE_MS, now);
      const current = j.evaluations.get(s.id) as Evaluation;
      const trend = [
        ...dailyEvaluations(s, readings, days).map((d) => ({
          day: d.day,
          at: iso(endOfDay(d.day)),
          value: d.evaluation.value,
          status: d.evaluation.status,
        })),
        { day: today, at: nowIso, value: current.value, status: current.status },
      ];
      return {
        ...stateOf(s, current),
        responder: responderFor(ctx, model, s.dutyKey, nowIso),
        trend,
      };
    }),
    readings: ctx.repos.monitoring.modelReadings(modelId, 0, now + DAY_MS, 200).map((r) => ({
      at: iso(r.at),
      metric: r.metric,
      segment: r.segment,
      versionLabel: r.versionId === null ? null : (versions.get(r.versionId) ?? null),
      value: r.value,
    })),
    totalReadings: ctx.repos.monitoring.readingCount(modelId),
  };
}

/** A client's month: each SLO evaluated at the end of every day that has ended, its breaches, and each model's days without a reading. */
export function clientAttainment(ctx: Context, clientId: string, month: string): ClientAttainment {
  const client = ctx.repos.clients.get(clientId);
  if (!client) throw unknownReference('Client', clientId, 'clientId');
  const now = Date.parse(ctx.now());
  const days = endedDaysOf(month, now);
  const models = ctx.repos.monitoring.watchedModels(clientId);
  const slos = ctx.repos.monitoring.slosOf(models.map((m) => m.id));
  const monthStart = Date.parse(`${month}-01T00:00:00Z`);
  const monthEnd = days.length === 0 ? monthStart : endOfDay(days[days.length - 1] as string);
  const sloMonths: SloMonth[] = slos.map((s) => {
    const readings = ctx.repos.monitoring.sloReadings(s, monthStart - s.windowMinutes * MINUTE_MS, monthEnd);
    const daily = dailyEvaluations(s, readings, days);
    return {
      ...attainmentOf(daily),
      sloId: s.id,
      modelId: s.modelId,
      modelName: s.modelName,
      metric: s.metric,
      kind: s.kind,
      segment: s.segment,
      unit: s.unit,
      target: s.target,
      warning: s.warning,
      direction: s.direction,
      breachDays: daily
        .filter((d) => d.evaluation.status === 'breach')
        .map((d) => ({
          day: d.day,
          value: d.evaluation.value as number,
          window: { from: iso(d.evaluation.window.from), to: iso(d.evaluation.window.to) },
        })),
    };
  });
  const times =
    models.length === 0
      ? new Map<string, number[]>()
      : ctx.repos.monitoring.readingTimes(
          models.map((m) => m.id),
          monthStart,
          monthEnd,
        );
  return {
    clientId,
    clientName: client.name,
    month,
    days,
    slos: sloMonths,
    models: models.map((m) => {
      const own = sloMonths.filter((s) => s.modelId === m.id);
      const evaluated = own.reduce((n, s) => n + s.evaluated, 0);
      const met = own.reduce((n, s) => n + s.met, 0);
      const activeDays = days.filter((d) => m.stage !== 'production' || d >= m.stageSince);
      return {
        modelId: m.id,
        modelName: m.name,
        stage: m.stage,
        unmonitoredDays: m.stage === 'production' ? silentDays(times.get(m.id) ?? [], activeDays) : [],
        attainment: evaluated === 0 ? null : met / evaluated,
      };
    }),
  };
}

/** How many watched models are in each state, without the responders (for the navigation badge). */
export function healthCounts(ctx: Context): Record<Health, number> {
  const now = Date.parse(ctx.now());
  const counts = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>;
  const models = ctx.repos.monitoring.watchedModels(null);
  // Only what evaluating needs: no names, no playbooks.
  const objectives = (scope: readonly string[] | null) => ctx.repos.monitoring.objectivesOf(scope);
  for (const j of judgeModels(ctx, models, now, monitoringSettings(ctx).unmonitoredDays, true, objectives, false)) {
    counts[j.health] += 1;
  }
  return counts;
}
