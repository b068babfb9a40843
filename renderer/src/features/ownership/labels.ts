import type { StatusTone } from '@renderer/ui/Badge';
import type { Severity } from '@shared/kernel/severity';
import type { FindingCounts } from '@shared/ownership/contract/matrix';
import type { FindingCode, PersonRef, Role } from '@shared/ownership/rules/vocabulary';

/** Severities on the one status scale: an error is critical, a warning asks for attention, a notice informs. */
export const SEVERITY_TONE: Record<Severity, StatusTone> = { error: 'critical', warning: 'attention', info: 'info' };

/** "1 model", "3 models". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 errors · 3 warnings · 1 notice". */
export function countsWords(counts: FindingCounts): string {
  return [
    plural(counts.error, 'error', 'errors'),
    plural(counts.warning, 'warning', 'warnings'),
    plural(counts.info, 'notice', 'notices'),
  ].join(' · ');
}

/**
 * The role an "Assign…" from a finding starts with: what the finding says is missing or about to go
 * (a duty without its Accountable, a Backup missing or the same person as the Accountable).
 */
export const FIX_ROLE: Record<FindingCode, Role> = {
  no_accountable: 'accountable',
  several_accountable: 'accountable',
  accountable_off_engagement: 'accountable',
  roll_off: 'accountable',
  overloaded_accountable: 'accountable',
  contact_archived: 'accountable',
  not_allocated: 'accountable',
  no_responsible: 'responsible',
  no_backup: 'backup',
  backup_is_accountable: 'backup',
  backup_off_engagement: 'backup',
  only_person: 'backup',
  bus_factor_one: 'backup',
  absence_gap: 'backup',
};

/** A person as a select's value: "specialist:<id>" or "contact:<id>". */
export const personValue = (p: PersonRef | null): string => (p ? `${p.kind}:${p.id}` : '');

export function personOf(value: string): PersonRef | null {
  const [kind, id] = value.split(':');
  return (kind === 'specialist' || kind === 'contact') && id ? { kind, id } : null;
}
