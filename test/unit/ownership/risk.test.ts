import type { OwnershipFinding } from '@shared/ownership/contract/matrix';
import { continuityRisk, rankRisks } from '@shared/ownership/rules/risk';
import { FINDING_SEVERITY, type FindingCode } from '@shared/ownership/rules/vocabulary';
import { describe, expect, it } from 'vitest';
import { CHURN } from './fixtures';

let n = 0;
const finding = (code: FindingCode): OwnershipFinding => {
  n += 1;
  return {
    key: `${code}|${n}`,
    code,
    severity: FINDING_SEVERITY[code],
    reason: '',
    engagementId: 'eng-1',
    modelId: 'm1',
    targetKind: 'model',
    targetId: 'm1',
    dutyKey: null,
    person: null,
    date: null,
  };
};

describe('continuity risk', () => {
  it('adds points per finding by severity, weighted by the risk tier, with the surcharges, each part said', () => {
    const risk = continuityRisk({
      model: { ...CHURN, riskTier: 'high' },
      findings: [finding('no_backup'), finding('no_accountable'), finding('no_backup'), finding('not_allocated'), finding('roll_off')],
      busFactor: 1,
      accountableRollingOff: true,
    });
    expect(risk.contributions).toEqual([
      { label: 'Bus factor of 1 (15 points, × 3 for a high-risk model)', points: 45 },
      { label: '1 × No Accountable (error: 10 points, × 3 for a high-risk model)', points: 30 },
      { label: 'An Accountable rolls off within the horizon (10 points, × 3 for a high-risk model)', points: 30 },
      { label: '2 × No Backup (warning: 4 points each, × 3 for a high-risk model)', points: 24 },
      { label: '1 × Accountable rolls off (warning: 4 points, × 3 for a high-risk model)', points: 12 },
      { label: '1 × Assigned while not allocated (notice: 1 point, × 3 for a high-risk model)', points: 3 },
    ]);
    expect(risk.score).toBe(45 + 30 + 30 + 24 + 12 + 3);
  });

  it('weighs low 1, medium 2, high 3, critical 4, and a model with no tier as low', () => {
    const score = (riskTier: typeof CHURN.riskTier) =>
      continuityRisk({ model: { ...CHURN, riskTier }, findings: [finding('no_accountable')], busFactor: 2, accountableRollingOff: false })
        .score;
    expect([score('low'), score('medium'), score('high'), score('critical'), score(null)]).toEqual([10, 20, 30, 40, 10]);
    expect(
      continuityRisk({
        model: { ...CHURN, riskTier: null },
        findings: [finding('absence_gap')],
        busFactor: 2,
        accountableRollingOff: false,
      }).contributions,
    ).toEqual([{ label: '1 × Accountable and Backup both away (warning: 4 points, × 1 for a model with no risk tier)', points: 4 }]);
  });

  it('is 0 with nothing found, whatever the bus factor other than 1', () => {
    for (const busFactor of [0, 2, 5]) {
      expect(continuityRisk({ model: CHURN, findings: [], busFactor, accountableRollingOff: false })).toEqual({
        score: 0,
        contributions: [],
      });
    }
  });
});

describe('ranking', () => {
  it('puts the highest score first, ties by name', () => {
    const list = [
      { modelName: 'Churn model', score: 20 },
      { modelName: 'Fraud model', score: 48 },
      { modelName: 'Ageing model', score: 20 },
      { modelName: 'Quiet model', score: 0 },
    ];
    expect(rankRisks(list).map((m) => m.modelName)).toEqual(['Fraud model', 'Ageing model', 'Churn model', 'Quiet model']);
  });
});
