import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';

type ArchiveProcedures =
  | ['clients.archive', 'clients.restore']
  | ['engagements.archive', 'engagements.restore']
  | ['specialists.archive', 'specialists.restore'];

/** Archive with an Undo in the toast, and restore — the same for every archivable area. */
export function useArchive([archiveName, restoreName]: ArchiveProcedures) {
  const archive = useCommand(archiveName);
  const restore = useCommand(restoreName);
  const toast = useToasts((s) => s.show);

  const doRestore = (id: string, label: string) =>
    restore.mutate(
      { id },
      {
        onSuccess: () => toast({ tone: 'info', message: `Restored ${label}.` }),
        onError: (e) => toast({ tone: 'error', message: e.message }),
      },
    );

  const doArchive = (id: string, label: string) =>
    archive.mutate(
      { id },
      {
        onSuccess: () => toast({ tone: 'info', message: `Archived ${label}.`, action: { label: 'Undo', run: () => doRestore(id, label) } }),
        onError: (e) => toast({ tone: 'error', message: e.message }),
      },
    );

  return { archive: doArchive, restore: doRestore, busy: archive.isPending || restore.isPending };
}
