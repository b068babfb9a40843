import { joinWords } from './lifecycle';
import { AI_ACT_CATEGORY_LABELS, type AiActCategory, RISK_TIER_LABELS, type RiskTier } from './vocabulary';

/**
 * Governance as data: the evidence a version needs before it may serve
 * production, per risk tier and per EU AI Act category (a model needs both
 * lists). The default ships in resources/portfolio/promotion-policy.json; a
 * client may have its own, versioned.
 */
export const EVIDENCE_KINDS = [
  'approval',
  'independent_approval',
  'evaluation_results',
  'training_data',
  'fairness_test',
  'explainability_report',
  'data_lineage',
  'access_review',
  'model_card',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** How a missing piece is named in the gate's sentence ("it needs … and …"). */
export const EVIDENCE_NEEDS: Record<EvidenceKind, string> = {
  approval: 'an approval',
  independent_approval: 'an independent approval (the approver is not the person who built the version)',
  evaluation_results: 'evaluation results',
  training_data: 'a recorded training data snapshot',
  fairness_test: 'a fairness or bias test result',
  explainability_report: 'an explainability report',
  data_lineage: 'recorded data lineage',
  access_review: 'an access review',
  model_card: 'a complete model card',
};

/**
 * The pieces a person attaches to a version as evidence; the others come from the version and its
 * approvals, and "a complete model card" from the model's card (shared/portfolio/rules/card.ts).
 */
export const ATTACHED_EVIDENCE = ['fairness_test', 'explainability_report', 'data_lineage', 'access_review'] as const;
export type AttachedEvidence = (typeof ATTACHED_EVIDENCE)[number];
export const ATTACHED_EVIDENCE_LABELS: Record<AttachedEvidence, string> = {
  fairness_test: 'Fairness / bias test result',
  explainability_report: 'Explainability report',
  data_lineage: 'Data lineage',
  access_review: 'Access review',
};

export type PromotionPolicy = {
  name: string;
  evidence: { riskTier: Record<RiskTier, EvidenceKind[]>; aiActCategory: Record<AiActCategory, EvidenceKind[]> };
};

/** What the policy asks of a model of this tier and category, in the vocabulary's order, each once. */
export function requiredEvidence(policy: PromotionPolicy, model: { riskTier: RiskTier; aiActCategory: AiActCategory }): EvidenceKind[] {
  const asked = new Set([...policy.evidence.riskTier[model.riskTier], ...policy.evidence.aiActCategory[model.aiActCategory]]);
  // An independent approval is an approval too: asking for both names only the stronger one.
  if (asked.has('independent_approval')) asked.delete('approval');
  return EVIDENCE_KINDS.filter((k) => asked.has(k));
}

/** Whether the policy asks for an independent approver for this model (then self-approval is refused). */
export function needsIndependentApprover(policy: PromotionPolicy, model: { riskTier: RiskTier; aiActCategory: AiActCategory }): boolean {
  return requiredEvidence(policy, model).includes('independent_approval');
}

/** A person on record: a specialist or a client contact. */
export type PersonRef = { kind: 'specialist' | 'contact'; id: string };
export const samePerson = (a: PersonRef, b: PersonRef) => a.kind === b.kind && a.id === b.id;

export type ApprovalDecision = 'approved' | 'approved_with_conditions' | 'rejected';

/** What the gate looks at in a version. */
export type GateVersion = {
  builtBy: PersonRef;
  trainingData: string;
  evaluations: readonly unknown[];
  evidence: readonly { kind: AttachedEvidence }[];
  approvals: readonly { approver: PersonRef; decision: ApprovalDecision; decidedOn: string }[];
};

/**
 * The gate: each piece of evidence the policy asks for that the version does
 * not have, in the policy vocabulary's order. A version with a rejection after
 * its last approval counts as not approved. The model card is the model's, not
 * the version's: complete when `modelCardGaps` (rules/card.ts) finds nothing.
 */
export function missingEvidence(
  policy: PromotionPolicy,
  model: { riskTier: RiskTier; aiActCategory: AiActCategory },
  version: GateVersion,
  card: { complete: boolean },
): EvidenceKind[] {
  const attached = new Set(version.evidence.map((e) => e.kind));
  const standing = standingApprovals(version.approvals);
  const has: Record<EvidenceKind, boolean> = {
    approval: standing.length > 0,
    independent_approval: standing.some((a) => !samePerson(a.approver, version.builtBy)),
    evaluation_results: version.evaluations.length > 0,
    training_data: version.trainingData.trim() !== '',
    fairness_test: attached.has('fairness_test'),
    explainability_report: attached.has('explainability_report'),
    data_lineage: attached.has('data_lineage'),
    access_review: attached.has('access_review'),
    model_card: card.complete,
  };
  return requiredEvidence(policy, model).filter((k) => !has[k]);
}

/** The approvals that still stand: none once a rejection is the latest decision. */
export function standingApprovals<A extends { decision: ApprovalDecision; decidedOn: string }>(approvals: readonly A[]): A[] {
  const ordered = [...approvals].sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0));
  const last = ordered[ordered.length - 1];
  if (!last || last.decision === 'rejected') return [];
  return ordered.filter((a) => a.decision !== 'rejected');
}

/** The gate's sentence for what is missing, or null when nothing is. */
export function gateSentence(label: string, missing: readonly EvidenceKind[]): string | null {
  if (missing.length === 0) return null;
  return `Version ${label} lacks ${joinWords(missing.map((k) => EVIDENCE_NEEDS[k]))}.`;
}

/** Refuses self-approval where the policy asks for an independent approver. */
export function selfApprovalRefusal(
  policy: PromotionPolicy,
  model: { name: string; riskTier: RiskTier; aiActCategory: AiActCategory },
  builtBy: PersonRef,
  approver: PersonRef,
  builderName: string,
  versionLabel: string,
): string | null {
  if (!samePerson(builtBy, approver) || !needsIndependentApprover(policy, model)) return null;
  return `${builderName} built version ${versionLabel} of ${model.name}; the promotion policy asks for an independent approver for this model (${RISK_TIER_LABELS[model.riskTier]} risk, ${AI_ACT_CATEGORY_LABELS[model.aiActCategory]}).`;
}
