import defaultPolicy from '@shared/../resources/portfolio/promotion-policy.json';
import { promotionPolicy } from '@shared/portfolio/contract/versions';
import {
  type GateVersion,
  gateSentence,
  missingEvidence,
  requiredEvidence,
  selfApprovalRefusal,
  standingApprovals,
} from '@shared/portfolio/rules/policy';
import { describe, expect, it } from 'vitest';

const policy = promotionPolicy.parse(defaultPolicy);
const builder = { kind: 'specialist', id: 's1' } as const;
const other = { kind: 'contact', id: 'c1' } as const;
const bare: GateVersion = { builtBy: builder, trainingData: '', evaluations: [], evidence: [], approvals: [] };
const card = { complete: false };

describe('the default promotion policy', () => {
  it('asks less of a minimal-risk recommender than of a high-risk credit model', () => {
    expect(requiredEvidence(policy, { riskTier: 'low', aiActCategory: 'minimal' })).toEqual(['approval', 'evaluation_results']);
    expect(requiredEvidence(policy, { riskTier: 'critical', aiActCategory: 'high' })).toEqual([
      'independent_approval',
      'evaluation_results',
      'training_data',
      'fairness_test',
      'explainability_report',
      'data_lineage',
      'access_review',
      'model_card',
    ]);
  });
});

describe('the gate', () => {
  const high = { riskTier: 'high', aiActCategory: 'high' } as const;

  it('names each missing piece, in the policy’s order, as a sentence', () => {
    const missing = missingEvidence(policy, { riskTier: 'low', aiActCategory: 'minimal' }, bare, card);
    expect(missing).toEqual(['approval', 'evaluation_results']);
    expect(gateSentence('v1', missing)).toBe('Version v1 lacks an approval and evaluation results.');
    expect(gateSentence('v1', [])).toBeNull();
  });

  it('does not count the builder’s own approval as independent', () => {
    const selfApproved: GateVersion = { ...bare, approvals: [{ approver: builder, decision: 'approved', decidedOn: '2026-06-01' }] };
    expect(missingEvidence(policy, high, selfApproved, card)).toContain('independent_approval');
    expect(missingEvidence(policy, { riskTier: 'low', aiActCategory: 'minimal' }, selfApproved, card)).not.toContain('approval');
    const independent: GateVersion = {
      ...bare,
      approvals: [{ approver: other, decision: 'approved_with_conditions', decidedOn: '2026-06-01' }],
    };
    expect(missingEvidence(policy, high, independent, card)).not.toContain('independent_approval');
  });

  it('counts attached evidence, training data, results and the model’s complete card; a later rejection withdraws the approvals', () => {
    const full: GateVersion = {
      builtBy: builder,
      trainingData: 'loans 2019–2025',
      evaluations: [{ metric: 'AUC', value: 0.8, dataset: 'holdout' }],
      evidence: ['fairness_test', 'explainability_report', 'data_lineage', 'access_review'].map((kind) => ({ kind }) as never),
      approvals: [{ approver: other, decision: 'approved', decidedOn: '2026-06-01' }],
    };
    expect(missingEvidence(policy, high, full, { complete: true })).toEqual([]);
    // The card is derived, not attached: an incomplete card is missing whatever was attached.
    expect(missingEvidence(policy, high, full, { complete: false })).toEqual(['model_card']);
    expect(missingEvidence(policy, { riskTier: 'high', aiActCategory: 'minimal' }, full, { complete: false })).toEqual([]);
    const withdrawn = {
      ...full,
      approvals: [...full.approvals, { approver: other, decision: 'rejected' as const, decidedOn: '2026-06-02' }],
    };
    expect(missingEvidence(policy, high, withdrawn, { complete: true })).toEqual(['independent_approval']);
    expect(
      standingApprovals([
        { decision: 'rejected', decidedOn: '2026-05-01' },
        { decision: 'approved', decidedOn: '2026-06-01' },
      ]),
    ).toHaveLength(1);
  });

  it('refuses self-approval only where the policy asks for an independent approver', () => {
    const model = { name: 'PD', riskTier: 'high', aiActCategory: 'limited' } as const;
    expect(selfApprovalRefusal(policy, model, builder, builder, 'Ana', 'v1')).toBe(
      'Ana built version v1 of PD; the promotion policy asks for an independent approver for this model (High risk, Limited risk).',
    );
    expect(selfApprovalRefusal(policy, model, builder, other, 'Ana', 'v1')).toBeNull();
    expect(selfApprovalRefusal(policy, { ...model, riskTier: 'low', aiActCategory: 'minimal' }, builder, builder, 'Ana', 'v1')).toBeNull();
  });
});
