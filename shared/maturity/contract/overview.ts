import { command, query } from '@shared/kernel/define';
import { byId, id, isoDate, optionalText } from '@shared/kernel/fields';
import { z } from 'zod';
import type { BriefLevels, TrendLine } from '../rules/compare';
import type { CrossCheck } from '../rules/crossCheck';
import type { FrameworkLevels } from '../rules/levels';
import { READINESS_ITEMS, type Readiness, type ReadinessAnswer, type ReadinessItem } from '../rules/readiness';
import type { Gap } from '../rules/targets';
import { FRAMEWORK_KEYS, type FrameworkKey } from '../rules/vocabulary';

/** A level a client aims for on one dimension, by a date (one per client, framework and dimension). */
export type MaturityTarget = {
  id: string;
  clientId: string;
  framework: FrameworkKey;
  dimension: string;
  level: number;
  dueOn: string;
  reason: string;
  createdAt: string;
  updatedAt: string;
};

/** An assessment's levels, as the overview compares them. */
export type AssessedLevels = { assessmentId: string; assessedOn: string; levels: FrameworkLevels[] };

/** Where a client stands: current vs previous vs target, the trend, the gaps, the comparison, the cross-check. */
export type MaturityOverview = {
  clientId: string;
  clientName: string;
  today: string;
  /** The latest final assessment, and the final one before it. */
  current: AssessedLevels | null;
  previous: AssessedLevels | null;
  /** The newest draft, if one is open. */
  draft: { id: string; assessedOn: string } | null;
  /** The axes: every framework's levels and dimensions (from the newest framework version Keel ships). */
  frameworks: { key: FrameworkKey; name: string; levels: { level: number; name: string }[]; dimensions: { key: string; name: string }[] }[];
  /** Per framework and dimension, the level at each final assessment, oldest first. */
  trend: {
    framework: FrameworkKey;
    dimension: string;
    dimensionName: string;
    points: { assessmentId: string; assessedOn: string; level: number }[];
  }[];
  targets: MaturityTarget[];
  gaps: Gap[];
  /** Your level vs the median of Keel's other clients (their latest final assessments), anonymised. */
  comparison: {
    framework: FrameworkKey;
    dimension: string;
    dimensionName: string;
    yours: number | null;
    median: number | null;
    /** How many other clients the median is taken over (it is shown from COMPARISON_MIN_CLIENTS on). */
    clients: number;
  }[];
  /** The current assessment's measured criteria against today's portfolio and matrix. */
  crossChecks: CrossCheck[];
  contradictions: number;
};

/** An assessment's levels in brief: the overall and each dimension's level per framework. */
export type LevelsBrief = BriefLevels;

/** One client's maturity in a row of the across-clients view. */
export type ClientMaturity = {
  clientId: string;
  clientName: string;
  /** Final assessments on record. */
  finals: number;
  current: { assessmentId: string; assessedOn: string; levels: LevelsBrief } | null;
  /** The overall level's change from the final assessment before, per framework (null: nothing to compare). */
  change: { framework: FrameworkKey; by: number | null }[];
  draft: { assessmentId: string; assessedOn: string; levels: LevelsBrief } | null;
  trend: TrendLine[];
};

/** The median of other clients is shown only over at least this many, so no single client can be read from it. */
export const COMPARISON_MIN_CLIENTS = 3;

export type ReadinessCheck = Readiness & {
  clientId: string;
  answers: Partial<Record<ReadinessItem, ReadinessAnswer>>;
  notes: string;
  updatedAt: string | null;
};

export const targetInput = z.strictObject({
  clientId: id,
  framework: z.enum(FRAMEWORK_KEYS, { error: 'must be microsoft or google' }),
  dimension: z.string({ error: 'must name a dimension' }).min(1, 'is required').max(60),
  level: z.number({ error: 'must be a level number' }).int('must be a whole level').min(0, 'must be at least 0').max(9, 'is not a level'),
  dueOn: isoDate,
  reason: optionalText(2000).default(''),
});
export type TargetFields = z.input<typeof targetInput>;

export const readinessInput = z.strictObject({
  clientId: id,
  answers: z.partialRecord(z.enum(READINESS_ITEMS, { error: 'is not a readiness question' }), z.enum(['yes', 'no']).nullable()).default({}),
  notes: optionalText(4000).default(''),
});

export const overviewProcedures = {
  'maturity.client': query<MaturityOverview>()(
    'Where a client stands: levels now, before and aimed for, the trend, gaps with next steps, the other clients’ median, the cross-check.',
    z.strictObject({ clientId: id }),
  ),
  'maturity.clients': query<ClientMaturity[]>()(
    'Every client’s maturity: the latest final levels, the change since the one before, an open draft, the trend per dimension.',
    z.strictObject({}).default({}),
  ),
  'maturity.setTarget': command<MaturityTarget>()(
    'Set the level a client aims for on one dimension by a date (below the level reached only with a reason).',
    targetInput,
  ),
  'maturity.removeTarget': command<{ id: string }>()('Remove a target.', byId),
  'maturity.readiness': query<ReadinessCheck>()(
    'The readiness check of a client: the four signs and three “not yet” cases, answered or computed from its portfolio, and the recommendation.',
    z.strictObject({ clientId: id }),
  ),
  'maturity.saveReadiness': command<ReadinessCheck>()(
    'Answer the readiness questions of a client (null leaves one to the portfolio).',
    readinessInput,
  ),
};
