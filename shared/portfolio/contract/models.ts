import { command, type ListResult, query } from '@shared/kernel/define';
import { byId, expectedUpdatedAt, httpsLink, id, isoDate, optionalText, requiredText, search, sortDirection } from '@shared/kernel/fields';
import { z } from 'zod';
import { joinWords, type StageTransition } from '../rules/lifecycle';
import {
  AI_ACT_CATEGORIES,
  type AiActCategory,
  MODEL_KIND_LABELS,
  MODEL_KINDS,
  type ModelKind,
  REGULATED_DOMAIN_LABELS,
  REGULATED_DOMAINS,
  type RegulatedDomain,
  RISK_TIERS,
  type RiskTier,
  SERVING_MODE_LABELS,
  SERVING_MODES,
  type ServingMode,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from '../rules/vocabulary';

export type { StageTransition };

/** A model the team runs (or the client's inventory holds): what it is for, how risky, how it serves, where it lives. */
export type Model = {
  id: string;
  clientId: string;
  /** Null: in the client's inventory, not (yet) run by one of our engagements. */
  engagementId: string | null;
  name: string;
  /** The business problem it solves. */
  useCase: string;
  /** The client contact who owns the business outcome. */
  businessOwnerId: string | null;
  /** The business outcome metric it must move: name, unit, baseline and target. */
  outcomeMetric: string;
  outcomeUnit: string;
  outcomeBaseline: number | null;
  outcomeTarget: number | null;
  riskTier: RiskTier;
  aiActCategory: AiActCategory;
  regulatedDomain: RegulatedDomain;
  kind: ModelKind;
  serving: ServingMode;
  dataSources: string[];
  repositoryLink: string;
  registryLink: string;
  dashboardLink: string;
  runbookLink: string;
  tags: string[];
  notes: string;
  /** The day its history starts: every dated fact about it is on or after this day. */
  inServiceSince: string;
  stage: Stage;
  /** The day its current stage began. */
  stageSince: string;
  createdAt: string;
  updatedAt: string;
};

/** What the portfolio list and the model pickers show; `models.get` has the whole record. */
export const MODEL_LIST_FIELDS = [
  'id',
  'clientId',
  'clientName',
  'engagementId',
  'engagementName',
  'name',
  'stage',
  'stageSince',
  'daysInStage',
  'riskTier',
  'aiActCategory',
  'kind',
  'updatedAt',
  'championLabel',
  'championSince',
] as const satisfies readonly (keyof ModelListItem)[];
export type ModelListItem = Pick<
  Model,
  'id' | 'clientId' | 'engagementId' | 'name' | 'stage' | 'stageSince' | 'riskTier' | 'aiActCategory' | 'kind' | 'updatedAt'
> & {
  clientName: string;
  engagementName: string | null;
  daysInStage: number;
  /** The version serving production as champion now, and since when (an instant); null when none does. */
  championLabel: string | null;
  championSince: string | null;
};

/** A model with the names it points at, its stage history and the days it spent in each stage. */
export type ModelDetail = Model & {
  clientName: string;
  engagementName: string | null;
  businessOwnerName: string | null;
  transitions: StageTransition[];
  daysInStage: number;
  daysPerStage: Record<Stage, number>;
};

const choice = <T extends readonly [string, ...string[]]>(values: T, words: string) =>
  z.enum(values, { error: `must be one of: ${words}` });

/** The choices in the words the form shows them in ("classical ML, deep learning … or rules + ML"). */
const wordsOf = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  joinWords(
    values.map((v) => labels[v].replace(/^(\w)(\w)/, (_, a: string, b: string) => (b === b.toLowerCase() ? a.toLowerCase() + b : a + b))),
    'or',
  );

const link = httpsLink.default('');

const tagList = (label: string) =>
  z
    .array(requiredText(60), { error: `must be a list of ${label}` })
    .max(30, `must hold at most 30 ${label}`)
    .default([]);

const metricValue = z.number({ error: 'must be a number' }).finite('must be a number').nullable().default(null);

const modelShape = {
  clientId: id,
  engagementId: id.nullable().default(null),
  name: requiredText(120),
  useCase: optionalText(2000).default(''),
  businessOwnerId: id.nullable().default(null),
  outcomeMetric: optionalText(120).default(''),
  outcomeUnit: optionalText(40).default(''),
  outcomeBaseline: metricValue,
  outcomeTarget: metricValue,
  riskTier: choice(RISK_TIERS, 'low, medium, high or critical'),
  aiActCategory: choice(AI_ACT_CATEGORIES, 'minimal, limited, high or prohibited'),
  regulatedDomain: choice(REGULATED_DOMAINS, wordsOf(REGULATED_DOMAINS, REGULATED_DOMAIN_LABELS)).default('none'),
  kind: choice(MODEL_KINDS, wordsOf(MODEL_KINDS, MODEL_KIND_LABELS)),
  serving: choice(SERVING_MODES, wordsOf(SERVING_MODES, SERVING_MODE_LABELS)),
  dataSources: tagList('data sources'),
  repositoryLink: link,
  registryLink: link,
  dashboardLink: link,
  runbookLink: link,
  tags: tagList('tags'),
  notes: optionalText(4000).default(''),
  /** Empty: the day it is registered. */
  inServiceSince: isoDate.nullable().default(null),
};

export const modelFields = z.strictObject({
  ...modelShape,
  /** The stage it is registered in (idea, prototype or pilot). */
  stage: choice(STAGES, wordsOf(STAGES, STAGE_LABELS)).default('idea'),
});
export type ModelFields = z.input<typeof modelFields>;

export const modelUpdateFields = z.strictObject({ ...modelShape, id, expectedUpdatedAt });
export type ModelUpdateFields = z.input<typeof modelUpdateFields>;

export const MODEL_SORT_FIELDS = ['name', 'client', 'stage', 'riskTier', 'daysInStage', 'updatedAt'] as const;

export const modelListInput = z
  .strictObject({
    search,
    clientId: id.optional(),
    engagementId: id.optional(),
    stage: z.enum(STAGES).optional(),
    riskTier: z.enum(RISK_TIERS).optional(),
    aiActCategory: z.enum(AI_ACT_CATEGORIES).optional(),
    kind: z.enum(MODEL_KINDS).optional(),
    sort: z.enum(MODEL_SORT_FIELDS).default('name'),
    direction: sortDirection,
  })
  .default({ sort: 'name', direction: 'asc' });

export const stageMoveInput = z.strictObject({
  id,
  to: choice(STAGES, wordsOf(STAGES, STAGE_LABELS)),
  on: isoDate,
  reason: optionalText(2000).default(''),
  expectedUpdatedAt,
});
export type StageMoveFields = z.input<typeof stageMoveInput>;

export const modelsProcedures = {
  'models.list': query<ListResult<ModelListItem>>()('The portfolio: models with search, filters and sort.', modelListInput),
  'models.get': query<ModelDetail>()('One model with its stage history.', byId),
  'models.create': command<ModelDetail>()('Register a model in the portfolio.', modelFields),
  'models.update': command<ModelDetail>()(
    'Change a model’s record. Pass the updatedAt you last saw to refuse overwriting someone else’s change.',
    modelUpdateFields,
  ),
  'models.moveStage': command<ModelDetail>()(
    'Move a model to another lifecycle stage on a date (back, or into retirement, with a reason).',
    stageMoveInput,
  ),
};
