import { useProcedure } from '@renderer/api/queries';
import type { PersonRef } from '@shared/portfolio/rules/policy';

/** A person in a select: "specialist:<id>" or "contact:<id>". */
export const personValue = (p: PersonRef | null): string => (p ? `${p.kind}:${p.id}` : '');

export function personOf(value: string): PersonRef | null {
  const [kind, id] = value.split(':');
  return (kind === 'specialist' || kind === 'contact') && id ? { kind, id } : null;
}

/** The people who can build or approve a version: the specialists and the model's client's contacts, grouped for a select. */
export function usePeople(clientId: string) {
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const contacts = useProcedure('contacts.list', { clientId });
  return [
    { label: 'Specialists', options: (specialists.data?.rows ?? []).map((s) => ({ value: `specialist:${s.id}`, label: s.fullName })) },
    { label: 'Client contacts', options: (contacts.data?.rows ?? []).map((c) => ({ value: `contact:${c.id}`, label: c.name })) },
  ];
}
