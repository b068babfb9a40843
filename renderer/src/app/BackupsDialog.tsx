import { useCommand, useProcedure } from '@renderer/api/queries';
import { instant } from '@renderer/components/dates';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import type { BackupFile } from '@shared/kernel/backups';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useToasts } from './stores';
import './backups.css';

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
const when = (iso: string) => instant(iso);

/**
 * Restore from a backup: pick one from the backups folder, let Keel check it
 * (integrity, schema version, what it holds), then confirm. Keel keeps a
 * verified copy of the current data before it swaps, and says where.
 */
export function BackupsDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const list = useProcedure('backups.list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const facts = useProcedure('backups.inspect', { name: chosen ?? '' }, chosen !== null);
  const restore = useCommand('backups.restore');
  const toast = useToasts((s) => s.show);

  useEffect(() => {
    // Not a native modal <dialog>: its top layer would hide and disable the confirmation asked from inside it.
    const opener = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  async function restoreChosen() {
    if (!chosen || !facts.data) return;
    const yes = await askConfirm({
      title: `Replace Keel's data with ${chosen}?`,
      message: `Everything changed since ${facts.data.lastChangeAt ? when(facts.data.lastChangeAt) : 'that backup'} is replaced. Keel first keeps a checked copy of the data as it is now in the backups folder, so this can be undone by restoring that copy.`,
      confirmLabel: 'Restore this backup',
      tone: 'danger',
    });
    if (!yes) return;
    restore.mutate(
      { name: chosen },
      {
        onSuccess: (r) => {
          toast({
            tone: 'info',
            message: `Restored ${r.restored.name}. The data as it was is kept as ${r.previousCopy.split(/[\\/]/).at(-1)}.`,
          });
          onClose();
        },
        onError: (e) => toast({ tone: 'error', message: e.message }),
      },
    );
  }

  return (
    <div className="ui-overlay">
      <div
        ref={dialog}
        className="ui-dialog backups"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab') keepFocusInside(e, dialog.current);
        }}
      >
        <h2 className="ui-dialog__title" id={titleId}>
          Restore from a backup
        </h2>
        {list.error && <p className="backups__error">{list.error.message}</p>}
        {list.data?.length === 0 && <p>There are no backups yet. “Back up now” writes one into the backups folder beside Keel's data.</p>}
        {list.data && list.data.length > 0 && (
          <fieldset className="backups__list">
            <legend>Backups in Keel's backups folder, newest first</legend>
            {list.data.map((file) => (
              <BackupChoice key={file.name} file={file} checked={chosen === file.name} onChoose={() => setChosen(file.name)} />
            ))}
          </fieldset>
        )}
        <section className="backups__facts" aria-live="polite">
          {chosen && facts.isFetching && <p>Checking {chosen}…</p>}
          {chosen && facts.error && <p className="backups__error">{facts.error.message}</p>}
          {chosen && facts.data && !facts.isFetching && (
            <>
              <p>
                <strong>{facts.data.name}</strong> passed Keel's checks
                {facts.data.lastChangeAt ? `; its last change was on ${when(facts.data.lastChangeAt)}` : ''}.
                {facts.data.schemaVersion < facts.data.currentSchemaVersion &&
                  ' It comes from an older version of Keel and is upgraded as it is restored.'}
              </p>
              <ul className="backups__holds">
                {facts.data.holds.map((h) => (
                  <li key={h.label}>
                    <span className="backups__count">{h.count.toLocaleString()}</span> {h.label}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <div className="ui-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="button ui-button--danger"
            disabled={!facts.data || facts.isFetching || restore.isPending}
            onClick={() => void restoreChosen()}
          >
            {restore.isPending ? 'Restoring…' : 'Restore this backup…'}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Tab and Shift+Tab cycle inside the dialog, as in any modal. */
function keepFocusInside(e: KeyboardEvent<HTMLDivElement>, container: HTMLElement | null) {
  if (!container) return;
  const focusable = [...container.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled])')];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (e.shiftKey && (document.activeElement === first || document.activeElement === container)) {
    e.preventDefault();
    last?.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first?.focus();
  }
}

function BackupChoice({ file, checked, onChoose }: { file: BackupFile; checked: boolean; onChoose(): void }) {
  return (
    <label className="backups__choice">
      <input type="radio" name="backup" checked={checked} onChange={onChoose} />
      <span className="backups__name">{file.name}</span>
      <span className="backups__meta">
        {file.kind === 'backup' ? '' : `${file.kind} · `}
        {when(file.modifiedAt)} · {size(file.bytes)}
      </span>
    </label>
  );
}
