/**
 * A model's continuity risk: how badly its ownership would hold up if someone left or fell ill, as an
 * additive score whose every part is listed, so a manager can see why one model ranks above another.
 *
 * The table:
 * - each finding on the model or its assets: error 10, warning 4, notice 1 point;
 * - a bus factor of 1: 15 points (on top of its own finding);
 * - an Accountable rolling off within the horizon: 10 points (on top of its finding);
 * - every part multiplied by the model's risk tier weight: low 1, medium 2, high 3, critical 4
 *   (a model with no tier weighs as low).
 * Integers only; the score is the sum of the parts.
 */
import type { Severity } from '@shared/kernel/severity';
import type { RiskTier } from '@shared/portfolio/rules/vocabulary';
import type { MatrixRow, OwnershipFinding, RiskContribution } from '../contract/matrix';
import { FINDING_CODES, FINDING_LABELS, type FindingCode, SEVERITY_LABELS } from './vocabulary';

export const FINDING_POINTS: Record<Severity, number> = { error: 10, warning: 4, info: 1 };
export const RISK_TIER_WEIGHTS: Record<RiskTier, number> = { low: 1, medium: 2, high: 3, critical: 4 };
export const BUS_FACTOR_ONE_POINTS = 15;
export const ROLL_OFF_POINTS = 10;

export type ContinuityRiskInput = {
  model: Pick<MatrixRow, 'name' | 'riskTier'>;
  /** The model's findings, its assets' included. */
  findings: readonly OwnershipFinding[];
  busFactor: number;
  /** An Accountable of the model or its assets rolls off within the horizon with no successor. */
  accountableRollingOff: boolean;
};

export type ContinuityRisk = { score: number; contributions: RiskContribution[] };

function weighting(tier: RiskTier | null): { weight: number; words: string } {
  if (tier === null) return { weight: 1, words: '× 1 for a model with no risk tier' };
  return { weight: RISK_TIER_WEIGHTS[tier], words: `× ${RISK_TIER_WEIGHTS[tier]} for a ${tier}-risk model` };
}

/**
 * The score and its parts, one part per finding code (count × points × weight), then the bus factor
 * and roll-off surcharges, largest first.
 */
export function continuityRisk(input: ContinuityRiskInput): ContinuityRisk {
  const { weight, words } = weighting(input.model.riskTier);
  const byCode = new Map<FindingCode, { severity: Severity; count: number }>();
  for (const f of input.findings) {
    const seen = byCode.get(f.code);
    if (seen) seen.count += 1;
    else byCode.set(f.code, { severity: f.severity, count: 1 });
  }
  const contributions: RiskContribution[] = [];
  for (const code of FINDING_CODES) {
    const group = byCode.get(code);
    if (!group) continue;
    const each = FINDING_POINTS[group.severity];
    const points = `${each} ${each === 1 ? 'point' : 'points'}${group.count > 1 ? ' each' : ''}`;
    contributions.push({
      label: `${group.count} × ${FINDING_LABELS[code]} (${SEVERITY_LABELS[group.severity].toLowerCase()}: ${points}, ${words})`,
      points: group.count * each * weight,
    });
  }
  if (input.busFactor === 1) {
    contributions.push({ label: `Bus factor of 1 (${BUS_FACTOR_ONE_POINTS} points, ${words})`, points: BUS_FACTOR_ONE_POINTS * weight });
  }
  if (input.accountableRollingOff) {
    contributions.push({
      label: `An Accountable rolls off within the horizon (${ROLL_OFF_POINTS} points, ${words})`,
      points: ROLL_OFF_POINTS * weight,
    });
  }
  contributions.sort((a, b) => b.points - a.points);
  return { score: contributions.reduce((sum, c) => sum + c.points, 0), contributions };
}

/** Models by continuity risk: highest score first, then by name. */
export function rankRisks<T extends { score: number; modelName: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => b.score - a.score || a.modelName.localeCompare(b.modelName));
}
