import { type ArchiveTarget, assertUnchanged, refuse, setArchived } from '@backend/core/archive';
import { isKnownCalendar } from '@backend/core/calendars';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import type { Client, ClientFields } from '@shared/clients/contract/clients';
import { archivedRecordRefusal, clientArchiveRefusal } from '@shared/clients/rules/lifecycle';
import { DomainError, notFound } from '@shared/kernel/errors';

type ValidClientFields = Required<ClientFields>;

function checkFields(ctx: Context, fields: ValidClientFields, id: string | null): void {
  if (!isKnownCalendar(fields.holidayCalendar)) {
    throw new DomainError('invalid_input', `Holiday calendar ${fields.holidayCalendar} is not one Keel knows.`, [
      { path: 'holidayCalendar', message: 'is not a known country or region calendar' },
    ]);
  }
  const sameName = ctx.repos.clients.findByName(fields.name);
  if (sameName && sameName.id !== id) {
    throw new DomainError('conflict', `A client named “${sameName.name}” already exists${sameName.archivedAt ? ' (archived)' : ''}.`, [
      { path: 'name', message: 'is already used by another client' },
    ]);
  }
}

export function createClient(ctx: Context, fields: ValidClientFields): Client {
  return ctx.write((audit, at) => {
    checkFields(ctx, fields, null);
    const client: Client = { id: newId(), ...fields, archivedAt: null, createdAt: at, updatedAt: at };
    ctx.repos.clients.insert(client);
    audit({ entity: 'client', entityId: client.id, label: client.name, action: 'create', before: null, after: client });
    return client;
  });
}

export function updateClient(ctx: Context, input: ValidClientFields & { id: string; expectedUpdatedAt?: string | undefined }): Client {
  const { id, expectedUpdatedAt, ...fields } = input;
  return ctx.write((audit, at) => {
    const before = ctx.repos.clients.get(id);
    if (!before) throw notFound('Client', id);
    assertUnchanged(before, expectedUpdatedAt, before.name);
    refuse(archivedRecordRefusal(before.name, before.archivedAt));
    checkFields(ctx, fields, id);
    const after: Client = { ...before, ...fields, updatedAt: at };
    ctx.repos.clients.update(after);
    audit({ entity: 'client', entityId: id, label: after.name, action: 'update', before, after });
    return after;
  });
}

export function clientArchiveTarget(ctx: Context): ArchiveTarget<Client> {
  return {
    entity: 'client',
    noun: 'Client',
    get: (id) => ctx.repos.clients.get(id),
    update: (c) => ctx.repos.clients.update(c),
    label: (c) => c.name,
    check(client, archive) {
      if (!archive) return;
      const engagements = ctx.repos.engagements.list({ archived: 'active', clientId: client.id, sort: 'name', direction: 'asc' });
      const refusal = clientArchiveRefusal(client.name, engagements);
      if (refusal) throw new DomainError('conflict', refusal);
    },
  };
}

export const archiveClient = (ctx: Context, id: string) => setArchived(ctx, clientArchiveTarget(ctx), id, true);
export const restoreClient = (ctx: Context, id: string) => setArchived(ctx, clientArchiveTarget(ctx), id, false);

export function getClient(ctx: Context, id: string): Client {
  const client = ctx.repos.clients.get(id);
  if (!client) throw notFound('Client', id);
  return client;
}
