import { assertUnchanged, refuse } from '@backend/core/archive';
import type { Context } from '@backend/core/context';
import { newId } from '@backend/core/ids';
import { archivedRecordRefusal } from '@shared/clients/rules/lifecycle';
import { DomainError, notFound, unknownReference } from '@shared/kernel/errors';
import type { ClientContact } from '@shared/portfolio/contract/contacts';

type ContactValues = { name: string; title: string; email: string; phone: string; notes: string };

function refuseDuplicate(ctx: Context, clientId: string, clientName: string, name: string, id: string | null): void {
  const same = ctx.repos.contacts.findByName(clientId, name);
  if (same && same.id !== id) {
    throw new DomainError('conflict', `${clientName} already has a contact named “${same.name}”.`, [
      { path: 'name', message: 'is already used by another contact at this client' },
    ]);
  }
}

export function listContacts(ctx: Context, clientId: string): ClientContact[] {
  if (!ctx.repos.clients.get(clientId)) throw unknownReference('Client', clientId, 'clientId');
  return ctx.repos.contacts.ofClient(clientId);
}

export function createContact(ctx: Context, input: ContactValues & { clientId: string }): ClientContact {
  return ctx.write((audit, at) => {
    const client = ctx.repos.clients.get(input.clientId);
    if (!client) throw unknownReference('Client', input.clientId, 'clientId');
    refuse(archivedRecordRefusal(client.name, client.archivedAt));
    refuseDuplicate(ctx, client.id, client.name, input.name, null);
    const contact: ClientContact = { id: newId(), ...input, archivedAt: null, createdAt: at, updatedAt: at };
    ctx.repos.contacts.insert(contact);
    // Filed under the client: a contact's changes read in the client's history.
    audit({
      entity: 'client_contact',
      entityId: client.id,
      label: `${contact.name} (${client.name})`,
      action: 'create',
      before: null,
      after: contact,
    });
    return contact;
  });
}

export function updateContact(ctx: Context, input: ContactValues & { id: string; expectedUpdatedAt?: string | undefined }): ClientContact {
  const { id, expectedUpdatedAt, ...values } = input;
  return ctx.write((audit, at) => {
    const before = ctx.repos.contacts.get(id);
    if (!before) throw notFound('Contact', id);
    assertUnchanged(before, expectedUpdatedAt, before.name);
    const client = ctx.repos.clients.get(before.clientId);
    if (!client) throw notFound('Client', before.clientId);
    refuse(archivedRecordRefusal(client.name, client.archivedAt));
    refuseDuplicate(ctx, client.id, client.name, values.name, id);
    const after: ClientContact = { ...before, ...values, updatedAt: at };
    ctx.repos.contacts.update(after);
    audit({ entity: 'client_contact', entityId: client.id, label: `${after.name} (${client.name})`, action: 'update', before, after });
    return after;
  });
}

/** Archives a contact who left the client, or brings them back; their history and assignments stay. */
export function archiveContact(ctx: Context, id: string, archived: boolean): ClientContact {
  return ctx.write((audit, at) => {
    const before = ctx.repos.contacts.get(id);
    if (!before) throw notFound('Contact', id);
    if ((before.archivedAt !== null) === archived) return before;
    const after: ClientContact = { ...before, archivedAt: archived ? at : null, updatedAt: at };
    ctx.repos.contacts.setArchived(id, after.archivedAt, at);
    audit({
      entity: 'client_contact',
      entityId: before.clientId,
      label: before.name,
      action: archived ? 'archive' : 'restore',
      before,
      after,
    });
    return after;
  });
}
