import { holidaysOfCalendar } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { addDays, fromDay, isWeekend, toDay } from '@shared/kernel/days';
import type { Asset } from '@shared/ownership/contract/assets';
import type { Assignment, MatrixPerson, OwnershipSettings } from '@shared/ownership/contract/matrix';
import { dutiesOf } from '@shared/ownership/rules/duties';
import type { AllocationSpan, EngagementFacts, FactRow } from '@shared/ownership/rules/facts';
import { mergeApplicability } from '@shared/ownership/rules/resolve';
import { personKey } from '@shared/ownership/rules/vocabulary';
import { RISK_TIERS, type RiskTier } from '@shared/portfolio/rules/vocabulary';
import type { EngagementFact, ModelFact } from './readRepository';
import { ownershipSettings } from './settings';

/** One engagement's facts and its names. */
export type Loaded = { engagement: EngagementFact; facts: EngagementFacts };

/**
 * Loads what the checks need as of a day for some engagements, or for every engagement with a model or an
 * asset (null), in a fixed number of set-wise reads whatever their number: the engagements, their model
 * rows and assets, duties, the assignments in force on the day or starting within the horizon, the people
 * named, their allocations on the engagements and the days they are away within the horizon.
 */
export function loadFacts(ctx: Context, engagementIds: readonly string[] | null, asOf: string): Loaded[] {
  const settings = ownershipSettings(ctx);
  const horizonEnd = addDays(asOf, settings.horizonWeeks * 7);
  const engagements = ctx.repos.ownershipReads.engagements(engagementIds);
  if (engagements.length === 0) return [];
  const ids = engagementIds === null ? null : engagements.map((e) => e.id);
  const models = ctx.repos.ownershipReads.models(ids, asOf);
  const assets = ctx.repos.assets.liveOf(ids);
  const stored = ctx.repos.duties.storedOf(ids);
  const overrides = ctx.repos.duties.overridesOf(ids);
  const assignments = ctx.repos.assignments.inForce(ids, asOf, addDays(horizonEnd, 1));
  const people = ctx.repos.ownershipReads.people(uniqueRefs(assignments));
  const specialistIds = [...people.values()].filter((p) => p.kind === 'specialist').map((p) => p.id);
  const allocations = allocationsByEngagement(ctx, specialistIds, asOf, addDays(horizonEnd, 1));
  const awayDays = awayDaysOf(ctx, specialistIds, asOf, horizonEnd);

  const byEngagement = <T extends { engagementId: string }>(list: readonly T[]) => {
    const out = new Map<string, T[]>();
    for (const item of list) {
      const bucket = out.get(item.engagementId);
      if (bucket) bucket.push(item);
      else out.set(item.engagementId, [item]);
    }
    return out;
  };
  const modelsOf = byEngagement(models);
  const assetsOf = byEngagement(assets);
  const assignmentsOf = byEngagement(assignments);
  const tierOf = new Map(models.map((m) => [m.id, m.riskTier]));

  return engagements.map((engagement) => ({
    engagement,
    facts: {
      engagementId: engagement.id,
      asOf,
      duties: dutiesOf(stored.get(engagement.id) ?? []),
      notApplicable: mergeApplicability(overrides.get(engagement.id) ?? []),
      rows: rowsOf(modelsOf.get(engagement.id) ?? [], assetsOf.get(engagement.id) ?? [], tierOf),
      assignments: assignmentsOf.get(engagement.id) ?? [],
      people,
      allocations: allocations.get(engagement.id) ?? new Map(),
      awayDays,
      settings,
    },
  }));
}

function uniqueRefs(assignments: readonly Assignment[]) {
  // Ids are UUIDs: one never names both a specialist and a contact.
  const seen = new Map<string, Assignment['personKind']>();
  for (const a of assignments) if (!seen.has(a.personId)) seen.set(a.personId, a.personKind);
  return [...seen].map(([id, kind]) => ({ kind, id }));
}

/** Models first (by name), each followed by the assets whose primary model it is; then assets of no model row. */
export function rowsOf(models: readonly ModelFact[], assets: readonly Asset[], tierOf: ReadonlyMap<string, RiskTier>): FactRow[] {
  const underModel = new Map<string, Asset[]>();
  const loose: Asset[] = [];
  const modelIds = new Set(models.map((m) => m.id));
  for (const a of [...assets].sort((x, y) => x.name.localeCompare(y.name))) {
    const primary = a.modelIds[0];
    if (primary !== undefined && modelIds.has(primary)) underModel.set(primary, [...(underModel.get(primary) ?? []), a]);
    else loose.push(a);
  }
  const assetRow = (a: Asset): FactRow => ({
    kind: 'asset',
    id: a.id,
    name: a.name,
    type: a.type,
    modelId: a.modelIds[0] ?? null,
    modelIds: a.modelIds,
    riskTier: highestTier(a.modelIds.map((id) => tierOf.get(id))),
    stage: null,
    inServiceFrom: a.inServiceFrom,
    inServiceTo: a.inServiceTo,
  });
  const rows: FactRow[] = [];
  for (const m of models) {
    rows.push({
      kind: 'model',
      id: m.id,
      name: m.name,
      type: 'model',
      modelId: m.id,
      modelIds: [],
      riskTier: m.riskTier,
      stage: m.stage,
      inServiceFrom: m.inServiceSince,
      inServiceTo: null,
    });
    for (const a of underModel.get(m.id) ?? []) rows.push(assetRow(a));
  }
  for (const a of loose) rows.push(assetRow(a));
  return rows;
}

function highestTier(tiers: readonly (RiskTier | undefined)[]): RiskTier | null {
  let best = -1;
  for (const t of tiers) if (t !== undefined) best = Math.max(best, RISK_TIERS.indexOf(t));
  return best < 0 ? null : (RISK_TIERS[best] ?? null);
}

/** Per engagement, per specialist key: their live allocations touching [from, to]. */
function allocationsByEngagement(ctx: Context, specialistIds: readonly string[], from: string, to: string) {
  const wanted = new Set(specialistIds);
  const out = new Map<string, Map<string, AllocationSpan[]>>();
  if (wanted.size === 0) return out;
  for (const a of ctx.repos.allocations.liveInWindow(from, to)) {
    if (!wanted.has(a.specialistId) || a.status === 'cancelled') continue;
    const perPerson = out.get(a.engagementId) ?? new Map<string, AllocationSpan[]>();
    const key = `specialist:${a.specialistId}`;
    perPerson.set(key, [...(perPerson.get(key) ?? []), { startDate: a.startDate, endDate: a.endDate, status: a.status }]);
    out.set(a.engagementId, perPerson);
  }
  return out;
}

/**
 * The days in [from, to] each specialist is away: time off, or a public holiday of their home calendar.
 * Working days only unless `weekends` (the checks plan working days; "who responds now" asks about any day).
 */
export function awayDaysOf(
  ctx: Context,
  specialistIds: readonly string[],
  from: string,
  to: string,
  weekends = false,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (specialistIds.length === 0) return out;
  const start = toDay(from);
  const end = toDay(to);
  const add = (id: string, day: number) => {
    if (!weekends && isWeekend(day)) return;
    const key = `specialist:${id}`;
    const set = out.get(key) ?? new Set<string>();
    set.add(fromDay(day));
    out.set(key, set);
  };
  for (const absence of ctx.repos.absences.inWindowOf(specialistIds, from, to)) {
    for (let d = Math.max(start, toDay(absence.startDate)); d <= Math.min(end, toDay(absence.endDate)); d++) add(absence.specialistId, d);
  }
  const years = [...new Set([from.slice(0, 4), to.slice(0, 4)])].map(Number);
  for (const [id, home] of ctx.repos.ownershipReads.homeCalendars(specialistIds)) {
    const holidays = holidaysOfCalendar(home.subdivision ? `${home.country}-${home.subdivision}` : home.country);
    for (const year of years) for (const day of holidays(year)) if (day >= start && day <= end) add(id, day);
  }
  return out;
}

/** A person of the matrix by key, or a stand-in naming the missing record (a deleted specialist never happens; ids are kept). */
export function personOf(people: ReadonlyMap<string, MatrixPerson>, key: string): MatrixPerson {
  return (
    people.get(key) ?? {
      key,
      kind: key.startsWith('contact:') ? 'contact' : 'specialist',
      id: key.slice(key.indexOf(':') + 1),
      name: 'Unknown person',
      initials: '?',
      email: '',
      phone: '',
      title: '',
      inactive: true,
    }
  );
}

export type { OwnershipSettings };
export { personKey };
