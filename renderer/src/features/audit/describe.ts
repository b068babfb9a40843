import type { AuditAction, AuditedEntity } from '../../../../shared/contract';
import { labelOf } from '../../../../shared/contract/validate';

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  import: 'Loaded',
};

export const ENTITY_LABELS: Record<AuditedEntity, string> = {
  client: 'Client',
  engagement: 'Engagement',
  specialist: 'Specialist',
  dataset: 'Dataset',
};

const IGNORED = new Set(['updatedAt', 'createdAt', 'id']);

/** Names of the fields that differ between two snapshots, as readable labels. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !IGNORED.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k])).map(labelOf);
}
