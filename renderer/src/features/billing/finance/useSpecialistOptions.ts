import { useProcedure } from '@renderer/api/queries';
import { ROLE_LABELS } from '@shared/clients/rules/reference';

/** Specialists for an override or a cap: those allocated to the engagement first. */
export function useSpecialistOptions(engagementId: string): { value: string; label: string }[] {
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const allocations = useProcedure('allocations.list', { engagementId });
  const onIt = new Set((allocations.data?.rows ?? []).filter((a) => a.status !== 'cancelled').map((a) => a.specialistId));
  return (specialists.data?.rows ?? [])
    .filter((s) => s.status !== 'left' || onIt.has(s.id))
    .sort((a, b) => Number(onIt.has(b.id)) - Number(onIt.has(a.id)) || a.fullName.localeCompare(b.fullName))
    .map((s) => ({ value: s.id, label: `${s.fullName} — ${ROLE_LABELS[s.role]}${onIt.has(s.id) ? ' · on this engagement' : ''}` }));
}
