/**
 * The staffing checks of one cell on the as-of day: one Accountable, a Responsible, a Backup where
 * cover is required, and the people named still on the engagement.
 */
import { dateLabel } from '@shared/kernel/dates';
import { joinWords } from '@shared/portfolio/rules/lifecycle';
import type { RiskTier } from '@shared/portfolio/rules/vocabulary';
import type { Duty } from '../contract/duties';
import type { MatrixCell, OwnershipFinding } from '../contract/matrix';
import {
  allocatedToday,
  type CheckContext,
  cellFinding,
  cellLabel,
  holdersIn,
  inheritNote,
  isSpecialist,
  personName,
} from './checkContext';
import type { FactRow } from './facts';
import { cellKey } from './resolve';
import { ALWAYS_COVERED, type FindingCode, ROLE_LABELS, type Role } from './vocabulary';

/** Risk tiers whose every duty needs a named Backup. */
export const COVERED_TIERS: readonly RiskTier[] = ['high', 'critical'];
const TIER_RANK: Record<RiskTier, number> = { low: 0, medium: 1, high: 2, critical: 3 };

const needsCover = (tier: RiskTier | null): tier is RiskTier => tier !== null && COVERED_TIERS.includes(tier);

/**
 * Why a cell needs a named Backup, as the end of a sentence, or null when it does not: the duty always
 * needs one (incident response, rollback, a custom duty that asks for it), the row's risk tier is high
 * or critical (an asset carries the highest tier of the models it serves; a model's cell also covers the
 * assets inheriting it), or the settings ask for a Backup on every duty.
 */
export function coverReason(ctx: CheckContext, cell: MatrixCell, row: FactRow, duty: Duty): string | null {
  if (duty.coverRequired || ALWAYS_COVERED.includes(duty.key)) return `${duty.name} always needs one`;
  if (needsCover(row.riskTier)) {
    return row.kind === 'model' ? `${row.name} is a ${row.riskTier}-risk model` : `${row.name} serves a ${row.riskTier}-risk model`;
  }
  const heirs = (ctx.inheritors.get(cellKey(cell.targetId, cell.dutyKey)) ?? []).filter((h) => needsCover(h.riskTier));
  const worst = heirs.sort((a, b) => TIER_RANK[b.riskTier ?? 'low'] - TIER_RANK[a.riskTier ?? 'low'])[0];
  if (worst) return `its asset ${worst.name} serves a ${worst.riskTier}-risk model`;
  if (ctx.facts.settings.coverAllDuties) return 'the settings ask for a Backup on every duty';
  return null;
}

/** A specialist named Accountable or Backup must be on the engagement; a contact must not be archived. */
function presence(ctx: CheckContext, cell: MatrixCell, key: string, role: Role): OwnershipFinding | null {
  const person = ctx.facts.people.get(key);
  const say = (what: string) =>
    `${personName(ctx, key)}, ${ROLE_LABELS[role]} for ${cellLabel(ctx, cell)}, ${what}${inheritNote(ctx, cell)}.`;
  if (!isSpecialist(key)) {
    return person?.inactive ? cellFinding(ctx, 'contact_archived', cell, key, null, say('is an archived client contact')) : null;
  }
  const code = role === 'accountable' ? 'accountable_off_engagement' : 'backup_off_engagement';
  if (person?.inactive) return cellFinding(ctx, code, cell, key, null, say('has left or is archived'));
  if (!allocatedToday(ctx, key)) {
    return cellFinding(ctx, code, cell, key, null, say(`is not allocated on this engagement on ${dateLabel(ctx.facts.asOf)}`));
  }
  return null;
}

/**
 * The staffing findings of one applicable cell that is not inherited: no Accountable, several, no
 * Responsible, no Backup where cover is required, the Backup being the Accountable, an Accountable or
 * Backup off the engagement or archived, a Responsible specialist not allocated on the as-of day.
 * On a model's cell the reason says how many assets inherit it.
 */
export function staffingFindings(ctx: CheckContext, cell: MatrixCell): OwnershipFinding[] {
  const row = ctx.rowsById.get(cell.targetId);
  const duty = ctx.dutiesByKey.get(cell.dutyKey);
  if (!row || !duty) return [];
  const out: OwnershipFinding[] = [];
  // A sentence is built only when something is found: most cells are fine.
  const add = (code: FindingCode, person: string | null, sentence: (label: string, note: string) => string) => {
    out.push(cellFinding(ctx, code, cell, person, null, sentence(cellLabel(ctx, cell), inheritNote(ctx, cell))));
  };
  const accountable = holdersIn(cell, 'accountable');
  const responsible = holdersIn(cell, 'responsible');
  const backup = holdersIn(cell, 'backup');

  if (accountable.length === 0) add('no_accountable', null, (label, note) => `Nobody is Accountable for ${label}${note}.`);
  if (accountable.length > 1) {
    const names = joinWords(accountable.map((k) => personName(ctx, k)));
    const all = accountable.length === 2 ? 'both' : 'all';
    add('several_accountable', null, (label, note) => `${names} are ${all} Accountable for ${label}, which needs exactly one${note}.`);
  }
  if (responsible.length === 0) add('no_responsible', null, (label, note) => `Nobody is Responsible for ${label}${note}.`);
  const cover = backup.length === 0 ? coverReason(ctx, cell, row, duty) : null;
  if (cover !== null) add('no_backup', null, (label, note) => `Nobody is Backup for ${label} (${cover})${note}.`);
  for (const key of backup) {
    if (!accountable.includes(key)) continue;
    const name = personName(ctx, key);
    add(
      'backup_is_accountable',
      key,
      (label, note) => `${name} is both Accountable and Backup for ${label}, so nobody covers for them${note}.`,
    );
  }
  for (const key of accountable) {
    const found = presence(ctx, cell, key, 'accountable');
    if (found) out.push(found);
  }
  for (const key of backup) {
    const found = accountable.includes(key) ? null : presence(ctx, cell, key, 'backup');
    if (found) out.push(found);
  }
  const today = ctx.facts.asOf;
  for (const key of responsible) {
    if (!isSpecialist(key) || allocatedToday(ctx, key)) continue;
    const name = personName(ctx, key);
    add(
      'not_allocated',
      key,
      (label, note) => `${name} is Responsible for ${label} but is not allocated on this engagement on ${dateLabel(today)}${note}.`,
    );
  }
  return out;
}
