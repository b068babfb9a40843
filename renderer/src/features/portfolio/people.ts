import type { PersonRef } from '@shared/portfolio/rules/policy';

/** A person in a select: "specialist:<id>" or "contact:<id>". */
export const personValue = (p: PersonRef | null): string => (p ? `${p.kind}:${p.id}` : '');

export function personOf(value: string): PersonRef | null {
  const [kind, id] = value.split(':');
  return (kind === 'specialist' || kind === 'contact') && id ? { kind, id } : null;
}
