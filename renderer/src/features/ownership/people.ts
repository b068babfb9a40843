import { useProcedure } from '@renderer/api/queries';
import type { OptionGroup } from '@renderer/ui/fields';

/** The engagements a picker offers (active ones, by name), with the client each belongs to. */
export function useEngagements() {
  const list = useProcedure('engagements.list', { archived: 'active', sort: 'name', direction: 'asc' });
  return { rows: list.data?.rows ?? [], loading: list.isLoading, error: list.error };
}

/**
 * Who can be named on an engagement's duties: its specialists (allocated on it at some time: outside
 * their allocation the backend saves with a warning) and the client's contacts. Without an engagement
 * (a hand-over across all of them): every specialist, and the contacts of the client given.
 * Values are person keys (`specialist:<id>`, `contact:<id>`).
 */
export function usePeopleOptions(
  engagementId: string,
  clientId: string | undefined,
): { groups: OptionGroup<string>[]; names: Map<string, string> } {
  const allocations = useProcedure('allocations.list', { engagementId }, engagementId !== '');
  const contacts = useProcedure('contacts.list', { clientId: clientId ?? '' }, Boolean(clientId));
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const onEngagement = new Map<string, string>();
  for (const a of allocations.data?.rows ?? []) {
    if (a.status !== 'cancelled') onEngagement.set(`specialist:${a.specialistId}`, a.specialistName);
  }
  const team = [...onEngagement].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  const clientPeople = (contacts.data?.rows ?? []).map((c) => ({
    value: `contact:${c.id}`,
    label: c.title ? `${c.name}, ${c.title}` : c.name,
  }));
  // A specialist never allocated on the engagement is refused by the backend: only offered when no engagement is chosen.
  const others = engagementId ? [] : (specialists.data?.rows ?? []).map((s) => ({ value: `specialist:${s.id}`, label: s.fullName }));
  const names = new Map<string, string>();
  for (const s of specialists.data?.rows ?? []) names.set(`specialist:${s.id}`, s.fullName);
  for (const c of contacts.data?.rows ?? []) names.set(`contact:${c.id}`, c.name);
  for (const [k, v] of onEngagement) names.set(k, v);
  return {
    groups: [
      { label: 'Specialists on the engagement', options: team },
      { label: 'Client contacts', options: clientPeople },
      { label: 'Specialists', options: others },
    ],
    names,
  };
}
