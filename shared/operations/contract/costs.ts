import { command, query } from '@shared/kernel/define';
import { id, requiredText } from '@shared/kernel/fields';
import { month } from '@shared/monitoring/contract/readings';
import { z } from 'zod';
import { COST_CATEGORIES, type CostCategory, type CostMonthFigures, PROVIDERS, type Provider } from '../rules/costs';

/** The largest cost export taken through the app (larger ones: split the export by month). */
export const MAX_COST_UPLOAD_BYTES = 20 * 1024 * 1024;
export const COST_UPLOAD_TOO_LARGE =
  'The file is larger than Keel takes in one upload (20 MB, about 100,000 rows of an AWS export). Export one month or one account at a time.';

export type TagMappingView = { tagKey: string; tagValue: string; modelId: string; modelName: string };

/** A cost export read and kept. */
export type CostImport = {
  id: string;
  provider: Provider;
  fileName: string;
  sha256: string;
  /** Rows read (the header aside). */
  lines: number;
  /** Rows without cost (zero), left out. */
  skipped: number;
  months: string[];
  totalMinor: number;
  at: string;
  actor: string;
};

/** One model's month of run cost. */
export type CostMonthRow = CostMonthFigures & {
  month: string;
  byCategory: Partial<Record<CostCategory, number>>;
  predictions: number | null;
  /** The team's billed hours on the model and what they cost (the engagement's rates). */
  team: { billedMinutes: number; amountMinor: number; unratedMinutes: number };
};

export type ModelCost = {
  modelId: string;
  modelName: string;
  clientId: string;
  currency: string;
  budgetMinor: number | null;
  /** The last twelve months, newest first. */
  months: CostMonthRow[];
};

/** A client's month: every model's cost against its budget, the twelve-month trend, imports and the tag mapping. */
export type ClientCost = {
  clientId: string;
  clientName: string;
  currency: string;
  month: string;
  models: (CostMonthRow & { modelId: string; modelName: string })[];
  /** Twelve months, oldest first: the client's run cost and the sum of its models' budgets. */
  trend: { month: string; totalMinor: number; budgetMinor: number }[];
  overBudget: number;
  imports: CostImport[];
};

const minor = (what: string) =>
  z
    .number({ error: `must be an amount in minor units (${what})` })
    .int('must be whole minor units (cents)')
    .min(0, 'cannot be negative')
    .max(1_000_000_000_000, 'is implausibly high');

const tagText = requiredText(256);

export const costsProcedures = {
  'costs.forModel': query<ModelCost>()(
    'A model’s run cost over twelve months by category, against its budget, per 1,000 predictions, with the team’s billed hours beside it.',
    z.strictObject({ modelId: id }),
  ),
  'costs.client': query<ClientCost>()(
    'A client’s month of run cost per model against budget, its twelve-month trend, the latest imports.',
    z.strictObject({ clientId: id, month }),
  ),
  'costs.set': command<ModelCost>()(
    'Type a model’s cost of a month in one category (null clears it); imported costs stay beside it.',
    z.strictObject({
      modelId: id,
      month,
      category: z.enum(COST_CATEGORIES, { error: 'must be one of the cost categories' }),
      amountMinor: minor('the cost').nullable(),
    }),
  ),
  'costs.setBudget': command<ModelCost>()(
    'Set a model’s monthly budget (null removes it).',
    z.strictObject({ modelId: id, monthlyMinor: minor('the budget').nullable() }),
  ),
  'costs.mapping': query<TagMappingView[]>()('Which resource tags name which of a client’s models.', z.strictObject({ clientId: id })),
  'costs.saveMapping': command<TagMappingView[]>()(
    'Save which resource tags (key = value) name which of a client’s models; replaces the client’s mapping.',
    z.strictObject({
      clientId: id,
      mappings: z
        .array(z.strictObject({ tagKey: tagText, tagValue: tagText, modelId: id }), { error: 'must be a list of tags and models' })
        .max(2000, 'may hold at most 2,000 tags')
        .refine((list) => new Set(list.map((m) => `${m.tagKey}=${m.tagValue}`)).size === list.length, 'names a tag twice'),
    }),
  ),
  'costs.import': command<CostImport>()(
    'Import a cloud cost export (AWS Cost and Usage Report, Azure cost details or GCP billing export, CSV): every row mapped to a model by its tags, checked whole, all or nothing; it replaces the same provider’s costs of the months it covers.',
    z.strictObject({
      clientId: id,
      provider: z.enum(PROVIDERS, { error: 'must be aws, azure or gcp' }),
      fileName: requiredText(255),
      base64: z
        .base64({ error: 'must be the file’s content in base64' })
        .max(Math.ceil((MAX_COST_UPLOAD_BYTES * 4) / 3) + 4, 'is too large: the file may be 20 MB at most (export one month at a time)'),
    }),
  ),
};
