import { dateLabel } from '@shared/kernel/dates';
import { ALIAS_LABELS, type Alias } from './deployments';
import { joinWords } from './lifecycle';
import { type ApprovalDecision, standingApprovals } from './policy';
import {
  AI_ACT_CATEGORY_LABELS,
  type AiActCategory,
  MODEL_KIND_LABELS,
  type ModelKind,
  REGULATED_DOMAIN_LABELS,
  type RegulatedDomain,
  RISK_TIER_LABELS,
  type RiskTier,
  SERVING_MODE_LABELS,
  type ServingMode,
  STAGE_LABELS,
  type Stage,
} from './vocabulary';

/**
 * The model card: what a model is for, who uses it, what it was trained and
 * measured on, how risky it is, who owns and approved it, and which versions
 * serve production — derived from what is recorded. Only the narrative below
 * is typed by hand (governance as a side effect: nothing is typed twice).
 */
export const NARRATIVE_FIELDS = ['intendedUse', 'outOfScopeUses', 'users', 'limitations', 'ethicalConsiderations', 'caveats'] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export type CardNarrative = Record<NarrativeField, string>;
export const NARRATIVE_MAX = 4000;

export const NARRATIVE_LABELS: Record<NarrativeField, string> = {
  intendedUse: 'Intended use',
  outOfScopeUses: 'Out-of-scope uses',
  users: 'Users',
  limitations: 'Limitations',
  ethicalConsiderations: 'Fairness and ethical considerations',
  caveats: 'Caveats and recommendations',
};

export const EMPTY_NARRATIVE: CardNarrative = {
  intendedUse: '',
  outOfScopeUses: '',
  users: '',
  limitations: '',
  ethicalConsiderations: '',
  caveats: '',
};

export const CARD_SECTIONS = [
  'overview',
  'intendedUse',
  'users',
  'limitations',
  'trainingData',
  'evaluation',
  'ethics',
  'risk',
  'owners',
  'approvals',
  'production',
  'caveats',
] as const;
export type CardSectionId = (typeof CARD_SECTIONS)[number];

export const CARD_SECTION_TITLES: Record<CardSectionId, string> = {
  overview: 'Overview',
  intendedUse: 'Intended use and out-of-scope uses',
  users: 'Users',
  limitations: 'Limitations',
  trainingData: 'Training data',
  evaluation: 'Evaluation',
  ethics: 'Fairness and ethical considerations',
  risk: 'Risk tier and EU AI Act category',
  owners: 'Owners',
  approvals: 'Approvals',
  production: 'Versions in production',
  caveats: 'Caveats and recommendations',
};

/**
 * The sections a complete card must fill: everything but the risk (always
 * recorded), the approvals and production (facts, possibly none yet) and the
 * caveats (optional).
 */
export const REQUIRED_SECTIONS: readonly CardSectionId[] = [
  'overview',
  'intendedUse',
  'users',
  'limitations',
  'trainingData',
  'evaluation',
  'ethics',
  'owners',
];

/**
 * The required sections that depend on the model and its narrative alone, not
 * on a version: what the promotion policy's "complete model card" looks at
 * (training data and evaluation of the version being promoted are evidence of
 * their own in the same gate).
 */
export const MODEL_SECTIONS: readonly CardSectionId[] = ['overview', 'intendedUse', 'users', 'limitations', 'ethics', 'owners'];

/** A piece of a section: running text, label–value facts, a table, or a note saying what is not recorded. */
export type CardBlock =
  | { kind: 'text'; label?: string; text: string }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'note'; text: string };

export type CardSection = { id: CardSectionId; title: string; blocks: CardBlock[]; complete: boolean; missing: string[] };

export type ModelCard = {
  modelName: string;
  clientName: string;
  /** The day the card describes the model as of. */
  asOf: string;
  sections: CardSection[];
  /** The required sections still incomplete, in card order. */
  incomplete: CardSectionId[];
  complete: boolean;
};

/** What the card is derived from. */
export type CardFacts = {
  model: {
    name: string;
    clientName: string;
    engagementName: string | null;
    useCase: string;
    businessOwnerName: string | null;
    outcomeMetric: string;
    outcomeUnit: string;
    outcomeBaseline: number | null;
    outcomeTarget: number | null;
    riskTier: RiskTier;
    aiActCategory: AiActCategory;
    regulatedDomain: RegulatedDomain;
    kind: ModelKind;
    serving: ServingMode;
    dataSources: readonly string[];
    inServiceSince: string;
    stage: Stage;
    stageSince: string;
  };
  narrative: CardNarrative;
  /** Newest first. */
  versions: readonly {
    label: string;
    builtByName: string;
    registeredOn: string;
    trainingData: string;
    evaluations: readonly { metric: string; value: number; dataset: string }[];
    approvals: readonly { approverName: string; decision: ApprovalDecision; decidedOn: string; conditions: string }[];
  }[];
  /** The deployments in the production environment that are open on `asOf`. */
  production: readonly { versionLabel: string; alias: Alias; trafficPercent: number | null; environmentName: string; from: string }[];
  asOf: string;
};

const DECISION_LABELS: Record<ApprovalDecision, string> = {
  approved: 'Approved',
  approved_with_conditions: 'Approved with conditions',
  rejected: 'Rejected',
};

const filled = (text: string) => text.trim() !== '';

/** What the model's record and narrative still lack, per section, as names a person fills in. */
function modelGaps(
  model: { useCase: string; hasBusinessOwner: boolean },
  narrative: CardNarrative,
): Partial<Record<CardSectionId, string[]>> {
  const gaps: Partial<Record<CardSectionId, string[]>> = {};
  const add = (id: CardSectionId, missing: string) => {
    gaps[id] = [...(gaps[id] ?? []), missing];
  };
  if (!filled(model.useCase)) add('overview', 'the use case');
  if (!filled(narrative.intendedUse)) add('intendedUse', 'the intended use');
  if (!filled(narrative.outOfScopeUses)) add('intendedUse', 'the out-of-scope uses');
  if (!filled(narrative.users)) add('users', 'who uses it');
  if (!filled(narrative.limitations)) add('limitations', 'its limitations');
  if (!filled(narrative.ethicalConsiderations)) add('ethics', 'the fairness and ethical considerations');
  if (!model.hasBusinessOwner) add('owners', 'a business owner');
  return gaps;
}

/**
 * The model-only sections still incomplete (the record and the narrative, no
 * version): the promotion policy's "complete model card" holds when this is
 * empty.
 */
export function modelCardGaps(model: { useCase: string; hasBusinessOwner: boolean }, narrative: CardNarrative): CardSectionId[] {
  const gaps = modelGaps(model, narrative);
  return MODEL_SECTIONS.filter((id) => gaps[id] !== undefined);
}

/**
 * The versions the card describes (training data, evaluation): those serving
 * production on the day, else the newest one registered.
 */
export function describedVersions<V extends { label: string }>(
  versions: readonly V[],
  production: readonly { versionLabel: string }[],
): V[] {
  const serving = new Set(production.map((d) => d.versionLabel));
  const inProduction = versions.filter((v) => serving.has(v.label));
  if (inProduction.length > 0) return inProduction;
  return versions.slice(0, 1);
}

const formatNumber = (value: number | null) => (value === null ? '—' : String(value));

/** Derives the card from what is recorded, and names what is still missing in each required section. */
export function deriveCard(facts: CardFacts): ModelCard {
  const { model, narrative, versions, production } = facts;
  const gaps = modelGaps({ useCase: model.useCase, hasBusinessOwner: model.businessOwnerName !== null }, narrative);
  const described = describedVersions(versions, production);
  const which = production.length > 0 ? 'in production' : 'newest';
  if (described.length === 0) {
    gaps.trainingData = ['a registered version'];
    gaps.evaluation = ['a registered version'];
  }
  for (const v of described) {
    if (!filled(v.trainingData)) gaps.trainingData = [...(gaps.trainingData ?? []), `the training data of version ${v.label}`];
    if (v.evaluations.length === 0) gaps.evaluation = [...(gaps.evaluation ?? []), `evaluation results of version ${v.label}`];
  }

  const narrativeBlock = (field: NarrativeField, withLabel = false): CardBlock =>
    filled(narrative[field])
      ? { kind: 'text', ...(withLabel ? { label: NARRATIVE_LABELS[field] } : {}), text: narrative[field] }
      : { kind: 'note', text: `${NARRATIVE_LABELS[field]}: not written yet.` };

  const outcome =
    model.outcomeMetric === ''
      ? 'Not named yet'
      : `${model.outcomeMetric}${model.outcomeUnit ? ` (${model.outcomeUnit})` : ''}: from ${formatNumber(model.outcomeBaseline)} to ${formatNumber(model.outcomeTarget)}`;

  const blocks: Record<CardSectionId, CardBlock[]> = {
    overview: [
      filled(model.useCase) ? { kind: 'text', text: model.useCase } : { kind: 'note', text: 'Use case: not recorded yet.' },
      {
        kind: 'facts',
        rows: [
          { label: 'Client', value: model.clientName },
          { label: 'Engagement', value: model.engagementName ?? 'Not run by one of our engagements' },
          { label: 'Kind', value: MODEL_KIND_LABELS[model.kind] },
          { label: 'Serving', value: SERVING_MODE_LABELS[model.serving] },
          { label: 'Business outcome', value: outcome },
          { label: 'Lifecycle stage', value: `${STAGE_LABELS[model.stage]} since ${dateLabel(model.stageSince)}` },
          { label: 'In service since', value: dateLabel(model.inServiceSince) },
        ],
      },
    ],
    intendedUse: [narrativeBlock('intendedUse', true), narrativeBlock('outOfScopeUses', true)],
    users: [narrativeBlock('users')],
    limitations: [narrativeBlock('limitations')],
    trainingData: [
      ...(model.dataSources.length > 0
        ? [{ kind: 'facts' as const, rows: [{ label: 'Data sources', value: model.dataSources.join(', ') }] }]
        : []),
      described.length === 0
        ? { kind: 'note', text: 'No version registered yet.' }
        : {
            kind: 'table',
            head: [`Version (${which})`, 'Training data snapshot'],
            rows: described.map((v) => [v.label, filled(v.trainingData) ? v.trainingData : 'Not recorded']),
          },
    ],
    evaluation: described.every((v) => v.evaluations.length === 0)
      ? [{ kind: 'note', text: described.length === 0 ? 'No version registered yet.' : 'No evaluation results recorded.' }]
      : [
          {
            kind: 'table',
            head: ['Version', 'Metric', 'Value', 'Dataset'],
            rows: described.flatMap((v) => v.evaluations.map((e) => [v.label, e.metric, String(e.value), e.dataset])),
          },
        ],
    ethics: [narrativeBlock('ethicalConsiderations')],
    risk: [
      {
        kind: 'facts',
        rows: [
          { label: 'Risk tier', value: RISK_TIER_LABELS[model.riskTier] },
          { label: 'EU AI Act category', value: AI_ACT_CATEGORY_LABELS[model.aiActCategory] },
          { label: 'Regulated domain', value: REGULATED_DOMAIN_LABELS[model.regulatedDomain] },
        ],
      },
    ],
    owners: [
      {
        kind: 'facts',
        rows: [
          { label: 'Business owner', value: model.businessOwnerName ?? 'Not named yet' },
          { label: 'Client', value: model.clientName },
          { label: 'Engagement', value: model.engagementName ?? 'None' },
        ],
      },
    ],
    approvals: approvalBlocks(versions),
    production:
      production.length === 0
        ? [{ kind: 'note', text: `No version serves production on ${dateLabel(facts.asOf)}.` }]
        : [
            {
              kind: 'table',
              head: ['Version', 'Alias', 'Environment', 'Since'],
              rows: production.map((d) => [
                d.versionLabel,
                d.alias === 'canary' && d.trafficPercent !== null
                  ? `${ALIAS_LABELS[d.alias]} (${d.trafficPercent}%)`
                  : ALIAS_LABELS[d.alias],
                d.environmentName,
                dateLabel(d.from.slice(0, 10)),
              ]),
            },
          ],
    caveats: [narrativeBlock('caveats')],
  };

  const sections = CARD_SECTIONS.map((id): CardSection => {
    const missing = REQUIRED_SECTIONS.includes(id) ? (gaps[id] ?? []) : [];
    return { id, title: CARD_SECTION_TITLES[id], blocks: blocks[id], complete: missing.length === 0, missing };
  });
  const incomplete = sections.filter((s) => !s.complete).map((s) => s.id);
  return { modelName: model.name, clientName: model.clientName, asOf: facts.asOf, sections, incomplete, complete: incomplete.length === 0 };
}

function approvalBlocks(versions: CardFacts['versions']): CardBlock[] {
  const rows = versions.flatMap((v) => {
    const standing = new Set(standingApprovals(v.approvals));
    return [...v.approvals]
      .sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : a.decidedOn > b.decidedOn ? -1 : 0))
      .map((a) => [
        v.label,
        a.decision !== 'rejected' && !standing.has(a)
          ? `${DECISION_LABELS[a.decision]} (withdrawn by a later rejection)`
          : DECISION_LABELS[a.decision],
        a.approverName,
        dateLabel(a.decidedOn),
        a.conditions,
      ]);
  });
  if (rows.length === 0) return [{ kind: 'note', text: 'No approval decisions recorded.' }];
  return [{ kind: 'table', head: ['Version', 'Decision', 'Approver', 'Decided on', 'Conditions'], rows }];
}

/** The sentence saying which sections a card still lacks, or null when it is complete. */
export function cardGapSentence(card: Pick<ModelCard, 'sections'>): string | null {
  const missing = card.sections.flatMap((s) => s.missing);
  if (missing.length === 0) return null;
  return `The card still needs ${joinWords(missing)}.`;
}

/**
 * What the gate says of an incomplete card: the policy's words and the
 * sections still to write ("a complete model card (Users and Limitations
 * still to write)"), so the refusal says where to go.
 */
export function cardNeed(incomplete: readonly CardSectionId[]): string {
  if (incomplete.length === 0) return 'a complete model card';
  return `a complete model card (${joinWords(incomplete.map((id) => CARD_SECTION_TITLES[id]))} still to write)`;
}
