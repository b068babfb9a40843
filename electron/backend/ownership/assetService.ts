import { assertUnchanged } from '@backend/core/archive';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type { Asset, AssetListItem } from '@shared/ownership/contract/assets';
import type { AssetType } from '@shared/ownership/rules/vocabulary';
import type { AssetListFilter } from './assetRepository';

type AssetValues = {
  name: string;
  type: AssetType;
  modelIds: string[];
  links: string[];
  inServiceFrom: string;
  inServiceTo: string | null;
  notes: string;
};

export function listAssets(ctx: Context, filter: AssetListFilter): AssetListItem[] {
  if (filter.engagementId !== undefined && !ctx.repos.engagements.get(filter.engagementId)) {
    throw unknownReference('Engagement', filter.engagementId, 'engagementId');
  }
  return ctx.repos.assets.list(filter);
}

/** Refuses what would make the asset wrong: a model of another engagement, a name used twice, an end before the start. */
function checkValues(ctx: Context, engagementId: string, engagementName: string, values: AssetValues, id: string | null): void {
  if (values.inServiceTo !== null && values.inServiceTo < values.inServiceFrom) {
    throw new DomainError('invalid_input', 'The asset leaves service before it enters it.', [
      { path: 'inServiceTo', message: `must be on or after ${dateLabel(values.inServiceFrom)}` },
    ]);
  }
  const seen = new Set<string>();
  values.modelIds.forEach((modelId, i) => {
    if (seen.has(modelId))
      throw new DomainError('invalid_input', 'A model is listed twice.', [{ path: `modelIds.${i}`, message: 'is listed twice' }]);
    seen.add(modelId);
    const model = ctx.repos.models.get(modelId);
    if (!model) throw unknownReference('Model', modelId, `modelIds.${i}`);
    if (model.engagementId !== engagementId) {
      throw new DomainError(
        'invalid_input',
        `${model.name} is not run by ${engagementName}; an asset serves models of its own engagement.`,
        [{ path: `modelIds.${i}`, message: 'must be a model of the same engagement' }],
      );
    }
  });
  const same = ctx.repos.assets.findByName(engagementId, values.name);
  if (same && same.id !== id) {
    throw new DomainError('conflict', `${engagementName} already has an asset named “${same.name}”.`, [
      { path: 'name', message: 'is already used on this engagement' },
    ]);
  }
}

export function createAsset(ctx: Context, input: AssetValues & { engagementId: string }): Asset {
  return ctx.write((audit, at) => {
    const engagement = ctx.repos.engagements.get(input.engagementId);
    if (!engagement) throw unknownReference('Engagement', input.engagementId, 'engagementId');
    if (engagement.archivedAt) {
      throw new DomainError('invalid_input', `${engagement.name} is archived; bring it back before adding assets.`, [
        { path: 'engagementId', message: 'is archived' },
      ]);
    }
    checkValues(ctx, engagement.id, engagement.name, input, null);
    const asset: Asset = { id: newId(), ...input, archivedAt: null, createdAt: at, updatedAt: at };
    ctx.repos.assets.insert(asset);
    audit({ entity: 'asset', entityId: asset.id, label: asset.name, action: 'create', before: null, after: asset });
    return asset;
  });
}

export function updateAsset(ctx: Context, input: AssetValues & { id: string; expectedUpdatedAt?: string | undefined }): Asset {
  const { id, expectedUpdatedAt, ...values } = input;
  return ctx.write((audit, at) => {
    const before = ctx.repos.assets.get(id);
    if (!before) throw notFound('Asset', id);
    assertUnchanged(before, expectedUpdatedAt, before.name);
    const engagement = ctx.repos.engagements.get(before.engagementId);
    if (!engagement) throw notFound('Engagement', before.engagementId);
    checkValues(ctx, engagement.id, engagement.name, values, id);
    const outside = ctx.repos.assignments
      .inForce([engagement.id], '0000-01-01', '9999-12-31')
      .filter((a) => a.targetId === id)
      .find(
        (a) => a.fromDate < values.inServiceFrom || (values.inServiceTo !== null && (a.toDate === null || a.toDate > values.inServiceTo)),
      );
    if (outside) {
      throw new DomainError(
        'conflict',
        `An assignment on ${before.name} runs from ${dateLabel(outside.fromDate)}${outside.toDate ? ` to ${dateLabel(outside.toDate)}` : ''}, outside the new in-service period; end or remove it first.`,
        [
          {
            path: values.inServiceTo !== null && outside.fromDate >= values.inServiceFrom ? 'inServiceTo' : 'inServiceFrom',
            message: 'leaves an assignment outside the period',
          },
        ],
      );
    }
    const after: Asset = { ...before, ...values, updatedAt: at };
    ctx.repos.assets.update(after);
    audit({ entity: 'asset', entityId: id, label: after.name, action: 'update', before, after });
    return after;
  });
}

export function archiveAsset(ctx: Context, id: string, archived: boolean): Asset {
  return ctx.write((audit, at) => {
    const before = ctx.repos.assets.get(id);
    if (!before) throw notFound('Asset', id);
    if ((before.archivedAt !== null) === archived) return before;
    const after: Asset = { ...before, archivedAt: archived ? at : null, updatedAt: at };
    ctx.repos.assets.update(after);
    audit({ entity: 'asset', entityId: id, label: after.name, action: archived ? 'archive' : 'restore', before, after });
    return after;
  });
}
