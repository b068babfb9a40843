import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { EngagementRhythm, FreezeConflict, FreezePeriod, MissedFinding, ModelCeremonies } from '@shared/ceremonies/contract/rhythm';
import { freezeOn, missedSince, rhythmHealth } from '@shared/ceremonies/rules/rhythm';
import { HEALTH_WINDOW_DAYS } from '@shared/ceremonies/rules/vocabulary';
import type { ParsedInputOf } from '@shared/contract';
import { groupBy } from '@shared/kernel/collections';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import { localDateOf } from '@shared/kernel/timeZone';
import type { StoredSeries } from './ceremonyRepository';
import { listActions } from './occurrenceService';
import { factsOf, freezesByEngagement, type JudgedOccurrence, judged } from './occurrences';
import { engagementOrThrow, seriesViews } from './seriesService';
import { ceremonySettings } from './settings';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function missedOf(
  ctx: Context,
  occurrences: readonly JudgedOccurrence[],
  models: Map<string, { id: string; name: string }[]>,
): MissedFinding[] {
  const { missedAfterDays } = ceremonySettings(ctx);
  return occurrences
    .filter((o) => o.state === 'missed')
    .map((o) => {
      const notHeld = o.outcome === 'not_held';
      return {
        seriesId: o.seriesId,
        key: o.key,
        title: o.series.title,
        type: o.series.type,
        engagementId: o.series.engagementId,
        engagementName: o.series.engagementName,
        startsAt: o.startsAt,
        since: notHeld ? o.endsAt : missedSince(o, missedAfterDays),
        reason: notHeld ? ('not_held' as const) : ('not_recorded' as const),
        models: models.get(o.seriesId) ?? [],
      };
    })
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}

/**
 * Freeze conflicts of engagements: deployment windows planned inside a freeze (from 90 days back to a year ahead)
 * and deployments to production made inside one (the last year), dated on the client's calendar.
 */
function conflictsOf(
  ctx: Context,
  series: readonly StoredSeries[],
  occurrences: readonly JudgedOccurrence[],
  engagementIds: readonly string[],
): FreezeConflict[] {
  const freezes = freezesByEngagement(ctx);
  const out: FreezeConflict[] = [];
  for (const o of occurrences) {
    if (o.series.type !== 'deployment_window' || o.cancelled) continue;
    const freeze = freezeOn(o.date, freezes.get(o.series.engagementId) ?? []);
    if (freeze)
      out.push({
        kind: 'window',
        engagementId: o.series.engagementId,
        freezeId: freeze.id,
        freezeReason: freeze.reason,
        date: o.date,
        what: `${o.series.title} at ${o.time}`,
        seriesId: o.seriesId,
        key: o.key,
        modelId: null,
      });
  }
  const now = Date.parse(ctx.now());
  const zones = new Map(series.map((s) => [s.engagementId, s.timeZone]));
  const withFreeze = engagementIds.filter((id) => (freezes.get(id) ?? []).length > 0);
  for (const d of withFreeze.length
    ? ctx.repos.ceremonies.productionDeployments(withFreeze, iso(now - 366 * DAY_MS), iso(now + DAY_MS))
    : []) {
    const zone = zones.get(d.engagementId) ?? clientZone(ctx, d.engagementId);
    const date = localDateOf(d.at, zone);
    const freeze = freezeOn(date, freezes.get(d.engagementId) ?? []);
    if (freeze)
      out.push({
        kind: 'deployment',
        engagementId: d.engagementId,
        freezeId: freeze.id,
        freezeReason: freeze.reason,
        date,
        what: `${d.modelName} ${d.versionLabel} deployed to production`,
        seriesId: null,
        key: null,
        modelId: d.modelId,
      });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

function clientZone(ctx: Context, engagementId: string): string {
  return ctx.repos.ceremonies.seriesList({ engagementId })[0]?.timeZone ?? 'UTC';
}

/** Rhythm health, missed occurrences, freeze conflicts and action items per engagement that has ceremonies. */
export function rhythmOf(ctx: Context, clientId: string | undefined): EngagementRhythm[] {
  const series = ctx.repos.ceremonies.seriesList(clientId ? { clientId } : {});
  const now = Date.parse(ctx.now());
  // Health and missed look back 180 days; freeze conflicts look at deployment windows from 90 days back to a year ahead.
  const from = iso(now - 2 * HEALTH_WINDOW_DAYS * DAY_MS);
  const past = judged(ctx, factsOf(ctx, series, from, iso(now)), from, iso(now));
  const windows = series.filter((s) => s.type === 'deployment_window');
  const windowFrom = iso(now - HEALTH_WINDOW_DAYS * DAY_MS);
  const windowTo = iso(now + 366 * DAY_MS);
  const planned = windows.length ? judged(ctx, factsOf(ctx, windows, windowFrom, windowTo), windowFrom, windowTo) : [];
  const models = ctx.repos.ceremonies.modelsOf(series.map((s) => s.id));
  const counts = ctx.repos.ceremonies.actionCounts(ctx.today());
  const engagements = new Map<string, StoredSeries>();
  for (const s of series) if (!engagements.has(s.engagementId)) engagements.set(s.engagementId, s);
  const conflicts = groupBy(conflictsOf(ctx, series, planned, [...engagements.keys()]), (c) => c.engagementId);
  const byEngagement = groupBy(past, (o) => o.series.engagementId);
  const recentFrom = iso(now - HEALTH_WINDOW_DAYS * DAY_MS);
  return [...engagements.values()].map((s) => {
    const own = byEngagement.get(s.engagementId) ?? [];
    return {
      engagementId: s.engagementId,
      engagementName: s.engagementName,
      clientId: s.clientId,
      clientName: s.clientName,
      health: rhythmHealth(
        own.map((o) => ({ type: o.series.type, startsAt: o.startsAt, at: o.at, state: o.state })),
        now,
      ),
      missed: missedOf(
        ctx,
        own.filter((o) => o.startsAt >= recentFrom),
        models,
      ),
      conflicts: conflicts.get(s.engagementId) ?? [],
      overdueActions: counts.get(s.engagementId)?.overdue ?? 0,
      openActions: counts.get(s.engagementId)?.open ?? 0,
    };
  });
}

/** The ceremonies about one model: series, missed occurrences of the last year, decisions, action items. */
export function modelCeremonies(ctx: Context, modelId: string): ModelCeremonies {
  if (!ctx.repos.models.get(modelId)) throw unknownReference('Model', modelId, 'modelId');
  const series = ctx.repos.ceremonies.seriesList({ modelId });
  const now = Date.parse(ctx.now());
  const past = judged(ctx, factsOf(ctx, series, iso(now - 366 * DAY_MS), iso(now)), iso(now - 366 * DAY_MS), iso(now));
  const ids = new Set(series.map((s) => s.id));
  const actions = listActions(ctx, { include: 'all' }).filter((a) => a.modelId === modelId || (a.modelId === null && ids.has(a.seriesId)));
  return {
    series: seriesViews(ctx, series),
    missed: missedOf(ctx, past, ctx.repos.ceremonies.modelsOf([...ids])),
    decisions: ctx.repos.ceremonies.decisionsAbout(modelId),
    actions,
  };
}

export function listFreezes(ctx: Context, engagementId: string | undefined): FreezePeriod[] {
  return ctx.repos.ceremonies.freezes(engagementId ?? null);
}

export function createFreeze(ctx: Context, input: ParsedInputOf<'freezes.create'>): FreezePeriod {
  return ctx.write((audit, at) => {
    const { engagement } = engagementOrThrow(ctx, input.engagementId);
    const overlapping = ctx.repos.ceremonies.freezes(engagement.id).find((f) => f.startsOn <= input.endsOn && input.startsOn <= f.endsOn);
    if (overlapping)
      throw new DomainError(
        'conflict',
        `${engagement.name} is already frozen from ${overlapping.startsOn} to ${overlapping.endsOn} (${overlapping.reason}); change that freeze instead.`,
        [{ path: 'startsOn', message: 'overlaps another freeze' }],
      );
    const id = newId();
    ctx.repos.ceremonies.insertFreeze({
      id,
      engagementId: engagement.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      reason: input.reason,
      createdAt: at,
      updatedAt: at,
    });
    const freeze = ctx.repos.ceremonies.freezes(engagement.id).find((f) => f.id === id) as FreezePeriod;
    audit({
      entity: 'ceremony_freeze',
      entityId: id,
      label: `${input.reason} (${engagement.name})`,
      action: 'create',
      before: null,
      after: freeze,
    });
    return freeze;
  });
}

export function removeFreeze(ctx: Context, id: string): { id: string } {
  return ctx.write((audit) => {
    const freeze = ctx.repos.ceremonies.freeze(id);
    if (!freeze) throw notFound('Change freeze', id);
    ctx.repos.ceremonies.deleteFreeze(id);
    audit({ entity: 'ceremony_freeze', entityId: id, label: freeze.reason, action: 'delete', before: freeze, after: null });
    return { id };
  });
}
