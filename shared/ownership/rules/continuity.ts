/**
 * The continuity checks: cover that holds today but fails when someone leaves or is away
 * (roll-offs, absence gaps) and models resting on one person (only person, bus factor).
 */
import { dateLabel } from '@shared/kernel/dates';
import { addDays } from '@shared/kernel/days';
import { joinWords } from '@shared/portfolio/rules/lifecycle';
import type { MatrixCell, OwnershipFinding } from '../contract/matrix';
import { type CheckContext, cellFinding, cellLabel, holdersIn, inheritNote, isSpecialist, makeFinding, personName } from './checkContext';
import type { FactRow } from './facts';
import { activeOn, cellKey } from './resolve';
import { COVERED_TIERS } from './staffing';

/** The duties a model's bus factor counts: the ones someone must act on when production breaks. */
export const CONTINUITY_DUTIES: readonly string[] = ['incident_response', 'rollback'];
/** The roles that can act on a duty (Consulted and Informed cannot). */
const ACTING_ROLES = new Set(['accountable', 'responsible', 'backup']);
/** How many away days an absence-gap sentence lists before counting the rest. */
const LISTED_DAYS = 5;

function busFactorOf(cells: readonly (MatrixCell | undefined)[]): number {
  const people = new Set<string>();
  for (const cell of cells) for (const h of cell?.holders ?? []) if (ACTING_ROLES.has(h.role)) people.add(h.personKey);
  return people.size;
}

/**
 * A model's bus factor: how many distinct people are named Accountable, Responsible or Backup on the
 * model's own Incident response and Rollback cells (0 when nobody is).
 */
export function busFactor(cells: readonly MatrixCell[], modelId: string): number {
  return busFactorOf(cells.filter((c) => c.targetKind === 'model' && c.targetId === modelId && CONTINUITY_DUTIES.includes(c.dutyKey)));
}

/**
 * Roll-off: an own Accountable who is a specialist and whose confirmed allocation holding the as-of day
 * ends on day E within the horizon, with no other allocation of theirs holding E + 1 and nobody else
 * Accountable on the same target-duty on E + 1. Skipped when their assignment ends before E (they are
 * not the one holding the duty then).
 */
export function rollOffFindings(ctx: CheckContext, cell: MatrixCell): OwnershipFinding[] {
  const { asOf } = ctx.facts;
  const out: OwnershipFinding[] = [];
  for (const holder of cell.holders) {
    if (holder.role !== 'accountable' || !isSpecialist(holder.personKey)) continue;
    const spans = ctx.facts.allocations.get(holder.personKey) ?? [];
    const current = spans.filter((s) => s.status === 'confirmed' && s.startDate <= asOf && asOf <= s.endDate);
    if (current.length === 0) continue;
    const end = current.reduce((last, s) => (s.endDate > last ? s.endDate : last), current[0]?.endDate ?? asOf);
    if (end > ctx.horizonEnd || (holder.toDate !== null && holder.toDate < end)) continue;
    const next = addDays(end, 1);
    if (spans.some((s) => s.startDate <= next && next <= s.endDate)) continue;
    const successor = ctx
      .history(cell.targetId, cell.dutyKey)
      .some((a) => a.role === 'accountable' && `${a.personKind}:${a.personId}` !== holder.personKey && activeOn(a, next));
    if (successor) continue;
    const reason =
      `${personName(ctx, holder.personKey)}, Accountable for ${cellLabel(ctx, cell)}, rolls off on ${dateLabel(end)} ` +
      `and no successor is named from ${dateLabel(next)}${inheritNote(ctx, cell)}.`;
    out.push(cellFinding(ctx, 'roll_off', cell, holder.personKey, end, reason));
  }
  return out;
}

/**
 * Absence gap: the days in the horizon (working days, as the loader gives them) when every Accountable
 * of the cell and every Backup who is someone else are all away, within their assignments' dates.
 * One finding per cell, dated the first such day, listing up to five days and the count.
 */
export function absenceGapFinding(ctx: CheckContext, cell: MatrixCell): OwnershipFinding | null {
  const accountable = holdersIn(cell, 'accountable');
  const backup = holdersIn(cell, 'backup').filter((k) => !accountable.includes(k));
  if (accountable.length === 0 || backup.length === 0) return null;
  const acting = cell.holders.filter((h) => h.role === 'accountable' || (h.role === 'backup' && backup.includes(h.personKey)));
  const everyone = [...accountable, ...backup];
  const first = ctx.facts.awayDays.get(everyone[0] ?? '') ?? new Set<string>();
  const days = [...first]
    .filter((day) => day >= ctx.facts.asOf)
    .filter((day) => everyone.every((k) => ctx.facts.awayDays.get(k)?.has(day)))
    .filter((day) => acting.every((h) => activeOn(h, day)))
    .sort();
  const day = days[0];
  if (day === undefined) return null;
  const names = joinWords([
    ...accountable.map((k) => `${personName(ctx, k)} (Accountable)`),
    ...backup.map((k) => `${personName(ctx, k)} (Backup)`),
  ]);
  const listed = days.slice(0, LISTED_DAYS).map(dateLabel);
  const when =
    days.length <= LISTED_DAYS
      ? `on ${joinWords(listed)}`
      : `on ${days.length} working days: ${listed.join(', ')} and ${days.length - LISTED_DAYS} more`;
  const all = everyone.length === 2 ? 'both' : 'all';
  const reason = `${names} for ${cellLabel(ctx, cell)} are ${all} away ${when}; nobody covers the duty then${inheritNote(ctx, cell)}.`;
  return cellFinding(ctx, 'absence_gap', cell, accountable[0] ?? null, day, reason);
}

/**
 * Only person: a high- or critical-risk model where exactly one person is named, in any role, across
 * the model's cells and the resolved cells of the assets under it.
 */
export function onlyPersonFinding(ctx: CheckContext, model: FactRow): OwnershipFinding | null {
  if (model.riskTier === null || !COVERED_TIERS.includes(model.riskTier)) return null;
  const people = new Set<string>();
  for (const row of [model, ...(ctx.assetsOf.get(model.id) ?? [])]) {
    for (const cell of ctx.cellsOf.get(row.id) ?? []) for (const h of cell.holders) people.add(h.personKey);
  }
  if (people.size !== 1) return null;
  const [only] = [...people];
  if (only === undefined) return null;
  const reason =
    `${personName(ctx, only)} is the only person named on any duty of ${model.name}, a ${model.riskTier}-risk model: ` +
    'when they are away, nobody else can answer for it.';
  return makeFinding(
    ctx.facts.engagementId,
    'only_person',
    { targetKind: 'model', targetId: model.id, dutyKey: null },
    model.id,
    only,
    null,
    reason,
  );
}

/**
 * Bus factor of 1: a model not retired whose Incident response and Rollback rest on one person.
 * Nothing when neither duty is in force; a bus factor of 0 is already a missing Accountable.
 */
export function busFactorFinding(ctx: CheckContext, model: FactRow): OwnershipFinding | null {
  if (model.stage === 'retired') return null;
  const cells = CONTINUITY_DUTIES.map((key) => ctx.cellsByKey.get(cellKey(model.id, key)));
  if (cells.every((c) => c === undefined)) return null;
  if (busFactorOf(cells) !== 1) return null;
  const only = cells.flatMap((c) => c?.holders ?? []).find((h) => ACTING_ROLES.has(h.role))?.personKey ?? null;
  if (only === null) return null;
  const duties = joinWords(cells.flatMap((c) => (c ? [ctx.dutiesByKey.get(c.dutyKey)?.name ?? c.dutyKey] : [])));
  const reason = `Only ${personName(ctx, only)} can act on ${duties} of ${model.name} (bus factor 1): if they are unavailable, nobody can respond to an incident.`;
  return makeFinding(
    ctx.facts.engagementId,
    'bus_factor_one',
    { targetKind: 'model', targetId: model.id, dutyKey: null },
    model.id,
    only,
    null,
    reason,
  );
}
