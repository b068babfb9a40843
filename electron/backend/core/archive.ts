import type { AuditedEntity } from '@shared/entities';
import { DomainError, notFound } from '@shared/kernel/errors';
import type { Context } from './context';

type Archivable = { id: string; archivedAt: string | null; updatedAt: string };

export type ArchiveTarget<T extends Archivable> = {
  entity: AuditedEntity;
  noun: string;
  get(id: string): T | null;
  update(record: T): void;
  label(record: T): string;
  /** Extra refusal rules, e.g. "restore the client first". Throw a DomainError to refuse. */
  check?(record: T, archive: boolean): void;
};

/** Archive or restore one record: nothing is deleted, every change is audited. */
export function setArchived<T extends Archivable>(ctx: Context, target: ArchiveTarget<T>, id: string, archive: boolean): T {
  return ctx.write((audit, at) => {
    const before = target.get(id);
    if (!before) throw notFound(target.noun, id);
    if (archive && before.archivedAt) throw new DomainError('conflict', `${target.label(before)} is already archived.`);
    if (!archive && !before.archivedAt) throw new DomainError('conflict', `${target.label(before)} is not archived.`);
    target.check?.(before, archive);
    const after = { ...before, archivedAt: archive ? at : null, updatedAt: at };
    target.update(after);
    audit({
      entity: target.entity,
      entityId: id,
      label: target.label(after),
      action: archive ? 'archive' : 'restore',
      before,
      after,
    });
    return after;
  });
}

/** Refuses to overwrite a change the editor has not seen. */
export function assertUnchanged(current: { updatedAt: string }, expected: string | undefined, label: string): void {
  if (expected !== undefined && expected !== current.updatedAt) {
    throw new DomainError('conflict', `${label} was changed by someone else since you opened it. Reload it, then apply your change again.`);
  }
}

/** Throws a conflict when a domain rule returned a refusal sentence. */
export function refuse(refusal: string | null): void {
  if (refusal) throw new DomainError('conflict', refusal);
}
