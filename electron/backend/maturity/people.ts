import type { Context } from '@backend/core/context';
import { DomainError, unknownReference } from '@shared/kernel/errors';
import type { PersonRef } from '@shared/portfolio/rules/policy';

/** The assessor is a specialist, or a contact of the assessed client. */
export function checkAssessor(ctx: Context, person: PersonRef, clientId: string): void {
  if (person.kind === 'specialist') {
    if (!ctx.repos.specialists.get(person.id)) throw unknownReference('Specialist', person.id, 'assessor.id');
    return;
  }
  const contact = ctx.repos.contacts.get(person.id);
  if (!contact) throw unknownReference('Contact', person.id, 'assessor.id');
  if (contact.clientId !== clientId) {
    throw new DomainError('invalid_input', `${contact.name} is a contact of another client.`, [
      { path: 'assessor.id', message: 'must be a specialist or a contact of the assessed client' },
    ]);
  }
}

/** Participants are the assessed client's contacts. */
export function checkParticipants(ctx: Context, ids: readonly string[], clientId: string): void {
  ids.forEach((id, i) => {
    const contact = ctx.repos.contacts.get(id);
    if (!contact) throw unknownReference('Contact', id, `participants.${i}`);
    if (contact.clientId !== clientId) {
      throw new DomainError('invalid_input', `${contact.name} is a contact of another client.`, [
        { path: `participants.${i}`, message: 'must be a contact of the assessed client' },
      ]);
    }
  });
}
