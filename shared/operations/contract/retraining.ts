import { command, query } from '@shared/kernel/define';
import { id, isoDate, optionalText, requiredText } from '@shared/kernel/fields';
import type { MetricKind } from '@shared/monitoring/rules/vocabulary';
import { person } from '@shared/portfolio/contract/versions';
import type { Stage } from '@shared/portfolio/rules/vocabulary';
import { z } from 'zod';
import { type Cadence, type DueReason, policyRefusal, type RetrainingState, type Triggers } from '../rules/retraining';
import { CADENCE_UNITS, MAX_CADENCE_EVERY, RUN_OUTCOMES, type RunOutcome, TRIGGERS, type Trigger } from '../rules/vocabulary';

/** A model's retraining policy: its cadence and the triggers enabled. */
export type RetrainingPolicyView = { modelId: string; cadence: Cadence | null; triggers: Triggers; updatedAt: string | null };

/** One entry of the retraining log. */
export type RetrainingRun = {
  id: string;
  modelId: string;
  runOn: string;
  trigger: Trigger;
  outcome: RunOutcome;
  versionId: string | null;
  versionLabel: string | null;
  sloId: string | null;
  /** The breach that raised it, in words, when one did. */
  breach: string;
  notes: string;
  /** The freeze of the engagement the run fell in, in words; '' when none. */
  frozen: string;
  createdAt: string;
};

/** An SLO of the model in breach now, as the retraining and incident forms offer it. */
export type BreachNow = {
  sloId: string;
  kind: MetricKind;
  metric: string;
  unit: string;
  value: number | null;
  /** The first breaching reading of the window. */
  since: string;
  /** The worst breaching reading. */
  reading: { at: string; value: number } | null;
  /** The retraining trigger it speaks to, if any. */
  trigger: 'degradation' | 'drift' | null;
};

/** The retraining due on a model, as lists show it. */
export type RetrainingDue = {
  modelId: string;
  modelName: string;
  clientId: string;
  clientName: string;
  engagementName: string | null;
  nextDueOn: string | null;
  overdue: boolean;
  lastRunOn: string | null;
  due: (DueReason & { headline: string })[];
};

/** A model's retraining: policy, what is due, the log, and what its forms offer. */
export type ModelRetraining = {
  modelId: string;
  modelName: string;
  stage: Stage;
  policy: RetrainingPolicyView;
  state: Omit<RetrainingState, 'due'> & { due: (DueReason & { headline: string })[] };
  runs: RetrainingRun[];
  breaches: BreachNow[];
  versions: { id: string; label: string; registeredOn: string }[];
};

const trigger = z.enum(TRIGGERS, { error: 'must be one of the five triggers' });

export const cadenceInput = z.strictObject({
  every: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_CADENCE_EVERY, `must be at most ${MAX_CADENCE_EVERY}`),
  unit: z.enum(CADENCE_UNITS, { error: 'must be days, weeks or months' }),
});

const triggersInput = z.strictObject(
  Object.fromEntries(TRIGGERS.map((t) => [t, z.boolean({ error: 'must be on or off' })])) as Record<Trigger, z.ZodBoolean>,
);

export const policyInput = z
  .strictObject({ modelId: id, cadence: cadenceInput.nullable().default(null), triggers: triggersInput })
  .superRefine((v, ctx) => {
    const problem = policyRefusal(v);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

export const runInput = z
  .strictObject({
    modelId: id,
    runOn: isoDate,
    trigger,
    outcome: z.enum(RUN_OUTCOMES, { error: 'must be new version, no change or failed' }),
    /** The version it produced, when it is registered already. */
    versionId: id.nullable().default(null),
    /** Or the version to register with the run. */
    newVersion: z
      .strictObject({ label: requiredText(60), builtBy: person, trainingData: optionalText(2000).default('') })
      .nullable()
      .default(null),
    /** The SLO whose breach raised it. */
    sloId: id.nullable().default(null),
    notes: optionalText(2000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'new_version' && !v.versionId && !v.newVersion)
      ctx.addIssue({ code: 'custom', path: ['versionId'], message: 'names the version the retraining produced (or registers it)' });
    if (v.outcome !== 'new_version' && (v.versionId || v.newVersion))
      ctx.addIssue({ code: 'custom', path: ['versionId'], message: 'is given only when a new version was registered' });
    if (v.versionId && v.newVersion)
      ctx.addIssue({ code: 'custom', path: ['newVersion'], message: 'is given only when no registered version is named' });
  });
export type RunFields = z.input<typeof runInput>;

export const retrainingProcedures = {
  'retraining.forModel': query<ModelRetraining>()(
    'A model’s retraining: cadence and triggers, what is due and why (breaches linked), the log, the SLOs in breach.',
    z.strictObject({ modelId: id }),
  ),
  'retraining.setPolicy': command<ModelRetraining>()(
    'Set a model’s retraining cadence and which of the five triggers are enabled.',
    policyInput,
  ),
  'retraining.log': command<ModelRetraining>()(
    'Log a retraining run: the day, the trigger, the outcome and the version it produced (registered with it, or already registered).',
    runInput,
  ),
  'retraining.due': query<RetrainingDue[]>()(
    'The models with retraining due or overdue (of a client, or all), most overdue first.',
    z.strictObject({ clientId: id.optional() }),
  ),
};
