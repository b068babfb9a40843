import { command, query } from '@shared/kernel/define';
import { id, isoDate, optionalText, requiredText } from '@shared/kernel/fields';
import { z } from 'zod';
import {
  type ApprovalDecision,
  ATTACHED_EVIDENCE,
  type AttachedEvidence,
  EVIDENCE_KINDS,
  type EvidenceKind,
  type PersonRef,
  type PromotionPolicy,
} from '../rules/policy';
import { AI_ACT_CATEGORIES, RISK_TIERS } from '../rules/vocabulary';

export type Evaluation = { metric: string; value: number; dataset: string };
export type EvidenceItem = { kind: AttachedEvidence; text: string; link: string };

export type Approval = {
  id: string;
  versionId: string;
  approver: PersonRef;
  approverName: string;
  decision: ApprovalDecision;
  decidedOn: string;
  evidenceText: string;
  evidenceLink: string;
  conditions: string;
  createdAt: string;
};

export type ModelVersion = {
  id: string;
  modelId: string;
  label: string;
  builtBy: PersonRef;
  builtByName: string;
  registeredOn: string;
  /** Dataset, period, hash: as the team records it. */
  trainingData: string;
  evaluations: Evaluation[];
  evidence: EvidenceItem[];
  notes: string;
  createdAt: string;
  approvals: Approval[];
  /** What the client's current promotion policy still asks of this version, in order. */
  missing: EvidenceKind[];
};

/** A client's promotion policy as it applies: its own latest version, or Keel's default (version 0). */
export type PolicyView = {
  clientId: string;
  /** 0: Keel's default, from resources; 1, 2…: the client's own versions. */
  version: number;
  policy: PromotionPolicy;
  createdAt: string | null;
  createdBy: string | null;
  /** The client's earlier versions, newest first. */
  history: { version: number; createdAt: string; createdBy: string }[];
};

export type VersionsView = { modelId: string; policyVersion: number; required: EvidenceKind[]; versions: ModelVersion[] };

const evidenceList = z.array(z.enum(EVIDENCE_KINDS, { error: `must be one of: ${EVIDENCE_KINDS.join(', ')}` }), {
  error: 'must be a list of evidence kinds',
});

/** A promotion policy as data: checked whole, every tier and category present. */
export const promotionPolicy = z.strictObject({
  name: requiredText(120),
  evidence: z.strictObject({
    riskTier: z.strictObject(
      Object.fromEntries(RISK_TIERS.map((t) => [t, evidenceList])) as Record<(typeof RISK_TIERS)[number], typeof evidenceList>,
    ),
    aiActCategory: z.strictObject(
      Object.fromEntries(AI_ACT_CATEGORIES.map((c) => [c, evidenceList])) as Record<
        (typeof AI_ACT_CATEGORIES)[number],
        typeof evidenceList
      >,
    ),
  }),
});

const httpsLink = optionalText(2000)
  .pipe(
    z.string().refine((v) => {
      if (v === '') return true;
      try {
        return new URL(v).protocol === 'https:';
      } catch {
        return false;
      }
    }, 'must be an https:// link'),
  )
  .default('');

export const person = z.strictObject({
  kind: z.enum(['specialist', 'contact'], { error: 'must be a specialist or a contact' }),
  id,
});

export const versionFields = z.strictObject({
  modelId: id,
  label: requiredText(60),
  builtBy: person,
  registeredOn: isoDate,
  trainingData: optionalText(2000).default(''),
  evaluations: z
    .array(
      z.strictObject({
        metric: requiredText(60),
        value: z.number({ error: 'must be a number' }).finite('must be a number'),
        dataset: requiredText(120),
      }),
      { error: 'must be a list of results' },
    )
    .max(50, 'must hold at most 50 results')
    .default([]),
  evidence: z
    .array(
      z.strictObject({
        kind: z.enum(ATTACHED_EVIDENCE, { error: `must be one of: ${ATTACHED_EVIDENCE.join(', ')}` }),
        text: requiredText(2000),
        link: httpsLink,
      }),
      { error: 'must be a list of evidence' },
    )
    .max(20, 'must hold at most 20 pieces of evidence')
    .default([]),
  notes: optionalText(4000).default(''),
});
export type VersionFields = z.input<typeof versionFields>;

export const approvalFields = z.strictObject({
  versionId: id,
  approver: person,
  decision: z.enum(['approved', 'approved_with_conditions', 'rejected'], {
    error: 'must be approved, approved with conditions or rejected',
  }),
  decidedOn: isoDate,
  evidenceText: optionalText(2000).default(''),
  evidenceLink: httpsLink,
  conditions: optionalText(2000).default(''),
});
export type ApprovalFields = z.input<typeof approvalFields>;

export const versionsProcedures = {
  'versions.list': query<VersionsView>()(
    'A model’s versions with their approvals and what the promotion policy still asks of each.',
    z.strictObject({ modelId: id }),
  ),
  'versions.create': command<ModelVersion>()('Register a version of a model.', versionFields),
  'approvals.create': command<ModelVersion>()('Record an approval decision on a version.', approvalFields),
  'policy.get': query<PolicyView>()('The promotion policy that applies to a client’s models.', z.strictObject({ clientId: id })),
  'policy.update': command<PolicyView>()(
    'Give a client a new version of its promotion policy (earlier versions are kept).',
    z.strictObject({ clientId: id, policy: promotionPolicy }),
  ),
};
