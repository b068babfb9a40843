import { command, type ListResult, query } from '@shared/kernel/define';
import { archivedFilter, expectedUpdatedAt, httpsLink, id, isoDate, optionalText, requiredText, search } from '@shared/kernel/fields';
import { z } from 'zod';
import { ASSET_TYPES, type AssetType } from '../rules/vocabulary';

/**
 * A thing around a model someone must own: a data ingestion job, a feature pipeline, a serving endpoint…
 * It belongs to one engagement and serves one or more of its models; it inherits the assignments of the
 * first model it serves (its primary model) and can override a duty with its own.
 */
export type Asset = {
  id: string;
  engagementId: string;
  name: string;
  type: AssetType;
  /** The models it serves, the primary (the one it inherits from) first. Empty: it must be staffed on its own. */
  modelIds: string[];
  links: string[];
  /** The in-service period: assignments must fall inside it. */
  inServiceFrom: string;
  inServiceTo: string | null;
  notes: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A row of the asset list: the asset with the names a list shows. */
export type AssetListItem = Asset & { engagementName: string; clientId: string; clientName: string; modelNames: string[] };

const links = z
  .array(httpsLink.pipe(z.string().min(1, 'is required')), { error: 'must be a list of https:// links' })
  .max(10, 'can hold at most 10 links')
  .default([]);

export const assetFields = z.strictObject({
  engagementId: id,
  name: requiredText(120),
  type: z.enum(ASSET_TYPES, { error: 'must be one of the asset types' }),
  modelIds: z.array(id, { error: 'must be a list of models' }).max(50, 'can serve at most 50 models').default([]),
  links,
  inServiceFrom: isoDate,
  inServiceTo: isoDate.nullable().default(null),
  notes: optionalText(2000).default(''),
});
export type AssetFields = z.input<typeof assetFields>;

export const assetListInput = z.strictObject({
  engagementId: id.optional(),
  clientId: id.optional(),
  modelId: id.optional(),
  type: z.enum(ASSET_TYPES).optional(),
  q: search,
  archived: archivedFilter,
});

export const assetsProcedures = {
  'assets.list': query<ListResult<AssetListItem>>()('The assets around the models, by engagement and name.', assetListInput),
  'assets.create': command<Asset>()('Add an asset (a pipeline, an endpoint, a dashboard…) to an engagement.', assetFields),
  'assets.update': command<Asset>()(
    'Change an asset. Its engagement stays; pass the updatedAt you last saw to refuse overwriting someone else’s change.',
    assetFields.omit({ engagementId: true }).extend({ id, expectedUpdatedAt }),
  ),
  'assets.archive': command<Asset>()(
    'Archive an asset (it leaves the matrix and its checks) or bring it back.',
    z.strictObject({ id, archived: z.boolean({ error: 'must be true or false' }) }),
  ),
};
