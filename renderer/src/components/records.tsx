import { Drawer } from '@renderer/ui/Drawer';
import type { ReactNode } from 'react';
import { instantDay } from './dates';

/** A drawer for one record: shows the load error or a loading line until the record is there. */
export function RecordDrawer<T>({
  noun,
  query,
  onClose,
  children,
}: {
  noun: string;
  query: { data: T | undefined; error: { message: string } | null };
  onClose(): void;
  children(record: T): { title: string; body: ReactNode };
}) {
  if (query.error) {
    return (
      <Drawer title={noun} onClose={onClose}>
        <p className="form__error">{query.error.message}</p>
      </Drawer>
    );
  }
  if (query.data === undefined) {
    return (
      <Drawer title={noun} onClose={onClose}>
        <p>Loading…</p>
      </Drawer>
    );
  }
  const { title, body } = children(query.data);
  return (
    <Drawer title={title} onClose={onClose}>
      {body}
    </Drawer>
  );
}

/** The Archive / Restore button at the end of a list row. */
export function ArchiveCell({
  archived,
  busy,
  onArchive,
  onRestore,
}: {
  archived: boolean;
  busy: boolean;
  onArchive(): void;
  onRestore(): void;
}) {
  return (
    <td className="row-actions">
      <ArchiveButton archived={archived} busy={busy} onArchive={onArchive} onRestore={onRestore} />
    </td>
  );
}

/** The Archive / Restore button of a list row (a DataTable action column); the click stays off the row. */
export function ArchiveButton({
  archived,
  busy,
  onArchive,
  onRestore,
}: {
  archived: boolean;
  busy: boolean;
  onArchive(): void;
  onRestore(): void;
}) {
  return (
    <button
      type="button"
      className="button button--small"
      disabled={busy}
      onClick={(e) => {
        e.stopPropagation();
        archived ? onRestore() : onArchive();
      }}
    >
      {archived ? 'Restore' : 'Archive'}
    </button>
  );
}

/** Shown on an archived record: it is read-only until restored, and Restore is right here. */
export function ArchivedNotice({ archivedAt, busy, onRestore }: { archivedAt: string; busy: boolean; onRestore(): void }) {
  return (
    <div className="notice notice--row">
      <span>Archived on {formatDay(archivedAt)}. Restore it to change it.</span>
      <button type="button" className="button button--small" disabled={busy} onClick={onRestore}>
        Restore
      </button>
    </div>
  );
}

function formatDay(iso: string): string {
  return instantDay(iso);
}
