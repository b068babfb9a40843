import { command, type ListResult, query } from '@shared/kernel/define';
import { id, requiredText } from '@shared/kernel/fields';
import { z } from 'zod';
import { ALIASES, type Alias } from '../rules/deployments';

export type Environment = { id: string; engagementId: string; name: string; production: boolean; createdAt: string };

export type Deployment = {
  id: string;
  modelId: string;
  versionId: string;
  versionLabel: string;
  environmentId: string;
  environmentName: string;
  production: boolean;
  alias: Alias;
  trafficPercent: number | null;
  from: string;
  to: string | null;
  /** Set when this deployment was a rollback to an earlier version. */
  rollbackReason: string;
  createdAt: string;
};

/** Which version served production at an instant, and who approved it. */
export type ServedAt = {
  modelId: string;
  modelName: string;
  clientName: string;
  at: string;
  versionId: string | null;
  versionLabel: string | null;
  environmentName: string | null;
  since: string | null;
  approvedBy: { name: string; decision: string; decidedOn: string }[];
};

const instant = z.iso.datetime({ error: 'must be an instant written YYYY-MM-DDTHH:MM:SSZ', offset: false });

export const deployInput = z
  .strictObject({
    modelId: id,
    versionId: id,
    environmentId: id,
    alias: z.enum(ALIASES, { error: 'must be champion, challenger, shadow or canary' }),
    trafficPercent: z
      .number({ error: 'must be a whole percentage' })
      .int('must be a whole percentage')
      .min(1, 'must be at least 1%')
      .max(100, 'must be at most 100%')
      .nullable()
      .default(null),
    from: instant,
  })
  .refine((v) => (v.alias === 'canary') === (v.trafficPercent !== null), {
    message: 'is given for a canary, and only for a canary',
    path: ['trafficPercent'],
  });
export type DeployFields = z.input<typeof deployInput>;

export const deploymentsProcedures = {
  'environments.list': query<ListResult<Environment>>()('An engagement’s environments.', z.strictObject({ engagementId: id })),
  'environments.create': command<Environment>()(
    'Add an environment to an engagement (exactly one of them is production, the first one marked).',
    z.strictObject({ engagementId: id, name: requiredText(60), production: z.boolean({ error: 'must be yes or no' }) }),
  ),
  'deployments.list': query<ListResult<Deployment>>()('A model’s deployments, newest first.', z.strictObject({ modelId: id })),
  'deployments.create': command<Deployment>()('Deploy a version under an alias in an environment from an instant.', deployInput),
  'deployments.promote': command<Deployment>()(
    'Make a deployed version the champion of its environment from an instant (the current champion and the promoted alias end then).',
    z.strictObject({ id, at: instant }),
  ),
  'deployments.rollback': command<Deployment>()(
    'Redeploy an earlier version as champion of an environment, with the reason (the current champion ends then).',
    z.strictObject({ modelId: id, versionId: id, environmentId: id, at: instant, reason: requiredText(2000) }),
  ),
  'deployments.end': command<Deployment>()('End a deployment at an instant.', z.strictObject({ id, at: instant })),
  'portfolio.asOf': query<ServedAt[]>()(
    'Which version served production at an instant, and who approved it: for one model or for every model.',
    z.strictObject({ at: instant, modelId: id.optional() }),
  ),
};
