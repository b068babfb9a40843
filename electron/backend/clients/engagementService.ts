import { type ArchiveTarget, assertUnchanged, refuse, setArchived } from '@backend/core/archive';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { Engagement, EngagementDetail, EngagementFields } from '@shared/clients/contract/engagements';
import { archivedClientRefusal, archivedRecordRefusal, runningUnderArchivedClientRefusal } from '@shared/clients/rules/lifecycle';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';

type ValidEngagementFields = Required<EngagementFields>;

/** `existing` is the stored engagement when editing (already read by the caller), null when creating. */
function checkFields(ctx: Context, fields: ValidEngagementFields, existing: Engagement | null): void {
  const id = existing?.id ?? null;
  const client = ctx.repos.clients.get(fields.clientId);
  if (!client) {
    throw unknownReference('Client', fields.clientId, 'clientId');
  }
  // Moving an engagement is allowed, but never under an archived client; an engagement
  // that stays where it is can still be edited while its client is archived.
  if (!existing || existing.clientId !== fields.clientId) {
    const refusal = archivedClientRefusal(client, id ? 'move an engagement to it' : 'add an engagement');
    if (refusal) throw new DomainError('conflict', refusal, [{ path: 'clientId', message: 'is archived' }]);
  }
  const running = runningUnderArchivedClientRefusal(client, fields.status);
  if (running)
    throw new DomainError('conflict', running, [{ path: 'status', message: 'cannot be active or paused under an archived client' }]);
  const sameName = ctx.repos.engagements.findByClientAndName(fields.clientId, fields.name);
  if (sameName && sameName.id !== id) {
    throw new DomainError('conflict', `${client.name} already has an engagement named “${sameName.name}”.`, [
      { path: 'name', message: 'is already used by another engagement of this client' },
    ]);
  }
}

export function createEngagement(ctx: Context, fields: ValidEngagementFields): Engagement {
  return ctx.write((audit, at) => {
    checkFields(ctx, fields, null);
    const engagement: Engagement = { id: newId(), ...fields, archivedAt: null, createdAt: at, updatedAt: at };
    ctx.repos.engagements.insert(engagement);
    audit({ entity: 'engagement', entityId: engagement.id, label: engagement.name, action: 'create', before: null, after: engagement });
    return engagement;
  });
}

export function updateEngagement(
  ctx: Context,
  input: ValidEngagementFields & { id: string; expectedUpdatedAt?: string | undefined },
): Engagement {
  const { id, expectedUpdatedAt, ...fields } = input;
  return ctx.write((audit, at) => {
    const current = ctx.repos.engagements.get(id);
    if (!current) throw notFound('Engagement', id);
    const { clientName: _clientName, ...before } = current;
    assertUnchanged(before, expectedUpdatedAt, before.name);
    refuse(archivedRecordRefusal(before.name, before.archivedAt));
    checkFields(ctx, fields, before);
    const after: Engagement = { ...before, ...fields, updatedAt: at };
    ctx.emit('clients.engagementUpdating', { before, after });
    ctx.repos.engagements.update(after);
    audit({ entity: 'engagement', entityId: id, label: after.name, action: 'update', before, after });
    return after;
  });
}

function engagementArchiveTarget(ctx: Context): ArchiveTarget<Engagement> {
  return {
    entity: 'engagement',
    noun: 'Engagement',
    get: (id) => {
      const e = ctx.repos.engagements.get(id);
      if (!e) return null;
      const { clientName: _clientName, ...engagement } = e;
      return engagement;
    },
    update: (e) => ctx.repos.engagements.update(e),
    label: (e) => e.name,
    check(engagement, archive) {
      if (archive) return;
      const client = ctx.repos.clients.get(engagement.clientId);
      const refusal = client ? archivedClientRefusal(client, `restore “${engagement.name}”`) : null;
      if (refusal) throw new DomainError('conflict', refusal);
    },
  };
}

export const archiveEngagement = (ctx: Context, id: string) => setArchived(ctx, engagementArchiveTarget(ctx), id, true);
export const restoreEngagement = (ctx: Context, id: string) => setArchived(ctx, engagementArchiveTarget(ctx), id, false);

export function getEngagement(ctx: Context, id: string): EngagementDetail {
  const engagement = ctx.repos.engagements.get(id);
  if (!engagement) throw notFound('Engagement', id);
  return engagement;
}
