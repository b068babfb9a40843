import type { Context } from '@backend/core/context';
import { dateLabel } from '@shared/kernel/dates';
import { DomainError, unknownReference } from '@shared/kernel/errors';
import type { EngagementDuties } from '@shared/ownership/contract/duties';
import { dutiesOf, nextCustomKey } from '@shared/ownership/rules/duties';
import { mergeApplicability } from '@shared/ownership/rules/resolve';
import { type AssetType, NOT_APPLICABLE_BY_DEFAULT } from '@shared/ownership/rules/vocabulary';

function engagementOrThrow(ctx: Context, engagementId: string) {
  const engagement = ctx.repos.engagements.get(engagementId);
  if (!engagement) throw unknownReference('Engagement', engagementId, 'engagementId');
  return engagement;
}

export function listDuties(ctx: Context, engagementId: string): EngagementDuties {
  engagementOrThrow(ctx, engagementId);
  return {
    engagementId,
    duties: dutiesOf(ctx.repos.duties.storedOf([engagementId]).get(engagementId) ?? []),
    notApplicable: mergeApplicability(ctx.repos.duties.overridesOf([engagementId]).get(engagementId) ?? []),
  };
}

export function createDuty(ctx: Context, input: { engagementId: string; name: string; coverRequired: boolean }): EngagementDuties {
  return ctx.write((audit, at) => {
    const engagement = engagementOrThrow(ctx, input.engagementId);
    const stored = ctx.repos.duties.storedOf([engagement.id]).get(engagement.id) ?? [];
    const same = dutiesOf(stored).find((d) => d.name.localeCompare(input.name, undefined, { sensitivity: 'accent' }) === 0);
    if (same)
      throw new DomainError('conflict', `${engagement.name} already has a duty named “${same.name}”.`, [
        { path: 'name', message: 'is already a duty of this engagement' },
      ]);
    const duty = {
      key: nextCustomKey(stored),
      name: input.name,
      custom: true,
      coverRequired: input.coverRequired,
      position: 100 + stored.filter((d) => d.custom).length,
      retiredOn: null,
    };
    ctx.repos.duties.upsert(engagement.id, duty, at);
    audit({
      entity: 'duty',
      entityId: engagement.id,
      label: `${duty.name} (${engagement.name})`,
      action: 'create',
      before: null,
      after: duty,
    });
    return listDuties(ctx, engagement.id);
  });
}

export function retireDuty(ctx: Context, input: { engagementId: string; dutyKey: string; retiredOn: string | null }): EngagementDuties {
  return ctx.write((audit, at) => {
    const engagement = engagementOrThrow(ctx, input.engagementId);
    const stored = ctx.repos.duties.storedOf([engagement.id]).get(engagement.id) ?? [];
    const duty = dutiesOf(stored).find((d) => d.key === input.dutyKey);
    if (!duty)
      throw new DomainError('not_found', `${engagement.name} has no duty “${input.dutyKey}”.`, [
        { path: 'dutyKey', message: 'is not a duty of this engagement' },
      ]);
    if (input.retiredOn !== null && input.retiredOn < engagement.startDate) {
      throw new DomainError(
        'invalid_input',
        `${engagement.name} starts on ${dateLabel(engagement.startDate)}; a duty cannot be retired before that.`,
        [{ path: 'retiredOn', message: `must be on or after ${dateLabel(engagement.startDate)}` }],
      );
    }
    const after = { ...duty, retiredOn: input.retiredOn };
    ctx.repos.duties.upsert(engagement.id, after, at);
    audit({
      entity: 'duty',
      entityId: engagement.id,
      label: `${duty.name} (${engagement.name})`,
      action: input.retiredOn ? 'archive' : 'restore',
      before: duty,
      after,
    });
    return listDuties(ctx, engagement.id);
  });
}

export function setApplicable(
  ctx: Context,
  input: { engagementId: string; assetType: AssetType; dutyKey: string; applicable: boolean },
): EngagementDuties {
  return ctx.write((audit) => {
    const engagement = engagementOrThrow(ctx, input.engagementId);
    const current = listDuties(ctx, engagement.id);
    const duty = current.duties.find((d) => d.key === input.dutyKey);
    if (!duty)
      throw new DomainError('not_found', `${engagement.name} has no duty “${input.dutyKey}”.`, [
        { path: 'dutyKey', message: 'is not a duty of this engagement' },
      ]);
    const offByDefault = (NOT_APPLICABLE_BY_DEFAULT[input.assetType] as readonly string[]).includes(input.dutyKey);
    const before = !current.notApplicable.some((n) => n.assetType === input.assetType && n.dutyKey === input.dutyKey);
    // Back to the default: no exception stored.
    ctx.repos.duties.setOverride(engagement.id, {
      assetType: input.assetType,
      dutyKey: input.dutyKey,
      applicable: input.applicable === !offByDefault ? null : input.applicable,
    });
    audit({
      entity: 'duty',
      entityId: engagement.id,
      label: `${duty.name} for ${input.assetType.replace(/_/g, ' ')} (${engagement.name})`,
      action: 'update',
      before: { applicable: before },
      after: { applicable: input.applicable },
    });
    return listDuties(ctx, engagement.id);
  });
}
