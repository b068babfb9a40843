import type { AuditAction } from '@shared/kernel/audit';
import { labelOf } from '@shared/kernel/validate';
import { day, instant } from './dates';

// How the audit log's entries read, used by the audit screen and by every record page's history (so it sits in the kit).

/** The entities' labels are declared by the area owning each (its area.tsx) and composed by the registry. */
export { entityLabel } from '@renderer/app/routes';

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  cancel: 'Cancelled',
  delete: 'Deleted',
  import: 'Loaded',
  approve: 'Approved',
  reopen: 'Reopened',
  issue: 'Issued',
  fulfil: 'Fulfilled',
};

const IGNORED = new Set(['updatedAt', 'createdAt', 'id']);

/** `opaque`: the values are record ids, which say nothing to a person; the change is named, not shown. */
export type FieldChange = { field: string; from: string; to: string; opaque?: boolean };

/** The fields that differ between two snapshots, with readable labels and values. */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => !IGNORED.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({
      field: labelOf(k).toLowerCase(),
      from: show(before[k]),
      to: show(after[k]),
      opaque: isId(before[k]) || isId(after[k]),
    }));
}

/** "name “Acme” → “Acme AG”; notes changed" — values shown when short, otherwise just the field. */
export function describeChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const changes = fieldChanges(before, after);
  if (changes.length === 0) return 'no field changed';
  return changes
    .map((c) => (c.from.length <= 40 && c.to.length <= 40 && !c.opaque ? `${c.field} “${c.from}” → “${c.to}”` : `${c.field} changed`))
    .join('; ');
}

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isId = (value: unknown): boolean => typeof value === 'string' && ID_RE.test(value);

/** A value as the screens show it: dates as dates, instants with their time, yes or no, never a raw id. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && DATE_RE.test(value)) return day(value);
  if (typeof value === 'string' && INSTANT_RE.test(value)) return instant(value);
  if (isId(value)) return 'a record';
  return String(value);
}
